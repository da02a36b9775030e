// Opaque backup blobs: a service-like prefix, then the object encrypted with AES-256-GCM under a key that lives as
// long as the emulator process. Any vault of the same emulator can restore them; nothing else can read them.
import * as crypto from 'node:crypto';
import { badParameter } from './errors';

export type BackupKind = 'Secret' | 'Key' | 'Certificate';

export class BackupCodec {
  private readonly key = crypto.randomBytes(32);

  seal(kind: BackupKind, payload: unknown): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
    return Buffer.from(`)AzureKeyVault${kind}BackupV1.microsoft.com${sealed}`, 'utf8').toString('base64url');
  }

  open(kind: BackupKind, blob: unknown): unknown {
    const invalid = badParameter(`Backup blob contains invalid or corrupt version.`);
    if (typeof blob !== 'string' || blob.length === 0) {
      throw invalid;
    }
    const text = Buffer.from(blob, 'base64url').toString('utf8');
    const prefix = `)AzureKeyVault${kind}BackupV1.microsoft.com`;
    if (!text.startsWith(prefix)) {
      throw invalid;
    }
    try {
      const raw = Buffer.from(text.slice(prefix.length), 'base64url');
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      throw invalid;
    }
  }
}
