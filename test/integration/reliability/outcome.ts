// One cell's outcome in words, derived from what happened (the emulator's request log, the wait events of the client,
// the state read back) — never written per cell. Deterministic: counts and facts, no timings, no generated names.
//   ✔ done, the vault holds the change once              ✘ one clear, classified failure; the vault agrees with it
//   ❌ broken: a duplicate, a lost write, a failure reported for a change that was made, an unclear message, a hang
import { classifyError } from '../../../src/azure/errors';
import type { AzureFailure } from '../../../src/azure/model';
import type { LoggedRequest } from './faults';
import type { Effect } from './probes';

/** What the client's onWait listener saw (reliability.ts WaitEvent, the fields used here). */
export interface SeenWait {
  readonly reason: string;
  readonly delayMs: number;
  readonly requestedMs?: number;
}

export interface Observation {
  /** undefined: the op succeeded. */
  readonly failure?: AzureFailure;
  /** The op had not settled when the guard gave up on it. */
  readonly hung: boolean;
  readonly overBound: boolean;
  readonly boundMs: number;
  /** The sends of the request the fault targets. */
  readonly sends: readonly LoggedRequest[];
  /** Every vault/ARM request of the op, in order. */
  readonly requests: readonly LoggedRequest[];
  readonly waits: readonly SeenWait[];
  /** Texts to replace in messages (generated names and hosts) → placeholders. */
  readonly scrub: Readonly<Record<string, string>>;
}

/** Kinds that say "we do not know" — honest even when the change was made. */
const UNCERTAIN = new Set<AzureFailure['kind']>(['outcomeUnknown', 'stillRunning', 'timeout']);
const GENERIC = 'The request to Azure failed unexpectedly.';

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

function scrubbed(text: string, scrub: Readonly<Record<string, string>>): string {
  return Object.keys(scrub)
    .sort((a, b) => b.length - a.length)
    .reduce((t, k) => t.split(k).join(scrub[k] ?? ''), text);
}

/** The fault as the log names it → words: "503 before commit", "committed, then reset", "committed, then no answer". */
function faultWords(fault: string): string {
  const f = fault.split(',').find((x) => !x.startsWith('latency')) ?? fault;
  const what = f.replace(/^after:/, '').replace(/^status:/, '');
  const said = what === 'hang' ? 'no answer' : what;
  return f.startsWith('after:') ? `committed, then ${said}` : `${said} before commit`;
}

const isThrottle = (s: LoggedRequest): boolean => /(^|,)status:429$/.test(s.fault ?? '');

/**
 * How the op got there, from the request log: the faults its sends met, what it did next (looked at the vault and
 * found the change made or not, sent again because the request is retry-safe, or did not), how many sends in all.
 */
export function story(o: Pick<Observation, 'sends' | 'requests' | 'waits'>): string {
  const parts: string[] = [];
  const throttled = o.sends.filter(isThrottle).length;
  const capped = o.waits.find((w) => w.requestedMs !== undefined && w.requestedMs > w.delayMs);
  if (capped) parts.push(`${throttled} × 429 with Retry-After ${seconds(capped.requestedMs!)}, waited ${seconds(capped.delayMs)} (capped)`);
  else if (throttled) parts.push(`${throttled} × 429, backed off`);
  const first = o.sends.find((s) => s.fault && !isThrottle(s) && !/^latency/.test(s.fault));
  if (first) {
    parts.push(faultWords(first.fault!));
    const next = o.sends.find((s) => s.id > first.id);
    const looked = o.requests.some((r) => r.id > first.id && (next === undefined || r.id < next.id) && r.method === 'GET');
    parts.push(looked ? (next ? 'checked: not made, sent again' : 'checked: made, not sent again') : next ? 'sent again (retry-safe)' : 'not sent again');
  }
  parts.push(`${o.sends.length} send${o.sends.length === 1 ? '' : 's'}`);
  return parts.join(' → ');
}

/** Whatever breaks the rules of issue 13 in this cell; empty when the cell is sound. */
export function violations(o: Observation, effect: Effect): string[] {
  const found: string[] = [];
  if (!o.sends.some((s) => s.fault)) found.push('the fault never hit (no request matched it)');
  if (o.hung) found.push(`no outcome within ${seconds(o.boundMs)} (hung)`);
  else if (o.overBound) found.push(`took longer than the bound of ${seconds(o.boundMs)}`);
  if (effect.count > 1) found.push(`DUPLICATE (${effect.summary})`);
  if (!o.hung && !o.failure && effect.count === 0) found.push(`LOST WRITE: reported done, ${effect.summary}`);
  if (o.failure && effect.count === 1 && !UNCERTAIN.has(o.failure.kind)) found.push(`reported "${o.failure.kind}" but the change WAS made`);
  if (o.failure && (o.failure.kind === 'cancelled' || o.failure.message === GENERIC || !o.failure.message)) found.push('no clear message');
  return found;
}

/** The cell's sentence for the document. */
export function outcome(o: Observation, effect: Effect): string {
  const broken = violations(o, effect);
  const how = story(o);
  const failure = o.failure ? `${o.failure.kind}: ${scrubbed(o.failure.message, o.scrub)}` : undefined;
  if (broken.length) return `❌ ${broken.join('; ')} · ${failure ? `${failure} · ` : ''}${how}`;
  if (failure) return `✘ ${failure} · ${effect.summary} · ${how}`;
  return `✔ ${effect.summary} · ${how}`;
}

/** A listing cell in words: once → the page arrives; persistent → one clear failure; either way usable afterwards. */
export function listingOutcome(
  persistent: boolean,
  run: { failed: boolean; hung: boolean; error?: unknown; elapsedMs: number },
  againFailure: string | undefined,
  sends: readonly LoggedRequest[],
  boundMs: number,
): { outcome: string; broken: string[] } {
  const failure = run.failed && !run.hung ? classifyError(run.error) : undefined;
  const faulted = sends.filter((s) => s.fault);
  const fault = faulted[0]?.fault?.replace(/^status:/, '').replace(/^hang$/, 'no answer') ?? 'no fault';
  const attempts = `${sends.length} attempt${sends.length === 1 ? '' : 's'}`;
  const how = faulted.length === sends.length ? `${fault} × ${attempts}` : `${fault} × ${faulted.length}, then answered → ${attempts}`;
  const broken: string[] = [];
  if (run.hung) broken.push(`no outcome within ${boundMs / 1000} s (hung)`);
  else if (run.elapsedMs > boundMs) broken.push(`took longer than the bound of ${boundMs / 1000} s`);
  if (faulted.length === 0) broken.push('the fault never hit');
  if (!persistent && run.failed && !run.hung) broken.push('a single fault failed the listing');
  if (failure && (failure.kind === 'cancelled' || failure.message === GENERIC)) broken.push('no clear message');
  if (againFailure) broken.push(`still failing once the fault was gone (${againFailure})`);
  const usable = persistent && !againFailure ? ' · usable afterwards' : '';
  if (broken.length) return { outcome: `❌ ${broken.join('; ')} · ${failure ? `${failure.kind}: ${failure.message} · ` : ''}${how}`, broken };
  if (failure) return { outcome: `✘ ${failure.kind}: ${failure.message} · ${how}${usable}`, broken };
  return { outcome: `✔ page arrived · ${how}${usable}`, broken };
}
