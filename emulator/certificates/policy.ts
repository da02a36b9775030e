// Certificate policies in their wire shape (snake_case, as certificates.json names them): validation of what a client
// sends, the service's defaults, PATCH merging, and rendering with id and attributes.
import { badParameter } from '../errors';

export interface WireSans {
  emails?: string[];
  dns_names?: string[];
  upns?: string[];
  uris?: string[];
  ipAddresses?: string[];
}

export interface WireLifetimeAction {
  trigger: { lifetime_percentage?: number; days_before_expiry?: number };
  action: { action_type: 'EmailContacts' | 'AutoRenew' };
}

/** A complete policy as stored (every group present, defaults applied). */
export interface StoredPolicy {
  key_props: { exportable: boolean; kty: string; key_size?: number; reuse_key: boolean; crv?: string };
  secret_props: { contentType: string };
  x509_props: { subject: string; sans: WireSans; ekus?: string[]; key_usage?: string[]; validity_months: number };
  lifetime_actions: WireLifetimeAction[];
  issuer: { name: string; cty?: string; cert_transparency?: boolean };
  enabled: boolean;
  created: number;
  updated: number;
}

export const PKCS12 = 'application/x-pkcs12';
export const PEM = 'application/x-pem-file';
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
const KEY_TYPES = ['RSA', 'RSA-HSM', 'EC', 'EC-HSM'];
const RSA_SIZES = [2048, 3072, 4096];
const CURVES = ['P-256', 'P-384', 'P-521'];
const CURVE_BY_SIZE: Record<number, string> = { 256: 'P-256', 384: 'P-384', 521: 'P-521' };
const SAN_KEYS = ['emails', 'dns_names', 'upns', 'uris', 'ipAddresses'] as const;

type Json = Record<string, unknown>;

function obj(value: unknown, what: string): Json | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badParameter(`${what} must be an object.`);
  }
  return value as Json;
}

function str(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw badParameter(`${what} must be a string.`);
  }
  return value;
}

function bool(value: unknown, what: string): boolean | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw badParameter(`${what} must be a boolean.`);
  }
  return value;
}

function int(value: unknown, what: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badParameter(`${what} must be an integer between ${min} and ${max}.`);
  }
  return value;
}

function strings(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badParameter(`${what} must be an array of strings.`);
  }
  return value as string[];
}

function parseSans(value: unknown): WireSans | undefined {
  const o = obj(value, 'x509_props.sans');
  if (!o) {
    return undefined;
  }
  const sans: WireSans = {};
  for (const key of SAN_KEYS) {
    const list = strings(o[key], `x509_props.sans.${key}`);
    if (list && list.length > 0) {
      sans[key] = list;
    }
  }
  return sans;
}

function parseLifetimeActions(value: unknown): WireLifetimeAction[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw badParameter('lifetime_actions must be an array.');
  }
  return value.map((item, i) => {
    const o = obj(item, `lifetime_actions[${i}]`) ?? {};
    const trigger = obj(o.trigger, `lifetime_actions[${i}].trigger`) ?? {};
    const action = obj(o.action, `lifetime_actions[${i}].action`) ?? {};
    const percentage = int(trigger.lifetime_percentage, 'lifetime_percentage', 1, 99);
    const days = int(trigger.days_before_expiry, 'days_before_expiry', 1, 36500);
    if ((percentage === undefined) === (days === undefined)) {
      throw badParameter('A lifetime action trigger needs exactly one of lifetime_percentage or days_before_expiry.');
    }
    const type = str(action.action_type, 'action_type');
    if (type !== 'EmailContacts' && type !== 'AutoRenew') {
      throw badParameter(`Invalid action_type ${String(type)}: expected EmailContacts or AutoRenew.`);
    }
    const out: WireLifetimeAction = { trigger: {}, action: { action_type: type } };
    if (percentage !== undefined) {
      out.trigger.lifetime_percentage = percentage;
    }
    if (days !== undefined) {
      out.trigger.days_before_expiry = days;
    }
    return out;
  });
}

/** A policy as the client sent it: every field optional, validated, unknown fields dropped. */
export interface PolicyPatch {
  key_props?: { exportable?: boolean; kty?: string; key_size?: number; reuse_key?: boolean; crv?: string };
  secret_props?: { contentType?: string };
  x509_props?: { subject?: string; sans?: WireSans; ekus?: string[]; key_usage?: string[]; validity_months?: number };
  lifetime_actions?: WireLifetimeAction[];
  issuer?: { name?: string; cty?: string; cert_transparency?: boolean };
  enabled?: boolean;
}

