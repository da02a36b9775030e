// The certificate store's state: certificates with their versions, policy and pending operation, and deleted ones.
import type { StoredPolicy } from './policy';
import type { GeneratedKey } from './x509gen';

export interface StoredVersion {
  /** 32 lowercase hex characters, shared with the managed key and secret versions. */
  readonly version: string;
  created: number;
  updated: number;
  enabled: boolean;
  nbf?: number;
  exp?: number;
  tags?: Record<string, string>;
  /** DER certificates, leaf first; absent while the version is pending (or its operation was cancelled/failed). */
  chain?: Buffer[];
  /** PKCS#8 DER of the private key, kept for backups; absent while pending. */
  keyPkcs8?: Buffer;
  contentType: string;
  preserveCertOrder?: boolean;
}

export type OperationStatus = 'inProgress' | 'completed' | 'cancelled' | 'failed';

export interface PendingOperation {
  readonly requestId: string;
  /** The certificate version this operation issues. */
  readonly version: string;
  readonly issuer: StoredPolicy['issuer'];
  readonly csr: Buffer;
  readonly key: GeneratedKey;
  /** When a `Self` (or named-issuer) operation settles, in clock milliseconds; undefined: waits for a merge. */
  readonly dueAtMs?: number;
  /** `enabled` the issued version gets. */
  readonly enabled: boolean;
  status: OperationStatus;
  cancellationRequested: boolean;
  error?: { code: string; message: string };
  preserveCertOrder?: boolean;
  /** Set while the certificate is being signed, so concurrent requests wait for the same completion. */
  completing?: Promise<void>;
}

export interface CertEntry {
  /** The name as first created (lookups are case-insensitive). */
  readonly name: string;
  /** Oldest first. */
  versions: StoredVersion[];
  policy: StoredPolicy;
  operation?: PendingOperation;
  /** While a recovery completes the certificate stays invisible (clock milliseconds). */
  hiddenUntilMs?: number;
}

export interface DeletedEntry {
  readonly entry: CertEntry;
  readonly deletedDate: number;
  readonly scheduledPurgeDate: number;
  /** The deleted certificate shows (get/list/recover/purge) from this clock time on. */
  readonly visibleAtMs: number;
}

/** Whether any version was issued, i.e. the certificate owns a key and a secret. */
export function hasManaged(entry: CertEntry): boolean {
  return entry.versions.some((v) => v.chain !== undefined);
}

/** Seconds before "now" a new certificate's validity starts (as the service backdates it). */
export const BACKDATE_SECONDS = 600;
