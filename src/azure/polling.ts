// Bounded, cancellable waits for operations that finish in the vault after the request that started them (deletes,
// recovers, certificate operations). Pure: no SDK, no vscode.
import type { PolledOperation, WriteSubject } from './reliabilityErrors';
import { OperationStillRunningError } from './reliabilityErrors';
import { sleep } from './throttle';

export interface OperationOptions {
  /** Cancels the call: the request in flight and every wait. */
  readonly abortSignal?: AbortSignal;
}

export interface PollOptions extends OperationOptions {
  /** Longest wait between two status checks (they start at 250 ms and double). Default 2000 ms. */
  readonly pollIntervalMs?: number;
  /** Gives up after this long with an OperationStillRunningError (the operation goes on in the vault). Default 120 s. */
  readonly timeoutMs?: number;
}

export const defaultPollTimeoutMs = 120_000;
export const defaultPollIntervalMs = 2000;

/**
 * Checks until `check` passes: at once, then after 250 ms, doubling up to `pollIntervalMs`. Every wait ends when the
 * signal aborts (AbortError); past `timeoutMs` it throws an OperationStillRunningError naming `subject`.
 */
export async function pollUntil(check: () => Promise<boolean>, options: PollOptions, subject: WriteSubject, operation: PolledOperation): Promise<void> {
  const maxInterval = Math.max(1, options.pollIntervalMs ?? defaultPollIntervalMs);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? defaultPollTimeoutMs;
  let interval = Math.min(250, maxInterval);
  while (!(await check())) {
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new OperationStillRunningError(subject, operation, waited);
    await sleep(Math.min(interval, Math.max(1, timeoutMs - waited)), options.abortSignal);
    interval = Math.min(interval * 2, maxInterval);
  }
}
