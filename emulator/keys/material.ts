// Key material: generation (real key pairs), JWK import, the public JWK the service shows, key type and size.
import { createPrivateKey, createPublicKey, createSecretKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { badParameter, EmuError } from '../errors';
import type { CurveName } from './ecdsa';

export type KeyType = 'RSA' | 'RSA-HSM' | 'EC' | 'EC-HSM' | 'oct' | 'oct-HSM';
export const KEY_TYPES: readonly KeyType[] = ['RSA', 'RSA-HSM', 'EC', 'EC-HSM', 'oct', 'oct-HSM'];
export const RSA_SIZES: readonly number[] = [2048, 3072, 4096];
/** AES key sizes (bits) of `oct-HSM` keys (Managed HSM). */
export const OCT_SIZES: readonly number[] = [128, 192, 256];
export const CURVES: readonly CurveName[] = ['P-256', 'P-384', 'P-521', 'P-256K'];

/** What to generate. */
export interface KeySpec {
  readonly kty: KeyType;
  /** RSA modulus bits, or the AES key size of an oct key. */
  readonly size?: number;
  readonly curve?: CurveName;
  readonly publicExponent?: number;
}

const NODE_CURVE: Readonly<Record<CurveName, string>> = {
  'P-256': 'prime256v1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
  'P-256K': 'secp256k1',
};

const JWK_CURVE_TO_NODE_JWK: Readonly<Record<CurveName, string>> = {
  'P-256': 'P-256',
  'P-384': 'P-384',
  'P-521': 'P-521',
  'P-256K': 'secp256k1',
};

const generateKeyPairAsync = promisify(generateKeyPair);

export function isRsa(kty: KeyType): boolean {
  return kty === 'RSA' || kty === 'RSA-HSM';
}

/** A symmetric (AES) key: `oct` / `oct-HSM`. */
export function isOct(kty: KeyType): boolean {
  return kty === 'oct' || kty === 'oct-HSM';
}

export function isKeyType(value: unknown): value is KeyType {
  return typeof value === 'string' && (KEY_TYPES as readonly string[]).includes(value);
}

export function isCurve(value: unknown): value is CurveName {
  return typeof value === 'string' && (CURVES as readonly string[]).includes(value);
}

export async function generateKey(spec: KeySpec): Promise<KeyObject> {
  if (isOct(spec.kty)) {
    return createSecretKey(randomBytes((spec.size ?? 256) / 8));
  }
  if (isRsa(spec.kty)) {
    const pair = await generateKeyPairAsync('rsa', {
      modulusLength: spec.size ?? 2048,
      publicExponent: spec.publicExponent ?? 65537,
    });
    return pair.privateKey;
  }
  const pair = await generateKeyPairAsync('ec', { namedCurve: NODE_CURVE[spec.curve ?? 'P-256'] });
  return pair.privateKey;
}

/** The curve of an EC key in JWK terms, or undefined for RSA. */
export function curveOf(key: KeyObject): CurveName | undefined {
  const named = key.asymmetricKeyDetails?.namedCurve;
  if (named === undefined) {
    return undefined;
  }
  const found = (Object.keys(NODE_CURVE) as CurveName[]).find((c) => NODE_CURVE[c] === named);
  if (found === undefined) {
    throw badParameter(`The curve ${named} is not supported.`);
  }
  return found;
}

/** The spec that regenerates a key of the same type and size (rotation). */
export function specOf(kty: KeyType, key: KeyObject): KeySpec {
  if (isOct(kty)) {
    return { kty, size: (key.symmetricKeySize ?? 32) * 8 };
  }
  if (isRsa(kty)) {
    const details = key.asymmetricKeyDetails;
    return { kty, size: details?.modulusLength ?? 2048, publicExponent: Number(details?.publicExponent ?? 65537n) };
  }
  return { kty, curve: curveOf(key) ?? 'P-256' };
}

/** The public parts only: n, e for RSA; crv, x, y for EC; nothing but the type for a symmetric key. */
export function publicJwkOf(kty: KeyType, key: KeyObject): Record<string, string> {
  if (isOct(kty)) {
    return { kty };
  }
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (isRsa(kty)) {
    return { kty, n: String(jwk.n), e: String(jwk.e) };
  }
  return { kty, crv: curveOf(key) ?? 'P-256', x: String(jwk.x), y: String(jwk.y) };
}

/** The EC private scalar, big-endian. Never leaves the emulator. */
export function ecPrivateScalar(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.d), 'base64url');
}

function b64(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_\-+/]*={0,2}$/.test(value) || value.length === 0) {
    throw badParameter(`The JSON web key field '${field}' is missing or not base64url.`);
  }
  // Normalise base64 (some clients pad or use the standard alphabet) to unpadded base64url.
  return Buffer.from(value, value.includes('+') || value.includes('/') ? 'base64' : 'base64url').toString('base64url');
}

/** The AES key of an imported `oct` JWK (`k`: 128, 192 or 256 bits). */
function importOctJwk(jwk: Record<string, unknown>): KeyObject {
  const k = Buffer.from(b64(jwk.k, 'k'), 'base64url');
  if (!OCT_SIZES.includes(k.length * 8)) {
    throw badParameter('The AES key size is not supported; use 128, 192 or 256 bits.');
  }
  return createSecretKey(k);
}

/** Builds the private KeyObject of an imported JWK; the JWK must hold the private parts. */
export function importPrivateJwk(jwk: Record<string, unknown>, hsm: boolean): { kty: KeyType; key: KeyObject } {
  const raw = jwk.kty;
  if (!isKeyType(raw)) {
    throw badParameter(`The key type '${String(raw)}' is not supported for import; use RSA, RSA-HSM, EC, EC-HSM or oct-HSM.`);
  }
  const hardware = hsm || raw.endsWith('-HSM');
  if (isOct(raw)) {
    return { kty: hardware ? 'oct-HSM' : 'oct', key: importOctJwk(jwk) };
  }
  const rsa = isRsa(raw);
  const kty: KeyType = hardware ? (rsa ? 'RSA-HSM' : 'EC-HSM') : rsa ? 'RSA' : 'EC';
  if (jwk.d === undefined) {
    throw badParameter('The imported key must contain its private key material.');
  }
  let key: KeyObject;
  try {
    if (rsa) {
      const fields = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
      const parts: Record<string, string> = { kty: 'RSA' };
      for (const f of fields) {
        parts[f] = b64(jwk[f], f);
      }
      key = createPrivateKey({ key: parts, format: 'jwk' });
    } else {
      const crv = jwk.crv;
      if (!isCurve(crv)) {
        throw badParameter(`The curve '${String(crv)}' is not supported.`);
      }
      key = createPrivateKey({
        key: { kty: 'EC', crv: JWK_CURVE_TO_NODE_JWK[crv], x: b64(jwk.x, 'x'), y: b64(jwk.y, 'y'), d: b64(jwk.d, 'd') },
        format: 'jwk',
      });
    }
  } catch (err) {
    if (err instanceof EmuError) {
      throw err;
    }
    throw badParameter('The JSON web key is not a valid key.');
  }
  if (rsa && !RSA_SIZES.includes(key.asymmetricKeyDetails?.modulusLength ?? 0)) {
    throw badParameter('The RSA key size is not supported; use 2048, 3072 or 4096 bits.');
  }
  return { kty, key };
}
