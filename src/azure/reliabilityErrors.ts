// The errors of bounded waits and safe writes (pure: no SDK, no vscode). classifyError (errors.ts) turns them into
// the AzureFailure kinds 'timeout', 'outcomeUnknown' and 'stillRunning'; their messages never carry a value.
import * as l10n from '@vscode/l10n';
import type { AzureFailure, ObjectKind } from './model';

/** One attempt of a request got no complete answer within `timeoutMs` (the per-attempt timeout, reliability.ts). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  readonly code = 'REQUEST_TIMEOUT';

  constructor(
    readonly timeoutMs: number,
    /** The host that did not answer (no path: paths may name objects). */
    readonly host?: string,
  ) {
    super(l10n.t('Azure did not answer within {0} s.', seconds(timeoutMs)));
  }
}

/** What a safe write was about: shown in the messages of the errors below. */
export interface WriteSubject {
  readonly kind: ObjectKind;
  readonly name: string;
}

/**
 * A write that must not be sent twice (a new version, key, certificate operation, a delete…) failed in a way that
 * may have happened after the service committed it (5xx, reset, timeout), and checking what the vault holds
 * failed too: nobody knows whether the change was made. `cause` is the write's error, `checkError` the check's.
 */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = 'WriteOutcomeUnknownError';

  constructor(
    readonly subject: WriteSubject,
    override readonly cause: unknown,
    readonly checkError?: unknown,
  ) {
    super(outcomeUnknownMessage(subject));
  }
}

/** The operation whose end a poller waited for. */
export type PolledOperation = 'delete' | 'recover' | 'create';

/** A poller gave up waiting after `waitedMs`; the operation goes on in the vault. */
export class OperationStillRunningError extends Error {
  override readonly name = 'OperationStillRunningError';

  constructor(
    readonly subject: WriteSubject,
    readonly operation: PolledOperation,
    readonly waitedMs: number,
  ) {
    super(stillRunningMessage(subject, operation, waitedMs));
  }
}

export function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

export function outcomeUnknownMessage(s: WriteSubject): string {
  switch (s.kind) {
    case 'secret':
      return l10n.t('It is not known whether the change to the secret "{0}" was made: the request failed in a way that can happen after Azure saved it, and checking the vault failed too.', s.name);
    case 'key':
      return l10n.t('It is not known whether the change to the key "{0}" was made: the request failed in a way that can happen after Azure saved it, and checking the vault failed too.', s.name);
    case 'certificate':
      return l10n.t('It is not known whether the change to the certificate "{0}" was made: the request failed in a way that can happen after Azure saved it, and checking the vault failed too.', s.name);
  }
}

export function outcomeUnknownAction(s: WriteSubject): string {
  return l10n.t('Refresh and look at "{0}" and its versions (and the deleted items) before you retry, so the change is not made twice.', s.name);
}

export function stillRunningMessage(s: WriteSubject, operation: PolledOperation, waitedMs: number): string {
  const n = seconds(waitedMs);
  switch (operation) {
    case 'delete':
      return l10n.t('Deleting "{0}" is still running in the vault: stopped waiting after {1} s.', s.name, n);
    case 'recover':
      return l10n.t('Recovering "{0}" is still running in the vault: stopped waiting after {1} s.', s.name, n);
    case 'create':
      return l10n.t('The operation on "{0}" is still running in the vault: stopped waiting after {1} s.', s.name, n);
  }
}

function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/** The subject of a WriteOutcomeUnknownError / OperationStillRunningError (duck typed). */
function subjectOf(error: unknown): WriteSubject {
  const subject = field(error, 'subject');
  const kind = field(subject, 'kind');
  const name = field(subject, 'name');
  return { kind: kind === 'key' || kind === 'certificate' ? kind : 'secret', name: typeof name === 'string' ? name : '' };
}

/** The failure of one of the errors above, told by `name` (duck typing, as in errors.ts); undefined for any other. */
export function reliabilityFailure(name: string, error: unknown): AzureFailure | undefined {
  if (name === 'RequestTimeoutError') {
    const t = field(error, 'timeoutMs');
    const timeoutMs = typeof t === 'number' && t > 0 ? t : undefined;
    return {
      kind: 'timeout',
      code: 'REQUEST_TIMEOUT',
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      message: timeoutMs !== undefined
        ? l10n.t('Azure did not answer within {0} s (the setting azureKeyVault.requestTimeoutSeconds).', seconds(timeoutMs))
        : l10n.t('Azure did not answer in time (the setting azureKeyVault.requestTimeoutSeconds).'),
      action: l10n.t('Check the network connection, then retry; on a slow connection raise azureKeyVault.requestTimeoutSeconds.'),
    };
  }
  if (name === 'WriteOutcomeUnknownError') {
    const subject = subjectOf(error);
    return { kind: 'outcomeUnknown', message: outcomeUnknownMessage(subject), action: outcomeUnknownAction(subject) };
  }
  if (name === 'OperationStillRunningError') {
    const operation = field(error, 'operation');
    const waited = field(error, 'waitedMs');
    return {
      kind: 'stillRunning',
      message: stillRunningMessage(subjectOf(error), operation === 'delete' || operation === 'recover' ? operation : 'create', typeof waited === 'number' ? waited : 0),
      action: l10n.t('Refresh the view later to see its state.'),
    };
  }
  return undefined;
}
