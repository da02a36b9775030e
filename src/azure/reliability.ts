// The reliability policy of every Azure client (pure: type-only SDK imports; the policy is a plain object the SDK
// pipeline calls). The SDK's own retry policy is switched off (`retryOptions: { maxRetries: 0 }`): it resends
// PUT/POST/DELETE after a 5xx or a reset without knowing whether the service already committed them, so one save
// could make two versions. This policy decides instead:
//
// - a slot of the vault's ConcurrencyGate for the whole call, waits included (a throttled vault gets no extra load);
// - a per-attempt timeout (default 30 s) through its own AbortController linked to the caller's signal — never the
//   pipeline's `request.timeout`, whose abort looks like the user's Cancel — failing with RequestTimeoutError;
// - 429 on any request (the service did not process it): backoff 1, 2, 4, 8, 16 s (±20 %), or the Retry-After the
//   service sent; every wait capped at retryAfterCapMs (default 60 s). A service that asks twice in a row for longer
//   than the cap means it: the 429 then reaches the caller, whose failure carries the Retry-After it asked for;
// - for RETRY-SAFE requests only (isRetrySafe: reads, PATCH, idempotent PUTs, crypto and backup POSTs) also 408,
//   5xx except 501/505, network errors and timeouts, up to maxTransientRetries (default 3) with the same backoff.
//   Anything else (PUT secret, POST create/import/rotate/recover/restore, DELETE) is sent once: whether it must be
//   sent again is decided by safeWrite.ts after checking what the vault holds;
// - an onWait event right before each wait (the UI shows a countdown), and every wait ends when the signal aborts.
//
// Position: perCall, so each retry goes through the authentication policy again (a token that expired during a long
// wait is refreshed; a first request whose body the Key Vault auth policy withheld still gets its challenge).
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { isNetworkError } from './errors';
import { Listeners } from './listeners';
import { RequestTimeoutError } from './reliabilityErrors';
import { abortError, backoffDelay, defaultThrottle, retryAfterMs, sleep, type AbortSignalLike, type ConcurrencyGate } from './throttle';

export interface ReliabilityOptions {
  /** Longest wait for one attempt's complete answer. Default 30 000 ms; 0 = no timeout. */
  readonly timeoutMs?: number;
  /** Longest single wait before sending again (a longer Retry-After is cut to this). Default 60 000 ms. */
  readonly retryAfterCapMs?: number;
  /** Resends of a retry-safe request after 408, 5xx (not 501/505), a network error or a timeout. Default 3. */
  readonly maxTransientRetries?: number;
  /** First backoff delay, doubled on each further retry (±20 % jitter). Default 1000 ms. */
  readonly baseDelayMs?: number;
  /** Retries of a throttled (429) request before its 429 reaches the caller. Default 5. */
  readonly maxRetries?: number;
  /** Concurrent requests per vault (all three object kinds together). Default 4. */
  readonly maxConcurrentPerVault?: number;
  /** Waits `ms`, rejecting with an AbortError when `signal` aborts. Default: a timer. Tests may script it. */
  readonly sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  /** Source of jitter in [0, 1). Default Math.random. */
  readonly random?: () => number;
}

export const defaultReliability = { ...defaultThrottle, timeoutMs: 30_000, retryAfterCapMs: 60_000, maxTransientRetries: 3 } as const;

export const reliabilityPolicyName = 'keyVaultReliabilityPolicy';

/** Fired right before the policy waits to send a request again. */
export interface WaitEvent {
  /** Host of the request (no path: paths name objects). */
  readonly host: string;
  /** 'throttled': a 429; 'retry': a transient failure of a retry-safe request. */
  readonly reason: 'throttled' | 'retry';
  /** How long the wait is (after the cap). */
  readonly delayMs: number;
  /** What the service's Retry-After asked for, before the cap. */
  readonly requestedMs?: number;
  /** The request's signal: lets a UI match the wait to its own operation. */
  readonly abortSignal?: AbortSignal;
}

export type WaitListener = (event: WaitEvent) => void;

/** The wait listeners of one client set (VaultClients, ArmClient). A throwing listener never breaks a request. */
export class WaitEvents extends Listeners<WaitEvent> {}

const SAFE_POST = /^\/keys\/[^/]+(?:\/[^/]*)?\/(?:encrypt|decrypt|sign|verify|wrapkey|unwrapkey)$|^\/(?:keys|secrets|certificates|storage)\/[^/]+\/backup$|^\/providers\/microsoft\.resourcegraph\/resources$/;
const SAFE_PUT = /^\/keys\/[^/]+\/rotationpolicy$/;

