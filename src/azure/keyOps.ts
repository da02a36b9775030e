// Key operations through the vault's cached KeyClient (VaultClients): details, create, rotate, update, delete,
// recover, purge, rotation policy. No vscode; returns the plain model of keyModel.ts, never private material.
// Every call takes a trailing `options` (abortSignal; PollOptions for delete/recover: bounded waits). Create, rotate,
// delete, recover and purge are safe writes (safeWrite.ts, lifecycleOps.ts): never two keys or versions from one call.
import * as l10n from '@vscode/l10n';
import { createPublicKey } from 'node:crypto';
import type { DeletedKey, JsonWebKey, KeyVaultKey } from '@azure/keyvault-keys';
import type { CreateKeyRequest, KeyDetails, KeyPropertiesUpdate, PublicJwk, RotationPolicy } from './keyModel';
import type { VaultClients } from './vaultClients';
import { allPages } from './paging';
import { createdSince, safeWrite, sameTags, type Committed } from './safeWrite';
import { deleteAndWait, purgeSafely, recoverAndWait, sentDelete, unless404, type LifecycleCalls } from './lifecycleOps';
import type { OperationOptions, PollOptions } from './polling';

const b64u = (v: Uint8Array | undefined): string | undefined => (v && v.length ? Buffer.from(v).toString('base64url') : undefined);

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The public half of the service's JWK: only kid, kty, key_ops and n/e or crv/x/y are copied. */
export function publicJwkOf(key: JsonWebKey | undefined): PublicJwk {
  return compact({
    kid: key?.kid,
    kty: key?.kty ?? 'unknown',
    key_ops: key?.keyOps ? [...key.keyOps] : undefined,
    n: b64u(key?.n),
    e: b64u(key?.e),
    crv: key?.crv,
    x: b64u(key?.x),
    y: b64u(key?.y),
  });
}

/** RSA modulus size in bits (leading zero bytes ignored). */
export function rsaKeySize(n: Uint8Array | undefined): number | undefined {
  if (!n?.length) return undefined;
  let i = 0;
  while (i < n.length - 1 && n[i] === 0) i++;
  const first = n[i]!;
  return (n.length - i - 1) * 8 + (32 - Math.clz32(first));
}

export function keyDetails(k: KeyVaultKey): KeyDetails {
  const p = k.properties;
  const keyType = k.keyType ?? k.key?.kty ?? 'unknown';
  return compact({
    name: k.name,
    id: k.id ?? p.id ?? `${p.vaultUrl}/keys/${k.name}`,
    version: p.version,
    vaultUrl: p.vaultUrl,
    keyType,
    hsm: /-HSM$/i.test(keyType),
    keySize: /^RSA/i.test(keyType) ? rsaKeySize(k.key?.n) : undefined,
    curve: k.key?.crv,
    operations: [...(k.keyOperations ?? k.key?.keyOps ?? [])],
    enabled: p.enabled !== false,
    notBefore: p.notBefore,
    expiresOn: p.expiresOn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
    managed: p.managed === true,
    exportable: p.exportable,
    recoveryLevel: p.recoveryLevel,
    recoverableDays: p.recoverableDays,
    tags: { ...(p.tags ?? {}) },
    publicJwk: publicJwkOf(k.key),
  });
}

/** One GET: the key (current version, or the one named). */
export async function getKeyDetails(vaults: VaultClients, vaultUrl: string, name: string, version?: string, options: OperationOptions = {}): Promise<KeyDetails> {
  return keyDetails(await vaults.keys(vaultUrl).getKey(name, { ...(version ? { version } : {}), abortSignal: options.abortSignal }));
}

