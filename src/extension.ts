import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AzureClients } from './auth/azureClients';
import { AzureSession } from './auth/azureSession';
import { SecretClipboard } from './clipboard/secretClipboard';
import { registerFeatures } from './commands/registerCommands';
import { ReferenceDragController } from './editor/dragAndDrop';
import { ExpiryDecorations } from './decorations/expiryDecorations';
import { KeyVaultDocuments } from './documents/documents';
import type { Services } from './services';
import { Settings } from './settings';
import { AttachedVaults } from './state/attachedVaults';
import { VaultTreeDataProvider } from './tree/VaultTreeDataProvider';
import { vscodeUi } from './ui';

/** What the extension returns from `activate`: the e2e suite reaches the services through it. */
export interface ExtensionApi {
  readonly services: Services;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Azure Key Vault', { log: true });
  const session = new AzureSession(log);
  const clients = new AzureClients(session);
  const attachedVaults = new AttachedVaults(context.globalState);
  const settings = new Settings();
  const tree = new VaultTreeDataProvider(
    { session, clients, log, now: () => Date.now(), pageSize: () => settings.pageSize(), expiryWarningDays: () => settings.expiryWarningDays() },
    attachedVaults,
    settings,
  );
  const treeView = vscode.window.createTreeView('azureKeyVault.vaults', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new ReferenceDragController(),
  });
  tree.onAccount = (label) => {
    treeView.description = label;
    void vscode.commands.executeCommand('setContext', 'azureKeyVault.signedIn', label !== undefined);
  };
  const documents = new KeyVaultDocuments(log);
  const clipboard = new SecretClipboard(vscode.env.clipboard, () => settings.clipboardClearSeconds(), log);
  const decorations = new ExpiryDecorations(() => settings.expiryWarningDays());
  const services: Services = { context, log, ui: vscodeUi, settings, session, clients, attachedVaults, tree, treeView, documents, clipboard, decorations };
  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    documents,
    decorations,
    { dispose: () => void clipboard.dispose() },
    session.onDidChange(() => {
      clients.reset();
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['azureKeyVault.subscriptions', 'azureKeyVault.pageSize', 'azureKeyVault.expiryWarningDays'].some((s) => e.affectsConfiguration(s))) tree.refresh();
    }),
    ...registerFeatures(services),
  );
  log.info('activated');
  return { services };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
