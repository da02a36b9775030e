// The cryptographic operations, done for real with the stored private key: encrypt/decrypt, wrapkey/unwrapkey,
// sign/verify (the input of sign and verify is a digest, as the service expects).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { badParameter } from '../errors';
import { runAesOperation, type AesResult } from './aes';
import { ecdsaSignDigest, ecdsaVerifyDigest, type CurveName } from './ecdsa';
import { curveOf, ecPrivateScalar, isOct, isRsa, type KeyType } from './material';
import {
  hashLength,
  rsaDecrypt,
  rsaEncrypt,
  rsaPkcs1SignDigest,
  rsaPkcs1VerifyDigest,
  rsaPssSignDigest,
  rsaPssVerifyDigest,
  type RsaEncryptionAlgorithm,
  type RsaHash,
} from './rsa';

/** Operation names as in JWK key_ops. */
export type CryptoOperation = 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey' | 'sign' | 'verify';

/** URL segment (lower case) → operation. */
export const OPERATION_SEGMENTS: Readonly<Record<string, CryptoOperation>> = {
  encrypt: 'encrypt',
  decrypt: 'decrypt',
  wrapkey: 'wrapKey',
  unwrapkey: 'unwrapKey',
  sign: 'sign',
  verify: 'verify',
};

const RSA_ENCRYPTION: readonly string[] = ['RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256'];

type SignatureScheme =
  | { readonly family: 'rsa'; readonly pss: boolean; readonly hash: RsaHash }
  | { readonly family: 'ec'; readonly curve: CurveName; readonly digestLength: number };

const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureScheme>> = {
  RS256: { family: 'rsa', pss: false, hash: 'sha256' },
  RS384: { family: 'rsa', pss: false, hash: 'sha384' },
  RS512: { family: 'rsa', pss: false, hash: 'sha512' },
  PS256: { family: 'rsa', pss: true, hash: 'sha256' },
  PS384: { family: 'rsa', pss: true, hash: 'sha384' },
  PS512: { family: 'rsa', pss: true, hash: 'sha512' },
  ES256: { family: 'ec', curve: 'P-256', digestLength: 32 },
  ES384: { family: 'ec', curve: 'P-384', digestLength: 48 },
  ES512: { family: 'ec', curve: 'P-521', digestLength: 64 },
  ES256K: { family: 'ec', curve: 'P-256K', digestLength: 32 },
};

export type OperationResult = { readonly value: string } | { readonly value: boolean } | AesResult;

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string') {
    throw badParameter(`The parameter '${name}' is required.`);
  }
  return v;
}

function bytes(body: Record<string, unknown>, name: string): Buffer {
  const v = field(body, name);
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(v)) {
    throw badParameter(`The parameter '${name}' is not base64url.`);
  }
  return Buffer.from(v, v.includes('+') || v.includes('/') ? 'base64' : 'base64url');
}

function optionalBytes(body: Record<string, unknown>, name: string): Buffer | undefined {
  return body[name] === undefined || body[name] === null ? undefined : bytes(body, name);
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badParameter('The request body is missing or is not a JSON object.');
  }
  return body as Record<string, unknown>;
}

function encryptionAlgorithm(kty: KeyType, alg: string): RsaEncryptionAlgorithm {
  if (!isRsa(kty) || !RSA_ENCRYPTION.includes(alg)) {
    throw badParameter(`Algorithm ${alg} is not supported for key type ${kty}.`);
  }
  return alg as RsaEncryptionAlgorithm;
}

function signatureScheme(kty: KeyType, key: KeyObject, alg: string, digest: Buffer): SignatureScheme {
  const scheme = SIGNATURE_ALGORITHMS[alg];
  if (scheme === undefined || (scheme.family === 'rsa') !== isRsa(kty)) {
    throw badParameter(`Algorithm ${alg} is not supported for key type ${kty}.`);
  }
  if (scheme.family === 'ec' && curveOf(key) !== scheme.curve) {
    throw badParameter(`Algorithm ${alg} requires a key on curve ${scheme.curve}.`);
  }
  const expected = scheme.family === 'rsa' ? hashLength(scheme.hash) : scheme.digestLength;
  if (digest.length !== expected) {
    throw badParameter(`Invalid digest length for algorithm ${alg}: expected ${expected} bytes, got ${digest.length}.`);
  }
  return scheme;
}

/** Runs one operation; validation failures throw a BadParameter error. */
export function runOperation(op: CryptoOperation, kty: KeyType, key: KeyObject, rawBody: unknown): OperationResult {
  const body = asObject(rawBody);
  const alg = field(body, 'alg');
  if (isOct(kty)) {
    if (op === 'sign' || op === 'verify') {
      throw badParameter(`Operation ${op} is not supported for key type ${kty}.`);
    }
    return runAesOperation(op, key, {
      alg,
      value: bytes(body, 'value'),
      iv: optionalBytes(body, 'iv'),
      aad: optionalBytes(body, 'aad'),
      tag: optionalBytes(body, 'tag'),
    });
  }
  switch (op) {
    case 'encrypt':
    case 'wrapKey': {
      const a = encryptionAlgorithm(kty, alg);
      try {
        return { value: rsaEncrypt(createPublicKey(key), a, bytes(body, 'value')).toString('base64url') };
      } catch {
        throw badParameter(`The value is too long for algorithm ${alg} with this key.`);
      }
    }
    case 'decrypt':
    case 'unwrapKey': {
      const a = encryptionAlgorithm(kty, alg);
      try {
        return { value: rsaDecrypt(key, a, bytes(body, 'value')).toString('base64url') };
      } catch {
        throw badParameter('The ciphertext could not be decrypted with this key and algorithm.');
      }
    }
    case 'sign': {
      const digest = bytes(body, 'value');
      const scheme = signatureScheme(kty, key, alg, digest);
      const signature =
        scheme.family === 'ec'
          ? ecdsaSignDigest(scheme.curve, ecPrivateScalar(key), digest)
          : scheme.pss
            ? rsaPssSignDigest(key, scheme.hash, digest)
            : rsaPkcs1SignDigest(key, scheme.hash, digest);
      return { value: signature.toString('base64url') };
    }
    case 'verify': {
      const digest = bytes(body, 'digest');
      const signature = bytes(body, 'value');
      const scheme = signatureScheme(kty, key, alg, digest);
      const pub = createPublicKey(key);
      if (scheme.family === 'ec') {
        const jwk = pub.export({ format: 'jwk' });
        const x = Buffer.from(String(jwk.x), 'base64url');
        const y = Buffer.from(String(jwk.y), 'base64url');
        return { value: ecdsaVerifyDigest(scheme.curve, x, y, digest, signature) };
      }
      return {
        value: scheme.pss
          ? rsaPssVerifyDigest(pub, scheme.hash, digest, signature)
          : rsaPkcs1VerifyDigest(pub, scheme.hash, digest, signature),
      };
    }
  }
}
