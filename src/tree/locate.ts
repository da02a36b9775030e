// Finds the live node of a vault or an item in the tree (walking the provider's cached nodes and loading more
// pages when needed), so commands can reveal what they created, recovered or found.
import type { ObjectKind } from '../azure/model';
import { AttachedVaultsNode } from './AttachedVaultsNode';
import { ItemGroupNode } from './ItemGroupNode';
import { ItemNode } from './ItemNode';
import { SubscriptionNode } from './SubscriptionNode';
import { TenantNode } from './TenantNode';
import type { TreeNode } from './TreeNode';
import type { VaultTarget } from '../model/targets';
import { VaultNode } from './VaultNode';
import type { VaultTreeDataProvider } from './VaultTreeDataProvider';

async function childrenOf(tree: VaultTreeDataProvider, node?: TreeNode): Promise<TreeNode[]> {
  return tree.getChildren(node);
}

/** The vault's node: under its subscription (ARM vaults) or under "Attached Vaults". */
export async function locateVault(tree: VaultTreeDataProvider, vault: VaultTarget): Promise<VaultNode | undefined> {
  const queue: TreeNode[] = await childrenOf(tree);
  while (queue.length) {
    const node = queue.shift()!;
    if (node instanceof VaultNode && node.vault.vaultUrl === vault.vaultUrl) return node;
    const descend =
      (node instanceof TenantNode && (!vault.info || node.tenant.tenantId === vault.info.tenantId)) ||
      (node instanceof SubscriptionNode && vault.info?.subscriptionId === node.subscription.subscriptionId) ||
      (node instanceof AttachedVaultsNode && !vault.info);
    if (descend) queue.push(...(await childrenOf(tree, node)));
  }
  return undefined;
}

/** The item's node under its vault's group, loading further pages until it shows (or the listing ends). */
export async function locateItem(tree: VaultTreeDataProvider, vault: VaultTarget, kind: ObjectKind, name: string): Promise<ItemNode | undefined> {
  const vaultNode = await locateVault(tree, vault);
  if (!vaultNode) return undefined;
  const group = (await vaultNode.getChildren()).find((g): g is ItemGroupNode => g instanceof ItemGroupNode && g.kind === kind);
  if (!group) return undefined;
  const wanted = name.toLowerCase();
  for (;;) {
    const found = (await tree.rowsOf(group)).find((n): n is ItemNode => n instanceof ItemNode && n.name.toLowerCase() === wanted);
    if (found || !group.hasMore) return found;
    await group.load();
  }
}
