// Delete, recover and purge of any kind, as safe writes with bounded, cancellable waits (pure at load time: the kind's
// SDK calls are handed in by secretOps, keyOps and certificateOps). The SDK's pollers are used only to SEND (their
// begin… call); waiting is ours (polling.ts), so the abort signal and the time limit hold for every kind.
import { safeWrite } from './safeWrite';
import { pollUntil, type PollOptions } from './polling';
import type { WriteSubject } from './reliabilityErrors';

/** What a delete request returned: the deleted object, and whether the service already lists it as deleted. */
export interface DeleteSent<D> {
  readonly deleted: D;
  /** True when the vault keeps it recoverable (the response carried a recoveryId): wait until it is listed. */
  readonly soft: boolean;
  /** True when it is already listed as deleted (`deleted` is then the listed object). */
  readonly done: boolean;
}

/** A begin-delete poller as the SDKs return it (only what `sentDelete` reads). */
interface DeletePoller<D> {
  isDone(): boolean;
  getResult(): D | undefined;
  getOperationState(): { result?: D };
}

/**
 * What a delete request answered: the deleted object (the result when the SDK's poller is done, else the state of
 * its first answer), soft when `recoverable(deleted)`. An answer without the object is refused by name.
 */
export function sentDelete<D>(poller: DeletePoller<D>, recoverable: (deleted: D) => boolean, noAnswer: () => Error): DeleteSent<D> {
  const deleted = poller.isDone() ? poller.getResult() : poller.getOperationState().result;
  if (deleted === undefined) throw noAnswer();
  return { deleted, soft: recoverable(deleted), done: poller.isDone() };
}

/** The kind's calls (each takes the call's abort signal). "Absent" is a 404, never another error. */
export interface LifecycleCalls<D> {
  readonly subject: WriteSubject;
  /** Sends the delete (the SDK's begin…). */
  sendDelete(abortSignal?: AbortSignal): Promise<DeleteSent<D>>;
  /** Sends the recover; true when the SDK already saw the object back. */
  sendRecover(abortSignal?: AbortSignal): Promise<boolean>;
  sendPurge(abortSignal?: AbortSignal): Promise<void>;
  /** The deleted object, or undefined. */
  getDeleted(abortSignal?: AbortSignal): Promise<D | undefined>;
  /** Whether the active object exists (value-free). */
  exists(abortSignal?: AbortSignal): Promise<boolean>;
}

/**
 * Deletes and waits until the vault lists the object as deleted (soft delete), or returns the delete's answer at
 * once when the delete was permanent. After an ambiguous failure: listed as deleted → done; still active → sent
 * again; neither → the delete is under way (waited for like a sent one).
 */
export async function deleteAndWait<D>(calls: LifecycleCalls<D>, options: PollOptions = {}): Promise<{ deleted?: D; soft: boolean }> {
  const { abortSignal } = options;
  const sent = await safeWrite<Partial<DeleteSent<D>>>({
    ...calls.subject,
    send: () => calls.sendDelete(abortSignal),
    check: async () => {
      const deleted = await calls.getDeleted(abortSignal);
      if (deleted !== undefined) return { result: { deleted, soft: true, done: true } };
      if (await calls.exists(abortSignal)) return undefined;
      return { result: { soft: true, done: false } };
    },
  });
  if (!sent.soft) return { ...(sent.deleted !== undefined ? { deleted: sent.deleted } : {}), soft: false };
  if (sent.done && sent.deleted !== undefined) return { deleted: sent.deleted, soft: true };
  let listed: D | undefined;
  await pollUntil(async () => (listed = await calls.getDeleted(abortSignal)) !== undefined, options, calls.subject, 'delete');
  return { ...(listed !== undefined ? { deleted: listed } : {}), soft: true };
}

/**
 * Recovers and waits until the object is active again. After an ambiguous failure: active → done; still listed as
 * deleted → sent again; neither → the recover is under way (waited for).
 */
export async function recoverAndWait<D>(calls: LifecycleCalls<D>, options: PollOptions = {}): Promise<void> {
  const { abortSignal } = options;
  const done = await safeWrite<boolean>({
    ...calls.subject,
    send: () => calls.sendRecover(abortSignal),
    check: async () => {
      if (await calls.exists(abortSignal)) return { result: true };
      if ((await calls.getDeleted(abortSignal)) !== undefined) return undefined;
      return { result: false };
    },
  });
  if (!done) await pollUntil(() => calls.exists(abortSignal), options, calls.subject, 'recover');
}

/** Purges for good. After an ambiguous failure: no longer listed as deleted → done; still listed → sent again. */
export async function purgeSafely<D>(calls: LifecycleCalls<D>, options: { abortSignal?: AbortSignal } = {}): Promise<void> {
  const { abortSignal } = options;
  await safeWrite<void>({
    ...calls.subject,
    send: () => calls.sendPurge(abortSignal),
    check: async () => ((await calls.getDeleted(abortSignal)) === undefined ? { result: undefined } : undefined),
  });
}

/** `call`'s result, or undefined when it failed with a 404. */
export async function unless404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if ((error as { statusCode?: unknown } | null)?.statusCode === 404) return undefined;
    throw error;
  }
}
