// The request log behind GET /control/requests: method, path, plane, vault, status, duration, time, faults. Never
// bodies, query strings, headers, tokens or values.

export type Plane = 'login' | 'arm' | 'vault';

export interface RequestLogEntry {
  readonly id: number;
  readonly time: string;
  readonly plane: Plane;
  readonly method: string;
  readonly path: string;
  readonly vault: string | null;
  /** What the client got: 0 when a fault reset the connection or hung the request (no answer). */
  readonly status: number;
  readonly durationMs: number;
  /**
   * The faults that acted on the request, comma-separated, if any: `latency:250`, `status:503`, `reset`, `hang`
   * (before the handler) or `after:status:503`, `after:reset`, `after:hang` (after it committed).
   */
  readonly fault?: string;
  /** After-commit faults only: the status the handler produced (and committed) before the fault replaced it. */
  readonly handlerStatus?: number;
  /** Claims of the request's bearer token (never the token): the tenant and audience it was issued for. */
  readonly tokenTenant?: string;
  readonly tokenAudience?: string;
}

export interface RequestLogFilter {
  plane?: string;
  vault?: string;
  method?: string;
  status?: number;
  pathContains?: string;
  pathRegex?: RegExp;
  sinceId?: number;
  limit?: number;
}

const MAX_ENTRIES = 50_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  add(entry: Omit<RequestLogEntry, 'id'>): void {
    this.entries.push({ id: this.nextId++, ...entry });
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    }
  }

  clear(): void {
    this.entries = [];
  }

  /** The id the next entry will get (use as `sinceId` to see only later requests). */
  get cursor(): number {
    return this.nextId;
  }

  query(f: RequestLogFilter): RequestLogEntry[] {
    const out = this.entries.filter(
      (e) =>
        (f.plane === undefined || e.plane === f.plane) &&
        (f.vault === undefined || (e.vault ?? '').toLowerCase() === f.vault.toLowerCase()) &&
        (f.method === undefined || e.method === f.method.toUpperCase()) &&
        (f.status === undefined || e.status === f.status) &&
        (f.pathContains === undefined || e.path.includes(f.pathContains)) &&
        (f.pathRegex === undefined || f.pathRegex.test(e.path)) &&
        (f.sinceId === undefined || e.id >= f.sinceId),
    );
    return f.limit !== undefined ? out.slice(-f.limit) : out;
  }
}
