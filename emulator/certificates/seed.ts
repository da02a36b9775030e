// Seed certificates (format in README.md): real self-signed certificates with their managed key and secret, with any
// validity window (so expired and nearly expired certificates exist), several versions, or already deleted.
import { parseSeedTime } from '../clock';
import { asObject, newVersionId, type Json } from '../objects';
import { BACKDATE_SECONDS, type CertEntry, type StoredVersion } from './model';
import { mergePolicy, parsePolicy, PEM, PKCS12, type PolicyPatch, type StoredPolicy, type WireSans } from './policy';
import type { CertificateStore } from './store';
import { addMonths, createSelfSigned, generateKey } from './x509gen';

const DAY = 86400;

function fail(i: number, message: string): never {
  throw new Error(`certificate seed #${i}: ${message}`);
}

function seedSans(value: unknown, i: number): WireSans | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return { dns_names: value.map(String) };
  }
  const o = asObject(value, 'sans');
  const list = (k: string): string[] | undefined => (Array.isArray(o[k]) ? (o[k] as unknown[]).map(String) : undefined);
  const sans: WireSans = {
    dns_names: list('dnsNames') ?? list('dns'),
    emails: list('emails'),
    upns: list('upns'),
    uris: list('uris'),
    ipAddresses: list('ipAddresses'),
  };
  if (Object.values(sans).every((v) => v === undefined)) {
    fail(i, 'sans must be an array of DNS names or an object with dnsNames, emails, upns, uris or ipAddresses');
  }
  return sans;
}

function contentTypeOf(value: unknown, i: number): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'pem' || value === PEM) return PEM;
  if (value === 'pkcs12' || value === 'pfx' || value === PKCS12) return PKCS12;
  return fail(i, `contentType must be "pkcs12" or "pem" (got ${JSON.stringify(value)})`);
}

function policyPatch(s: Json, i: number): PolicyPatch {
  const ec = typeof s.keyType === 'string' && s.keyType.toUpperCase().startsWith('EC');
  return parsePolicy({
    key_props: {
      kty: typeof s.keyType === 'string' ? s.keyType.toUpperCase() : undefined,
      key_size: typeof s.keySize === 'number' ? s.keySize : undefined,
      crv: typeof s.curve === 'string' ? s.curve : ec ? 'P-256' : undefined,
      exportable: typeof s.exportable === 'boolean' ? s.exportable : undefined,
    },
    secret_props: { contentType: contentTypeOf(s.contentType, i) },
    x509_props: {
      subject: typeof s.subject === 'string' ? s.subject : `CN=${String(s.name)}`,
      sans: seedSans(s.sans, i),
      ekus: Array.isArray(s.ekus) ? s.ekus.map(String) : undefined,
      key_usage: Array.isArray(s.keyUsage) ? s.keyUsage.map(String) : undefined,
      validity_months: typeof s.validityMonths === 'number' ? s.validityMonths : undefined,
    },
    issuer: { name: typeof s.issuer === 'string' ? s.issuer : 'Self' },
  })!;
}

/** A validated seed item; `issueOne` creates its versions (key generation and signing are asynchronous). */
export interface CertSeedPlan {
  readonly index: number;
  readonly name: string;
  readonly policy: StoredPolicy;
  readonly now: number;
  readonly nbf: number;
  readonly exp: number;
  readonly count: number;
  readonly tags: Record<string, string> | undefined;
  readonly enabled: boolean;
  readonly deleted: boolean;
}

function planOne(store: CertificateStore, item: unknown, i: number): CertSeedPlan {
  const s = asObject(item, `certificate seed #${i}`);
  if (typeof s.name !== 'string') {
    fail(i, 'name is required');
  }
  const name = s.name;
  store.checkWritable(name);
  const now = store.nowSeconds();
  const policy = mergePolicy(undefined, policyPatch(s, i), now);
  const months = policy.x509_props.validity_months;
  const nbf = s.notBefore === undefined ? now - BACKDATE_SECONDS : parseSeedTime(s.notBefore, store.vault.clock, 'notBefore');
  const exp = s.expires === undefined ? addMonths(nbf + BACKDATE_SECONDS, months) : parseSeedTime(s.expires, store.vault.clock, 'expires');
  if (exp <= nbf) {
    fail(i, 'expires must come after notBefore');
  }
  const count = typeof s.versions === 'number' && s.versions >= 1 ? Math.floor(s.versions) : 1;
  const tags = s.tags === undefined ? undefined : (asObject(s.tags, 'tags') as Record<string, string>);
  return { index: i, name, policy, now, nbf, exp, count, tags, enabled: s.enabled !== false, deleted: s.deleted === true };
}

async function issueOne(store: CertificateStore, plan: CertSeedPlan): Promise<void> {
  const { name, policy, now, nbf, exp, count, tags } = plan;
  const entry: CertEntry = { name, versions: [], policy };
  store.put(entry);
  const span = Math.max(DAY, Math.min(30 * DAY, exp - nbf));
  for (let k = count - 1; k >= 0; k--) {
    // older versions: the same validity shifted back `span` per version
    const vNbf = nbf - k * span;
    const vExp = exp - k * span;
    const created = Math.min(now, vNbf + BACKDATE_SECONDS);
    const v: StoredVersion = {
      version: newVersionId(),
      created,
      updated: created,
      enabled: k === 0 ? plan.enabled : true,
      nbf: vNbf,
      exp: vExp,
      tags,
      contentType: policy.secret_props.contentType,
    };
    const key = await generateKey(policy);
    const der = await createSelfSigned(policy, key, vNbf, vExp);
    entry.versions.push(v);
    await store.issue(entry, v, [der], key.privateKey);
  }
  if (plan.deleted) {
    await store.remove(entry, true);
  }
}

function named(i: number, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new Error(message.startsWith('certificate seed #') ? message : `certificate seed #${i}: ${message}`);
}

/** Validates seed items against the store (synchronously); a bad item throws a message naming it. */
export function planCertificates(store: CertificateStore, items: unknown[]): CertSeedPlan[] {
  return items.map((item, i) => {
    try {
      return planOne(store, item, i);
    } catch (err) {
      throw named(i, err);
    }
  });
}

/** Creates the planned certificates in order. */
export async function issueCertificates(store: CertificateStore, plans: readonly CertSeedPlan[]): Promise<void> {
  for (const plan of plans) {
    try {
      await issueOne(store, plan);
    } catch (err) {
      throw named(plan.index, err);
    }
  }
}
