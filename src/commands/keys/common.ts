// Shared by the key and certificate commands: clients, progress with cancel, failures explained, the tree nodes
// to refresh and reveal after a change, multi-selection. Generic over the two kinds this area owns.
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import type { AzureFailure, ObjectKind } from '../../azure/model';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { DeletedItemNode, DeletedKindNode } from '../../tree/DeletedGroupNode';
import { ItemGroupNode } from '../../tree/ItemGroupNode';
import { ItemNode } from '../../tree/ItemNode';
import { locateItem, locateVault } from '../../tree/locate';
import type { TreeNode } from '../../tree/TreeNode';
import { VaultNode, type VaultTarget } from '../../tree/VaultNode';
import { VersionNode } from '../../tree/VersionNode';
import type { ItemTarget } from '../targets';
import { UserCancelled } from '../wrapper';

export type OwnKind = Extract<ObjectKind, 'key' | 'certificate'>;

export async function vaultClients(services: Services): Promise<VaultClients> {
  return (await services.clients.get()).vaults;
}

/** Runs `task` under a progress notification; Cancel aborts what honours the signal. */
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

export type Operation = 'read' | 'create' | 'update' | 'delete' | 'recover' | 'purge' | 'crypto' | 'import';

const roles: Record<OwnKind, { reader: string; writer: string; crypto?: string }> = {
  key: { reader: 'Key Vault Reader (metadata) or Key Vault Crypto User', writer: 'Key Vault Crypto Officer', crypto: 'Key Vault Crypto User' },
  certificate: { reader: 'Key Vault Certificate User', writer: 'Key Vault Certificates Officer' },
};

const policyPermissions: Record<Operation, string> = {
  read: 'Get', create: 'Create', update: 'Update', delete: 'Delete', recover: 'Recover', purge: 'Purge', crypto: 'the cryptographic operation', import: 'Import',
};

/** One sentence for a failed operation on a key or certificate: what happened and what to do. */
export function explain(failure: AzureFailure, kind: OwnKind, operation: Operation, vault: VaultTarget, name?: string): string {
  const what = name ? `${kind} "${name}" in ${vault.name}` : `the ${kind}s of ${vault.name}`;
  const head = `Could not ${operation === 'crypto' ? 'use' : operation} ${what}:`;
  if (failure.kind === 'forbidden') {
    const role = operation === 'read' ? roles[kind].reader : operation === 'crypto' ? (roles[kind].crypto ?? roles[kind].writer) : roles[kind].writer;
    switch (failure.forbiddenReason) {
      case 'rbac':
        return `${head} your account has no Azure RBAC role for this. Ask for "${role}" on ${vault.name} (Access control (IAM)); role assignments can take up to 10 minutes to apply.`;
      case 'policy':
        return `${head} the vault's access policy lacks the ${kind} permission "${policyPermissions[operation]}". Ask the vault owner to add it under Access policies.`;
      case 'firewall':
        return `${head} the vault's firewall does not allow requests from your network address. Add your address under Networking, or connect from an allowed network.`;
      case 'disabled':
        return `${head} the ${kind} is disabled. Enable it (or the version) first.`;
      default:
        return `${head} Azure refused: the operation may not be allowed on this ${kind} (for example a key owned by a certificate, or an operation outside its allowed operations).`;
    }
  }
  if (failure.kind === 'conflict' && [failure.code, failure.innerCode].includes('ObjectIsDeletedButRecoverable')) {
    return `${head} a deleted ${kind} with this name is still recoverable. Recover it, or purge it before reusing the name.`;
  }
  if (failure.kind === 'conflict' && [failure.code, failure.innerCode].includes('ObjectIsBeingDeleted')) {
    return `${head} a ${kind} with this name is still being deleted. Wait a few seconds, then retry.`;
  }
  if (failure.kind === 'notFound') return `${head} it was not found (deleted, or still being deleted or recovered). Refresh the view.`;
  if (failure.kind === 'throttled') return `${head} Key Vault kept throttling requests (HTTP 429) after retrying with backoff. Wait a minute, then retry.`;
  return `${head} ${failure.message} ${failure.action ?? ''}`.trim();
}

