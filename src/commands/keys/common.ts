// Shared by the key and certificate commands: failures explained, one request for an item, tree refresh after a
// change, read-only JSON documents. Generic over the two kinds this area owns (see ../items/common for the rest).
import { classifyError } from '../../azure/errors';
import type { AzureSdk } from '../../azure/lazy';
import { loadAzureSdk } from '../../azure/lazy';
import type { AzureFailure, ObjectKind } from '../../azure/model';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { VersionNode } from '../../tree/VersionNode';
import { refreshGroup, vaultClients } from '../items/common';
import type { ItemTarget } from '../targets';
import { UserCancelled } from '../wrapper';
import { toJson } from './keyDocument';

export type OwnKind = Extract<ObjectKind, 'key' | 'certificate'>;

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

/** After a certificate changed, its managed key and secret changed too: refresh all three groups. */
export async function refreshCertificateGroups(services: Services, vault: VaultTarget, from?: TreeNode): Promise<void> {
  for (const kind of ['certificate', 'key', 'secret'] as const) await refreshGroup(services, vault, kind, from);
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

/** Whether the node is a key or secret (or one of its versions) owned by a certificate. */
export function isManaged(node: TreeNode | undefined): boolean {
  if (node instanceof ItemNode) return node.item.managed === true;
  if (node instanceof VersionNode) return node.version.managed === true || node.parent.item.managed === true;
  return false;
}

/** Path of a read-only details document: `/{vault}/{kind}s/{name}/{version}/{name}.json`. */
export function detailsPath(vault: VaultTarget, kind: OwnKind, name: string, version: string | undefined, suffix = ''): string {
  return `/${vault.name}/${kind}s/${name}/${version ?? 'current'}/${name}${suffix}.json`;
}

/**
 * One call for an item with the SDK module and the vault clients (loaded together); a service failure becomes the
 * explained Error of `fail`.
 */
export async function request<T>(services: Services, kind: OwnKind, operation: Operation, target: { vault: VaultTarget; name: string }, call: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string) => Promise<T>): Promise<T> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await call(sdk, vaults, target.vault.vaultUrl);
  } catch (error) {
    fail(error, kind, operation, target.vault, target.name);
  }
}

/** Shows `doc` as JSON in a read-only `keyvault:` document at `path`, and returns it. */
export async function showDocument(services: Services, path: string, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  await services.documents.showReadOnly(path, toJson(doc), 'json');
  return doc;
}
