// Fault switches: injected faults (latency, status, connection reset, hang), before or after the handler commits,
// per-vault throttling and access denial.
import type { Plane } from './requestlog';
import type { DenyReason, SeedDeny } from './seed';

export interface FaultMatch {
  plane?: Plane;
  method?: string;
  pathRegex?: string;
  vault?: string;
}

export type FaultAction = 'latency' | 'status' | 'reset' | 'hang';

/**
 * `before` (default): the fault replaces the request, the handler never runs. `after`: the handler runs (its change
 * is committed), then the fault replaces its answer. Latency faults always act before.
 */
export type FaultPhase = 'before' | 'after';

export interface FaultSpec {
  match?: FaultMatch;
  action: FaultAction;
  phase?: FaultPhase;
  latencyMs?: number;
  status?: number;
  /** JSON body for `status` faults (a realistic default is used when absent). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests the fault acts on; unlimited when absent. */
  count?: number;
}

export interface Fault extends FaultSpec {
  readonly id: number;
  remaining: number | null;
  readonly regex?: RegExp;
}

export interface FaultDecision {
  latencyMs: number;
  /** The status/reset/hang fault that acts (the first that matched). */
  act?: Fault;
  names: string[];
}

export interface FaultTarget {
  plane: Plane;
  method: string;
  path: string;
  vault: string | null;
}

