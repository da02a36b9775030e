// Request validation of the keys handlers: attributes, key operations, key type and size or curve.
import { badParameter } from '../errors';
import { checkAttributes, type AttributeInput } from '../objects';
import { RSA_SIZES, isCurve, isKeyType, isRsa, type KeySpec, type KeyType } from './material';

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
const RSA_ONLY = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

export function defaultKeyOps(kty: KeyType): string[] {
  return isRsa(kty) ? ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'];
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
    if (!isRsa(kty) && RSA_ONLY.includes(op)) {
      throw badParameter(`Key operation ${op} is not supported for key type ${kty}.`);
    }
    if (!ops.includes(op)) {
      ops.push(op);
    }
  }
  return ops;
}

export function parseKeyType(kty: unknown): KeyType {
  if (!isKeyType(kty)) {
    throw badParameter(
      kty === 'oct' || kty === 'oct-HSM'
        ? `Key type ${kty} is only supported by Managed HSM.`
        : `Invalid key type '${String(kty)}': use RSA, RSA-HSM, EC or EC-HSM.`,
    );
  }
  return kty;
}

/** Size / exponent (RSA) or curve (EC) of a create request. */
export function parseKeySpec(kty: KeyType, body: Record<string, unknown>): KeySpec {
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
