// Shared by the secret commands: what a command acts on, tree refresh and reveal (over ../items/common).
import type { Services } from '../../services';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../model/targets';
import { VersionNode } from '../../tree/VersionNode';
import { refreshGroup, revealItem } from '../items/common';
import { resolveItem, type ItemTarget } from '../targets';

/** The secret of the node (item, version or deleted item), or one picked from the palette. */
export function resolveSecret(services: Services, node?: TreeNode): Promise<ItemTarget> {
  return resolveItem(services, 'secret', node);
}

/** After a secret was added or changed: re-list the vault's secrets (one request when the group is shown). */
export function refreshSecrets(services: Services, vault: VaultTarget, from?: TreeNode): Promise<void> {
  return refreshGroup(services, vault, 'secret', from);
}

/** After only one version's attributes changed: refresh the item (its versions) and its group's row. */
export async function refreshAfterUpdate(services: Services, target: ItemTarget): Promise<void> {
  const node = target.node;
  if (node instanceof VersionNode) {
    services.tree.refresh(node.parent);
    services.tree.refresh(node.parent.group);
  } else if (node instanceof ItemNode) {
    services.tree.refresh(node.group);
  } else {
    await refreshSecrets(services, target.vault, node);
  }
}

/** Reveals a secret's row (when the vault is in the tree); best effort. */
export function revealSecret(services: Services, vault: VaultTarget, name: string): Promise<ItemNode | undefined> {
  return revealItem(services, vault, 'secret', name);
}
