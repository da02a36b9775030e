import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './services';
import { AttachedVaults } from './state/attachedVaults';
import { VaultTreeDataProvider } from './tree/VaultTreeDataProvider';
import { vscodeUi } from './ui';

/** What the extension returns from `activate`: the e2e suite reaches the services through it. */
export interface ExtensionApi {
  readonly services: Services;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('Azure Key Vault', { log: true });
  const attachedVaults = new AttachedVaults(context.globalState);
  const tree = new VaultTreeDataProvider(attachedVaults);
  const treeView = vscode.window.createTreeView('azureKeyVault.vaults', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const services: Services = { context, log, ui: vscodeUi, attachedVaults, tree, treeView };
  context.subscriptions.push(log, tree, treeView, ...registerCommands(services));
  log.info('activated');
  return { services };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
