// The emulator's fault switches as the reliability matrix uses them (POST /control/faults, section A of issue 13:
// before/after-commit status, reset and hang), and its request log read between two cursors.
import { controlApi, emulatorInfo, rawRequest, type JsonValue } from '../emulator';

export type FaultAction = 'status' | 'reset' | 'hang';

export interface MatrixFault {
  readonly match: { readonly plane?: 'arm' | 'vault'; readonly method: string; readonly pathRegex: string; readonly vault?: string };
  readonly action: FaultAction;
  readonly phase?: 'before' | 'after';
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Absent: every matching request (a persistent fault). */
  readonly count?: number;
}

export interface LoggedRequest {
  readonly id: number;
  readonly plane: 'login' | 'arm' | 'vault';
  readonly method: string;
  readonly path: string;
  readonly vault: string | null;
  /** 0: no answer (reset or hung). */
  readonly status: number;
  /** `status:503`, `after:reset`, `after:hang`, `hang`, … */
  readonly fault?: string;
  /** After-commit faults: what the handler answered (and committed) before the fault replaced it. */
  readonly handlerStatus?: number;
}

/** Installs a fault; resolves with its id (for removal). Throws the emulator's message when it refuses the spec. */
export async function addFault(fault: MatrixFault): Promise<number> {
  const res = await rawRequest(`${emulatorInfo().control}/faults`, { method: 'POST', body: fault });
  if (res.status !== 200) throw new Error(`the emulator refused the fault ${JSON.stringify(fault)}: ${res.text}`);
  return (res.json as { id: number }).id;
}

export async function removeFault(id: number): Promise<void> {
  await rawRequest(`${emulatorInfo().control}/faults/${id}`, { method: 'DELETE' });
}

export async function clearFaults(): Promise<void> {
  await controlApi.clearFaults();
}

/** The id the next logged request will get. */
export async function logCursor(): Promise<number> {
  return (await controlApi.requests({ limit: 1 })).cursor;
}

/** Requests logged since `cursor` (login requests left out: token fetches are not the operation's). */
export async function requestsSince(cursor: number): Promise<LoggedRequest[]> {
  const all = (await controlApi.requests({ sinceId: cursor })).requests as JsonValue as LoggedRequest[];
  return all.filter((r) => r.plane !== 'login').sort((a, b) => a.id - b.id);
}

/** Token requests logged since `cursor` (the login plane's POST …/token). */
export async function tokenRequestsSince(cursor: number): Promise<number> {
  const all = (await controlApi.requests({ sinceId: cursor, plane: 'login' })).requests as JsonValue as LoggedRequest[];
  return all.filter((r) => r.method === 'POST' && /\/token$/.test(r.path)).length;
}