export function parsePolicy(value: unknown): PolicyPatch | undefined {
  const p = obj(value, 'policy');
  if (!p) {
    return undefined;
  }
  const out: PolicyPatch = {};
  const kp = obj(p.key_props, 'key_props');
  if (kp) {
    const kty = str(kp.kty, 'key_props.kty');
    if (kty !== undefined && !KEY_TYPES.includes(kty)) {
      throw badParameter(`Invalid key type ${kty}: certificates support ${KEY_TYPES.join(', ')}.`);
    }
    const crv = str(kp.crv, 'key_props.crv');
    if (crv !== undefined && !CURVES.includes(crv)) {
      throw badParameter(`Invalid or unsupported curve ${crv}: expected one of ${CURVES.join(', ')}.`);
    }
    out.key_props = {
      exportable: bool(kp.exportable, 'key_props.exportable'),
      kty,
      key_size: int(kp.key_size, 'key_props.key_size', 1, 16384),
      reuse_key: bool(kp.reuse_key, 'key_props.reuse_key'),
      crv,
    };
  }
  const sp = obj(p.secret_props, 'secret_props');
  if (sp) {
    const contentType = str(sp.contentType, 'secret_props.contentType');
    if (contentType !== undefined && contentType !== PKCS12 && contentType !== PEM) {
      throw badParameter(`Invalid content type ${contentType}: expected ${PKCS12} or ${PEM}.`);
    }
    out.secret_props = { contentType };
  }
  const xp = obj(p.x509_props, 'x509_props');
  if (xp) {
    const keyUsage = strings(xp.key_usage, 'x509_props.key_usage');
    const bad = keyUsage?.find((u) => !(KEY_USAGES as readonly string[]).includes(u));
    if (bad !== undefined) {
      throw badParameter(`Invalid key usage ${bad}.`);
    }
    const ekus = strings(xp.ekus, 'x509_props.ekus');
    const badEku = ekus?.find((e) => !/^\d+(\.\d+)+$/.test(e));
    if (badEku !== undefined) {
      throw badParameter(`Invalid enhanced key usage ${badEku}: expected an OID.`);
    }
    out.x509_props = {
      subject: str(xp.subject, 'x509_props.subject'),
      sans: parseSans(xp.sans),
      ekus,
      key_usage: keyUsage,
      validity_months: int(xp.validity_months, 'x509_props.validity_months', 1, 1200),
    };
  }
  out.lifetime_actions = parseLifetimeActions(p.lifetime_actions);
  const ip = obj(p.issuer, 'issuer');
  if (ip) {
    out.issuer = {
      name: str(ip.name, 'issuer.name'),
      cty: str(ip.cty, 'issuer.cty'),
      cert_transparency: bool(ip.cert_transparency, 'issuer.cert_transparency'),
    };
  }
  const attrs = obj(p.attributes, 'policy.attributes');
  if (attrs) {
    out.enabled = bool(attrs.enabled, 'policy.attributes.enabled');
  }
  return out;
}

function isEc(kty: string): boolean {
  return kty === 'EC' || kty === 'EC-HSM';
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Applies `patch` over `base` (or over the service defaults when there is no base) and checks the result. */
export function mergePolicy(base: StoredPolicy | undefined, patch: PolicyPatch, now: number): StoredPolicy {
  const issuerName = patch.issuer?.name ?? base?.issuer.name ?? 'Unknown';
  const kp = { ...(base?.key_props ?? { exportable: true, kty: 'RSA', reuse_key: false }), ...defined(patch.key_props ?? {}) };
  if (isEc(kp.kty)) {
    if (patch.key_props?.crv === undefined && patch.key_props?.key_size !== undefined) {
      const byte = CURVE_BY_SIZE[patch.key_props.key_size];
      if (!byte) {
        throw badParameter(`Invalid key size ${patch.key_props.key_size} for an EC key.`);
      }
      kp.crv = byte;
    }
    kp.crv ??= 'P-256';
    delete kp.key_size;
  } else {
    kp.key_size ??= 2048;
    if (!RSA_SIZES.includes(kp.key_size)) {
      throw badParameter(`Invalid key size ${kp.key_size}: RSA keys are 2048, 3072 or 4096 bits.`);
    }
    delete kp.crv;
  }
  const baseX509 = base?.x509_props ?? {
    subject: '',
    sans: {},
    ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
    key_usage: isEc(kp.kty) ? ['digitalSignature'] : ['digitalSignature', 'keyEncipherment'],
    validity_months: 12,
  };
  const x509 = { ...baseX509, ...defined(patch.x509_props ?? {}) };
  const sansCount = SAN_KEYS.reduce((n, k) => n + (x509.sans[k]?.length ?? 0), 0);
  if (x509.subject.trim() === '' && sansCount === 0) {
    throw badParameter('The policy needs a subject or at least one subject alternative name.');
  }
  const defaultAction = issuerName.toLowerCase() === 'self' ? 'AutoRenew' : 'EmailContacts';
  return {
    key_props: kp,
    secret_props: { contentType: patch.secret_props?.contentType ?? base?.secret_props.contentType ?? PKCS12 },
    x509_props: x509,
    lifetime_actions: patch.lifetime_actions ??
      base?.lifetime_actions ?? [{ trigger: { lifetime_percentage: 80 }, action: { action_type: defaultAction } }],
    issuer: { ...(base?.issuer ?? {}), ...defined(patch.issuer ?? {}), name: issuerName },
    enabled: patch.enabled ?? base?.enabled ?? true,
    created: base?.created ?? now,
    updated: now,
  };
}

/** The policy as the service shows it. */
export function renderPolicy(policy: StoredPolicy, certificateUrl: string): Record<string, unknown> {
  return {
    id: `${certificateUrl}/policy`,
    key_props: { ...policy.key_props },
    secret_props: { ...policy.secret_props },
    x509_props: { ...policy.x509_props, sans: { ...policy.x509_props.sans } },
    lifetime_actions: policy.lifetime_actions.map((a) => ({ trigger: { ...a.trigger }, action: { ...a.action } })),
    issuer: { ...policy.issuer },
    attributes: { enabled: policy.enabled, created: policy.created, updated: policy.updated },
  };
}
