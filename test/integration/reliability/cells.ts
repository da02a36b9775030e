// Running one cell: the op under a hard guard (a hang must fail its cell, not the run), the columns of both
// matrices, and the clients' options (small timeouts so a hang costs seconds).
import type { MatrixFault } from './faults';

/** The VaultClients / ArmClient reliability options of the matrix: per-attempt timeout, Retry-After cap, backoff. */
export const RELIABILITY = { timeoutMs: 1500, retryAfterCapMs: 200, baseDelayMs: 10 } as const;
/** The data layer's default number of resends of a retry-safe request. */
export const TRANSIENT_RETRIES = 3;

export interface Column {
  readonly id: string;
  readonly title: string;
  readonly fault: Omit<MatrixFault, 'match'>;
}

export const WRITE_COLUMNS: readonly Column[] = [
  { id: 'b503', title: 'before-commit 503', fault: { action: 'status', status: 503, phase: 'before', count: 1 } },
  { id: 'a503', title: 'after-commit 503', fault: { action: 'status', status: 503, phase: 'after', count: 1 } },
  { id: 'arst', title: 'after-commit reset', fault: { action: 'reset', phase: 'after', count: 1 } },
  { id: 'ahng', title: 'after-commit hang', fault: { action: 'hang', phase: 'after', count: 1 } },
  { id: 'burst', title: '429 burst (3 × 429, then pass)', fault: { action: 'status', status: 429, count: 3 } },
  { id: 'ra', title: 'Retry-After: 86400 (one 429)', fault: { action: 'status', status: 429, headers: { 'Retry-After': '86400' }, count: 1 } },
];

const LISTING_FAULTS: readonly { id: string; title: string; fault: Omit<MatrixFault, 'match' | 'count'> }[] = [
  { id: '500', title: '500', fault: { action: 'status', status: 500 } },
  { id: 'rst', title: 'reset', fault: { action: 'reset' } },
  { id: 'hng', title: 'hang', fault: { action: 'hang' } },
  { id: '429', title: '429', fault: { action: 'status', status: 429 } },
];

/** {500, reset, hang, 429} × {once, persistent}. */
export const LISTING_COLUMNS: readonly (Column & { readonly persistent: boolean })[] = LISTING_FAULTS.flatMap((f) => [
  { id: `${f.id}-1`, title: `${f.title} once`, fault: { ...f.fault, count: 1 }, persistent: false },
  { id: `${f.id}-n`, title: `${f.title} persistent`, fault: f.fault, persistent: true },
]);

/**
 * The longest a write cell may take: three attempts' timeouts (the write, the check, one resend), what the vault
 * needs to finish (a delete, a certificate operation) and a margin.
 */
export function writeBoundMs(settleMs: number): number {
  return RELIABILITY.timeoutMs * 3 + settleMs + 3000;
}

/** The longest a listing cell may take: every attempt's timeout, backoffs and a margin. */
export function listingBoundMs(): number {
  return RELIABILITY.timeoutMs * (TRANSIENT_RETRIES + 1) + 3000;
}

/** How long past its bound a cell is waited for before it is called hung. */
export const GUARD_EXTRA_MS = 10_000;

export interface Guarded<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly failed: boolean;
  /** The op had not settled after `guardMs` (it was then aborted). */
  readonly hung: boolean;
  readonly elapsedMs: number;
}

/** Runs `op` with an abort signal; gives up (aborting it) after `guardMs`. Never rejects. */
export async function guarded<T>(op: (abortSignal: AbortSignal) => Promise<T>, guardMs: number): Promise<Guarded<T>> {
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), guardMs);
  });
  const settled = op(controller.signal).then(
    (value) => ({ value, failed: false }),
    (error: unknown) => ({ error, failed: true }),
  );
  try {
    const first = await Promise.race([settled, guard]);
    const elapsedMs = performance.now() - started;
    if (first === 'hung') {
      controller.abort();
      return { failed: true, hung: true, elapsedMs };
    }
    return { ...first, hung: false, elapsedMs };
  } finally {
    clearTimeout(timer);
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
