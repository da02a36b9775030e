// Waiting primitives of the reliability policy (reliability.ts), pure: type-only SDK imports.
//
// Key Vault answers an over-limit request with 429 and NO Retry-After header: such a 429 is retried with
// exponential backoff (base 1 s, doubling: 1, 2, 4, 8, 16 s, each ±20 % jitter), as Key Vault's guidance
// recommends; the number of concurrent requests per vault is capped (default 4) by a ConcurrencyGate.
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import type { ReliabilityOptions } from './reliability';

export type AbortSignalLike = NonNullable<PipelineRequest['abortSignal']>;

/** The options of the reliability policy under their first name (VaultClientsOptions.throttle). */
export type ThrottleOptions = ReliabilityOptions;

/** Defaults of the 429 backoff and the per-vault cap (the other defaults: defaultReliability in reliability.ts). */
export const defaultThrottle = { baseDelayMs: 1000, maxRetries: 5, maxConcurrentPerVault: 4 } as const;

export function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort);
  });
}

/** Delay before retry number `attempt` (0-based): base·2^attempt, scaled by a jitter factor in [0.8, 1.2). */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number = Math.random): number {
  return Math.round(baseDelayMs * 2 ** attempt * (0.8 + 0.4 * random()));
}

/** Retry-After / retry-after-ms of a response, in ms, when present. */
export function retryAfterMs(response: { readonly headers: { get(name: string): string | undefined } }): number | undefined {
  const ms = Number(response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const after = response.headers.get('retry-after');
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isFinite(date) && date > Date.now() ? date - Date.now() : undefined;
}

/** A counting semaphore: at most `max` holders; waiters are served first come, first served. */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('the concurrency cap must be at least 1');
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Waits for a slot; the returned function gives it back (call it exactly once). */
  acquire(signal?: AbortSignalLike): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError());
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.active--;
    };
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = (): void => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(abortError());
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort);
    });
  }
}
