// Writing a confirmed plan (pure: the write itself is the caller's): a few rows at a time, stopping cleanly. A stop
// (the user's Cancel) starts no further write and lets the writes in flight finish, so the outcome of every row is
// known: written, failed (with why), or not sent. Only a write whose answer was lost and could not be checked (or
// one aborted by a sign-out) has an unknown outcome — the caller says so, and a re-run plans again and settles it.
import { mapWithConcurrency } from '../../azure/concurrency';
import type { PlanRow } from './plan';

/** What one write did, as the caller's `write` reports it. */
export type WriteResult = { readonly status: 'written' } | { readonly status: 'failed' | 'unknown'; readonly reason: string };

export type OutcomeStatus = 'written' | 'failed' | 'unknown' | 'notSent';

export interface WriteOutcome {
  readonly row: PlanRow;
  readonly status: OutcomeStatus;
  readonly reason?: string;
}

export interface WriteOptions {
  /** Writes at a time (the client's per-vault gate caps the vault's requests anyway). Default 4, at most 4. */
  readonly concurrency?: number;
  /** Asked before each write: true stops the run (no further write starts). */
  readonly shouldStop: () => boolean;
  /** After each finished write: how many have finished, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WriteRun {
  /** One per row, in the rows' order. */
  readonly outcomes: readonly WriteOutcome[];
  /** Whether the run stopped before every row was sent. */
  readonly stopped: boolean;
}

export async function writeRows(rows: readonly PlanRow[], write: (row: PlanRow) => Promise<WriteResult>, options: WriteOptions): Promise<WriteRun> {
  let done = 0;
  let stopped = false;
  const outcomes = await mapWithConcurrency(rows, Math.min(4, Math.max(1, options.concurrency ?? 4)), async (row): Promise<WriteOutcome> => {
    if (stopped || options.shouldStop()) {
      stopped = true;
      return { row, status: 'notSent' };
    }
    let result: WriteResult;
    try {
      result = await write(row);
    } catch (error) {
      result = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    options.onProgress?.(++done, rows.length);
    return result.status === 'written' ? { row, status: 'written' } : { row, status: result.status, reason: result.reason };
  });
  return { outcomes, stopped };
}

/** The counts of a finished run, over the whole plan. */
export interface RunCounts {
  readonly written: number;
  readonly unchanged: number;
  /** invalid + collision + blocked rows of the plan. */
  readonly skipped: number;
  readonly failed: number;
  readonly unknown: number;
  readonly notSent: number;
}

export function runCounts(rows: readonly PlanRow[], outcomes: readonly WriteOutcome[]): RunCounts {
  const of = (s: OutcomeStatus) => outcomes.filter((o) => o.status === s).length;
  return {
    written: of('written'),
    unchanged: rows.filter((r) => r.status === 'unchanged').length,
    skipped: rows.filter((r) => r.status === 'invalid' || r.status === 'collision' || r.status === 'blocked').length,
    failed: of('failed'),
    unknown: of('unknown'),
    notSent: of('notSent'),
  };
}
