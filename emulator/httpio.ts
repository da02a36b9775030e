// HTTPS plumbing shared by every plane: listeners, body reading, JSON responses, and the "front door" that applies
// faults (before or after the handler) and latency and writes the request log.
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse, IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EmuResponse } from './types';
import { errorToResponse } from './errors';
import { FaultInjector } from './faults';
import type { Plane, RequestLog } from './requestlog';
import type { TlsMaterial } from './tls';

export interface HttpInput {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly remoteAddress: string;
}

export type PlaneHandler = (input: HttpInput) => EmuResponse | Promise<EmuResponse>;

export interface Listener {
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

export async function listenHttps(
  tls: TlsMaterial,
  port: number,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Listener> {
  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem, keepAliveTimeout: 30_000 }, onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: actual,
    origin: `https://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseUrl(req: IncomingMessage): { path: string; query: URLSearchParams } {
  // Concatenated, not resolved: a path that starts with `//` (the ARM SDKs send `//subscriptions/…` for a scope with a
  // leading slash) must stay a path, not become a host.
  const raw = req.url ?? '/';
  const url = raw.startsWith('/') ? new URL(`https://127.0.0.1${raw}`) : new URL(raw, 'https://127.0.0.1');
  return { path: url.pathname, query: url.searchParams };
}

export function sendResponse(res: ServerResponse, r: EmuResponse, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { 'cache-control': 'no-cache', pragma: 'no-cache', expires: '-1', ...extraHeaders, ...(r.headers ?? {}) };
  let payload: Buffer | undefined;
  if (r.body !== undefined && r.status !== 204) {
    payload = Buffer.from(typeof r.body === 'string' && headers['content-type'] !== undefined ? r.body : JSON.stringify(r.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(r.status, headers);
  res.end(payload);
}

export interface FrontDoorDeps {
  readonly plane: Plane;
  readonly vault: string | null;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly latencyMs: () => number;
  readonly verbose: boolean;
  /** Headers every response of this plane carries. */
  readonly headers?: (req: IncomingMessage) => Record<string, string>;
}

/** The tenant and audience a request's bearer token was issued for (claims only: the token is never logged). */
function tokenFacts(authorization: string | undefined): { tokenTenant?: string; tokenAudience?: string } {
  const payload = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(authorization ?? '')?.[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown; aud?: unknown };
    return {
      ...(typeof claims.tid === 'string' ? { tokenTenant: claims.tid } : {}),
      ...(typeof claims.aud === 'string' ? { tokenAudience: claims.aud } : {}),
    };
  } catch {
    return {};
  }
}

/** Waits at least `ms` by performance.now() (a timer alone may fire a little early). */
async function sleep(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(end - performance.now()))));
  }
}

/** Runs the handler; a throw becomes the matching error response. */
async function answer(handler: PlaneHandler, input: HttpInput): Promise<EmuResponse> {
  try {
    return await handler(input);
  } catch (err) {
    return errorToResponse(err);
  }
}

/**
 * Wraps a plane handler: faults, latency, body, errors, standard headers and the request log. A fault acts
 * `before` the handler (it replaces the request: nothing is committed) or `after` it (the handler's change is
 * committed, then the answer is replaced by the fault's status, a reset, or no answer at all). A hung request
 * holds nothing but its socket: it goes when the client closes it or the listener closes every connection.
 */
export function frontDoor(deps: FrontDoorDeps, handler: PlaneHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, query } = parseUrl(req);
    const record = (status: number, fault: string[], handlerStatus?: number): void => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      deps.log.add({
        time: new Date().toISOString(),
        plane: deps.plane,
        method,
        path,
        vault: deps.vault,
        status,
        durationMs,
        ...tokenFacts(req.headers.authorization),
        ...(fault.length > 0 ? { fault: fault.join(',') } : {}),
        ...(handlerStatus !== undefined ? { handlerStatus } : {}),
      });
      if (deps.verbose) {
        const faultNote = fault.length > 0 ? ` [${fault.join(',')}${handlerStatus !== undefined ? ` handler ${handlerStatus}` : ''}]` : '';
        console.error(`[kv-emulator] ${deps.plane}${deps.vault ? `:${deps.vault}` : ''} ${method} ${path} ${status} ${durationMs}ms${faultNote}`);
      }
    };
    const run = async (): Promise<void> => {
      const decision = deps.faults.decide({ plane: deps.plane, method, path, vault: deps.vault });
      const act = decision.act;
      const after = act?.phase === 'after';
      if (act?.action === 'reset' && !after) {
        record(0, decision.names);
        req.socket.destroy();
        return;
      }
      const wait = deps.latencyMs() + decision.latencyMs;
      if (wait > 0) {
        await sleep(wait);
      }
      const body = await readBody(req);
      if (act?.action === 'hang' && !after) {
        record(0, decision.names); // never answered, never handled
        return;
      }
      let response: EmuResponse;
      let handlerStatus: number | undefined;
      if (act?.action === 'status' && !after) {
        response = FaultInjector.responseFor(act);
      } else {
        response = await answer(handler, { method, path, query, headers: req.headers, body, remoteAddress: req.socket.remoteAddress ?? '127.0.0.1' });
      }
      if (act !== undefined && after) {
        handlerStatus = response.status;
        if (act.action !== 'status') {
          record(0, decision.names, handlerStatus);
          if (act.action === 'reset') req.socket.destroy(); // else `hang`: committed, never answered
          return;
        }
        response = FaultInjector.responseFor(act);
      }
      const clientRequestId = req.headers['x-ms-client-request-id'];
      sendResponse(res, response, {
        'x-ms-request-id': randomUUID(),
        ...(typeof clientRequestId === 'string' ? { 'x-ms-client-request-id': clientRequestId } : {}),
        ...(deps.headers?.(req) ?? {}),
      });
      record(response.status, decision.names, handlerStatus);
    };
    run().catch((err: unknown) => {
      if (!res.headersSent) {
        sendResponse(res, errorToResponse(err));
      }
      record(500, []);
    });
  };
}

/** A handler without faults, latency or logging (the control API). */
export function plainDoor(handler: PlaneHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const run = async (): Promise<void> => {
      const { path, query } = parseUrl(req);
      const body = await readBody(req);
      const input = { method: (req.method ?? 'GET').toUpperCase(), path, query, headers: req.headers, body, remoteAddress: req.socket.remoteAddress ?? '' };
      let response: EmuResponse;
      try {
        response = await handler(input);
      } catch (err) {
        response = errorToResponse(err);
      }
      sendResponse(res, response);
    };
    run().catch((err: unknown) => {
      if (!res.headersSent) sendResponse(res, errorToResponse(err));
    });
  };
}

/** Parses a JSON body; an empty body is `undefined`. Throws on invalid JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) {
    return undefined;
  }
  return JSON.parse(body.toString('utf8')) as unknown;
}

/** First route whose method and pattern match; `methodMismatch` when only the path matched. */
export function matchRoute<R extends { readonly method: string; readonly pattern: RegExp }>(
  routes: readonly R[],
  method: string,
  path: string,
): { route: R; params: Record<string, string> } | 'methodMismatch' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      if (v !== undefined) params[k] = safeDecode(v);
    }
    return { route, params };
  }
  return pathMatched ? 'methodMismatch' : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The caller's address as the service names it (`x-ms-keyvault-network-info`, a firewall's 403): IPv4 without the `::ffff:` prefix. */
export function callerAddress(req: Pick<IncomingMessage, 'socket'>): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}
