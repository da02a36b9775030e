// One measured action: its requests (emulator request log, counted after the action and whatever it left behind
// settled) next to the floor, and its wall time next to the floor's round trips × the injected latency.
import { count, cursor, requestsSince, round, settle, timeline, type RequestCount } from './probe';

export interface Floor {
  /** The fewest ARM + Key Vault requests the action can make. */
  requests: number;
  /** Round trips on the critical path (each costs at least the injected latency). */
  roundTrips: number;
}

export interface ActionResult extends RequestCount {
  floor: number;
  wall_ms: number;
  floor_ms: number;
  round_trips: number;
  [extra: string]: unknown;
}

export class Recorder {
  readonly actions: Record<string, ActionResult> = {};
  readonly details: Record<string, unknown> = {};

  constructor(
    readonly latencyMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Runs `action` once the emulator is quiet, times it, waits until what it started is quiet again and counts
   * every request since it began. `action` may return extra figures (rows, first result…) to keep beside.
   */
  async measure(name: string, floor: Floor, action: () => Promise<Record<string, unknown> | void>): Promise<ActionResult> {
    await settle();
    const since = await cursor();
    const startedAt = Date.now();
    const t0 = performance.now();
    let extra: Record<string, unknown> | void = undefined;
    let error: string | undefined;
    try {
      extra = await action();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const wall = performance.now() - t0;
    await settle();
    const logged = await requestsSince(since);
    const result: ActionResult = {
      ...count(logged), floor: floor.requests, wall_ms: round(wall), floor_ms: floor.roundTrips * this.latencyMs, round_trips: floor.roundTrips,
      ...timeline(logged, startedAt), ...(extra ?? {}), ...(error ? { error } : {}),
    };
    this.actions[name] = result;
    this.log(`${name}: ${result.requests} requests (floor ${result.floor}), ${result.wall_ms} ms (floor ${result.floor_ms} ms)${error ? ` ERROR ${error}` : ''}`);
    return result;
  }

  /** Two consecutive measurements as one (the first page, then every other page). */
  combine(name: string, first: ActionResult, rest: ActionResult, floor: Floor, extra: Record<string, unknown> = {}): void {
    const sum = (k: 'requests' | 'arm' | 'vault' | 'challenges' | 'login') => first[k] + rest[k];
    const errors = [first.error, rest.error].filter(Boolean);
    this.actions[name] = {
      requests: sum('requests'), arm: sum('arm'), vault: sum('vault'), challenges: sum('challenges'), login: sum('login'),
      floor: floor.requests, wall_ms: round(first.wall_ms + rest.wall_ms), floor_ms: floor.roundTrips * this.latencyMs, round_trips: floor.roundTrips,
      ...extra, ...(errors.length ? { error: errors.join('; ') } : {}),
    };
    this.log(`${name}: ${this.actions[name].requests} requests (floor ${floor.requests}), ${this.actions[name].wall_ms} ms (floor ${this.actions[name].floor_ms} ms)`);
  }
}
