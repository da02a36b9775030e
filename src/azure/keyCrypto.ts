// Cryptography with a vault key through the SDK's CryptographyClient (KeyClient.getCryptographyClient: the same
// pipeline, challenge and throttling as the vault's KeyClient). Decrypt and sign always run in the vault (the
// private key never leaves it); the SDK may encrypt with RSA-OAEP/RSA1_5 locally with the PUBLIC key it fetched.
// Digests for signing are computed here, locally, with node:crypto. Pure helpers are exported for unit tests.
import { nodeCrypto } from './nodeCrypto';
import type { CryptoResult, EncryptionAlgorithmName, KeyDetails, SignatureAlgorithmName } from './keyModel';
import type { VaultClients } from './vaultClients';
import type { OperationOptions } from './polling';

export const encryptionAlgorithms: readonly EncryptionAlgorithmName[] = ['RSA-OAEP-256', 'RSA-OAEP', 'RSA1_5'];

const hashOf: Record<SignatureAlgorithmName, 'sha256' | 'sha384' | 'sha512'> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  PS256: 'sha256',
  PS384: 'sha384',
  PS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  ES256K: 'sha256',
};

const curveAlgorithm: Record<string, SignatureAlgorithmName> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512', 'P-256K': 'ES256K' };

export function isSignatureAlgorithm(a: string): a is SignatureAlgorithmName {
  return Object.prototype.hasOwnProperty.call(hashOf, a);
}

/** The hash a signature algorithm signs (node:crypto name). */
export function hashFor(algorithm: SignatureAlgorithmName): 'sha256' | 'sha384' | 'sha512' {
  return hashOf[algorithm];
}

/** The digest signed in the vault: computed locally, so the message itself never leaves the machine. */
export function digestFor(algorithm: SignatureAlgorithmName, message: Uint8Array): Buffer {
  return nodeCrypto().createHash(hashOf[algorithm]).update(message).digest();
}

/** Signature algorithms a key can use: RSA → RSnnn and PSnnn; EC → the one algorithm of its curve. */
export function signatureAlgorithmsFor(key: Pick<KeyDetails, 'keyType' | 'curve'>): SignatureAlgorithmName[] {
  if (/^RSA/i.test(key.keyType)) return ['RS256', 'PS256', 'RS384', 'PS384', 'RS512', 'PS512'];
  if (/^EC/i.test(key.keyType)) {
    const alg = key.curve ? curveAlgorithm[key.curve] : undefined;
    return alg ? [alg] : [];
  }
  return [];
}

/** Encryption algorithms a key can use (RSA keys only). */
export function encryptionAlgorithmsFor(key: Pick<KeyDetails, 'keyType'>): EncryptionAlgorithmName[] {
  return /^RSA/i.test(key.keyType) ? [...encryptionAlgorithms] : [];
}

/** The longest plaintext one RSA encryption takes, in bytes (RFC 8017: OAEP k−2hLen−2, PKCS#1 v1.5 k−11). */
export function maxPlaintextBytes(keySizeBits: number, algorithm: EncryptionAlgorithmName): number {
  const k = Math.ceil(keySizeBits / 8);
  switch (algorithm) {
    case 'RSA-OAEP':
      return k - 2 * 20 - 2;
    case 'RSA-OAEP-256':
      return k - 2 * 32 - 2;
    case 'RSA1_5':
      return k - 11;
  }
}

/** Length in bytes of a signature (RSA: the modulus; ECDSA raw r||s: twice the field size). */
export function signatureLength(key: Pick<KeyDetails, 'keyType' | 'keySize' | 'curve'>): number | undefined {
  if (/^RSA/i.test(key.keyType)) return key.keySize ? Math.ceil(key.keySize / 8) : undefined;
  const field: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66, 'P-256K': 32 };
  return key.curve && field[key.curve] ? field[key.curve]! * 2 : undefined;
}

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Decodes base64url (or base64); undefined when the text is not that. */
export function fromBase64Url(text: string): Buffer | undefined {
  const t = text.trim();
  if (!t || !/^[A-Za-z0-9_\-+/]+={0,2}$/.test(t)) return undefined;
  return Buffer.from(t.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
}

function client(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined) {
  return vaults.keys(vaultUrl).getCryptographyClient(name, version ? { keyVersion: version } : {});
}

export async function encrypt(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithmName, plaintext: Uint8Array, options: OperationOptions = {}): Promise<CryptoResult> {
  const r = await client(vaults, vaultUrl, name, version).encrypt({ algorithm, plaintext }, { abortSignal: options.abortSignal });
  return { result: r.result, keyId: r.keyID, algorithm };
}

export async function decrypt(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, algorithm: EncryptionAlgorithmName, ciphertext: Uint8Array, options: OperationOptions = {}): Promise<CryptoResult> {
  const r = await client(vaults, vaultUrl, name, version).decrypt({ algorithm, ciphertext }, { abortSignal: options.abortSignal });
  return { result: r.result, keyId: r.keyID, algorithm };
}

/** Signs the digest of `message` (computed here) in the vault. */
export async function sign(vaults: VaultClients, vaultUrl: string, name: string, version: string | undefined, algorithm: SignatureAlgorithmName, message: Uint8Array, options: OperationOptions = {}): Promise<CryptoResult> {
  const r = await client(vaults, vaultUrl, name, version).sign(algorithm, digestFor(algorithm, message), { abortSignal: options.abortSignal });
  return { result: r.result, keyId: r.keyID, algorithm };
}

/** Verifies a signature of `message` in the vault (the digest is computed here). */
export async function verify(
  vaults: VaultClients,
  vaultUrl: string,
  name: string,
  version: string | undefined,
  algorithm: SignatureAlgorithmName,
  message: Uint8Array,
  signature: Uint8Array,
  options: OperationOptions = {},
): Promise<{ valid: boolean; keyId?: string }> {
  const r = await client(vaults, vaultUrl, name, version).verify(algorithm, digestFor(algorithm, message), signature, { abortSignal: options.abortSignal });
  return { valid: r.result, keyId: r.keyID };
}
