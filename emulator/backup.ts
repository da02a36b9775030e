// Opaque backup blobs, bound as the service binds them: "The key vault that you restore into can be different from
// the one you backed up from, but it must use the same subscription and be in an Azure region in the same geography"
// (learn.microsoft.com/azure/key-vault/general/backup). A blob is a service-like prefix, then the object encrypted
// with AES-256-GCM under a key derived from a process-lived secret AND the source vault's subscription and geography
// (geography.ts), behind a tag naming that scope. So any vault or Managed HSM of the same emulator, subscription and
// geography restores it; nothing else can read it.
//
// Refusals:
// - another subscription or geography (or another emulator process): 400 `BadParameter` "Cannot decrypt backup
//   blob." — the message users quote from the service for a restore into another region's vault
//   (MicrosoftDocs/azure-docs#107520: eastus → germanywestcentral; Azure/azure-cli#8767: another vault). No public
//   source shows the status and code with it; 400 BadParameter is what the service answers for every other bad blob.
// - no prefix, a blob of another kind, cut or altered: 400 `BadParameter` "Backup blob contains invalid or corrupt
//   version." (the service's words for a malformed blob, asserted by the Azure SDK for JS tests of secrets, keys and
//   certificates).
import * as crypto from 'node:crypto';
import { badParameter, type EmuError } from './errors';
import { geographyOf } from './geography';
import type { VaultContext } from './types';

export type BackupKind = 'Secret' | 'Key' | 'Certificate';

/** Where a blob may be restored: the source vault's subscription and Azure geography. */
export interface BackupScope {
  readonly subscriptionId: string;
  readonly geography: string;
}

/** The scope of a vault or Managed HSM (contexts without ARM coordinates, as in unit tests, share one scope). */
export function backupScopeOf(ctx: Pick<VaultContext, 'subscriptionId' | 'location'>): BackupScope {
  return { subscriptionId: (ctx.subscriptionId ?? '').toLowerCase(), geography: geographyOf(ctx.location ?? '') };
}

export function corruptBackup(): EmuError {
  return badParameter('Backup blob contains invalid or corrupt version.');
}

export function undecryptableBackup(): EmuError {
  return badParameter('Cannot decrypt backup blob.');
}

const SCOPE_TAG_BYTES = 16;
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

const prefixOf = (kind: BackupKind): string => `)AzureKeyVault${kind}BackupV1.microsoft.com`;

export class BackupCodec {
  private readonly secret = crypto.randomBytes(32);

  /** The scope's encryption key and the tag that says which scope a blob was sealed for. */
  private scopeKeys(scope: BackupScope): { key: Buffer; tag: Buffer } {
    const name = `${scope.subscriptionId}\n${scope.geography}`;
    const key = Buffer.from(crypto.hkdfSync('sha256', this.secret, Buffer.alloc(0), `backup key\n${name}`, 32));
    const tag = crypto.createHmac('sha256', this.secret).update(`backup scope\n${name}`).digest().subarray(0, SCOPE_TAG_BYTES);
    return { key, tag };
  }

  seal(kind: BackupKind, scope: BackupScope, payload: unknown): string {
    const { key, tag } = this.scopeKeys(scope);
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(kind, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([tag, iv, cipher.getAuthTag(), data]).toString('base64url');
    return Buffer.from(`${prefixOf(kind)}${sealed}`, 'utf8').toString('base64url');
  }

  /** The payload of a blob sealed for `scope`; throws the service's 400s otherwise (see the top of this file). */
  open(kind: BackupKind, scope: BackupScope, blob: unknown): unknown {
    if (typeof blob !== 'string' || blob.length === 0) {
      throw corruptBackup();
    }
    const text = Buffer.from(blob, 'base64url').toString('utf8');
    const prefix = prefixOf(kind);
    if (!text.startsWith(prefix)) {
      throw corruptBackup();
    }
    const raw = Buffer.from(text.slice(prefix.length), 'base64url');
    if (raw.length <= SCOPE_TAG_BYTES + IV_BYTES + AUTH_TAG_BYTES) {
      throw corruptBackup();
    }
    const { key, tag } = this.scopeKeys(scope);
    if (!crypto.timingSafeEqual(raw.subarray(0, SCOPE_TAG_BYTES), tag)) {
      throw undecryptableBackup();
    }
    try {
      const ivEnd = SCOPE_TAG_BYTES + IV_BYTES;
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(SCOPE_TAG_BYTES, ivEnd));
      decipher.setAAD(Buffer.from(kind, 'utf8'));
      decipher.setAuthTag(raw.subarray(ivEnd, ivEnd + AUTH_TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(ivEnd + AUTH_TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      throw corruptBackup();
    }
  }
}
