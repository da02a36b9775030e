// The service's own backup blobs of secrets, keys and certificates (pure at load time: type-only SDK imports). A
// backup is always of the whole object — every version, its attributes, tags (a certificate also its policy, key
// and secret) — encrypted by Key Vault; the bytes are what `az keyvault … backup --file` writes (the SDK decodes the
// service's base64url `value`). A restore recreates the object under the name inside the blob and never overwrites:
// the service refuses a name in use (409), active or soft-deleted.
//
// A restore is a write the pipeline sends once (reliability.ts). It cannot be doubled — a second send of the same
// blob is refused by the service with 409 once the first has committed — but it can be lost: the connection drops
// after the vault restored the object, the caller sees an error. So after an ambiguous failure (safeWrite.ts):
//   the name is known (from the file name we wrote) and that object now exists → done (its properties read back);
//   otherwise → sent once more; a 409 "already exists" to THAT second send, for the name the file or the 409's
//   message gives, with the object there now → done as well (the first send committed).
// The one case this counts wrongly: the name existed BEFORE the first send and its 409 answer was lost — then the
// object in the vault is not the backup's. It exists either way, and the user is told it was confirmed by checking.
import type { KeyVaultCertificateWithPolicy } from '@azure/keyvault-certificates';
import type { KeyVaultKey } from '@azure/keyvault-keys';
import { serviceErrorOf, statusOf } from './errors';
import { certificateItem, keyItem, secretItem } from './mappers';
import type { ItemProperties, ObjectKind } from './model';
import type { OperationOptions } from './polling';
import { safeWrite } from './safeWrite';
import type { VaultClients } from './vaultClients';

export type { OperationOptions } from './polling';

/** What a restore made: the latest version's properties (no value), and whether a check after a failure confirmed it. */
export interface Restored {
  readonly properties: ItemProperties;
  /** The answer was lost and the object was found in the vault afterwards (see the top of this file). */
  readonly confirmedByCheck?: boolean;
}

export interface RestoreOptions extends OperationOptions {
  /** The object's name as the file name gives it, if it does: used to check after an ambiguous failure. */
  readonly nameHint?: string;
}

/** Thrown when the service answers a backup without a blob. */
export class EmptyBackupError extends Error {
  override readonly name = 'EmptyBackupError';
}

/** POST …/{kind}s/{name}/backup: the blob's bytes (one request; the pipeline may resend it, it changes nothing). */
export async function backupItem(vaults: VaultClients, vaultUrl: string, kind: ObjectKind, name: string, options: OperationOptions = {}): Promise<Uint8Array> {
  const call = { abortSignal: options.abortSignal };
  let bytes: Uint8Array | undefined;
  switch (kind) {
    case 'secret':
      bytes = await vaults.secrets(vaultUrl).backupSecret(name, call);
      break;
    case 'key':
      bytes = await vaults.keys(vaultUrl).backupKey(name, call);
      break;
    case 'certificate':
      bytes = await vaults.certificates(vaultUrl).backupCertificate(name, call);
      break;
  }
  if (!bytes || bytes.length === 0) throw new EmptyBackupError(`the vault returned an empty ${kind} backup`);
  return bytes;
}

const keyProperties = (k: KeyVaultKey): ItemProperties => keyItem(k.properties, k.keyType);
const certificateProperties = (c: KeyVaultCertificateWithPolicy): ItemProperties => certificateItem({ ...c.properties, name: c.properties.name ?? c.name });

/** POST …/{kind}s/restore, sent once. */
async function sendRestore(vaults: VaultClients, vaultUrl: string, kind: ObjectKind, bytes: Uint8Array, options: OperationOptions): Promise<ItemProperties> {
  const call = { abortSignal: options.abortSignal };
  switch (kind) {
    case 'secret':
      return secretItem(await vaults.secrets(vaultUrl).restoreSecretBackup(bytes, call));
    case 'key':
      return keyProperties(await vaults.keys(vaultUrl).restoreKeyBackup(bytes, call));
    case 'certificate':
      return certificateProperties(await vaults.certificates(vaultUrl).restoreCertificateBackup(bytes, call));
  }
}

/** The active object's (latest) properties, or undefined when there is none (404). Never a value. */
export async function activeProperties(vaults: VaultClients, vaultUrl: string, kind: ObjectKind, name: string, options: OperationOptions = {}): Promise<ItemProperties | undefined> {
  const call = { abortSignal: options.abortSignal };
  try {
    switch (kind) {
      case 'secret': {
        // The versions' properties (list: no value is read), newest first; a 404 when there is no active secret.
        const page = await vaults.listVersions(vaultUrl, 'secret', name, { pageSize: 25, ...call });
        if (page.items.length === 0) return undefined;
        return [...page.items].sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0))[0];
      }
      case 'key':
        return keyProperties(await vaults.keys(vaultUrl).getKey(name, call));
      case 'certificate':
        return certificateProperties(await vaults.certificates(vaultUrl).getCertificate(name, call));
    }
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** A 409 for a name in use by an ACTIVE object (not a soft-deleted one, not one being deleted). */
export function isNameInUse(error: unknown): boolean {
  if (statusOf(error) !== 409) return false;
  const { code, innerCode } = serviceErrorOf(error);
  return ![code, innerCode].some((c) => c === 'ObjectIsDeletedButRecoverable' || c === 'ObjectIsBeingDeleted');
}

/**
 * The object's name in a restore's 409 message ("Secret db already exists…", "Key k is currently in a deleted but
 * recoverable state…"): the word after the kind, when it is a valid object name. Names carry no secret.
 */
export function conflictName(error: unknown): string | undefined {
  if (statusOf(error) !== 409) return undefined;
  const match = /^\s*(?:secret|key|certificate)\s+'?([0-9A-Za-z-]{1,127})'?[\s.,;:]/i.exec(serviceErrorOf(error).message ?? '');
  return match?.[1];
}

/**
 * Restores a backup blob into the vault (see the top of this file for a restore whose answer was lost). Returns
 * the restored object's properties; a refusal (409 name in use, 400 another subscription or geography, 403) is
 * passed on as the service's error.
 */
export async function restoreItem(vaults: VaultClients, vaultUrl: string, kind: ObjectKind, bytes: Uint8Array, options: RestoreOptions = {}): Promise<Restored> {
  const { nameHint } = options;
  let sends = 0;
  return safeWrite<Restored>({
    kind,
    name: nameHint ?? '',
    send: async () => {
      sends++;
      try {
        return { properties: await sendRestore(vaults, vaultUrl, kind, bytes, options) };
      } catch (error) {
        // Only a resend's 409 can be this call's own first send: the first send's 409 is a real refusal.
        const name = sends > 1 && isNameInUse(error) ? (conflictName(error) ?? nameHint) : undefined;
        const found = name ? await activeProperties(vaults, vaultUrl, kind, name, options) : undefined;
        if (found) return { properties: found, confirmedByCheck: true };
        throw error;
      }
    },
    check: async () => {
      if (!nameHint) return undefined;
      const found = await activeProperties(vaults, vaultUrl, kind, nameHint, options);
      return found ? { result: { properties: found, confirmedByCheck: true } } : undefined;
    },
  });
}
