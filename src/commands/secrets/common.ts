// Shared by the secret commands: what a command acts on, the clients, progress with cancel, tree refresh/reveal.
import * as vscode from 'vscode';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { DeletedItemNode, DeletedKindNode } from '../../tree/DeletedGroupNode';
import { ItemGroupNode } from '../../tree/ItemGroupNode';
import { ItemNode } from '../../tree/ItemNode';
import { locateItem, locateVault } from '../../tree/locate';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { VaultNode } from '../../tree/VaultNode';
import { VersionNode } from '../../tree/VersionNode';
import { resolveItem, type ItemTarget } from '../targets';

export async function vaultClients(services: Services): Promise<VaultClients> {
  return (await services.clients.get()).vaults;
}

/** The secret of the node (item, version or deleted item), or one picked from the palette. */
export function resolveSecret(services: Services, node?: TreeNode): Promise<ItemTarget> {
  return resolveItem(services, 'secret', node);
}

/** `name` or `name/version` (shortened), for messages and logs. Never a value. */
export function secretLabel(target: { name: string; version?: string }): string {
  return target.version ? `${target.name}/${target.version.slice(0, 8)}` : target.name;
}

/** Runs `task` under a progress notification whose Cancel aborts the requests (backoff included). */
export function withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        return await task(controller.signal);
      } finally {
        listener.dispose();
      }
    }),
  );
}

/** The node of the vault's Secrets group, when the tree has it. */
async function secretsGroup(services: Services, vault: VaultTarget, from?: TreeNode): Promise<ItemGroupNode | undefined> {
  for (let n = from; n; n = n.parent) {
    if (n instanceof ItemGroupNode && n.kind === 'secret') return n;
    if (n instanceof VaultNode) return n.getChildren().find((g): g is ItemGroupNode => g instanceof ItemGroupNode && g.kind === 'secret');
  }
  const vaultNode = await locateVault(services.tree, vault).catch(() => undefined);
  return vaultNode?.getChildren().find((g): g is ItemGroupNode => g instanceof ItemGroupNode && g.kind === 'secret');
}

/** The vault's "Deleted secrets" node, when the tree has it. */
async function deletedSecretsGroup(services: Services, vault: VaultTarget, from?: TreeNode): Promise<DeletedKindNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof DeletedKindNode && n.kind === 'secret') return n;
  let vaultNode: VaultNode | undefined;
  for (let n = from; n && !vaultNode; n = n.parent) if (n instanceof VaultNode) vaultNode = n;
  vaultNode ??= await locateVault(services.tree, vault).catch(() => undefined);
  const deleted = vaultNode?.getChildren().find((g) => g.id.endsWith('/deleted'));
  const kinds = deleted?.getChildren ? await deleted.getChildren() : [];
  return kinds.find((k): k is DeletedKindNode => k instanceof DeletedKindNode && k.kind === 'secret');
}

/** After a secret was added or changed: re-list the vault's secrets (one request when the group is shown). */
export async function refreshSecrets(services: Services, vault: VaultTarget, from?: TreeNode): Promise<void> {
  const group = await secretsGroup(services, vault, from);
  if (group) services.tree.refresh(group);
}

/** After a delete, recover or purge: re-list the vault's secrets and deleted secrets. */
export async function refreshSecretsAndDeleted(services: Services, vault: VaultTarget, from?: TreeNode): Promise<void> {
  await refreshSecrets(services, vault, from);
  const deleted = await deletedSecretsGroup(services, vault, from);
  if (deleted) services.tree.refresh(deleted);
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
export async function revealSecret(services: Services, vault: VaultTarget, name: string): Promise<ItemNode | undefined> {
  try {
    const node = await locateItem(services.tree, vault, 'secret', name);
    if (node) await services.treeView.reveal(node, { select: true, focus: false, expand: false });
    return node;
  } catch (error) {
    services.log.debug(`reveal ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The deleted secrets a command was invoked on (multi-select aware) or undefined. */
export function selectedDeleted(node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): DeletedItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is DeletedItemNode => n instanceof DeletedItemNode && n.item.kind === 'secret');
}

/** The secrets (items) a command was invoked on, multi-select aware. */
export function selectedSecrets(node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): ItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is ItemNode => n instanceof ItemNode && n.item.kind === 'secret');
}
