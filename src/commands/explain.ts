// Service failures in the user's terms, for every object kind (pure: no vscode, unit-tested): which role or
// access-policy permission is missing and how to get it, a deleted name, a disabled object, throttling after the
// backoff, a timeout, a write whose outcome is unknown, an operation still running in the vault; and the framework's
// own sentences (a busy item, an operation stopped by a sign-out, the countdown of a wait). One table of roles and
// permissions per kind; whole translated sentences. Never a value.
import * as l10n from '@vscode/l10n';
import type { AzureFailure, ObjectKind } from '../azure/model';
import type { VaultTarget } from '../model/targets';
import { kindName } from '../model/kindWords';

export type Operation = 'read' | 'list' | 'write' | 'create' | 'update' | 'delete' | 'recover' | 'purge' | 'crypto' | 'import' | 'backup' | 'restore';

export interface FailureContext {
  readonly kind: ObjectKind;
  readonly operation: Operation;
  readonly vault: VaultTarget;
  /** The object's name (never a value). */
  readonly name?: string;
}

/** The Azure RBAC role to ask for, per kind: reading, writing, and using a key for cryptography. */
const roles: Record<ObjectKind, { readonly reader: string; readonly writer: string; readonly crypto?: string }> = {
  secret: { reader: 'Key Vault Secrets User', writer: 'Key Vault Secrets Officer' },
  key: { reader: 'Key Vault Reader (metadata) or Key Vault Crypto User', writer: 'Key Vault Crypto Officer', crypto: 'Key Vault Crypto User' },
  certificate: { reader: 'Key Vault Certificate User', writer: 'Key Vault Certificates Officer' },
};

/** The access-policy permission each operation needs; secrets have one "Set" for every write. */
const policyPermission: Record<Operation, string> = {
  read: 'Get', list: 'List', write: 'Set', create: 'Create', update: 'Update', delete: 'Delete', recover: 'Recover', purge: 'Purge', crypto: 'the cryptographic operation', import: 'Import',
  backup: 'Backup', restore: 'Restore',
};

function permissionFor(kind: ObjectKind, operation: Operation): string {
  if (kind === 'secret' && (operation === 'create' || operation === 'update' || operation === 'import')) return 'Set';
  return policyPermission[operation];
}

/** The Azure RBAC role to ask for to do `operation` on objects of `kind`. */
export function roleFor(kind: ObjectKind, operation: Operation): string {
  const r = roles[kind];
  if (operation === 'read' || operation === 'list') return r.reader;
  if (operation === 'crypto') return r.crypto ?? r.writer;
  return r.writer;
}

/** What failed: `"db" in kv` for secrets (the value is what is read), `key "k" in kv` for keys and certificates. */
function subject(ctx: FailureContext): string {
  if (!ctx.name) return ctx.vault.name;
  return ctx.kind === 'secret' ? l10n.t('"{0}" in {1}', ctx.name, ctx.vault.name) : l10n.t('{0} "{1}" in {2}', kindName(ctx.kind), ctx.name, ctx.vault.name);
}

function listHead(kind: ObjectKind, what: string): string {
  switch (kind) {
    case 'secret':
      return l10n.t('Could not list the secrets of {0}:', what);
    case 'key':
      return l10n.t('Could not list the keys of {0}:', what);
    case 'certificate':
      return l10n.t('Could not list the certificates of {0}:', what);
  }
}

/** "Could not read the value of {0}:": one whole clause per operation. */
function headOf(ctx: FailureContext): string {
  const what = subject(ctx);
  switch (ctx.operation) {
    case 'read':
      return ctx.kind === 'secret' ? l10n.t('Could not read the value of {0}:', what) : l10n.t('Could not read {0}:', what);
    case 'list':
      return listHead(ctx.kind, what);
    case 'write':
      return l10n.t('Could not write a new version of {0}:', what);
    case 'create':
      return l10n.t('Could not create {0}:', what);
    case 'update':
      return ctx.kind === 'secret' ? l10n.t('Could not change {0}:', what) : l10n.t('Could not update {0}:', what);
    case 'delete':
      return l10n.t('Could not delete {0}:', what);
    case 'recover':
      return l10n.t('Could not recover {0}:', what);
    case 'purge':
      return l10n.t('Could not purge {0}:', what);
    case 'crypto':
      return l10n.t('Could not use {0}:', what);
    case 'import':
      return l10n.t('Could not import {0}:', what);
    case 'backup':
      return l10n.t('Could not back up {0}:', what);
    case 'restore':
      return restoreHead(ctx);
  }
}

const generic = (head: string, failure: AzureFailure) => `${head} ${failure.message} ${failure.action ?? ''}`.trim();