/** The public key as PEM (SPKI) or JWK text. Built from the public JWK only. */
export function exportPublicKey(jwk: PublicJwk, format: 'pem' | 'jwk'): string {
  if (format === 'jwk') return `${JSON.stringify(jwk, null, 2)}\n`;
  const { kty } = jwk;
  const material =
    /^RSA/i.test(kty) && jwk.n && jwk.e
      ? { kty: 'RSA', n: jwk.n, e: jwk.e }
      : /^EC/i.test(kty) && jwk.crv && jwk.x && jwk.y
        ? { kty: 'EC', crv: jwk.crv === 'P-256K' ? 'secp256k1' : jwk.crv, x: jwk.x, y: jwk.y }
        : undefined;
  if (!material) throw new Error(l10n.t('A {0} key has no public key to export as PEM.', kty));
  return createPublicKey({ key: material, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}

/** Creates a key (or a new version of one). A safe write: an unclear failure is checked by findCreatedVersion. */
export async function createKey(vaults: VaultClients, vaultUrl: string, req: CreateKeyRequest, options: OperationOptions = {}): Promise<KeyDetails> {
  const keyType = `${req.type}${req.hsm ? '-HSM' : ''}`;
  const client = vaults.keys(vaultUrl);
  return safeWrite({
    kind: 'key',
    name: req.name,
    send: async () =>
      keyDetails(
        await client.createKey(
          req.name,
          keyType,
          compact({
            keySize: req.type === 'RSA' || req.type === 'oct' ? req.size : undefined,
            curve: req.type === 'EC' ? req.curve : undefined,
            keyOps: req.operations ? [...req.operations] : undefined,
            expiresOn: req.expiresOn,
            notBefore: req.notBefore,
            tags: req.tags ? { ...req.tags } : undefined,
            enabled: req.enabled,
            abortSignal: options.abortSignal,
          }),
        ),
      ),
    check: (since) => findCreatedVersion(vaults, vaultUrl, req.name, since, options, (k) => k.keyType === keyType && sameTags(k.tags, req.tags)),
  });
}

/** The newest version created since `since` that `matches` (candidates read newest first), if any. */
async function findCreatedVersion(vaults: VaultClients, vaultUrl: string, name: string, since: number, options: OperationOptions, matches: (k: KeyDetails) => boolean): Promise<Committed<KeyDetails> | undefined> {
  const versions = (await unless404(() => allPages((r) => vaults.listVersions(vaultUrl, 'key', name, r), options.abortSignal))) ?? [];
  const candidates = versions.filter((v) => createdSince(v.createdOn, since)).sort((a, b) => b.createdOn!.getTime() - a.createdOn!.getTime());
  for (const v of candidates) {
    const key = await getKeyDetails(vaults, vaultUrl, name, v.version, options);
    if (matches(key)) return { result: key };
  }
  return undefined;
}

/**
 * Rotate now: the service creates a new version (same type, size, operations; expiry from the policy). A safe write:
 * the current version is read first (one GET), so an unclear failure is resolved exactly — the rotate happened iff
 * the current version changed. Without that read (no permission to get the key) the check goes by creation time.
 */
export async function rotateKey(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<KeyDetails> {
  const client = vaults.keys(vaultUrl);
  const before = await client.getKey(name, { abortSignal: options.abortSignal }).then(
    (k) => k.properties.version,
    (error: unknown) => {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      return undefined;
    },
  );
  return safeWrite({
    kind: 'key',
    name,
    send: async () => keyDetails(await client.rotateKey(name, { abortSignal: options.abortSignal })),
    check: async (since) => {
      if (before === undefined) return findCreatedVersion(vaults, vaultUrl, name, since, options, () => true);
      const current = await getKeyDetails(vaults, vaultUrl, name, undefined, options);
      return current.version !== before ? { result: current } : undefined;
    },
  });
}

/** Updates one version (the current one when version is undefined). */
export async function updateKey(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, update: KeyPropertiesUpdate, callOptions: OperationOptions = {}): Promise<KeyDetails> {
  const options: Record<string, unknown> = {};
  if (update.enabled !== undefined) options.enabled = update.enabled;
  if (update.expiresOn !== undefined) options.expiresOn = update.expiresOn;
  if (update.notBefore !== undefined) options.notBefore = update.notBefore;
  if (update.tags !== undefined) options.tags = { ...update.tags };
  if (update.operations !== undefined) options.keyOps = [...update.operations];
  return keyDetails(await vaults.keys(vaultUrl).updateKeyProperties(name, version ?? '', { ...options, abortSignal: callOptions.abortSignal }));
}

export interface DeletedKeyInfo {
  readonly name: string;
  readonly recoveryId?: string;
  readonly deletedOn?: Date;
  readonly scheduledPurgeDate?: Date;
}

function deletedInfo(d: DeletedKey): DeletedKeyInfo {
  return compact({ name: d.name, recoveryId: d.properties.recoveryId, deletedOn: d.properties.deletedOn, scheduledPurgeDate: d.properties.scheduledPurgeDate });
}

/** The key's calls for the shared delete/recover/purge (lifecycleOps.ts). */
function lifecycle(vaults: VaultClients, vaultUrl: string, name: string): LifecycleCalls<DeletedKey> {
  const client = vaults.keys(vaultUrl);
  return {
    subject: { kind: 'key', name },
    sendDelete: async (abortSignal) =>
      sentDelete(await client.beginDeleteKey(name, { abortSignal }), (d) => Boolean(d.properties.recoveryId), () => new Error(l10n.t('The vault did not answer the delete of {0}.', name))),
    sendRecover: async (abortSignal) => (await client.beginRecoverDeletedKey(name, { abortSignal })).isDone(),
    sendPurge: (abortSignal) => client.purgeDeletedKey(name, { abortSignal }),
    getDeleted: (abortSignal) => unless404(() => client.getDeletedKey(name, { abortSignal })),
    exists: async (abortSignal) => (await unless404(() => client.getKey(name, { abortSignal }))) !== undefined,
  };
}

/**
 * Deletes every version; waits until the service lists the key as deleted (soft delete) or it is gone. Bounded
 * (PollOptions.timeoutMs, then OperationStillRunningError) and cancellable.
 */
export async function deleteKey(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<DeletedKeyInfo> {
  const { deleted } = await deleteAndWait(lifecycle(vaults, vaultUrl, name), options);
  return deleted ? deletedInfo(deleted) : { name };
}

/** Recovers a soft-deleted key; waits until it can be read again (bounded, cancellable). */
export async function recoverKey(vaults: VaultClients, vaultUrl: string, name: string, options: PollOptions = {}): Promise<void> {
  await recoverAndWait(lifecycle(vaults, vaultUrl, name), options);
}

export async function purgeKey(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<void> {
  await purgeSafely(lifecycle(vaults, vaultUrl, name), options);
}

export async function getRotationPolicy(vaults: VaultClients, vaultUrl: string, name: string, options: OperationOptions = {}): Promise<RotationPolicy> {
  const p = await vaults.keys(vaultUrl).getKeyRotationPolicy(name, { abortSignal: options.abortSignal });
  return compact({
    lifetimeActions: (p.lifetimeActions ?? []).map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    expiryTime: p.expiresIn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
  });
}

export async function setRotationPolicy(vaults: VaultClients, vaultUrl: string, name: string, policy: RotationPolicy, options: OperationOptions = {}): Promise<RotationPolicy> {
  const p = await vaults.keys(vaultUrl).updateKeyRotationPolicy(name, {
    lifetimeActions: policy.lifetimeActions.map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    ...(policy.expiryTime ? { expiresIn: policy.expiryTime } : {}),
  }, { abortSignal: options.abortSignal });
  return compact({
    lifetimeActions: (p.lifetimeActions ?? []).map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    expiryTime: p.expiresIn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
  });
}
