import type * as vscode from 'vscode';
import type { AzureClients } from './auth/azureClients';
import type { AzureSession } from './auth/azureSession';
import type { AttachedVaults } from './platform/attachedVaults';
import type { WorkspaceReferences } from './platform/workspaceReferences';
import type { KeyVaultDocuments } from './platform/documents/documents';
import type { Operations } from './platform/operations';
import type { SecretClipboard } from './platform/secretClipboard';
import type { Settings } from './platform/settings';
import type { Ui } from './platform/ui';
import type { ExpiryDecorations } from './presentation/expiryDecorations';
import type { VaultView } from './tree/VaultView';
import type { VaultAccessChecks } from './platform/vaultAccess';

/**
 * Everything a command or editor feature needs, built once in `activate` (src/extension.ts, the composition root)
 * and handed down: no module-level state, nothing here can be swapped after activation.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Every prompt (the e2e suite scripts the answers through the test-only entry, src/testApi.ts). */
  readonly ui: Ui;
  readonly settings: Settings;
  readonly session: AzureSession;
  readonly clients: AzureClients;
  readonly attachedVaults: AttachedVaults;
  /** The vaults view: refresh and reveal by target (commands never see tree nodes). */
  readonly view: VaultView;
  /** `keyvault:` documents (values, details) held in memory only. */
  readonly documents: KeyVaultDocuments;
  /** Copies secret values and clears them from the clipboard again. */
  readonly clipboard: SecretClipboard;
  /** Expiry decorations of the vaults view (expired, expiring, disabled, not yet active; rolled up). */
  readonly decorations: ExpiryDecorations;
  /**
   * What runs now: every command and save is one operation (its abort signal, the objects it writes, its
   * progress); a sign-out stops them all. `operations.current()` is the caller's own.
   */
  readonly operations: Operations;
  /** The workspace index of Key Vault references (where an object is used: Find References, usage, impact, rename). */
  readonly workspaceReferences: WorkspaceReferences;
  /** What the user may do in each vault (ARM's permissions, role assignments or access policies; the firewall). */
  readonly access: VaultAccessChecks;
}
