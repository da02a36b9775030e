// Plain data of keys as the extension sees them (no SDK types leak; never private key material).

/** `oct`: a symmetric (AES) key, Managed HSM only (`oct-HSM`). */
export type KeyTypeChoice = 'RSA' | 'EC' | 'oct';
export type RsaKeySize = 2048 | 3072 | 4096;
export type AesKeySize = 128 | 192 | 256;
export type EcCurve = 'P-256' | 'P-384' | 'P-521' | 'P-256K';
export type KeyOperationName = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'wrapKey' | 'unwrapKey' | 'import' | 'export';

/** The public half of a key as a JWK (RFC 7517): never d, p, q, dp, dq, qi. */
export interface PublicJwk {
  readonly kid?: string;
  readonly kty: string;
  readonly key_ops?: readonly string[];
  readonly n?: string;
  readonly e?: string;
  readonly crv?: string;
  readonly x?: string;
  readonly y?: string;
}

/** Everything shown in a key's details document: attributes and public parameters only. */
export interface KeyDetails {
  readonly name: string;
  readonly id: string;
  readonly version?: string;
  readonly vaultUrl: string;
  /** kty as the service returns it: RSA, RSA-HSM, EC, EC-HSM, oct-HSM… */
  readonly keyType: string;
  readonly hsm: boolean;
  /** RSA modulus size in bits. */
  readonly keySize?: number;
  readonly curve?: string;
  readonly operations: readonly string[];
  readonly enabled: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
  readonly createdOn?: Date;
  readonly updatedOn?: Date;
  readonly managed: boolean;
  readonly exportable?: boolean;
  readonly recoveryLevel?: string;
  readonly recoverableDays?: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly publicJwk: PublicJwk;
}

export interface CreateKeyRequest {
  readonly name: string;
  readonly type: KeyTypeChoice;
  readonly hsm?: boolean;
  readonly size?: RsaKeySize | AesKeySize;
  readonly curve?: EcCurve;
  readonly operations?: readonly KeyOperationName[];
  readonly expiresOn?: Date;
  readonly notBefore?: Date;
  readonly tags?: Readonly<Record<string, string>>;
  readonly enabled?: boolean;
}

export interface KeyPropertiesUpdate {
  readonly enabled?: boolean;
  readonly expiresOn?: Date;
  readonly notBefore?: Date;
  readonly tags?: Readonly<Record<string, string>>;
  readonly operations?: readonly KeyOperationName[];
}

export interface RotationAction {
  readonly action: 'Rotate' | 'Notify';
  readonly timeAfterCreate?: string;
  readonly timeBeforeExpiry?: string;
}

export interface RotationPolicy {
  readonly lifetimeActions: readonly RotationAction[];
  /** ISO 8601 duration: the expiry of new versions (e.g. P1Y). */
  readonly expiryTime?: string;
  readonly createdOn?: Date;
  readonly updatedOn?: Date;
}

export type EncryptionAlgorithmName = 'RSA-OAEP' | 'RSA-OAEP-256' | 'RSA1_5';
export type SignatureAlgorithmName = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'ES256K';

export interface CryptoResult {
  readonly result: Uint8Array;
  /** The versioned key id that did the operation. */
  readonly keyId?: string;
  readonly algorithm: string;
}
