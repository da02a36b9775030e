// What the certificate store needs from the secrets and keys stores of the same vault: a certificate owns a key and a
// secret of its own name, written, updated, deleted, recovered and purged together with it. SecretStore and KeyStore
// satisfy these interfaces structurally (return values are ignored).
import type { KeyObject } from 'node:crypto';
import type { BackupCodec } from '../backup';

/** Attributes a certificate version hands down to its key and secret (Unix seconds). */
export interface ManagedAttributes {
  readonly enabled: boolean;
  readonly nbf?: number;
  readonly exp?: number;
}

export interface ManagedSecretInput {
  /** PFX (base64) or PEM. */
  readonly value: string;
  readonly contentType: string;
  /** The key id of the same certificate version (the service puts it on the secret as `kid`). */
  readonly kid: string;
  readonly attributes: ManagedAttributes;
  /** The certificate version: key, secret and certificate versions share it. */
  readonly version: string;
}

export interface ManagedSecretSink {
  /** Adds a version of the certificate-owned secret `name`. */
  putManaged(name: string, input: ManagedSecretInput): unknown;
  /** Mirrors a certificate update onto a version of the secret. */
  updateManaged(name: string, version: string | undefined, patch: { attributes?: { enabled?: boolean } }): unknown;
  deleteManaged(name: string): unknown;
  recoverManaged(name: string): unknown;
  purgeManaged(name: string): unknown;
}

export interface ManagedKeyOptions {
  /** The certificate version: key, secret and certificate versions share it. */
  readonly version: string;
  /** JSON Web Key operations the key allows, derived from the certificate's key usage. */
  readonly keyOps: readonly string[];
  /** The policy asks for an HSM key type (`RSA-HSM`, `EC-HSM`). */
  readonly hsm: boolean;
  readonly exportable: boolean;
  readonly attributes: ManagedAttributes;
}

export interface ManagedKeySink {
  /** Adds a version of the certificate-owned key `name` holding `privateKey`. */
  putManaged(name: string, privateKey: KeyObject, opts: ManagedKeyOptions): unknown;
  /** Mirrors a certificate update onto a version of the key. */
  updateManaged(name: string, version: string | undefined, change: { enabled?: boolean }): unknown;
  deleteManaged(name: string): unknown;
  recoverManaged(name: string): unknown;
  purgeManaged(name: string): unknown;
}

export interface CertificateStoreDeps {
  readonly secrets: ManagedSecretSink;
  readonly keys: ManagedKeySink;
  /** Seals backup blobs; one per emulator so any of its vaults can restore them (default: a private codec). */
  readonly codec?: BackupCodec;
}
