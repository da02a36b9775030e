// The one place integration tests learn about the emulator: its JSON line (KV_EMULATOR, set by
// scripts/with-emulator.mjs together with NODE_EXTRA_CA_CERTS), credentials from its seed, SDK client factories
// configured for it, and a typed client for its control API.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { ClientSecretCredential, UsernamePasswordCredential, type ClientSecretCredentialOptions } from '@azure/identity';
import { SecretClient, type SecretClientOptions } from '@azure/keyvault-secrets';
import { KeyClient, type KeyClientOptions } from '@azure/keyvault-keys';
import { CertificateClient, type CertificateClientOptions } from '@azure/keyvault-certificates';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import {
  bearerTokenAuthenticationPolicy, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, createDefaultHttpClient,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../src/azure/model';

export interface EmulatorVault {
  name: string;
  url: string | null;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  deleted?: boolean;
}

export interface EmulatorInfo {
  login: string;
  authorityHost: string;
  arm: string;
  control: string;
  ca: string;
  stateDir: string;
  seed: string | null;
  audiences: { arm: string; vault: string };
  scopes: { arm: string; vault: string };
  tenants: { id: string; displayName: string; defaultDomain: string }[];
  users: { username: string; objectId: string; homeTenant: string; tenants: string[] }[];
  apps: { clientId: string; objectId: string; tenantId: string; tenants: string[] }[];
  subscriptions: { id: string; displayName: string; tenantId: string }[];
  /** Live vaults: name → data-plane URL. */
  vaults: Record<string, string>;
  /** Every vault (deleted ones too), with its ARM coordinates. */
  vaultDetails: EmulatorVault[];
  /** The first seeded app and user (emulator-only test credentials); null when the seed has none. */
  client: { tenantId: string; clientId: string; clientSecret: string } | null;
  user: { username: string; password: string } | null;
}

/** The emulator this test process runs against (throws a helpful error outside with-emulator.mjs). */
export function emulatorInfo(): EmulatorInfo {
  const line = process.env.KV_EMULATOR;
  if (!line) {
    throw new Error('KV_EMULATOR is not set: run integration tests through `node scripts/with-emulator.mjs -- <command>`');
  }
  return JSON.parse(line) as EmulatorInfo;
}

interface SeedCredentials {
  apps?: { clientId: string; clientSecret: string; tenantId: string; displayName?: string }[];
  users?: { username: string; password: string }[];
}

function seedCredentials(): SeedCredentials {
  const seed = emulatorInfo().seed;
  if (!seed) throw new Error('the emulator was started without a seed file');
  return JSON.parse(fs.readFileSync(seed, 'utf8')) as SeedCredentials;
}

/** A seeded app by display name or client id. */
export function seededApp(nameOrId: string): { clientId: string; clientSecret: string; tenantId: string } {
  const app = seedCredentials().apps?.find((a) => a.displayName === nameOrId || a.clientId === nameOrId);
  if (!app) throw new Error(`no app ${nameOrId} in the seed`);
  return app;
}

export function seededUser(username: string): { username: string; password: string } {
  const user = seedCredentials().users?.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username} in the seed`);
  return user;
}

/** A vault's data-plane URL: a URL is returned as is, a name is looked up in KV_EMULATOR. */
export function vaultUrl(nameOrUrl: string): string {
  return nameOrUrl.startsWith('https://') ? nameOrUrl : vaultInfo(nameOrUrl).url;
}

export function vaultInfo(name: string): EmulatorVault & { url: string } {
  const v = emulatorInfo().vaultDetails.find((x) => x.name === name);
  if (!v?.url) throw new Error(`no live vault ${name} in the emulator`);
  return v as EmulatorVault & { url: string };
}

/** A ClientSecretCredential against the emulator's Entra (authorityHost + disableInstanceDiscovery). */
export function appCredential(app = 'test-app', options: ClientSecretCredentialOptions = {}, tenantId?: string): ClientSecretCredential {
  const a = seededApp(app);
  return new ClientSecretCredential(tenantId ?? a.tenantId, a.clientId, a.clientSecret, {
    authorityHost: emulatorInfo().login,
    disableInstanceDiscovery: true,
    ...options,
  });
}

/** Short retry delays keep retry tests fast; the retry policy itself is the SDK's default. */
const fastRetries = { retryOptions: { retryDelayInMs: 20, maxRetryDelayInMs: 200 } };

export function secretClient(vault: string, credential: TokenCredential = appCredential(), options: SecretClientOptions = {}): SecretClient {
  return new SecretClient(vaultUrl(vault), credential, { disableChallengeResourceVerification: true, ...fastRetries, ...options });
}

export function keyClient(vault: string, credential: TokenCredential = appCredential(), options: KeyClientOptions = {}): KeyClient {
  return new KeyClient(vaultUrl(vault), credential, { disableChallengeResourceVerification: true, ...fastRetries, ...options });
}

export function certificateClient(vault: string, credential: TokenCredential = appCredential(), options: CertificateClientOptions = {}): CertificateClient {
  return new CertificateClient(vaultUrl(vault), credential, { disableChallengeResourceVerification: true, ...fastRetries, ...options });
}

/** @azure/arm-keyvault v5: the scope goes in `credentials.scopes`. */
export function armKeyVaultClient(subscriptionId: string, credential: TokenCredential = appCredential()): KeyVaultManagementClient {
  const info = emulatorInfo();
  return new KeyVaultManagementClient(credential, subscriptionId, { endpoint: info.arm, credentials: { scopes: [info.scopes.arm] } });
}

/** A GET/POST through a core-rest-pipeline with bearerTokenAuthenticationPolicy (ARM scope). */
export async function armRequest(
  pathAndQuery: string,
  credential: TokenCredential = appCredential(),
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<{ status: number; body: unknown; headers: PipelineResponse['headers'] }> {
  const info = emulatorInfo();
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: info.scopes.arm }));
  const url = pathAndQuery.startsWith('https://') ? pathAndQuery : `${info.arm}${pathAndQuery}`;
  const request = createPipelineRequest({
    url,
    method: init.method ?? 'GET',
    headers: createHttpHeaders({ 'content-type': 'application/json' }),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  return { status: response.status, body: response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined, headers: response.headers };
}

/** Parsed JSON of arbitrary shape, read field by field in tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonValue = any;

/** A raw HTTPS call (the emulator's CA is trusted through NODE_EXTRA_CA_CERTS). */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; json: JsonValue }> {
  return new Promise((resolve, reject) => {
    const payload = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    const req = https.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...init.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface RequestLogEntry {
  id: number;
  time: string;
  plane: 'login' | 'arm' | 'vault';
  method: string;
  path: string;
  vault: string | null;
  status: number;
  durationMs: number;
  fault?: string;
  /** After-commit faults: the status the handler produced before the fault replaced the answer. */
  handlerStatus?: number;
}

export interface FaultSpec {
  match?: { plane?: 'login' | 'arm' | 'vault'; method?: string; pathRegex?: string; vault?: string };
  action: 'latency' | 'status' | 'reset' | 'hang';
  /** before (default): nothing is committed; after: the handler runs (committed), then the fault answers. */
  phase?: 'before' | 'after';
  latencyMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  count?: number;
}

async function control<T = JsonValue>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await rawRequest(`${emulatorInfo().control}${path}`, { method, body });
  if (res.status !== 200) {
    throw new Error(`control ${method} ${path} → ${res.status} ${res.text}`);
  }
  return res.json as T;
}

/** The control API, typed. */
export const controlApi = {
  info: () => control<EmulatorInfo>('GET', '/info'),
  requests: (filter: Record<string, string | number> = {}) =>
    control<{ cursor: number; requests: RequestLogEntry[] }>('GET', `/requests?${new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)])).toString()}`),
  clearRequests: () => control('DELETE', '/requests'),
  addFault: (spec: FaultSpec) => control<FaultSpec & { id: number }>('POST', '/faults', spec),
  clearFaults: () => control('DELETE', '/faults'),
  throttle: (limitPer10s: number | null, vault?: string) => control('PUT', '/throttle', { vault, limitPer10s }),
  deny: (rule: { vault: string; objectId?: string; all?: boolean; reason: 'rbac' | 'policy' | 'firewall' }) => control('PUT', '/deny', rule),
  lift: (vault: string, objectId?: string) => control('DELETE', '/deny', { vault, objectId }),
  settings: (s: { latencyMs?: number; tokenLifetimeSec?: number; armPageSize?: number }) => control('PUT', '/settings', s),
  timings: (t: { vault?: string; deleteDelayMs?: number; certificateDelayMs?: number }) => control('PUT', '/timings', t),
  clock: (c: { advanceMs?: number; offsetMs?: number }) => control<{ now: number; offsetMs: number }>('POST', '/clock', c),
  seed: (seed: unknown) => control<{ vaults: EmulatorVault[] }>('POST', '/seed', seed),
  token: (t: { tenantId: string; objectId?: string; clientId?: string; audience?: string; lifetimeSec?: number; issuer?: string }) =>
    control<{ access_token: string }>('POST', '/token', t).then((r) => r.access_token),
};

/** Vaults created at run time are not in KV_EMULATOR: look them up through the control API. */
export async function liveVaultUrl(name: string): Promise<string> {
  const url = (await controlApi.info()).vaults[name];
  if (!url) throw new Error(`no live vault ${name}`);
  return url;
}

export interface ServiceErrorBody {
  error?: { code?: string; message?: string; innererror?: { code?: string } };
}

/**
 * The service error of a RestError: the TypeSpec-generated clients put the deserialized body in `details`
 * (`innerError`), older ones only keep the raw text on `response.bodyAsText`.
 */
export function errorBody(err: unknown): ServiceErrorBody {
  const e = err as { details?: { error?: { code?: string; message?: string; innerError?: { code?: string } } }; response?: { bodyAsText?: string | null } };
  if (e.details?.error) {
    const d = e.details.error;
    return { error: { code: d.code, message: d.message, ...(d.innerError ? { innererror: { code: d.innerError.code } } : {}) } };
  }
  const text = e.response?.bodyAsText;
  return text ? (JSON.parse(text) as ServiceErrorBody) : {};
}

/** Unique names per run, so tests never collide with each other or with earlier runs on a kept state. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface SeededEmulator {
  info: EmulatorInfo;
  stop(): Promise<void>;
}

/**
 * A second emulator process (out/emulator-cli.js, bundled by with-emulator.mjs) with another seed, e.g.
 * `emulator/seeds/demo.json`. It reuses this run's state directory, hence its test CA, already trusted through
 * NODE_EXTRA_CA_CERTS.
 */
export async function startSeededEmulator(seedFile: string): Promise<SeededEmulator> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'out', 'emulator-cli.js'), '--seed', path.resolve(repoRoot, seedFile), '--state-dir', emulatorInfo().stateDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator with ${seedFile} exited with ${code}`)));
  });
  return {
    info: JSON.parse(line) as EmulatorInfo,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** The password grant (ROPC) for the ready line's `user` of an emulator (`tenantId` defaults to its home tenant). */
export function userCredentialOf(info: EmulatorInfo, tenantId?: string): UsernamePasswordCredential {
  if (!info.user || !info.client) throw new Error('the emulator has no seeded user or app');
  const home = info.users.find((u) => u.username === info.user?.username)?.homeTenant ?? info.client.tenantId;
  return new UsernamePasswordCredential(tenantId ?? home, info.client.clientId, info.user.username, info.user.password, {
    authorityHost: info.login,
    disableInstanceDiscovery: true,
    additionallyAllowedTenants: ['*'],
  });
}

/** The emulator as a cloud of src/azure: its ARM endpoint and scope, its vault audience's host as the Key Vault suffix. */
export function emulatorCloud(): CloudEndpoints {
  const info = emulatorInfo();
  return { resourceManagerEndpoint: info.arm, resourceManagerScope: info.scopes.arm, keyVaultDnsSuffix: new URL(info.audiences.vault).hostname };
}

/** The request log's cursor now: pass it as `sinceId` to read only what follows. */
export async function cursor(): Promise<number> {
  return (await controlApi.requests({ limit: 1 })).cursor;
}

/** `status METHOD path` of every request to `vault` since `since` (a cursor). */
export async function trace(vault: string, since: number): Promise<string[]> {
  return (await controlApi.requests({ vault, sinceId: since })).requests.map((e) => `${e.status} ${e.method} ${e.path}`);
}