/** Rethrows a service error as one clear Error (cancellation ends the command quietly). */
export function fail(error: unknown, kind: OwnKind, operation: Operation, vault: VaultTarget, name?: string): never {
  if (error instanceof UserCancelled) throw error;
  const failure = classifyError(error);
  if (failure.kind === 'cancelled') throw new UserCancelled();
  throw new Error(explain(failure, kind, operation, vault, name));
}

/** The vault node of a tree node (walking up), or the one in the tree for `vault`. */
async function vaultNodeFor(services: Services, vault: VaultTarget, from?: TreeNode): Promise<VaultNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof VaultNode) return n;
  return locateVault(services.tree, vault).catch(() => undefined);
}

export async function groupNode(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<ItemGroupNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof ItemGroupNode && n.kind === kind) return n;
  const vaultNode = await vaultNodeFor(services, vault, from);
  return vaultNode?.getChildren().find((g): g is ItemGroupNode => g instanceof ItemGroupNode && g.kind === kind);
}

async function deletedNode(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<DeletedKindNode | undefined> {
  for (let n = from; n; n = n.parent) if (n instanceof DeletedKindNode && n.kind === kind) return n;
  const vaultNode = await vaultNodeFor(services, vault, from);
  const deleted = vaultNode?.getChildren().find((g) => g.id.endsWith('/deleted'));
  const kinds = deleted?.getChildren ? await deleted.getChildren() : [];
  return kinds.find((k): k is DeletedKindNode => k instanceof DeletedKindNode && k.kind === kind);
}

/** Re-lists the vault's group of this kind (one request when it is shown). */
export async function refreshGroup(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<void> {
  const group = await groupNode(services, vault, kind, from);
  if (group) services.tree.refresh(group);
}

/** After delete / recover / purge: the group and the Deleted group of the kind. */
export async function refreshGroupAndDeleted(services: Services, vault: VaultTarget, kind: ObjectKind, from?: TreeNode): Promise<void> {
  await refreshGroup(services, vault, kind, from);
  const deleted = await deletedNode(services, vault, kind, from);
  if (deleted) services.tree.refresh(deleted);
}

/** After a certificate changed, its managed key and secret changed too: refresh all three groups. */
export async function refreshCertificateGroups(services: Services, vault: VaultTarget, from?: TreeNode, deleted = false): Promise<void> {
  for (const kind of ['certificate', 'key', 'secret'] as const) {
    if (deleted) await refreshGroupAndDeleted(services, vault, kind, from);
    else await refreshGroup(services, vault, kind, from);
  }
}

/** After one item changed: its group's listing (the row) and, when shown, its versions. */
export async function refreshItem(services: Services, target: ItemTarget): Promise<void> {
  const node = target.node;
  if (node instanceof VersionNode) {
    services.tree.refresh(node.parent.group);
  } else if (node instanceof ItemNode) {
    services.tree.refresh(node.group);
  } else {
    await refreshGroup(services, target.vault, target.kind, node);
  }
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

/** The items of `kind` a command was invoked on (multi-select aware; versions count as their item). */
export function selectedItems(kind: ObjectKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): ItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is ItemNode => n instanceof ItemNode && n.item.kind === kind);
}

export function selectedDeleted(kind: ObjectKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): DeletedItemNode[] {
  const all = nodes && nodes.length > 0 ? nodes : node ? [node] : [];
  return all.filter((n): n is DeletedItemNode => n instanceof DeletedItemNode && n.item.kind === kind);
}

/** Whether the node is a key or secret (or one of its versions) owned by a certificate. */
export function isManaged(node: TreeNode | undefined): boolean {
  if (node instanceof ItemNode) return node.item.managed === true;
  if (node instanceof VersionNode) return node.version.managed === true || node.parent.item.managed === true;
  return false;
}

/** `name` or `name/version` (version shortened), for messages and logs. */
export function label(target: { name: string; version?: string }): string {
  return target.version ? `${target.name}/${target.version.slice(0, 8)}` : target.name;
}

/** Path of a read-only details document: `/{vault}/{kind}s/{name}/{version}/{name}.json`. */
export function detailsPath(vault: VaultTarget, kind: OwnKind, name: string, version: string | undefined, suffix = ''): string {
  return `/${vault.name}/${kind}s/${name}/${version ?? 'current'}/${name}${suffix}.json`;
}

/** ISO date-time (UTC) for documents, or undefined. */
export function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}
