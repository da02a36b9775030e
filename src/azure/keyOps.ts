// Key operations through the vault's cached KeyClient (VaultClients): details, create, rotate, update, delete,
// recover, purge, rotation policy. No vscode; returns the plain model of keyModel.ts, never private material.
import * as l10n from '@vscode/l10n';
import { createPublicKey } from 'node:crypto';
import type { DeletedKey, JsonWebKey, KeyVaultKey } from '@azure/keyvault-keys';
import type { CreateKeyRequest, KeyDetails, KeyPropertiesUpdate, PublicJwk, RotationPolicy } from './keyModel';
import type { VaultClients } from './vaultClients';

/** How often the delete/recover pollers ask (the service completes both within seconds). */
const POLL_MS = 500;

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
export async function getKeyDetails(vaults: VaultClients, vaultUrl: string, name: string, version?: string): Promise<KeyDetails> {
  return keyDetails(await vaults.keys(vaultUrl).getKey(name, version ? { version } : {}));
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

export async function createKey(vaults: VaultClients, vaultUrl: string, req: CreateKeyRequest): Promise<KeyDetails> {
  const keyType = `${req.type}${req.hsm ? '-HSM' : ''}`;
  const created = await vaults.keys(vaultUrl).createKey(
    req.name,
    keyType,
    compact({
      keySize: req.type === 'RSA' ? req.size : undefined,
      curve: req.type === 'EC' ? req.curve : undefined,
      keyOps: req.operations ? [...req.operations] : undefined,
      expiresOn: req.expiresOn,
      notBefore: req.notBefore,
      tags: req.tags ? { ...req.tags } : undefined,
      enabled: req.enabled,
    }),
  );
  return keyDetails(created);
}

/** Rotate now: the service creates a new version (same type, size, operations; expiry from the policy). */
export async function rotateKey(vaults: VaultClients, vaultUrl: string, name: string): Promise<KeyDetails> {
  return keyDetails(await vaults.keys(vaultUrl).rotateKey(name));
}

/** Updates one version (the current one when version is undefined). */
export async function updateKey(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, update: KeyPropertiesUpdate): Promise<KeyDetails> {
  const options: Record<string, unknown> = {};
  if (update.enabled !== undefined) options.enabled = update.enabled;
  if (update.expiresOn !== undefined) options.expiresOn = update.expiresOn;
  if (update.notBefore !== undefined) options.notBefore = update.notBefore;
  if (update.tags !== undefined) options.tags = { ...update.tags };
  if (update.operations !== undefined) options.keyOps = [...update.operations];
  return keyDetails(await vaults.keys(vaultUrl).updateKeyProperties(name, version ?? '', options));
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

/** Deletes every version; waits until the service lists the key as deleted (soft delete) or it is gone. */
export async function deleteKey(vaults: VaultClients, vaultUrl: string, name: string): Promise<DeletedKeyInfo> {
  const poller = await vaults.keys(vaultUrl).beginDeleteKey(name, { intervalInMs: POLL_MS });
  return deletedInfo(await poller.pollUntilDone());
}

/** Recovers a soft-deleted key; waits until it can be read again. */
export async function recoverKey(vaults: VaultClients, vaultUrl: string, name: string): Promise<void> {
  const poller = await vaults.keys(vaultUrl).beginRecoverDeletedKey(name, { intervalInMs: POLL_MS });
  await poller.pollUntilDone();
}

export async function purgeKey(vaults: VaultClients, vaultUrl: string, name: string): Promise<void> {
  await vaults.keys(vaultUrl).purgeDeletedKey(name);
}

export async function getRotationPolicy(vaults: VaultClients, vaultUrl: string, name: string): Promise<RotationPolicy> {
  const p = await vaults.keys(vaultUrl).getKeyRotationPolicy(name);
  return compact({
    lifetimeActions: (p.lifetimeActions ?? []).map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    expiryTime: p.expiresIn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
  });
}

export async function setRotationPolicy(vaults: VaultClients, vaultUrl: string, name: string, policy: RotationPolicy): Promise<RotationPolicy> {
  const p = await vaults.keys(vaultUrl).updateKeyRotationPolicy(name, {
    lifetimeActions: policy.lifetimeActions.map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    ...(policy.expiryTime ? { expiresIn: policy.expiryTime } : {}),
  });
  return compact({
    lifetimeActions: (p.lifetimeActions ?? []).map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    expiryTime: p.expiresIn,
    createdOn: p.createdOn,
    updatedOn: p.updatedOn,
  });
}