function forbidden(failure: AzureFailure, ctx: FailureContext, head: string): string {
  const one = kindName(ctx.kind);
  switch (failure.forbiddenReason) {
    case 'rbac':
      return l10n.t(
        '{0} your account has no Azure RBAC role for this on the vault. Ask for "{1}" on {2} (Access control (IAM) → Add role assignment). Role assignments can take up to 10 minutes to apply.',
        head,
        roleFor(ctx.kind, ctx.operation),
        ctx.vault.name,
      );
    case 'policy':
      return l10n.t(
        '{0} the vault\'s access policy does not give your account the {1} permission "{2}". Ask the vault owner to add it under Access policies (or, with Azure RBAC, to assign you "{3}").',
        head,
        one,
        permissionFor(ctx.kind, ctx.operation),
        roles[ctx.kind].writer,
      );
    case 'firewall':
      return l10n.t("{0} the vault's firewall does not allow requests from your network address. Add your address under Networking, or connect from an allowed network.", head);
    case 'disabled':
      return ctx.kind === 'secret'
        ? l10n.t('{0} the secret is disabled, so its value cannot be read. Enable it (or the version) first.', head)
        : l10n.t('{0} the {1} is disabled. Enable it (or the version) first.', head, one);
    default:
      return ctx.kind === 'secret'
        ? generic(head, failure)
        : l10n.t('{0} Azure refused: the operation may not be allowed on this {1} (for example a key owned by a certificate, or an operation outside its allowed operations).', head, one);
  }
}

/** A wait in the user's units: "37 s", "5 min", "24 h" (rounded up to whole seconds first). */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return l10n.t('{0} s', seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return l10n.t('{0} min', minutes);
  return l10n.t('{0} h', Math.round(minutes / 60));
}

