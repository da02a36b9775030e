// Key Vault throttling (pure: type-only SDK imports; the policy is a plain object the SDK pipeline calls).
//
// Key Vault answers an over-limit request with 429 and NO Retry-After header, and the SDK's default retry
// policy only retries a 429 that carries one: a bare 429 reaches the caller at once. This policy retries it
// with exponential backoff (base 1 s, doubling: 1, 2, 4, 8, 16 s, each ±20 % jitter), as Key Vault's guidance
// recommends, and caps the number of concurrent requests per vault (default 4).
//
// Position: perCall (before the SDK's retry and authentication policies). The slot of the concurrency cap is
// then held for the whole call, backoff included, so a throttled vault gets no extra load from queued calls;
// and each retry goes through the Key Vault authentication policy again, so a token that expired during a long
// backoff is refreshed and a first request whose body the auth policy withheld still gets its challenge (which
// restores the body). Request bodies here are strings, so sending one again is safe.
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';

type AbortSignalLike = NonNullable<PipelineRequest['abortSignal']>;

export interface ThrottleOptions {
  /** First backoff delay after a 429, doubled on each further retry. Default 1000 ms. */
  readonly baseDelayMs?: number;
  /** Retries of a throttled request before its 429 reaches the caller. Default 5. */
  readonly maxRetries?: number;
  /** Concurrent requests per vault (all three object kinds together). Default 4. */
  readonly maxConcurrentPerVault?: number;
  /** Waits `ms`, rejecting with an AbortError when `signal` aborts. Default: a timer. Tests may script it. */
  readonly sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  /** Source of jitter in [0, 1). Default Math.random. */
  readonly random?: () => number;
}

export const throttlePolicyName = 'keyVaultThrottlePolicy';
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
export function retryAfterMs(response: PipelineResponse): number | undefined {
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

/** The perCall policy: a slot of the vault's gate for the whole call, and backoff retries of 429s. */
export function throttlePolicy(gate: ConcurrencyGate, options: ThrottleOptions = {}): PipelinePolicy {
  const baseDelayMs = options.baseDelayMs ?? defaultThrottle.baseDelayMs;
  const maxRetries = options.maxRetries ?? defaultThrottle.maxRetries;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  return {
    name: throttlePolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const release = await gate.acquire(request.abortSignal);
      try {
        for (let attempt = 0; ; attempt++) {
          const response = await next(request);
          if (response.status !== 429 || attempt >= maxRetries) return response;
          const delay = Math.max(backoffDelay(attempt, baseDelayMs, random), retryAfterMs(response) ?? 0);
          await wait(delay, request.abortSignal);
        }
      } finally {
        release();
      }
    },
  };
}
