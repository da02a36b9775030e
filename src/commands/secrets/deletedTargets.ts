import type { DeletedItemProperties } from '../../azure/model';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import { selectedDeleted, vaultClients } from './common';
import { secretFailure } from './errors';

export interface DeletedTarget {
  readonly vault: VaultTarget;
  readonly item: DeletedItemProperties;
  readonly node?: TreeNode;
}

/** The deleted secrets selected in the tree, or one picked (vault, then its deleted secrets) from the palette. */
export async function resolveDeleted(services: Services, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined, verb: string): Promise<DeletedTarget[]> {
  const selected = selectedDeleted(node, nodes);
  if (selected.length) return selected.map((n) => ({ vault: n.parent.deletedGroup.vaultNode.vault, item: n.item, node: n }));
  const { vault } = await resolveVault(services, node, `${verb}: choose the vault`);
  const items = listDeleted(services, vault).then((deleted) =>
    deleted.map((item) => ({
      label: item.name,
      description: [item.deletedOn ? `deleted ${item.deletedOn.toISOString().slice(0, 10)}` : undefined, item.scheduledPurgeDate ? `purged ${item.scheduledPurgeDate.toISOString().slice(0, 10)}` : undefined].filter(Boolean).join(' · '),
      item,
    })),
  );
  const picked = await services.ui.showQuickPick(items, { title: `${verb}: choose a deleted secret in ${vault.name}`, placeHolder: 'Type to search deleted secrets by name' });
  if (!picked) throw new UserCancelled();
  return [{ vault, item: picked.item }];
}

async function listDeleted(services: Services, vault: VaultTarget): Promise<DeletedItemProperties[]> {
  const vaults = await vaultClients(services);
  const all: DeletedItemProperties[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await vaults.listDeleted(vault.vaultUrl, 'secret', { continuationToken: token, pageSize: 25 });
      all.push(...page.items);
      token = page.continuationToken;
    } while (token);
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault });
  }
  if (all.length === 0) throw new Error(`${vault.name} has no deleted secrets.`);
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
