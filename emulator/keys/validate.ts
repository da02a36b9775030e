// Request validation of the keys handlers: attributes, key operations, key type and size or curve.
import { badParameter } from '../errors';
import { checkAttributes, type AttributeInput } from '../objects';
import { OCT_SIZES, RSA_SIZES, isCurve, isOct, isRsa, type KeySpec, type KeyType } from './material';

/** The key's nbf must not come after its exp. */
export function checkValidityWindow(nbf: number | undefined, exp: number | undefined): void {
  if (nbf !== undefined && exp !== undefined && exp < nbf) {
    throw badParameter('The expiry time must be later than the not-before time.');
  }
}

/** `attributes` of a key request: the shared ones plus `exportable`, with a consistent validity window. */
export function parseKeyAttributes(raw: unknown): AttributeInput {
  const attrs = checkAttributes(raw, { exportable: true });
  checkValidityWindow(attrs.nbf, attrs.exp);
  return attrs;
}

const OPERATIONS = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey', 'import', 'export'];
const ENCRYPTION = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
const SIGNING = ['sign', 'verify'];

/** Defaults: RSA all six operations, EC sign/verify, oct (AES) the four encryption operations. */
export function defaultKeyOps(kty: KeyType): string[] {
  if (isOct(kty)) {
    return ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
  }
  return isRsa(kty) ? ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'];
}

/** Operations the key type cannot do: EC keys do not encrypt, AES keys do not sign. */
function unsupportedOps(kty: KeyType): readonly string[] {
  if (isOct(kty)) return SIGNING;
  return isRsa(kty) ? [] : ENCRYPTION;
}

/** Validates key_ops (case-insensitive, returned in canonical spelling); undefined when absent. */
export function parseKeyOps(raw: unknown, kty: KeyType): string[] | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (!Array.isArray(raw)) {
    throw badParameter('key_ops must be an array of operation names.');
  }
  const ops: string[] = [];
  for (const item of raw) {
    const op = typeof item === 'string' ? OPERATIONS.find((o) => o.toLowerCase() === item.toLowerCase()) : undefined;
    if (op === undefined) {
      throw badParameter(`Invalid key operation: ${String(item)}.`);
    }
    if (unsupportedOps(kty).includes(op)) {
      throw badParameter(`Key operation ${op} is not supported for key type ${kty}.`);
    }
    if (!ops.includes(op)) {
      ops.push(op);
    }
  }
  return ops;
}

/** Size / exponent (RSA), curve (EC) or AES key size (oct, default 256) of a create request. */
export function parseKeySpec(kty: KeyType, body: Record<string, unknown>): KeySpec {
  if (isOct(kty)) {
    const size = body.key_size ?? 256;
    if (typeof size !== 'number' || !OCT_SIZES.includes(size)) {
      throw badParameter(`Invalid key size '${JSON.stringify(size)}': AES keys are 128, 192 or 256 bits.`);
    }
    return { kty, size };
  }
  if (isRsa(kty)) {
    const size = body.key_size ?? 2048;
    const exponent = body.public_exponent ?? 65537;
    if (typeof size !== 'number' || !RSA_SIZES.includes(size)) {
      throw badParameter(`Invalid key size '${JSON.stringify(size)}': RSA keys are 2048, 3072 or 4096 bits.`);
    }
    if (exponent !== 65537 && exponent !== 3) {
      throw badParameter(`Invalid public exponent '${JSON.stringify(exponent)}'.`);
    }
    return { kty, size, publicExponent: exponent };
  }
  const crv = body.crv ?? 'P-256';
  if (!isCurve(crv)) {
    throw badParameter(`Invalid curve '${JSON.stringify(crv)}': use P-256, P-384, P-521 or P-256K.`);
  }
  return { kty, curve: crv };
}
