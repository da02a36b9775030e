// Secret operations over the cached SecretClients of VaultClients (pure at load time: type-only SDK imports, so
// commands may import it without loading the SDK bundle; the clients come from `services.clients.get()`).
// Values are returned to the caller only by the calls that exist to read them (getSecretValue, copySecret) and
// are never logged or kept here.
import * as l10n from '@vscode/l10n';
import type { SecretProperties } from '@azure/keyvault-secrets';
import { classifyError } from './errors';
import { deletedSecretItem, newestFirst, secretItem } from './mappers';
import type { DeletedItemProperties, ItemProperties } from './model';
import { sleep } from './throttle';
import type { VaultClients } from './vaultClients';
import { allPages } from './paging';

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

export interface OperationOptions {
  readonly abortSignal?: AbortSignal;
}

export interface PollOptions extends OperationOptions {
  /** Longest wait between two status checks of a delete or recover (they start at 250 ms). Default 2000 ms. */
  readonly pollIntervalMs?: number;
  /** Gives up after this long. Default 120 s. */
  readonly timeoutMs?: number;
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

/** Writes a new version (creating the secret when the name is new). Returns the new version's properties. */
export async function setSecret(vaults: VaultClients, vaultUrl: string, name: string, value: string, write: SecretWrite = {}, options: OperationOptions = {}): Promise<SecretDetails> {
  const secret = await vaults.secrets(vaultUrl).setSecret(name, value, writeOptions(write, options));
  return details(secret.properties);
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

/** Checks until `check` passes: first after 250 ms, then doubling up to `pollIntervalMs` (default 2 s). */
async function pollUntil(check: () => Promise<boolean>, options: PollOptions, timeoutMessage: () => string): Promise<void> {
  const maxInterval = options.pollIntervalMs ?? 2000;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let interval = Math.min(250, maxInterval);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(timeoutMessage());
    await sleep(interval, options.abortSignal);
    interval = Math.min(interval * 2, maxInterval);
  }
}

/**
 * Deletes a secret (all versions) and waits until the delete has completed: with soft delete, until the
 * secret is listed as deleted; without, at once (the delete is permanent).
 */
export async function deleteSecret(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<DeleteResult> {
  const poller = await vaults.secrets(vaultUrl).beginDeleteSecret(name, { abortSignal: options.abortSignal });
  await pollUntil(async () => {
    if (poller.isDone()) return true;
    await poller.poll({ abortSignal: options.abortSignal });
    return poller.isDone();
  }, options, () => l10n.t('Deleting {0} did not complete in time; refresh the view later to see its state.', name));
  const result = poller.getResult();
  if (!result?.properties.recoveryId && !result?.recoveryId) return {};
  return { deleted: deletedSecretItem(result) };
}

/**
 * Recovers a soft-deleted secret and waits until it is back. Completion is checked by listing its versions
 * (no value is read while waiting).
 */
export async function recoverSecret(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<void> {
  const poller = await vaults.secrets(vaultUrl).beginRecoverDeletedSecret(name, { abortSignal: options.abortSignal });
  if (poller.isDone()) return;
  await pollUntil(() => secretExists(vaults, vaultUrl, name, options), options, () => l10n.t('Recovering {0} did not complete in time; refresh the view later to see its state.', name));
}

/** Purges a soft-deleted secret for good. */
export async function purgeSecret(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<void> {
  await vaults.secrets(vaultUrl).purgeDeletedSecret(name, { abortSignal: options.abortSignal });
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
