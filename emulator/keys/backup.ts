// Backup blobs: the whole key (all versions, private material included) sealed by the emulator's BackupCodec for the
// source vault's (or Managed HSM's) subscription and geography, so the blob is opaque to clients, as the service's
// is, and restores only into a vault or HSM of the same emulator, subscription and geography (../backup.ts).
import { createPrivateKey, createSecretKey, type KeyObject } from 'node:crypto';
import { corruptBackup, type BackupCodec, type BackupScope } from '../backup';
import { badParameter } from '../errors';
import { isKeyType, isOct, publicJwkOf } from './material';
import type { KeyEntry, KeyVersion, StoredKeyAttributes } from './model';
import type { StoredRotationPolicy } from './rotation';

interface SealedVersion {
  version: string;
  kty: string;
  /** PKCS#8 DER (RSA, EC) or the raw AES key (oct), base64. */
  pkcs8: string;
  keyOps: string[];
  attributes: StoredKeyAttributes;
  tags?: Record<string, string>;
  releasePolicy?: unknown;
}

interface SealedKey {
  name: string;
  managed: boolean;
  rotationPolicy?: StoredRotationPolicy;
  versions: SealedVersion[];
}

export function sealBackup(entry: KeyEntry, codec: BackupCodec, scope: BackupScope): string {
  const payload: SealedKey = {
    name: entry.name,
    managed: entry.managed,
    ...(entry.rotationPolicy !== undefined ? { rotationPolicy: entry.rotationPolicy } : {}),
    versions: entry.versions.map((v) => ({
      version: v.version,
      kty: v.kty,
      pkcs8: (isOct(v.kty) ? v.privateKey.export() : v.privateKey.export({ format: 'der', type: 'pkcs8' })).toString('base64'),
      keyOps: v.keyOps,
      attributes: v.attributes,
      ...(v.tags !== undefined ? { tags: v.tags } : {}),
      ...(v.releasePolicy !== undefined ? { releasePolicy: v.releasePolicy } : {}),
    })),
  };
  return codec.seal('Key', scope, payload);
}

const corrupt = corruptBackup;

export function openBackup(blob: unknown, codec: BackupCodec, scope: BackupScope): KeyEntry {
  if (typeof blob !== 'string' || blob.length === 0) {
    throw badParameter("The parameter 'value' (the backup blob) is required.");
  }
  const payload = codec.open('Key', scope, blob) as SealedKey;
  if (typeof payload !== 'object' || payload === null || typeof payload.name !== 'string' || !Array.isArray(payload.versions)) {
    throw corrupt();
  }
  const versions: KeyVersion[] = payload.versions.map((s) => {
    if (!isKeyType(s.kty)) {
      throw corrupt();
    }
    let privateKey: KeyObject;
    try {
      const der = Buffer.from(s.pkcs8, 'base64');
      privateKey = isOct(s.kty) ? createSecretKey(der) : createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      throw corrupt();
    }
    return {
      version: s.version,
      kty: s.kty,
      privateKey,
      publicJwk: publicJwkOf(s.kty, privateKey),
      keyOps: s.keyOps,
      attributes: s.attributes,
      tags: s.tags,
      releasePolicy: s.releasePolicy,
    };
  });
  if (versions.length === 0) {
    throw corrupt();
  }
  return {
    name: payload.name,
    managed: payload.managed,
    versions,
    rotationPolicy: payload.rotationPolicy,
    availableAt: undefined,
  };
}
