// What the benchmark measures with, inside the extension host: the emulator's request log (GET /control/requests),
// an event-loop block probe, and the heap. Timings are reported, never asserted.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { LoggedRequest } from '../e2e/suite/emulator';

export interface EmulatorLine {
  control: string;
  vaults: Record<string, string>;
  tenants: { id: string; displayName: string }[];
  subscriptions: { id: string; displayName: string; tenantId: string }[];
}

export function emulatorLine(): EmulatorLine {
  const line = process.env.KV_EMULATOR;
  if (!line) throw new Error('KV_EMULATOR is not set: run the benchmark through scripts/bench.mjs');
  return JSON.parse(line) as EmulatorLine;
}

/** A request of the emulator's log (as the e2e suite reads it), with its id in the log. */
type Logged = LoggedRequest & { id: number };

async function control<T>(path: string): Promise<T> {
  const response = await fetch(`${emulatorLine().control}${path}`);
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The id the emulator gives its next request. */
export async function cursor(): Promise<number> {
  return (await control<{ cursor: number }>('/requests?limit=1')).cursor;
}

export async function requestsSince(since: number): Promise<Logged[]> {
  return (await control<{ requests: Logged[] }>(`/requests?sinceId=${since}`)).requests;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the emulator saw no request for `quietMs` (work an action leaves behind: a debounced diagnostics
 * run, a re-listing after a tree event), at most `maxMs`.
 */
export async function settle(quietMs = 1200, maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = await cursor();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await sleep(200);
    const now = await cursor();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return;
    }
  }
}

/** The requests of one action, by plane: `requests` counts ARM and Key Vault (the extension's own calls). */
export interface RequestCount {
  requests: number;
  arm: number;
  vault: number;
  /** 401 answers (Key Vault auth challenges), included in `vault`. */
  challenges: number;
  /** Token requests to the sign-in endpoint (VS Code's auth provider, not the extension), not in `requests`. */
  login: number;
}

export function count(logged: readonly Logged[]): RequestCount {
  const arm = logged.filter((r) => r.plane === 'arm').length;
  const vault = logged.filter((r) => r.plane === 'vault').length;
  return { requests: arm + vault, arm, vault, challenges: logged.filter((r) => r.plane === 'vault' && r.status === 401).length, login: logged.filter((r) => r.plane === 'login').length };
}

/**
 * Where an action's time went, from the request log (every plane, sign-in included), relative to the action's
 * start (`startedAt`, epoch ms; the emulator runs on the same clock): when its first request reached the emulator,
 * when its last answer left, and the emulator's own time per request (the injected latency included).
 */
export function timeline(logged: readonly Logged[], startedAt: number): Record<string, number> {
  if (!logged.length) return {};
  const starts = logged.map((r) => Date.parse(r.time) - r.durationMs - startedAt);
  const ends = logged.map((r) => Date.parse(r.time) - startedAt);
  return {
    first_request_at_ms: Math.round(Math.min(...starts)),
    last_answer_at_ms: Math.round(Math.max(...ends)),
    emulator_ms_per_request: round(logged.reduce((n, r) => n + r.durationMs, 0) / logged.length),
  };
}

/** Longest event-loop block while it runs: a 5 ms interval's lateness, and perf_hooks' delay histogram. */
export class BlockProbe {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private maxDrift = 0;
  private started = 0;
  /** Blocks over 50 ms: when (ms after start) and how long. */
  private readonly long: { at_ms: number; ms: number }[] = [];
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private static readonly intervalMs = 5;

  /** ms since start (to place marks such as page arrivals beside the blocks). */
  elapsed(): number {
    return Math.round(performance.now() - this.started);
  }

  start(): void {
    this.last = this.started = performance.now();
    this.histogram.enable();
    this.timer = setInterval(() => {
      const now = performance.now();
      const drift = now - this.last - BlockProbe.intervalMs;
      this.maxDrift = Math.max(this.maxDrift, drift);
      if (drift > 50) this.long.push({ at_ms: Math.round(this.last - this.started), ms: round(drift) });
      this.last = now;
    }, BlockProbe.intervalMs);
  }

  stop(): { max_block_ms: number; histogram_max_ms: number; histogram_p99_ms: number; blocks_over_50ms: number; longest: { at_ms: number; ms: number }[]; probe_ms: number } {
    if (this.timer) clearInterval(this.timer);
    this.histogram.disable();
    const longest = [...this.long].sort((a, b) => b.ms - a.ms).slice(0, 5);
    return {
      max_block_ms: round(this.maxDrift), histogram_max_ms: round(this.histogram.max / 1e6), histogram_p99_ms: round(this.histogram.percentile(99) / 1e6),
      blocks_over_50ms: this.long.length, longest, probe_ms: Math.round(performance.now() - this.started),
    };
  }
}

/**
 * A full garbage collection where V8 allows one to be asked for (`--expose-gc` switched on at run time and the
 * `gc` function taken from a fresh context); otherwise only time to settle. Says which it was.
 */
export async function collectGarbage(settleMs = 2000): Promise<'gc' | 'settle'> {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  await sleep(gc ? 200 : settleMs);
  if (!gc) return 'settle';
  gc();
  await sleep(100);
  gc();
  return 'gc';
}

export const heapUsedMb = () => round(process.memoryUsage().heapUsed / 2 ** 20);

export function round(n: number, digits = 1): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

/** Starts V8's CPU profiler in this process (node:inspector); `stopInto(file)` writes a .cpuprofile. */
export async function startCpuProfile(): Promise<{ stopInto(file: string): Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    stopInto: async (file) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