const ACTIONS: readonly string[] = ['latency', 'status', 'reset', 'hang'];
const FIELDS: readonly string[] = ['match', 'action', 'phase', 'latencyMs', 'status', 'body', 'headers', 'count'];
const MATCH_FIELDS: readonly string[] = ['plane', 'method', 'pathRegex', 'vault'];
const PLANES: readonly string[] = ['login', 'arm', 'vault'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

function checkMatch(m: unknown): void {
  if (m === undefined) return;
  if (!isObject(m)) throw new Error('"match" must be an object');
  const unknownField = Object.keys(m).find((k) => !MATCH_FIELDS.includes(k));
  if (unknownField !== undefined) throw new Error(`unknown match field "${unknownField}" (known: ${list(MATCH_FIELDS)})`);
  if (m.plane !== undefined && !PLANES.includes(m.plane as string)) {
    throw new Error(`"match.plane" must be ${list(PLANES)} (got ${JSON.stringify(m.plane)})`);
  }
  for (const k of ['method', 'vault', 'pathRegex']) {
    if (m[k] !== undefined && (typeof m[k] !== 'string' || m[k] === '')) throw new Error(`"match.${k}" must be a non-empty string`);
  }
  if (typeof m.pathRegex === 'string') {
    try {
      new RegExp(m.pathRegex);
    } catch (err) {
      throw new Error(`"match.pathRegex" is not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Validates a fault as given to POST /control/faults, `--fault` or a seed's `faults`; throws a precise message. */
export function checkFaultSpec(spec: unknown): FaultSpec {
  if (!isObject(spec)) throw new Error('a fault must be a JSON object');
  const unknownField = Object.keys(spec).find((k) => !FIELDS.includes(k));
  if (unknownField !== undefined) throw new Error(`unknown fault field "${unknownField}" (known: ${list(FIELDS)})`);
  const { action, phase } = spec;
  if (action === undefined) throw new Error(`a fault needs "action" (${list(ACTIONS)})`);
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    throw new Error(`unknown fault action ${JSON.stringify(action)} (use ${list(ACTIONS)})`);
  }
  if (phase !== undefined) {
    if (action === 'latency') throw new Error('"phase" applies to status, reset and hang faults only (latency always acts before the handler)');
    if (phase !== 'before' && phase !== 'after') throw new Error(`unknown fault phase ${JSON.stringify(phase)} (use "before" or "after")`);
  }
  if (action === 'status') {
    if (typeof spec.status !== 'number' || !Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599) {
      throw new Error('a status fault needs "status" (100–599)');
    }
    if (spec.headers !== undefined && (!isObject(spec.headers) || Object.values(spec.headers).some((v) => typeof v !== 'string'))) {
      throw new Error('"headers" must be an object of strings');
    }
  } else {
    const stray = ['status', 'body', 'headers'].find((k) => spec[k] !== undefined);
    if (stray !== undefined) throw new Error(`"${stray}" applies to status faults only (this is a ${action} fault)`);
  }
  if (action === 'latency') {
    if (typeof spec.latencyMs !== 'number' || !Number.isFinite(spec.latencyMs) || spec.latencyMs < 0) {
      throw new Error('a latency fault needs "latencyMs" (>= 0)');
    }
  } else if (spec.latencyMs !== undefined) {
    throw new Error(`"latencyMs" applies to latency faults only (this is a ${action} fault)`);
  }
  if (spec.count !== undefined && (typeof spec.count !== 'number' || !Number.isInteger(spec.count) || spec.count < 1)) {
    throw new Error('"count" must be a positive integer (absent: unlimited)');
  }
  checkMatch(spec.match);
  return spec as unknown as FaultSpec;
}

/** The request log's name for an acting fault: `reset`, `status:503`, `hang`, `after:reset`, `after:status:503`, … */
export function faultName(f: FaultSpec): string {
  const what = f.action === 'status' ? `status:${f.status}` : f.action === 'latency' ? `latency:${f.latencyMs}` : f.action;
  return f.phase === 'after' ? `after:${what}` : what;
}

function defaultFaultBody(status: number): unknown {
  if (status === 429) {
    return { error: { code: 'Throttled', message: 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached' } };
  }
  if (status === 503) {
    return { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Please retry later.' } };
  }
  if (status >= 500) {
    return { error: { code: 'InternalServerError', message: 'The server encountered an internal error. Please retry the request.' } };
  }
  return { error: { code: 'InjectedFault', message: `Fault injected by the emulator (status ${status}).` } };
}

export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  /** Validates (throws a precise message) and adds a fault. */
  add(raw: FaultSpec): Fault {
    const spec = checkFaultSpec(raw);
    const regex = spec.match?.pathRegex !== undefined ? new RegExp(spec.match.pathRegex) : undefined;
    const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.count ?? null, regex };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults;
  }

  remove(id?: number): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  private matches(f: Fault, t: FaultTarget): boolean {
    const m = f.match ?? {};
    return (
      (m.plane === undefined || m.plane === t.plane) &&
      (m.method === undefined || m.method.toUpperCase() === t.method) &&
      (m.vault === undefined || (t.vault !== null && m.vault.toLowerCase() === t.vault.toLowerCase())) &&
      (f.regex === undefined || f.regex.test(t.path))
    );
  }

  private consume(f: Fault): void {
    if (f.remaining !== null) {
      f.remaining -= 1;
      if (f.remaining <= 0) {
        this.faults = this.faults.filter((x) => x !== f);
      }
    }
  }

  /** Decides what happens to one request; consumes counts. Latency faults add up; the first status/reset/hang acts. */
  decide(t: FaultTarget): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, names: [] };
    for (const f of [...this.faults]) {
      if (!this.matches(f, t)) continue;
      if (f.action === 'latency') {
        decision.latencyMs += f.latencyMs ?? 0;
        decision.names.push(faultName(f));
        this.consume(f);
      } else if (decision.act === undefined) {
        decision.act = f;
        decision.names.push(faultName(f));
        this.consume(f);
      }
    }
    return decision;
  }

  static responseFor(f: Fault): { status: number; body: unknown; headers: Record<string, string> } {
    const status = f.status ?? 500;
    return { status, body: f.body ?? defaultFaultBody(status), headers: f.headers ?? {} };
  }
}

const WINDOW_MS = 10_000;

/** Per-vault request limits over a sliding 10 s window (real time). */
export class Throttle {
  private defaultLimit: number | null;
  private readonly limits = new Map<string, number | null>();
  private readonly windows = new Map<string, number[]>();

  constructor(defaultLimit: number | null) {
    this.defaultLimit = defaultLimit;
  }

  /** `vault` undefined sets the default for every vault without its own limit. `null` lifts the limit. */
  setLimit(vault: string | undefined, limit: number | null): void {
    if (vault === undefined) {
      this.defaultLimit = limit;
    } else {
      this.limits.set(vault.toLowerCase(), limit);
    }
    this.windows.clear();
  }

  limitFor(vault: string): number | null {
    const own = this.limits.get(vault.toLowerCase());
    return own !== undefined ? own : this.defaultLimit;
  }

  /** Records one request; false when it is over the limit. */
  admit(vault: string, nowMs: number): boolean {
    const limit = this.limitFor(vault);
    if (limit === null || limit <= 0) {
      return true;
    }
    const key = vault.toLowerCase();
    const times = (this.windows.get(key) ?? []).filter((t) => t > nowMs - WINDOW_MS);
    times.push(nowMs);
    this.windows.set(key, times);
    return times.length <= limit;
  }
}

export interface DenyRule {
  objectId?: string;
  all?: boolean;
  reason: DenyReason;
}

/** Per-vault access denial (RBAC, access policy or firewall). */
export class DenyRules {
  private readonly rules = new Map<string, DenyRule[]>();

  add(vault: string, rule: SeedDeny): void {
    if (!['rbac', 'policy', 'firewall'].includes(rule.reason)) {
      throw new Error(`deny reason must be rbac, policy or firewall (got ${JSON.stringify(rule.reason)})`);
    }
    if (!rule.all && typeof rule.objectId !== 'string') {
      throw new Error('a deny rule needs "objectId" or "all": true');
    }
    const key = vault.toLowerCase();
    const kept = (this.rules.get(key) ?? []).filter((r) => (rule.all ? !r.all : r.objectId !== rule.objectId));
    kept.push({ objectId: rule.all ? undefined : rule.objectId, all: rule.all === true, reason: rule.reason });
    this.rules.set(key, kept);
  }

  /** Lifts the rule for `objectId`, or every rule of the vault when absent. */
  lift(vault: string, objectId?: string): void {
    const key = vault.toLowerCase();
    if (objectId === undefined) {
      this.rules.delete(key);
    } else {
      this.rules.set(key, (this.rules.get(key) ?? []).filter((r) => r.objectId !== objectId));
    }
  }

  check(vault: string, objectId: string): DenyReason | undefined {
    const rules = this.rules.get(vault.toLowerCase()) ?? [];
    return (rules.find((r) => r.objectId === objectId) ?? rules.find((r) => r.all))?.reason;
  }

  snapshot(): Record<string, DenyRule[]> {
    return Object.fromEntries(this.rules);
  }
}
