// Seed items for the keys store (format in README.md), whose times may be relative ("+10d", "-2d").
import { seedTime } from '../clock';
import { checkTags, newVersionId, OBJECT_NAME } from '../objects';
import type { CurveName } from './ecdsa';
import { storedKeyType, type KeyStoreFlavor } from './flavor';
import { generateKey, isCurve, isOct, isRsa, OCT_SIZES, publicJwkOf, RSA_SIZES, type KeySpec, type KeyType } from './material';
import type { KeyEntry, KeyVersion } from './model';
import type { KeyRepository } from './repository';
import { parseRotationPolicy, type StoredRotationPolicy } from './rotation';
import { defaultKeyOps, parseKeyOps } from './validate';

/** A seed time (see `seedTime` in ../clock) in Unix seconds, relative to `nowSeconds`. */
export function parseSeedTime(value: unknown, nowSeconds: number): number {
  const t = seedTime(value, nowSeconds);
  if (t === undefined) {
    throw new Error(`not a time: ${JSON.stringify(value)} (use Unix seconds, "now", "+10d", "-2h" or an ISO date)`);
  }
  return t;
}

/** A validated seed item: everything but the key pairs, which `buildSeedKey` generates off the event loop. */
export interface SeedKeyPlan {
  readonly index: number;
  readonly name: string;
  readonly deleted: boolean;
  readonly spec: KeySpec;
  readonly rotationPolicy: StoredRotationPolicy | undefined;
  readonly versions: readonly Omit<KeyVersion, 'privateKey' | 'publicJwk'>[];
}

export function seedFailure(index: number, name: unknown, why: string): Error {
  return new Error(`keys seed item ${index} (${typeof name === 'string' ? name : '?'}): ${why}`);
}

/** Validates one seed item (synchronously, no key generation). Throws a readable Error on a bad item. */
export function planSeedKey(raw: unknown, index: number, nowSeconds: number, flavor: KeyStoreFlavor = { kind: 'vault' }): SeedKeyPlan {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw seedFailure(index, undefined, 'must be an object');
  }
  const item = raw as Record<string, unknown>;
  const name = item.name;
  if (typeof name !== 'string' || !OBJECT_NAME.test(name)) {
    throw seedFailure(index, name, 'name must match ^[0-9a-zA-Z-]{1,127}$');
  }
  let kty: KeyType;
  try {
    kty = storedKeyType(flavor, item.kty ?? 'RSA');
  } catch (err) {
    const allowed = flavor.kind === 'managedHsm' ? 'RSA-HSM, EC-HSM or oct-HSM' : 'RSA, RSA-HSM, EC or EC-HSM';
    throw seedFailure(index, name, `kty must be ${allowed} (${err instanceof Error ? err.message : String(err)})`);
  }
  const size = item.size ?? (isOct(kty) ? 256 : 2048);
  if (isRsa(kty) && (typeof size !== 'number' || !RSA_SIZES.includes(size))) {
    throw seedFailure(index, name, 'size must be 2048, 3072 or 4096');
  }
  if (isOct(kty) && (typeof size !== 'number' || !OCT_SIZES.includes(size))) {
    throw seedFailure(index, name, 'size must be 128, 192 or 256 for an AES key');
  }
  const curve = item.curve ?? 'P-256';
  if (!isRsa(kty) && !isOct(kty) && !isCurve(curve)) {
    throw seedFailure(index, name, 'curve must be P-256, P-384, P-521 or P-256K');
  }
  const count = item.versions ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 50) {
    throw seedFailure(index, name, 'versions must be an integer from 1 to 50');
  }
  try {
    const ops = parseKeyOps(item.ops, kty) ?? defaultKeyOps(kty);
    const tags = checkTags(item.tags);
    const nbf = item.nbf === undefined ? undefined : parseSeedTime(item.nbf, nowSeconds);
    const exp = item.exp === undefined ? undefined : parseSeedTime(item.exp, nowSeconds);
    if (item.enabled !== undefined && typeof item.enabled !== 'boolean') {
      throw new Error('enabled must be a boolean');
    }
    const rotationPolicy =
      item.rotationPolicy === undefined ? undefined : parseRotationPolicy(item.rotationPolicy, nowSeconds);
    const versions = Array.from({ length: count }, (_, i) => {
      const created = nowSeconds - (count - 1 - i) * 86400;
      return {
        version: newVersionId(),
        kty,
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
      };
    });
    const spec: KeySpec = isRsa(kty) || isOct(kty) ? { kty, size: size as number } : { kty, curve: curve as CurveName };
    return { index, name, deleted: item.deleted === true, spec, rotationPolicy, versions };
  } catch (err) {
    throw seedFailure(index, name, err instanceof Error ? err.message : String(err));
  }
}

/** Generates the key pairs of a planned seed key (node's thread pool, so the event loop stays free). */
export async function buildSeedKey(plan: SeedKeyPlan): Promise<KeyEntry> {
  const versions = await Promise.all(
    plan.versions.map(async (v): Promise<KeyVersion> => {
      const privateKey = await generateKey(plan.spec);
      return { ...v, privateKey, publicJwk: publicJwkOf(v.kty, privateKey), keyOps: [...v.keyOps], attributes: { ...v.attributes } };
    }),
  );
  return { name: plan.name, managed: false, versions, rotationPolicy: plan.rotationPolicy, availableAt: undefined };
}

/**
 * The seeds of one key store. `seed(items)` validates every item at once (throws, creating nothing, on a bad item or
 * a name in use); the key pairs are then generated in node's thread pool and the keys inserted together.
 */
export class KeySeeder {
  /** Names of seeded keys whose key pairs are still being generated. */
  private readonly pending = new Set<string>();
  private done: Promise<void> = Promise.resolve();
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: KeyRepository,
    private readonly softDelete: boolean,
    private readonly flavor: KeyStoreFlavor = { kind: 'vault' },
  ) {}

  plan(items: unknown[]): SeedKeyPlan[] {
    const now = this.repo.nowSeconds();
    const plans = items.map((raw, i) => planSeedKey(raw, i, now, this.flavor));
    const names = new Set(this.pending);
    for (const plan of plans) {
      const key = plan.name.toLowerCase();
      if (plan.deleted && !this.softDelete) {
        throw seedFailure(plan.index, plan.name, 'deleted keys need a vault with soft delete');
      }
      if (names.has(key)) {
        throw seedFailure(plan.index, plan.name, 'a key with the same name already exists in this seed');
      }
      names.add(key);
      try {
        this.repo.checkInsertable(plan.name);
      } catch (err) {
        throw seedFailure(plan.index, plan.name, err instanceof Error ? err.message : String(err));
      }
    }
    return plans;
  }

  seed(items: unknown[]): void {
    const plans = this.plan(items);
    plans.forEach((p) => this.pending.add(p.name.toLowerCase()));
    const run = this.done
      .then(() => Promise.all(plans.map((p) => buildSeedKey(p))))
      .then((entries) => {
        entries.forEach((entry, i) => (plans[i]!.deleted ? this.repo.insertDeleted(entry) : this.repo.insert(entry)));
      })
      .finally(() => plans.forEach((p) => this.pending.delete(p.name.toLowerCase())));
    this.last = run;
    this.done = run.catch(() => undefined);
  }

  whenSeeded(): Promise<void> {
    return this.last;
  }

  settled(): Promise<void> {
    return this.done;
  }
}
