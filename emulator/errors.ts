// Error responses in the shapes the real services use. Handlers throw EmuError; the HTTP layer turns it into JSON.
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

export function conflict(message: string, inner: string): EmuError {
  return new EmuError(409, 'Conflict', message, inner);
}

export function forbidden(message: string, inner?: string): EmuError {
  return new EmuError(403, 'Forbidden', message, inner);
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
