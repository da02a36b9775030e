// Error responses in the shapes the real services use. Handlers throw EmuError; the HTTP layer turns it into JSON.
// The data-plane errors every object kind shares (not found, the soft-delete conflicts, disabled, purge protection)
// are built here from the kind, so secrets, keys and certificates word them alike.
import type { EmuResponse } from './types';

export interface ErrorBody {
  error: { code: string; message: string; innererror?: { code: string } };
}

/** A failure that maps to one HTTP response. */
export class EmuError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly inner?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(): EmuResponse {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.inner !== undefined) {
      body.error.innererror = { code: this.inner };
    }
    return { status: this.status, body, headers: this.headers };
  }
}

export function badParameter(message: string): EmuError {
  return new EmuError(400, 'BadParameter', message);
}

export function notFound(code: string, message: string): EmuError {
  return new EmuError(404, code, message);
}

export function conflict(message: string, inner?: string): EmuError {
  return new EmuError(409, 'Conflict', message, inner);
}

export function forbidden(message: string, inner?: string): EmuError {
  return new EmuError(403, 'Forbidden', message, inner);
}

/** The object kinds of the data plane, as error codes spell them (`SecretNotFound`, `KeyDisabled`). */
export type ObjectKind = 'Secret' | 'Key' | 'Certificate';

function noun(kind: ObjectKind): string {
  return kind.toLowerCase();
}

/** 404 `{Kind}NotFound`: no such object, or no such version of it. */
export function objectNotFound(kind: ObjectKind, name: string, version?: string): EmuError {
  const id = version ? `${name}/${version}` : name;
  return notFound(
    `${kind}NotFound`,
    `A ${noun(kind)} with (name/id) ${id} was not found in this key vault. If you recently deleted this ${noun(kind)} you ` +
      'may be able to recover it using the correct recovery command. For help resolving this issue, please see ' +
      'https://go.microsoft.com/fwlink/?linkid=2125182',
  );
}

/** 404 `{Kind}NotFound` for a deleted object that is not (yet) there; the secrets plane does not name it. */
export function deletedNotFound(kind: ObjectKind, name?: string): EmuError {
  return notFound(`${kind}NotFound`, name === undefined ? `Deleted ${kind} not found` : `Deleted ${kind} not found: ${name}`);
}

export function beingDeleted(kind: ObjectKind, name: string): EmuError {
  return conflict(`${kind} ${name} is currently being deleted.`, 'ObjectIsBeingDeleted');
}

export function deletedButRecoverable(kind: ObjectKind, name: string): EmuError {
  return conflict(
    `${kind} ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, ` +
      `the ${noun(kind)} can only be recovered or purged.`,
    'ObjectIsDeletedButRecoverable',
  );
}

export function beingRecovered(kind: ObjectKind, name: string): EmuError {
  return conflict(`${kind} ${name} is currently being recovered.`, 'ObjectIsBeingRecovered');
}

/** 403 `{Kind}Disabled` for an operation a disabled version refuses (get of a secret, crypto with a key). */
export function objectDisabled(kind: ObjectKind, operation: string): EmuError {
  return forbidden(`Operation ${operation} is not allowed on a disabled ${noun(kind)}.`, `${kind}Disabled`);
}

export function purgeProtected(): EmuError {
  return forbidden(
    'Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will ' +
      'automatically purge it after the retention period has passed.',
  );
}

/** Turns anything a handler threw into a response; unexpected errors become a 500 without internals. */
export function errorToResponse(err: unknown): EmuResponse {
  if (err instanceof EmuError) {
    return err.toResponse();
  }
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[kv-emulator] internal error: ${message}`);
  return new EmuError(500, 'InternalServerError', 'The emulator failed to process the request.').toResponse();
}