/**
 * Whether sending `method url` twice has the effect of sending it once: GET, HEAD, OPTIONS, PATCH (sets the given
 * attributes), PUT of a key's rotation policy (replaces it), and the POSTs that only compute or read (crypto
 * operations, backups, a Resource Graph query). Everything else creates or removes something: PUT secret / key import, POST create, import,
 * rotate, recover, restore, DELETE.
 */
export function isRetrySafe(method: string, url: string): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'PATCH') return true;
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase().replace(/\/+$/, '');
  } catch {
    return false;
  }
  if (m === 'PUT') return SAFE_PUT.test(path);
  if (m === 'POST') return SAFE_POST.test(path);
  return false;
}

/** 408, and 5xx except 501 (not implemented) and 505 (version not supported): worth sending again. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** A failure with no answer worth sending again for: a network error or a per-attempt timeout. */
export function isTransientError(error: unknown): boolean {
  return error instanceof RequestTimeoutError || isNetworkError(error);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Sends one attempt with its own timeout, linked to the caller's signal; restores the caller's signal after. */
async function attempt(request: PipelineRequest, next: SendRequest, timeoutMs: number): Promise<PipelineResponse> {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return next(request);
  const outer = request.abortSignal;
  if (outer?.aborted) throw abortError();
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  request.abortSignal = controller.signal;
  try {
    return await next(request);
  } catch (error) {
    if (timedOut && !outer?.aborted) throw new RequestTimeoutError(timeoutMs, hostOf(request.url));
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
    request.abortSignal = outer;
  }
}

export interface ReliabilityPolicyArgs {
  /** The vault's gate (data plane); none for Resource Manager. */
  readonly gate?: ConcurrencyGate;
  readonly options?: ReliabilityOptions;
  readonly events?: WaitEvents;
}

/** The perCall policy (see the top of this file). */
export function reliabilityPolicy({ gate, options = {}, events }: ReliabilityPolicyArgs = {}): PipelinePolicy {
  const o = { ...defaultReliability, ...stripUndefined(options) };
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  return {
    name: reliabilityPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const release = gate ? await gate.acquire(request.abortSignal) : (): void => undefined;
      try {
        const safe = isRetrySafe(request.method, request.url);
        let throttled = 0;
        let transient = 0;
        let overCap = false;
        for (;;) {
          let response: PipelineResponse | undefined;
          let failure: unknown;
          try {
            response = await attempt(request, next, o.timeoutMs);
          } catch (error) {
            failure = error;
          }
          // An answer may also arrive as an error: core-client's deserialization policy (inside this one) throws a
          // RestError carrying the response for a status its operation does not expect (the ARM subscriptions client).
          const answer = response ?? answerOf(failure);
          const requested = answer ? retryAfterMs(answer) : undefined;
          let reason: WaitEvent['reason'];
          let backoff: number;
          if (answer?.status === 429 && throttled < o.maxRetries && !(requested !== undefined && requested > o.retryAfterCapMs && overCap)) {
            overCap = requested !== undefined && requested > o.retryAfterCapMs;
            reason = 'throttled';
            backoff = backoffDelay(throttled++, o.baseDelayMs, random);
          } else if (safe && transient < o.maxTransientRetries && (answer ? isTransientStatus(answer.status) : isTransientError(failure))) {
            reason = 'retry';
            backoff = backoffDelay(transient++, o.baseDelayMs, random);
          } else if (response) {
            return response;
          } else {
            throw failure;
          }
          const delayMs = Math.min(o.retryAfterCapMs, Math.max(backoff, requested ?? 0));
          events?.emit({
            host: hostOf(request.url),
            reason,
            delayMs,
            ...(requested !== undefined ? { requestedMs: requested } : {}),
            ...(request.abortSignal ? { abortSignal: request.abortSignal as AbortSignal } : {}),
          });
          await wait(delayMs, request.abortSignal);
        }
      } finally {
        release();
      }
    },
  };
}

/** The response a RestError carries (status and headers), if any. */
function answerOf(error: unknown): { readonly status: number; readonly headers: { get(name: string): string | undefined } } | undefined {
  const response = (error as { response?: { status?: unknown; headers?: { get?: unknown } } } | null)?.response;
  if (typeof response?.status !== 'number' || response.status <= 0 || typeof response.headers?.get !== 'function') return undefined;
  return response as { status: number; headers: { get(name: string): string | undefined } };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
