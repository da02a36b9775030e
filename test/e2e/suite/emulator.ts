// The emulator as the e2e suite sees it: its ready line (KV_EMULATOR, passed by the launcher) and its control API
// (request log). Runs inside the extension host, which trusts the emulator's CA through NODE_EXTRA_CA_CERTS.

export interface EmulatorInfo {
  login: string;
  arm: string;
  control: string;
  vaults: Record<string, string>;
  tenants: { id: string; displayName: string }[];
  audiences: { arm: string; vault: string };
}

export interface LoggedRequest {
  plane: string;
  method: string;
  path: string;
  vault: string | null;
  status: number;
  /** When the answer went out (ISO) and how long the request took: its start is `time - durationMs`. */
  time: string;
  durationMs: number;
  /** tid / aud claims of the bearer token the request carried. */
  tokenTenant?: string;
  tokenAudience?: string;
}

export function emulatorInfo(): EmulatorInfo {
  const line = process.env.KV_EMULATOR;
  if (!line) throw new Error('KV_EMULATOR is not set: run the suite through scripts/e2e/run.mjs');
  return JSON.parse(line) as EmulatorInfo;
}

export async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorInfo().control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Requests logged since the log was last cleared, optionally for one vault. */
export async function requests(filter: { vault?: string; plane?: string } = {}): Promise<LoggedRequest[]> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) query.set(k, v);
  return (await control<{ requests: LoggedRequest[] }>('GET', `/requests?${query.toString()}`)).requests;
}

export const clearRequests = () => control<void>('DELETE', '/requests');
