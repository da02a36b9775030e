// Secret operations over the cached SecretClients of VaultClients (pure at load time: type-only SDK imports, so
// commands may import it without loading the SDK bundle; the clients come from `services.clients.get()`).
// Values are returned to the caller only by the calls that exist to read them (getSecretValue, copySecret) and
// are never logged or kept here. Writes are safe writes (safeWrite.ts): a set whose outcome is unclear is checked
// against the versions the vault holds — candidate values are read into memory, compared and dropped — before it is
// ever sent again; deletes, recovers and purges likewise (lifecycleOps.ts), with bounded, cancellable waits.
import type { SecretProperties } from '@azure/keyvault-secrets';
import { classifyError } from './errors';
import { deletedSecretItem, newestFirst, secretItem } from './mappers';
import type { DeletedItemProperties, ItemProperties } from './model';
import type { VaultClients } from './vaultClients';
import { allPages } from './paging';
import { createdSince, safeWrite, sameSecond, sameTags, type Committed } from './safeWrite';
import { deleteAndWait, purgeSafely, recoverAndWait, unless404, type LifecycleCalls } from './lifecycleOps';
import type { OperationOptions, PollOptions } from './polling';

export type { OperationOptions, PollOptions } from './polling';

/** A secret's properties with the soft-delete retention the service reports for it. */
export interface SecretDetails extends ItemProperties {
  readonly recoverableDays?: number;
}

/** A value read on the user's request, with the properties of the version it came from. */
export interface SecretValue {
  readonly value: string;
  readonly properties: SecretDetails;
}

export interface SecretWrite {
  readonly contentType?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly enabled?: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
}

export interface DeleteResult {
  /** The deleted secret (soft delete), or undefined when the delete was permanent. */
  readonly deleted?: DeletedItemProperties;
}

function details(p: SecretProperties): SecretDetails {
  const item = secretItem(p);
  return p.recoverableDays !== undefined ? { ...item, recoverableDays: p.recoverableDays } : item;
}

/** The SDK options of a write: only the attributes given (tags copied), and the abort signal. */
function writeOptions(write: SecretWrite, options: OperationOptions) {
  return {
    ...(write.contentType !== undefined ? { contentType: write.contentType } : {}),
    ...(write.tags !== undefined ? { tags: { ...write.tags } } : {}),
    ...(write.enabled !== undefined ? { enabled: write.enabled } : {}),
    ...(write.notBefore !== undefined ? { notBefore: write.notBefore } : {}),
    ...(write.expiresOn !== undefined ? { expiresOn: write.expiresOn } : {}),
    abortSignal: options.abortSignal,
  };
}

function status(error: unknown): number | undefined {
  return classifyError(error).status;
}

/** Reads a value: the latest version, or the given one. */
export async function getSecretValue(vaults: VaultClients, vaultUrl: string, name: string, version?: string, options: OperationOptions = {}): Promise<SecretValue> {
  const secret = await vaults.secrets(vaultUrl).getSecret(name, { ...(version ? { version } : {}), abortSignal: options.abortSignal });
  return { value: secret.value ?? '', properties: details(secret.properties) };
}

/**
 * Writes a new version (creating the secret when the name is new). Returns the new version's properties. A safe
 * write: never two versions from one call (an unclear failure is checked by findWrittenVersion first).
 */
export async function setSecret(vaults: VaultClients, vaultUrl: string, name: string, value: string, write: SecretWrite = {}, options: OperationOptions = {}): Promise<SecretDetails> {
  return safeWrite({
    kind: 'secret',
    name,
    send: async () => details((await vaults.secrets(vaultUrl).setSecret(name, value, writeOptions(write, options))).properties),
    check: (since) => findWrittenVersion(vaults, vaultUrl, name, value, write, since, options),
  });
}

/**
 * The version a set made, if the vault holds it: created since `since`, with the content type, tags, dates and
 * enabled state sent, and the same value (candidates newest first; each value read in memory, compared, dropped).
 * A disabled candidate's value cannot be read: it counts when the set asked for a disabled version and all else matches.
 */
async function findWrittenVersion(vaults: VaultClients, vaultUrl: string, name: string, value: string, write: SecretWrite, since: number, options: OperationOptions): Promise<Committed<SecretDetails> | undefined> {
  const versions = (await unless404(() => listSecretVersions(vaults, vaultUrl, name, options))) ?? [];
  for (const v of versions) {
    if (!createdSince(v.createdOn, since)) break;
    if ((v.contentType ?? undefined) !== (write.contentType || undefined) || !sameTags(v.tags, write.tags)) continue;
    if (!sameSecond(write.expiresOn, v.expiresOn) || !sameSecond(write.notBefore, v.notBefore)) continue;
    if (v.enabled === false) {
      if (write.enabled === false) return { result: v };
      continue;
    }
    if (write.enabled === false) continue;
    const candidate = await vaults.secrets(vaultUrl).getSecret(name, { version: v.version ?? '', abortSignal: options.abortSignal });
    if (candidate.value === value) return { result: details(candidate.properties) };
  }
  return undefined;
}

