import type { Services } from '../services';
import { AttachedVaultNode } from '../tree/AttachedVaultNode';
import type { TreeNode } from '../tree/TreeNode';
import { UserCancelled } from './wrapper';

/** Removes attached vaults from the view (the vaults themselves are untouched). */
export async function detachVault(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<void> {
  const selected = (nodes?.length ? nodes : node ? [node] : []).filter((n): n is AttachedVaultNode => n instanceof AttachedVaultNode);
  let targets = selected.map((n) => n.vault);
  if (targets.length === 0) {
    const picked = await services.ui.showQuickPick(
      services.attachedVaults.list().map((vault) => ({ label: vault.name, description: vault.url, vault })),
      { title: 'Detach vaults', canPickMany: false, placeHolder: 'Vault to remove from the view' },
    );
    if (!picked) throw new UserCancelled();
    targets = [picked.vault];
  }
  for (const vault of targets) await services.attachedVaults.remove(vault.url);
  services.tree.refresh();
}
