// Shared by the secret, key and certificate commands: the clients, progress with cancel, the tree nodes to refresh
// and reveal after a change, multi-selection, labels. Generic over the object kind.
import * as vscode from 'vscode';
import type { ObjectKind } from '../../azure/model';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { DeletedItemNode, DeletedKindNode } from '../../tree/DeletedGroupNode';
import { ItemGroupNode } from '../../tree/ItemGroupNode';
import { ItemNode } from '../../tree/ItemNode';
import { locateItem, locateVault } from '../../tree/locate';
import type { TreeNode } from '../../tree/TreeNode';
import { VaultNode } from '../../tree/VaultNode';
import { type VaultTarget } from '../../model/targets';

export async function vaultClients(services: Services): Promise<VaultClients> {
  return (await services.clients.get()).vaults;
}

/** Runs `task` under a progress notification whose Cancel aborts what honours the signal (backoff included). */
export function withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        return await task(controller.signal, (message) => progress.report({ message }));
      } finally {
        listener.dispose();
      }
    }),
  );
}

/** `name` or `name/version` (version shortened), for messages and logs. Never a value. */
export function label(target: { name: string; version?: string }): string {
  return target.version ? `${target.name}/${target.version.slice(0, 8)}` : target.name;
}

/** The vault node of a tree node (walking up), or the one in the tree for `vault`. */
async function vaultNodeFor(services: Services, vault: VaultTarget, from?: TreeNode): Promise<VaultNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof VaultNode) return n;
  return locateVault(services.tree, vault).catch(() => undefined);
}

/** The vault's group of this kind (Secrets, Keys, Certificates), when the tree has it. */
async function groupNode(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<ItemGroupNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof ItemGroupNode && n.kind === kind) return n;
  const vaultNode = await vaultNodeFor(services, vault, from);
  return vaultNode?.getChildren().find((g): g is ItemGroupNode => g instanceof ItemGroupNode && g.kind === kind);
}

/** The vault's "Deleted …" node of this kind, when the tree has it. */
async function deletedNode(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<DeletedKindNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof DeletedKindNode && n.kind === kind) return n;
  const vaultNode = await vaultNodeFor(services, vault, from);
  const deleted = vaultNode?.getChildren().find((g) => g.id.endsWith('/deleted'));
  const kinds = deleted?.getChildren ? await deleted.getChildren() : [];
  return kinds.find((k): k is DeletedKindNode => k instanceof DeletedKindNode && k.kind === kind);
}

/** After an item was added or changed: re-list the vault's group of the kind (one request when it is shown). */
export async function refreshGroup(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<void> {
  const group = await groupNode(services, vault, kind, from);
  if (group) services.tree.refresh(group);
}

/** After a delete, recover or purge: the group and the Deleted group of the kind. */
export async function refreshGroupAndDeleted(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<void> {
  await refreshGroup(services, vault, kind, from);
  const deleted = await deletedNode(services, vault, kind, from);
  if (deleted) services.tree.refresh(deleted);
}

/** Reveals an item's row (best effort: the vault may not be in the tree). */
export async function revealItem(services: Services, vault: VaultTarget, kind: ObjectKind, name: string): Promise<ItemNode | undefined> {
  try {
    const node = await locateItem(services.tree, vault, kind, name);
    if (node) await services.treeView.reveal(node, { select: true, focus: false, expand: false });
    return node;
  } catch (error) {
    services.log.debug(`reveal ${kind} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The items of `kind` a command was invoked on (multi-select aware). */
export function selectedItems(kind: ObjectKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): ItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is ItemNode => n instanceof ItemNode && n.item.kind === kind);
}

/** The deleted items of `kind` a command was invoked on (multi-select aware). */
export function selectedDeleted(kind: ObjectKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): DeletedItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is DeletedItemNode => n instanceof DeletedItemNode && n.item.kind === kind);
}
