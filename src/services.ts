import type * as vscode from 'vscode';
import type { AzureClients } from './auth/azureClients';
import type { AzureSession } from './auth/azureSession';
import type { SecretClipboard } from './clipboard/secretClipboard';
import type { ExpiryDecorations } from './decorations/expiryDecorations';
import type { KeyVaultDocuments } from './documents/documents';
import type { Settings } from './settings';
import type { AttachedVaults } from './state/attachedVaults';
import type { TreeNode } from './tree/TreeNode';
import type { VaultTreeDataProvider } from './tree/VaultTreeDataProvider';
import type { Ui } from './ui';

/** Everything a command or node needs, built once in `activate` and handed down (no module-level state). */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Prompts; the e2e suite swaps in scripted answers through the extension's API. */
  ui: Ui;
  readonly settings: Settings;
  readonly session: AzureSession;
  readonly clients: AzureClients;
  readonly attachedVaults: AttachedVaults;
  readonly tree: VaultTreeDataProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** `keyvault:` documents (values, details) held in memory only. */
  readonly documents: KeyVaultDocuments;
  /** Copies secret values and clears them from the clipboard again. */
  readonly clipboard: SecretClipboard;
  /** Expiry decorations of the vaults view (expired, expiring, disabled, not yet active; rolled up). */
  readonly decorations: ExpiryDecorations;
}
