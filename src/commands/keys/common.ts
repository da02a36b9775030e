// Shared by the key and certificate commands: failures explained, one request for an item, tree refresh after a
// change, read-only JSON documents. Generic over the two kinds this area owns (see ../items/common for the rest).
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import type { AzureSdk } from '../../azure/lazy';
import { loadAzureSdk } from '../../azure/lazy';
import type { AzureFailure, ObjectKind } from '../../azure/model';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { kindName, kindNames } from '../../presentation/kindWords';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../model/targets';
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

/** "Could not delete key "a" in kv:": the start of every explanation below. */
function failureHead(kind: OwnKind, operation: Operation, vault: VaultTarget, name: string | undefined): string {
  const what = name ? vscode.l10n.t('{0} "{1}" in {2}', kindName(kind), name, vault.name) : vscode.l10n.t('the {0} of {1}', kindNames(kind), vault.name);
  switch (operation) {
    case 'read':
      return vscode.l10n.t('Could not read {0}:', what);
    case 'create':
      return vscode.l10n.t('Could not create {0}:', what);
    case 'update':
      return vscode.l10n.t('Could not update {0}:', what);
    case 'delete':
      return vscode.l10n.t('Could not delete {0}:', what);
    case 'recover':
      return vscode.l10n.t('Could not recover {0}:', what);
    case 'purge':
      return vscode.l10n.t('Could not purge {0}:', what);
    case 'crypto':
      return vscode.l10n.t('Could not use {0}:', what);
    case 'import':
      return vscode.l10n.t('Could not import {0}:', what);
  }
}

/** One sentence for a failed operation on a key or certificate: what happened and what to do. */
export function explain(failure: AzureFailure, kind: OwnKind, operation: Operation, vault: VaultTarget, name?: string): string {
  const head = failureHead(kind, operation, vault, name);
  const one = kindName(kind);
  if (failure.kind === 'forbidden') {
    const role = operation === 'read' ? roles[kind].reader : operation === 'crypto' ? (roles[kind].crypto ?? roles[kind].writer) : roles[kind].writer;
    switch (failure.forbiddenReason) {
      case 'rbac':
        return vscode.l10n.t('{0} your account has no Azure RBAC role for this. Ask for "{1}" on {2} (Access control (IAM)); role assignments can take up to 10 minutes to apply.', head, role, vault.name);
      case 'policy':
        return vscode.l10n.t("{0} the vault's access policy lacks the {1} permission \"{2}\". Ask the vault owner to add it under Access policies.", head, one, policyPermissions[operation]);
      case 'firewall':
        return vscode.l10n.t("{0} the vault's firewall does not allow requests from your network address. Add your address under Networking, or connect from an allowed network.", head);
      case 'disabled':
        return vscode.l10n.t('{0} the {1} is disabled. Enable it (or the version) first.', head, one);
      default:
        return vscode.l10n.t('{0} Azure refused: the operation may not be allowed on this {1} (for example a key owned by a certificate, or an operation outside its allowed operations).', head, one);
    }
  }
  if (failure.kind === 'conflict' && [failure.code, failure.innerCode].includes('ObjectIsDeletedButRecoverable')) {
    return vscode.l10n.t('{0} a deleted {1} with this name is still recoverable. Recover it, or purge it before reusing the name.', head, one);
  }
  if (failure.kind === 'conflict' && [failure.code, failure.innerCode].includes('ObjectIsBeingDeleted')) {
    return vscode.l10n.t('{0} a {1} with this name is still being deleted. Wait a few seconds, then retry.', head, one);
  }
  if (failure.kind === 'notFound') return vscode.l10n.t('{0} it was not found (deleted, or still being deleted or recovered). Refresh the view.', head);
  if (failure.kind === 'throttled') return vscode.l10n.t('{0} Key Vault kept throttling requests (HTTP 429) after retrying with backoff. Wait a minute, then retry.', head);
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
