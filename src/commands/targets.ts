// What a command acts on: from the tree node it was invoked on, or — from the command palette — picked with
// quick picks (vault, then item). Shared by every feature area.
import * as vscode from 'vscode';
import type { ObjectKind, SubscriptionInfo } from '../azure/model';
import type { Services } from '../services';
import { DeletedItemNode } from '../tree/DeletedGroupNode';
import { ItemGroupNode } from '../tree/ItemGroupNode';
import { ItemNode } from '../tree/ItemNode';
import { kindName, kindNames } from '../tree/kindWords';
import type { TreeNode } from '../tree/TreeNode';
import { VaultNode, type VaultTarget } from '../tree/VaultNode';
import { VersionNode } from '../tree/VersionNode';
import { UserCancelled } from './wrapper';

export interface ItemTarget {
  readonly vault: VaultTarget;
  readonly kind: ObjectKind;
  readonly name: string;
  /** Set when the command was invoked on a version. */
  readonly version?: string;
  /** The tree node it came from, to refresh or reveal. */
  readonly node?: TreeNode;
}

/** The vault a node belongs to (vault, group, item, version, deleted item), or undefined. */
export function vaultOf(node: TreeNode | undefined): VaultNode | undefined {
  for (let n = node; n; n = n.parent) if (n instanceof VaultNode) return n;
  return undefined;
}

/** Every vault the user can see: attached ones, then ARM's (subscription listings in parallel). */
export async function listAllVaults(services: Services): Promise<VaultTarget[]> {
  const vaults: VaultTarget[] = services.attachedVaults.list().map((v) => ({ name: v.name, vaultUrl: v.url }));
  if (!(await services.session.account())) return vaults;
  const { arm } = await services.clients.get();
  const subscriptions: SubscriptionInfo[] = [];
  const selected = new Set(services.settings.subscriptions());
  for (const tenant of await arm.listTenants()) {
    try {
      subscriptions.push(...(await arm.listSubscriptions(tenant.tenantId)).filter((s) => selected.size === 0 || selected.has(s.subscriptionId)));
    } catch (error) {
      services.log.warn(`tenant ${tenant.tenantId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const result of await arm.listVaultsAcross(subscriptions)) {
    if (result.ok) vaults.push(...result.vaults.map((v) => ({ name: v.name, vaultUrl: v.vaultUrl, info: v })));
  }
  return vaults;
}

/** The vault of the node, or one picked from every vault the user can see. */
export async function resolveVault(services: Services, node: TreeNode | undefined, title = vscode.l10n.t('Choose a key vault')): Promise<{ vault: VaultTarget; node?: VaultNode }> {
  const fromNode = vaultOf(node);
  if (fromNode) return { vault: fromNode.vault, node: fromNode };
  const items = listAllVaults(services).then((vaults) =>
    vaults.map((vault) => ({ label: vault.name, description: vault.info ? `${vault.info.resourceGroup} · ${vault.info.location}` : vault.vaultUrl, vault })),
  );
  const picked = await services.ui.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to search vaults by name'), matchOnDescription: true });
  if (!picked) throw new UserCancelled();
  return { vault: picked.vault };
}

/** The secret/key/certificate of the node, or one picked (vault first, then the item, by name). */
export async function resolveItem(services: Services, kind: ObjectKind, node?: TreeNode): Promise<ItemTarget> {
  if (node instanceof VersionNode && node.version.kind === kind) {
    return { vault: node.parent.group.vaultNode.vault, kind, name: node.version.name, ...(node.version.version ? { version: node.version.version } : {}), node };
  }
  if (node instanceof ItemNode && node.item.kind === kind) return { vault: node.group.vaultNode.vault, kind, name: node.item.name, node };
  if (node instanceof DeletedItemNode && node.item.kind === kind) return { vault: node.parent.deletedGroup.vaultNode.vault, kind, name: node.item.name, node };
  const { vault } = await resolveVault(services, node instanceof ItemGroupNode ? node : node, vscode.l10n.t('Choose the vault of the {0}', kindName(kind)));
  const picked = await services.ui.showQuickPick(listNames(services, vault, kind), {
    title: vscode.l10n.t('Choose a {0} in {1}', kindName(kind), vault.name),
    placeHolder: vscode.l10n.t('Type to search {0} by name', kindNames(kind)),
  });
  if (!picked) throw new UserCancelled();
  return { vault, kind, name: picked.label };
}

/** Every name of a kind in a vault (all pages), for a quick pick. */
async function listNames(services: Services, vault: VaultTarget, kind: ObjectKind): Promise<{ label: string; description?: string }[]> {
  const { vaults } = await services.clients.get();
  const names: { label: string; description?: string }[] = [];
  let token: string | undefined;
  do {
    const page = await vaults.listItems(vault.vaultUrl, kind, { continuationToken: token, pageSize: 25 });
    for (const item of page.items) names.push({ label: item.name, ...(item.enabled === false ? { description: vscode.l10n.t('disabled') } : item.contentType ? { description: item.contentType } : {}) });
    token = page.continuationToken;
  } while (token);
  return names.sort((a, b) => a.label.localeCompare(b.label));
}
