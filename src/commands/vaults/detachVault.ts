import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';
import { VaultNode } from '../tree/VaultNode';
import { UserCancelled } from './wrapper';

/** Removes attached vaults from the view (the vaults themselves are untouched). */
export async function detachVault(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<void> {
  const selected = (nodes?.length ? nodes : node ? [node] : []).filter((n): n is VaultNode => n instanceof VaultNode && n.id.startsWith('attached/'));
  let urls = selected.map((n) => n.vault.vaultUrl);
  if (urls.length === 0) {
    const picked = await services.ui.showQuickPick(
      services.attachedVaults.list().map((vault) => ({ label: vault.name, description: vault.url, url: vault.url })),
      { title: vscode.l10n.t('Detach a vault'), placeHolder: vscode.l10n.t('Vault to remove from the view') },
    );
    if (!picked) throw new UserCancelled();
    urls = [picked.url];
  }
  for (const url of urls) await services.attachedVaults.remove(url);
  services.tree.refreshAttached();
}