/**
 * Changes attributes, content type or tags of one version, or of the latest when `version` is undefined
 * (PATCH …/secrets/{name}/ as the CLI does). Tags replace the version's tags.
 */
export async function updateSecret(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, write: SecretWrite, options: OperationOptions = {}): Promise<SecretDetails> {
  const props = await vaults.secrets(vaultUrl).updateSecretProperties(name, version ?? '', writeOptions(write, options));
  return details(props);
}

/** Every version's properties, newest first (all pages: the service lists versions in no particular order). */
export async function listSecretVersions(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<ItemProperties[]> {
  return newestFirst(await allPages((request) => vaults.listVersions(vaultUrl, 'secret', name, request), options.abortSignal));
}

/** The latest version's properties without reading its value; undefined when there is no active secret. */
export async function latestSecretProperties(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<ItemProperties | undefined> {
  try {
    return (await listSecretVersions(vaults, vaultUrl, name, options))[0];
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/** Whether an active secret of this name exists (one small list request, no value). */
export async function secretExists(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<boolean> {
  try {
    const page = await vaults.listVersions(vaultUrl, 'secret', name, { pageSize: 1, ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}) });
    return page.items.length > 0 || page.continuationToken !== undefined;
  } catch (error) {
    if (status(error) === 404) return false;
    throw error;
  }
}

/** The soft-deleted secret of this name, or undefined (404). */
export async function getDeletedSecret(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<DeletedItemProperties | undefined> {
  try {
    return deletedSecretItem(await vaults.secrets(vaultUrl).getDeletedSecret(name, { abortSignal: options.abortSignal }));
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/** The vault's calls for the shared delete/recover/purge (lifecycleOps.ts); existence is checked value-free. */
function lifecycle(vaults: VaultClients, vaultUrl: string, name: string): LifecycleCalls<DeletedItemProperties> {
  const client = vaults.secrets(vaultUrl);
  return {
    subject: { kind: 'secret', name },
    sendDelete: async (abortSignal) => {
      const poller = await client.beginDeleteSecret(name, { abortSignal });
      const result = poller.isDone() ? poller.getResult() : poller.getOperationState().result;
      const soft = Boolean(result?.properties.recoveryId ?? result?.recoveryId);
      return { deleted: deletedSecretItem(result ?? { name, properties: { name, vaultUrl } }), soft, done: poller.isDone() };
    },
    sendRecover: async (abortSignal) => (await client.beginRecoverDeletedSecret(name, { abortSignal })).isDone(),
    sendPurge: (abortSignal) => client.purgeDeletedSecret(name, { abortSignal }),
    getDeleted: (abortSignal) => getDeletedSecret(vaults, vaultUrl, name, { abortSignal }),
    exists: (abortSignal) => secretExists(vaults, vaultUrl, name, { abortSignal }),
  };
}

/**
 * Deletes a secret (all versions) and waits until the delete has completed: with soft delete, until the secret is
 * listed as deleted; without, at once (the delete is permanent). Bounded (PollOptions.timeoutMs, then an
 * OperationStillRunningError) and cancellable.
 */
export async function deleteSecret(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<DeleteResult> {
  const { deleted, soft } = await deleteAndWait(lifecycle(vaults, vaultUrl, name), options);
  return soft && deleted ? { deleted } : {};
}

/**
 * Recovers a soft-deleted secret and waits until it is back. Completion is checked by listing its versions
 * (no value is read while waiting).
 */
export async function recoverSecret(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<void> {
  await recoverAndWait(lifecycle(vaults, vaultUrl, name), options);
}

/** Purges a soft-deleted secret for good. */
export async function purgeSecret(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<void> {
  await purgeSafely(lifecycle(vaults, vaultUrl, name), options);
}

/** Copies the latest value of a secret, with its content type and tags, as a new version in another vault. */
export async function copySecret(
  vaults: VaultClients,
  from: { vaultUrl: string; name: string; version?: string },
  to: { vaultUrl: string; name: string },
  options: OperationOptions = {},
): Promise<SecretDetails> {
  const source = await getSecretValue(vaults, from.vaultUrl, from.name, from.version, options);
  return setSecret(vaults, to.vaultUrl, to.name, source.value, {
    ...(source.properties.contentType !== undefined ? { contentType: source.properties.contentType } : {}),
    ...(source.properties.tags !== undefined ? { tags: source.properties.tags } : {}),
  }, options);
}
