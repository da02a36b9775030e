// Symmetric operations of `oct-HSM` keys (Managed HSM), done for real with node:crypto: encrypt/decrypt with
// AES-GCM (the service makes the 12-byte IV and returns it with the 16-byte tag), AES-CBC (no padding: whole
// blocks) and AES-CBC-PAD (PKCS#7), both with a 16-byte IV from the client; wrapkey/unwrapkey with AES key wrap
// (RFC 3394: A128KW/A192KW/A256KW, CKM_AES_KEY_WRAP) and AES key wrap with padding (RFC 5649: CKM_AES_KEY_WRAP_PAD).
// The algorithm's size must be the key's size.
import { createCipheriv, createDecipheriv, randomBytes, type CipherGCMTypes, type KeyObject } from 'node:crypto';
import { badParameter, EmuError } from '../errors';

type Mode = 'gcm' | 'cbc' | 'cbcpad' | 'kw' | 'kwp';

interface AesAlgorithm {
  readonly mode: Mode;
  /** Key bits, or undefined for the CKM_* algorithms, which take the key's own size. */
  readonly bits?: number;
}

const ENCRYPTION: Readonly<Record<string, AesAlgorithm>> = {
  A128GCM: { mode: 'gcm', bits: 128 },
  A192GCM: { mode: 'gcm', bits: 192 },
  A256GCM: { mode: 'gcm', bits: 256 },
  A128CBC: { mode: 'cbc', bits: 128 },
  A192CBC: { mode: 'cbc', bits: 192 },
  A256CBC: { mode: 'cbc', bits: 256 },
  A128CBCPAD: { mode: 'cbcpad', bits: 128 },
  A192CBCPAD: { mode: 'cbcpad', bits: 192 },
  A256CBCPAD: { mode: 'cbcpad', bits: 256 },
};

const WRAPPING: Readonly<Record<string, AesAlgorithm>> = {
  A128KW: { mode: 'kw', bits: 128 },
  A192KW: { mode: 'kw', bits: 192 },
  A256KW: { mode: 'kw', bits: 256 },
  CKM_AES_KEY_WRAP: { mode: 'kw' },
  CKM_AES_KEY_WRAP_PAD: { mode: 'kwp' },
};

/** RFC 3394 / RFC 5649 initial values. */
const KW_IV = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
const KWP_IV = Buffer.from('a65959a6', 'hex');

export interface AesInput {
  readonly alg: string;
  readonly value: Buffer;
  readonly iv?: Buffer;
  readonly aad?: Buffer;
  readonly tag?: Buffer;
}

/** What the operation answers besides `kid` (base64url fields). */
export type AesResult = Record<string, string>;

function algorithmFor(op: 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey', alg: string, key: KeyObject): { mode: Mode; bits: number } {
  const table = op === 'encrypt' || op === 'decrypt' ? ENCRYPTION : WRAPPING;
  const found = table[alg];
  const keyBits = (key.symmetricKeySize ?? 0) * 8;
  if (found === undefined) {
    throw badParameter(`Algorithm ${alg} is not supported for key type oct-HSM and operation ${op}.`);
  }
  if (found.bits !== undefined && found.bits !== keyBits) {
    throw badParameter(`Algorithm ${alg} requires a ${found.bits}-bit key; this key has ${keyBits} bits.`);
  }
  return { mode: found.mode, bits: keyBits };
}

function cipherName(mode: Mode, bits: number): string {
  switch (mode) {
    case 'gcm':
      return `aes-${bits}-gcm`;
    case 'cbc':
    case 'cbcpad':
      return `aes-${bits}-cbc`;
    case 'kw':
      return `id-aes${bits}-wrap`;
    case 'kwp':
      return `id-aes${bits}-wrap-pad`;
  }
}

function gcmName(bits: number): CipherGCMTypes {
  return bits === 128 ? 'aes-128-gcm' : bits === 192 ? 'aes-192-gcm' : 'aes-256-gcm';
}

function cbcIv(iv: Buffer | undefined): Buffer {
  if (iv === undefined || iv.length !== 16) {
    throw badParameter("The parameter 'iv' (16 bytes) is required for AES-CBC.");
  }
  return iv;
}

const b64 = (b: Buffer): string => b.toString('base64url');

function encrypt(mode: Mode, bits: number, key: KeyObject, input: AesInput): AesResult {
  if (mode === 'gcm') {
    const iv = input.iv ?? randomBytes(12);
    const cipher = createCipheriv(gcmName(bits), key, iv, { authTagLength: 16 });
    if (input.aad !== undefined) cipher.setAAD(input.aad);
    const value = Buffer.concat([cipher.update(input.value), cipher.final()]);
    return { value: b64(value), iv: b64(iv), tag: b64(cipher.getAuthTag()), ...(input.aad !== undefined ? { aad: b64(input.aad) } : {}) };
  }
  const iv = cbcIv(input.iv);
  if (mode === 'cbc' && input.value.length % 16 !== 0) {
    throw badParameter(`The plaintext must be a whole number of 16-byte blocks for ${input.alg}; use ${input.alg}PAD for other lengths.`);
  }
  const cipher = createCipheriv(cipherName(mode, bits), key, iv);
  cipher.setAutoPadding(mode === 'cbcpad');
  return { value: b64(Buffer.concat([cipher.update(input.value), cipher.final()])), iv: b64(iv) };
}

function decrypt(mode: Mode, bits: number, key: KeyObject, input: AesInput): AesResult {
  try {
    if (mode === 'gcm') {
      if (input.iv === undefined || input.tag === undefined) {
        throw badParameter("The parameters 'iv' and 'tag' are required for AES-GCM decryption.");
      }
      const decipher = createDecipheriv(gcmName(bits), key, input.iv, { authTagLength: input.tag.length });
      decipher.setAuthTag(input.tag);
      if (input.aad !== undefined) decipher.setAAD(input.aad);
      return { value: b64(Buffer.concat([decipher.update(input.value), decipher.final()])) };
    }
    const decipher = createDecipheriv(cipherName(mode, bits), key, cbcIv(input.iv));
    decipher.setAutoPadding(mode === 'cbcpad');
    return { value: b64(Buffer.concat([decipher.update(input.value), decipher.final()])) };
  } catch (err) {
    if (err instanceof EmuError) throw err;
    throw badParameter('The ciphertext could not be decrypted with this key and algorithm.');
  }
}

function wrap(mode: Mode, bits: number, key: KeyObject, input: AesInput, unwrap: boolean): AesResult {
  const iv = mode === 'kw' ? KW_IV : KWP_IV;
  try {
    const cipher = unwrap ? createDecipheriv(cipherName(mode, bits), key, iv) : createCipheriv(cipherName(mode, bits), key, iv);
    return { value: b64(Buffer.concat([cipher.update(input.value), cipher.final()])) };
  } catch {
    throw badParameter(unwrap ? 'The wrapped key could not be unwrapped with this key and algorithm.' : `The key to wrap is not valid for ${input.alg}.`);
  }
}

/** Runs one symmetric operation with an AES key; validation failures throw BadParameter. */
export function runAesOperation(op: 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey', key: KeyObject, input: AesInput): AesResult {
  const { mode, bits } = algorithmFor(op, input.alg, key);
  switch (op) {
    case 'encrypt':
      return encrypt(mode, bits, key, input);
    case 'decrypt':
      return decrypt(mode, bits, key, input);
    case 'wrapKey':
      return wrap(mode, bits, key, input, false);
    case 'unwrapKey':
      return wrap(mode, bits, key, input, true);
  }
}
