// Writes that must not happen twice (pure: no SDK, no vscode). A new secret version, a new key or key version, a
// certificate operation, a delete, recover or purge is sent ONCE by the pipeline (reliability.ts never resends it).
// When it fails in a way that can happen after the service committed it — 408, 5xx (not 501/505), a reset or other
// network error, a per-attempt timeout; never a 4xx, never the user's Cancel — we look at what the vault holds:
//   committed     → the call returns as if it had succeeded (the same result, read back from the vault);
//   not committed → it is sent once more (at most two sends in all; a second ambiguous failure is checked again);
//   check failed  → WriteOutcomeUnknownError: nobody can say, and the user is told to look before retrying.
//
// Telling "made by this call" by time: the service stamps `created` with its own clock (whole seconds), ours may
// differ. A version counts as a candidate when it was created at or after (first send − CLOCK_SKEW_MS), 5 minutes:
// clocks of machines that can sign in to Entra ID at all are within that (token lifetimes and nbf checks assume it).
// A wider window only adds candidates, which the checks then tell apart by content (a secret's value, content type
// and tags; a key's type and tags; a certificate's thumbprint), or by a baseline read before the send (rotate,
// renew: the version that was current), so an older version written in the window is not mistaken for this one.
import { isAbort, isNetworkError, statusOf } from './errors';
import { isTransientStatus } from './reliability';
import { RequestTimeoutError, WriteOutcomeUnknownError, type WriteSubject } from './reliabilityErrors';

/** How far the vault's clock may be behind ours when telling this call's versions by their `created` time. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether a write's failure may have happened after the service committed it. */
export function isAmbiguousFailure(error: unknown): boolean {
  if (error instanceof RequestTimeoutError || (error as { name?: unknown } | null)?.name === 'RequestTimeoutError') return true;
  if (isAbort(error)) return false;
  const status = statusOf(error);
  if (status !== undefined) return isTransientStatus(status);
  return isNetworkError(error);
}

/** What the check found: the write happened, with the result the caller would have got. */
export interface Committed<T> {
  readonly result: T;
}

export interface SafeWrite<T> extends WriteSubject {
  /** Sends the write (once per call). */
  send(): Promise<T>;
  /**
   * After an ambiguous failure: what the vault holds. The result when the write (or the first of two sends) is
   * there, undefined when it is not. Throws when it cannot tell. `since` = first send − CLOCK_SKEW_MS (epoch ms).
   */
  check(since: number): Promise<Committed<T> | undefined>;
}

/** Sends `write`, resolving an ambiguous failure by checking the vault (see the top of this file). */
export async function safeWrite<T>(write: SafeWrite<T>): Promise<T> {
  const since = Date.now() - CLOCK_SKEW_MS;
  for (let sends = 1; ; sends++) {
    try {
      return await write.send();
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      let found: Committed<T> | undefined;
      try {
        found = await write.check(since);
      } catch (checkError) {
        if (isAbort(checkError)) throw checkError;
        throw new WriteOutcomeUnknownError({ kind: write.kind, name: write.name }, error, checkError);
      }
      if (found) return found.result;
      if (sends >= 2) throw error;
    }
  }
}

/** Tags as the service keeps them: none and {} are the same. */
export function sameTags(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ea = Object.entries(a ?? {});
  const eb = b ?? {};
  return ea.length === Object.keys(eb).length && ea.every(([k, v]) => Object.prototype.hasOwnProperty.call(eb, k) && eb[k] === v);
}

/** Dates as the service keeps them (whole seconds); an undefined `sent` matches anything (not part of the write). */
export function sameSecond(sent: Date | undefined, stored: Date | undefined): boolean {
  return sent === undefined || (stored !== undefined && Math.floor(sent.getTime() / 1000) === Math.floor(stored.getTime() / 1000));
}

/** Created at or after `since` (a version with no creation time is no candidate). */
export function createdSince(createdOn: Date | undefined, since: number): boolean {
  return createdOn !== undefined && createdOn.getTime() >= since;
}
