// Key rotation policy: validation of what a client PUTs, the stored form, and the JSON the service returns.
import { badParameter } from '../errors';

export interface LifetimeAction {
  readonly trigger: { readonly timeAfterCreate?: string; readonly timeBeforeExpiry?: string };
  readonly action: { readonly type: 'Rotate' | 'Notify' };
}

export interface StoredRotationPolicy {
  readonly lifetimeActions: readonly LifetimeAction[];
  readonly expiryTime?: string;
  /** Unix seconds. */
  readonly created: number;
  readonly updated: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO-8601 duration (PnYnMnWnDTnHnMnS) into seconds, with a year of 365 days and a month of 30. */
export function parseIsoDuration(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m) {
    return undefined;
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const days = n(1) * 365 + n(2) * 30 + n(3) * 7 + n(4);
  return days * 86400 + n(5) * 3600 + n(6) * 60 + n(7);
}

const DAY = 86400;

function duration(value: unknown, what: string, minDays: number): string {
  if (typeof value !== 'string') {
    throw badParameter(`${what} must be an ISO 8601 duration string, for example P90D.`);
  }
  const seconds = parseIsoDuration(value);
  if (seconds === undefined) {
    throw badParameter(`${what} '${value}' is not a valid ISO 8601 duration.`);
  }
  if (seconds < minDays * DAY) {
    throw badParameter(`${what} must be at least ${minDays} days (P${minDays}D).`);
  }
  return value;
}

function parseAction(raw: unknown): LifetimeAction {
  if (typeof raw !== 'object' || raw === null) {
    throw badParameter('Each lifetime action must be an object with a trigger and an action.');
  }
  const r = raw as { trigger?: Record<string, unknown>; action?: { type?: unknown } };
  const typeRaw = typeof r.action?.type === 'string' ? r.action.type.toLowerCase() : '';
  if (typeRaw !== 'rotate' && typeRaw !== 'notify') {
    throw badParameter(`Lifetime action type '${String(r.action?.type)}' is not valid; use Rotate or Notify.`);
  }
  const type = typeRaw === 'rotate' ? 'Rotate' : 'Notify';
  const trigger = r.trigger ?? {};
  const after = trigger.timeAfterCreate;
  const before = trigger.timeBeforeExpiry;
  if ((after === undefined || after === null) === (before === undefined || before === null)) {
    throw badParameter(`The ${type} action needs exactly one trigger: timeAfterCreate or timeBeforeExpiry.`);
  }
  if (after !== undefined && after !== null) {
    if (type === 'Notify') {
      throw badParameter('The Notify action only supports the timeBeforeExpiry trigger.');
    }
    return { trigger: { timeAfterCreate: duration(after, 'timeAfterCreate', 7) }, action: { type } };
  }
  return { trigger: { timeBeforeExpiry: duration(before, 'timeBeforeExpiry', 7) }, action: { type } };
}

/** Validates a policy body (REST shape); `previous` keeps its creation time. */
export function parseRotationPolicy(body: unknown, nowSeconds: number, previous?: StoredRotationPolicy): StoredRotationPolicy {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badParameter('The rotation policy must be a JSON object.');
  }
  const b = body as { lifetimeActions?: unknown; attributes?: { expiryTime?: unknown } | null };
  const rawActions = b.lifetimeActions ?? [];
  if (!Array.isArray(rawActions)) {
    throw badParameter('lifetimeActions must be an array.');
  }
  const actions = rawActions.map(parseAction);
  for (const type of ['Rotate', 'Notify'] as const) {
    if (actions.filter((a) => a.action.type === type).length > 1) {
      throw badParameter(`At most one ${type} lifetime action is allowed.`);
    }
  }
  const expiryRaw = b.attributes?.expiryTime;
  const expiryTime = expiryRaw === undefined || expiryRaw === null ? undefined : duration(expiryRaw, 'expiryTime', 28);
  return {
    lifetimeActions: actions,
    ...(expiryTime !== undefined ? { expiryTime } : {}),
    created: previous?.created ?? nowSeconds,
    updated: nowSeconds,
  };
}

/** The policy JSON; without a stored policy, the default the service reports (notify 30 days before expiry). */
export function rotationPolicyJson(id: string, policy: StoredRotationPolicy | undefined): Record<string, unknown> {
  if (policy === undefined) {
    return {
      id,
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: {},
    };
  }
  return {
    id,
    lifetimeActions: policy.lifetimeActions.map((a) => ({ trigger: { ...a.trigger }, action: { ...a.action } })),
    attributes: {
      ...(policy.expiryTime !== undefined ? { expiryTime: policy.expiryTime } : {}),
      created: policy.created,
      updated: policy.updated,
    },
  };
}