/** A positive, finite duration, or undefined. */
function duration(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** Whether the operation changes the vault (and so is refused on a busy item, and may be left unconfirmed). */
export function isWriteOperation(operation: Operation): boolean {
  return operation !== 'read' && operation !== 'list' && operation !== 'crypto' && operation !== 'backup';
}

/** A write whose outcome could not be checked: says so, and what to look at before trying again. */
function outcomeUnknown(ctx: FailureContext): string {
  const what = subject(ctx);
  switch (ctx.operation) {
    case 'delete':
      return l10n.t('Could not confirm whether {0} was deleted: the connection failed after the request was sent, and checking the vault failed too. Refresh and look at its Deleted group before trying again.', what);
    case 'recover':
      return l10n.t('Could not confirm whether {0} was recovered: the connection failed after the request was sent, and checking the vault failed too. Refresh before trying again.', what);
    case 'purge':
      return l10n.t('Could not confirm whether {0} was purged: the connection failed after the request was sent, and checking the vault failed too. Refresh its Deleted group before trying again.', what);
    case 'restore':
      return l10n.t('Could not confirm whether {0} was restored: the connection failed after the request was sent, and checking the vault failed too. Refresh the vault before restoring again (a restore never overwrites: a second one is refused if the first worked).', what);
    default:
      return l10n.t('Could not confirm whether {0} was saved: the connection failed after the request was sent, and checking the vault failed too. Refresh and look at its versions before trying again.', what);
  }
}

/** The sentence shown for a failure: what happened and what to do. Never a value. */
export function explainFailure(failure: AzureFailure, ctx: FailureContext): string {
  const head = headOf(ctx);
  if (failure.kind === 'forbidden') return forbidden(failure, ctx, head);
  if (failure.kind === 'throttled') {
    const asked = duration(failure.retryAfterMs);
    if (asked !== undefined) {
      return l10n.t('{0} Key Vault kept throttling requests (HTTP 429) and asked to wait {1} before the next one (retries here wait at most azureKeyVault.maxRetryWaitSeconds). Wait, then retry.', head, formatWait(asked));
    }
    return l10n.t('{0} Key Vault kept throttling requests (HTTP 429) even after retrying with backoff (1, 2, 4, 8, 16 s). Wait a minute, then retry.', head);
  }
  if (failure.kind === 'timeout') {
    const waited = duration(failure.timeoutMs);
    return waited !== undefined
      ? l10n.t('{0} {1} did not answer within {2}. Check the network connection (VPN, proxy, firewall), then retry; on a slow connection raise azureKeyVault.requestTimeoutSeconds.', head, ctx.vault.name, formatWait(waited))
      : l10n.t('{0} {1} did not answer in time. Check the network connection (VPN, proxy, firewall), then retry; on a slow connection raise azureKeyVault.requestTimeoutSeconds.', head, ctx.vault.name);
  }
  if (failure.kind === 'outcomeUnknown') return outcomeUnknown(ctx);
  if (failure.kind === 'stillRunning') {
    return l10n.t('Stopped waiting for {0}: the operation is still running in the vault. Refresh later to see the result.', subject(ctx));
  }
  if (ctx.operation === 'restore') {
    const refused = restoreRefusal(failure, ctx, head);
    if (refused) return refused;
  }
  if (isDeletedConflict(failure)) {
    return l10n.t('{0} a deleted {1} with this name is still recoverable. Recover it, or purge it before reusing the name.', head, kindName(ctx.kind));
  }
  if (failure.kind === 'conflict' && [failure.code, failure.innerCode].includes('ObjectIsBeingDeleted')) {
    return l10n.t('{0} a {1} with this name is still being deleted. Wait a few seconds, then retry.', head, kindName(ctx.kind));
  }
  if (failure.kind === 'notFound') return l10n.t('{0} it was not found (deleted, or still being deleted or recovered). Refresh the view.', head);
  return generic(head, failure);
}

/** A second write on an item another operation is writing. */
export function busyMessage(name: string, running: string): string {
  return l10n.t('{0} is busy: "{1}" is still running. Try again when it has finished.', name, running);
}

/** Why the extension stopped an operation (never the user's own Cancel, which ends quietly). */
export function stoppedMessage(title: string, reason: 'signedOut' | 'settingsChanged'): string {
  return reason === 'signedOut'
    ? l10n.t('"{0}" was stopped because you signed out: nothing more was sent to Azure. Sign in again and refresh to see the current state.', title)
    : l10n.t('"{0}" was stopped because the cloud or credential settings changed: nothing more was sent to Azure. Refresh to see the current state.', title);
}

/** What a progress notification says while the data layer waits before sending again. */
export function waitingMessage(reason: 'throttled' | 'retry', vaultName: string, secondsLeft: number): string {
  return reason === 'throttled' ? l10n.t('Throttled by {0}: retrying in {1} s', vaultName, secondsLeft) : l10n.t('Retrying in {0} s', secondsLeft);
}

/** A conflict caused by a soft-deleted object of the same name. */
export function isDeletedConflict(failure: AzureFailure): boolean {
  return failure.kind === 'conflict' && (failure.innerCode === 'ObjectIsDeletedButRecoverable' || failure.code === 'ObjectIsDeletedButRecoverable');
}

// ---- backups: a restore's refusals (the service's answers: 400 "Cannot decrypt backup blob.", 409 name in use) ----

/** "Could not restore the secret "db" into kv-prod:" (or "the secret backup" when the name is not known). */
function restoreHead(ctx: FailureContext): string {
  return ctx.name
    ? l10n.t('Could not restore the {0} "{1}" into {2}:', kindName(ctx.kind), ctx.name, ctx.vault.name)
    : l10n.t('Could not restore the {0} backup into {1}:', kindName(ctx.kind), ctx.vault.name);
}

/** The service could not open the blob: another subscription or geography, another kind, or a damaged file. */
export function isBackupBlobRefusal(failure: AzureFailure): boolean {
  return failure.kind === 'badRequest' && /backup blob|decrypt/i.test(failure.message);
}

/** Where a vault is, for the subscription + geography rule: "subscription 1234…, westeurope"; undefined when unknown. */
export function vaultPlace(vault: VaultTarget): string | undefined {
  return vault.info ? l10n.t('subscription {0}, {1}', vault.info.subscriptionId, vault.info.location) : undefined;
}

/** A restore's own refusals, in the user's terms; undefined for the failures every operation shares. */
function restoreRefusal(failure: AzureFailure, ctx: FailureContext, head: string): string | undefined {
  const kind = kindName(ctx.kind);
  if (isBackupBlobRefusal(failure)) {
    const place = vaultPlace(ctx.vault);
    const rule = place
      ? l10n.t('A backup restores only into a vault of the same Azure subscription and the same Azure geography as the vault it was taken from ({0} is in {1}).', ctx.vault.name, place)
      : l10n.t('A backup restores only into a vault of the same Azure subscription and the same Azure geography as the vault it was taken from.');
    return l10n.t(
      '{0} Key Vault cannot decrypt this backup. {1} Or the file is not a {2} backup, or it is damaged. Restore it into a vault of the subscription and geography it came from (a file this extension saved starts with the name of its vault), or download a new backup there.',
      head,
      rule,
      kind,
    );
  }
  if (isDeletedConflict(failure)) {
    return l10n.t(
      '{0} a deleted {1} with this name is still recoverable in {2} (see its Deleted group), and a restore never overwrites. Recover it, or purge it and restore again.',
      head,
      kind,
      ctx.vault.name,
    );
  }
  if (failure.kind === 'conflict' && ![failure.code, failure.innerCode].includes('ObjectIsBeingDeleted')) {
    return l10n.t(
      '{0} a {1} with this name already exists in {2}, and a restore never overwrites. Delete and purge the existing {1} first, or restore into another vault of the same subscription and geography.',
      head,
      kind,
      ctx.vault.name,
    );
  }
  return undefined;
}
