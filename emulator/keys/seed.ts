// Seed items for the keys store (format in README.md) and the relative time strings they may use ("+10d", "-2d").
import { generateKeySync, isCurve, isKeyType, isRsa, publicJwkOf, RSA_SIZES, type KeyType } from './material';
import type { KeyEntry, KeyVersion } from './model';
import { newVersionId } from './repository';
import { parseRotationPolicy } from './rotation';
import { defaultKeyOps, parseKeyOps, parseTags } from './validate';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/**
 * A time for seeds: Unix seconds (number), "now", a relative offset like "+10d" / "-2d" / "+3h" / "+30m" / "+45s" /
 * "+2w" / "+1y", or an ISO 8601 date-time. Returns Unix seconds.
 */
export function parseSeedTime(value: unknown, nowSeconds: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.floor(value);
  }
  if (typeof value === 'string') {
    if (value === 'now') {
      return nowSeconds;
    }
    const m = /^([+-])(\d+(?:\.\d+)?)([smhdwy])$/.exec(value.trim());
    if (m) {
      const sign = m[1] === '-' ? -1 : 1;
      return nowSeconds + Math.round(sign * Number(m[2]) * UNIT_SECONDS[m[3]!]!);
    }
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) {
      return Math.floor(ms / 1000);
    }
  }
  throw new Error(`not a time: ${JSON.stringify(value)} (use Unix seconds, "now", "+10d", "-2h" or an ISO date)`);
}

export interface SeededKey {
  readonly entry: KeyEntry;
  readonly deleted: boolean;
}

function fail(index: number, name: unknown, why: string): Error {
  return new Error(`keys seed item ${index} (${typeof name === 'string' ? name : '?'}): ${why}`);
}

/** Builds one seeded key (generating real key pairs, synchronously). Throws a readable Error on a bad item. */
export function seedItem(raw: unknown, index: number, nowSeconds: number): SeededKey {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw fail(index, undefined, 'must be an object');
  }
  const item = raw as Record<string, unknown>;
  const name = item.name;
  if (typeof name !== 'string' || !/^[0-9a-zA-Z-]{1,127}$/.test(name)) {
    throw fail(index, name, 'name must match ^[0-9a-zA-Z-]{1,127}$');
  }
  const kty: KeyType = item.kty === undefined ? 'RSA' : isKeyType(item.kty) ? item.kty : 'RSA';
  if (item.kty !== undefined && !isKeyType(item.kty)) {
    throw fail(index, name, 'kty must be RSA, RSA-HSM, EC or EC-HSM');
  }
  const size = item.size ?? 2048;
  if (isRsa(kty) && (typeof size !== 'number' || !RSA_SIZES.includes(size))) {
    throw fail(index, name, 'size must be 2048, 3072 or 4096');
  }
  const curve = item.curve ?? 'P-256';
  if (!isRsa(kty) && !isCurve(curve)) {
    throw fail(index, name, 'curve must be P-256, P-384, P-521 or P-256K');
  }
  const count = item.versions ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 50) {
    throw fail(index, name, 'versions must be an integer from 1 to 50');
  }
  try {
    const ops = parseKeyOps(item.ops, kty) ?? defaultKeyOps(kty);
    const tags = parseTags(item.tags);
    const nbf = item.nbf === undefined ? undefined : parseSeedTime(item.nbf, nowSeconds);
    const exp = item.exp === undefined ? undefined : parseSeedTime(item.exp, nowSeconds);
    if (item.enabled !== undefined && typeof item.enabled !== 'boolean') {
      throw new Error('enabled must be a boolean');
    }
    const rotationPolicy =
      item.rotationPolicy === undefined ? undefined : parseRotationPolicy(item.rotationPolicy, nowSeconds);
    const versions: KeyVersion[] = [];
    for (let i = 0; i < count; i++) {
      const privateKey = generateKeySync(isRsa(kty) ? { kty, size: size as number } : { kty, curve: curve as 'P-256' });
      const created = nowSeconds - (count - 1 - i) * 86400;
      versions.push({
        version: newVersionId(),
        kty,
        privateKey,
        publicJwk: publicJwkOf(kty, privateKey),
        keyOps: [...ops],
        attributes: {
          enabled: item.enabled !== false,
          ...(nbf !== undefined ? { nbf } : {}),
          ...(exp !== undefined ? { exp } : {}),
          created,
          updated: created,
          exportable: false,
        },
        tags: tags === undefined ? undefined : { ...tags },
        releasePolicy: undefined,
      });
    }
    const entry: KeyEntry = { name, managed: false, versions, rotationPolicy, availableAt: undefined };
    return { entry, deleted: item.deleted === true };
  } catch (err) {
    throw fail(index, name, err instanceof Error ? err.message : String(err));
  }
}
