// Fault switches: injected faults (latency, status, connection reset), per-vault throttling and access denial.
import type { Plane } from './requestlog';
import type { DenyReason, SeedDeny } from './seed';

export interface FaultMatch {
  plane?: Plane;
  method?: string;
  pathRegex?: string;
  vault?: string;
}

export type FaultAction = 'latency' | 'status' | 'reset';

export interface FaultSpec {
  match?: FaultMatch;
  action: FaultAction;
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
  act?: Fault;
  names: string[];
}

export interface FaultTarget {
  plane: Plane;
  method: string;
  path: string;
  vault: string | null;
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

  add(spec: FaultSpec): Fault {
    if (!['latency', 'status', 'reset'].includes(spec.action)) {
      throw new Error(`unknown fault action ${JSON.stringify(spec.action)}`);
    }
    if (spec.action === 'status' && (typeof spec.status !== 'number' || spec.status < 100 || spec.status > 599)) {
      throw new Error('a status fault needs "status" (100–599)');
    }
    if (spec.action === 'latency' && (typeof spec.latencyMs !== 'number' || spec.latencyMs < 0)) {
      throw new Error('a latency fault needs "latencyMs" (>= 0)');
    }
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

  /** Decides what happens to one request; consumes counts. Latency faults add up; the first status/reset acts. */
  decide(t: FaultTarget): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, names: [] };
    for (const f of [...this.faults]) {
      if (!this.matches(f, t)) continue;
      if (f.action === 'latency') {
        decision.latencyMs += f.latencyMs ?? 0;
        decision.names.push(`latency:${f.latencyMs}`);
        this.consume(f);
      } else if (decision.act === undefined) {
        decision.act = f;
        decision.names.push(f.action === 'reset' ? 'reset' : `status:${f.status}`);
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
