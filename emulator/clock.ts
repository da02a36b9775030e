// The emulator's clock for object timestamps (created, deletedDate, purge dates, expiry) and time parsing for seeds.
// Access tokens and throttling windows use real time, so moving this clock never invalidates a client's token.
import type { Clock } from './types';

/** Real time plus an offset that the control API can move forward (or back). */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function nowSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 7 * 86400, y: 365 * 86400 };

/**
 * A seed time: Unix seconds (number), `"now"`, a relative `"+10d"` / `"-2h"` / `"-30m"` / `"+1y"` (units s m h d w y),
 * or an ISO-8601 date. `now` and the result are Unix seconds; undefined when `value` is none of these.
 */
export function seedTime(value: unknown, now: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.floor(value);
  }
  if (typeof value === 'string') {
    if (value === 'now') {
      return now;
    }
    const rel = /^([+-])(\d+(?:\.\d+)?)([smhdwy])$/.exec(value.trim());
    if (rel) {
      const sign = rel[1] === '-' ? -1 : 1;
      return now + Math.round(sign * Number(rel[2]) * (UNIT_SECONDS[rel[3]!] ?? 0));
    }
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) {
      return Math.floor(parsed / 1000);
    }
  }
  return undefined;
}

/** `seedTime` against the emulator clock; throws a seed error naming `what` for anything else. */
export function parseSeedTime(value: unknown, clock: Clock, what: string): number {
  const t = seedTime(value, nowSeconds(clock));
  if (t === undefined) {
    throw new Error(`seed: ${what} must be Unix seconds, "now", "+10d"-style relative time or an ISO date (got ${JSON.stringify(value)})`);
  }
  return t;
}

/** ARM style timestamp: `2020-01-01T12:00:00.0000000Z`. */
export function armTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, '.0000000Z');
}
