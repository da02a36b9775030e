// Request validation shared by the handlers: names, tags, attributes, key operations, paging parameters.
import { badParameter } from './errors';
import { RSA_SIZES, isCurve, isKeyType, isRsa, type KeySpec, type KeyType } from './material';

const NAME = /^[0-9a-zA-Z-]{1,127}$/;

export function checkName(name: string | undefined): string {
  if (name === undefined || !NAME.test(name)) {
    throw badParameter(`The request URI contains an invalid name: ${String(name).slice(0, 130)}`);
  }
  return name;
}

export function asBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badParameter('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

export function parseTags(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw badParameter('Tags must be an object of string values.');
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 15) {
    throw badParameter('Too many tags: at most 15 are allowed.');
  }
  const tags: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (typeof v !== 'string') {
      throw badParameter(`The value of tag '${k}' must be a string.`);
    }
    if (k.length > 512 || v.length > 256) {
      throw badParameter('Tag names are limited to 512 characters and tag values to 256 characters.');
    }
    tags[k] = v;
  }
  return tags;
}

export interface AttributeInput {
  enabled?: boolean;
  nbf?: number | null;
  exp?: number | null;
  exportable?: boolean;
}

function time(raw: unknown, name: string): number | null | undefined {
  if (raw === undefined || raw === null) {
    return raw;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    throw badParameter(`The attribute '${name}' must be a Unix time in seconds.`);
  }
  return Math.floor(raw);
}

export function parseAttributes(raw: unknown): AttributeInput {
  if (raw === undefined || raw === null) {
    return {};
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw badParameter('Attributes must be an object.');
  }
  const a = raw as Record<string, unknown>;
  const out: AttributeInput = {};
  if (a.enabled !== undefined && a.enabled !== null) {
    if (typeof a.enabled !== 'boolean') {
      throw badParameter("The attribute 'enabled' must be a boolean.");
    }
    out.enabled = a.enabled;
  }
  if (a.exportable !== undefined && a.exportable !== null) {
    if (typeof a.exportable !== 'boolean') {
      throw badParameter("The attribute 'exportable' must be a boolean.");
    }
    out.exportable = a.exportable;
  }
  const nbf = time(a.nbf, 'nbf');
  const exp = time(a.exp, 'exp');
  if (nbf !== undefined) {
    out.nbf = nbf;
  }
  if (exp !== undefined) {
    out.exp = exp;
  }
  if (typeof nbf === 'number' && typeof exp === 'number' && exp < nbf) {
    throw badParameter('The expiry time must be later than the not-before time.');
  }
  return out;
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

/** `maxresults` 1–25, default 25. */
export function parseMaxResults(query: URLSearchParams): number {
  const raw = query.get('maxresults');
  if (raw === null || raw === '') {
    return 25;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 25) {
    throw badParameter(`Invalid maxresults '${raw.slice(0, 20)}': it must be an integer from 1 to 25.`);
  }
  return n;
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
