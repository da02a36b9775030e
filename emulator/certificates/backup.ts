// Backup blobs of certificates (all versions, policy, key material) and their restore, which brings back the managed
// key and secret too. Blobs are sealed by the emulator's backup codec for the vault's subscription and geography:
// opaque to clients, restorable in any vault of the same emulator, subscription and geography (../backup.ts).
import { createPrivateKey } from 'node:crypto';
import { backupScopeOf, corruptBackup } from '../backup';
import { badParameter } from '../errors';
import { asObject, OBJECT_NAME } from '../objects';
import type { CertEntry, StoredVersion } from './model';
import type { StoredPolicy } from './policy';
import type { CertificateStore } from './store';

const MAGIC = 'certificate/v1';

interface BlobVersion extends Omit<StoredVersion, 'chain' | 'keyPkcs8'> {
  chain?: string[];
  keyPkcs8?: string;
}

interface Blob {
  magic: string;
  name: string;
  policy: StoredPolicy;
  versions: BlobVersion[];
}

export function backupBlob(store: CertificateStore, entry: CertEntry): string {
  const blob: Blob = {
    magic: MAGIC,
    name: entry.name,
    policy: entry.policy,
    versions: entry.versions.map((v) => ({
      ...v,
      chain: v.chain?.map((c) => c.toString('base64')),
      keyPkcs8: v.keyPkcs8?.toString('base64'),
    })),
  };
  return store.codec.seal('Certificate', backupScopeOf(store.vault), blob);
}

// The service words a malformed certificate blob as it does a key's or a secret's ("…corrupt version.").
const corrupt = corruptBackup;

function readBlob(store: CertificateStore, value: unknown): Blob {
  if (typeof value !== 'string' || value === '') {
    throw badParameter('Property value (the backup blob) is required.');
  }
  const blob = store.codec.open('Certificate', backupScopeOf(store.vault), value) as Blob | null;
  if (
    blob?.magic !== MAGIC ||
    typeof blob.name !== 'string' ||
    !OBJECT_NAME.test(blob.name) ||
    typeof blob.policy !== 'object' ||
    !Array.isArray(blob.versions) ||
    blob.versions.length === 0
  ) {
    throw corrupt();
  }
  return blob;
}

/** Restores a backup under its original name; refused while that name is in use or deleted. */
export async function restoreBlob(store: CertificateStore, body: unknown): Promise<CertEntry> {
  const blob = readBlob(store, asObject(body).value);
  store.checkWritable(blob.name, true);
  const entry: CertEntry = {
    name: blob.name,
    policy: blob.policy,
    versions: blob.versions.map((v) => ({
      ...v,
      chain: v.chain?.map((c) => Buffer.from(c, 'base64')),
      keyPkcs8: v.keyPkcs8 === undefined ? undefined : Buffer.from(v.keyPkcs8, 'base64'),
    })),
  };
  store.put(entry);
  try {
    for (const v of entry.versions) {
      if (v.keyPkcs8) {
        await store.writeManaged(entry, v, createPrivateKey({ key: v.keyPkcs8, format: 'der', type: 'pkcs8' }));
      }
    }
  } catch (err) {
    store.drop(entry); // e.g. a plain secret or key of that name exists
    throw err;
  }
  return entry;
}
