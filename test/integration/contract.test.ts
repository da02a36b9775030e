// Replays every official REST example in test/fixtures/contracts (vendored from Azure/azure-rest-api-specs; see
// SOURCES.md there) against the emulator: the example's parameters become
// a request (method and path from the OpenAPI operation, or the table for operations outside our OpenAPI files),
// sent to the emulator's host; the status must equal the example's and the SET of response fields, recursively,
// must equal the example's. Values may differ, shapes may not; each exception is listed with its reason in
// contract-cases.ts (and an extra field must be declared by the OpenAPI definition it names).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { CHECKED_ELSEWHERE, CONTRACT_APP, CONTRACT_CASES, CONTRACT_TENANTS, contractSeed, DATA_VAULTS, RESTORE_SOURCES, type ContractCase } from './contract-cases';
import { controlApi, emulatorInfo, rawRequest } from './emulator';

// Compiled to out/test/integration: three levels up is the repository root; the JSON fixtures are read from the
// source tree (tsc does not copy them to out/).
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const contractsDir = path.join(repoRoot, 'test', 'fixtures', 'contracts');
const run = Math.random().toString(36).slice(2, 7);
const dataVaultName = (key: string): string => `ct-${key.slice(0, 13)}-${run}`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Example {
  parameters: Record<string, Json>;
  responses: Record<string, { body?: Json }>;
}

interface OpenApiParam {
  name: string;
  in: string;
  $ref?: string;
}

function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(contractsDir, relative), 'utf8')) as T;
}

/** Method, path template and parameter locations of an operation, from its OpenAPI file or the table. */
function operation(c: ContractCase): { method: string; template: string; params: OpenApiParam[] } {
  if (!c.openapi) {
    return { method: c.method!, template: c.path!, params: [] };
  }
  const spec = readJson<{ paths: Record<string, Record<string, { operationId?: string; parameters?: OpenApiParam[] }>>; parameters?: Record<string, OpenApiParam> }>(c.openapi);
  for (const [template, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (op.operationId === c.operationId) {
        const params = (op.parameters ?? []).map((p) => (p.$ref ? spec.parameters![p.$ref.replace('#/parameters/', '')]! : p));
        return { method: method.toUpperCase(), template, params };
      }
    }
  }
  throw new Error(`${c.operationId} is not in ${c.openapi}`);
}

/** Builds the URL and body from the example's parameters: path, query and body by their OpenAPI location. */
function buildRequest(c: ContractCase, ex: Example, base: string): { method: string; url: string; body?: Json } {
  const op = operation(c);
  const located = new Map(op.params.map((p) => [p.name, p.in]));
  let pathPart = op.template;
  const query = new URLSearchParams();
  let body: Json | undefined;
  for (const [name, value] of Object.entries(ex.parameters)) {
    if (name === 'vaultBaseUrl') continue;
    const where = located.get(name) ?? (op.template.includes(`{${name}}`) ? 'path' : typeof value === 'object' && value !== null ? 'body' : 'query');
    const scalar = typeof value === 'string' ? value : JSON.stringify(value);
    if (where === 'path') pathPart = pathPart.replace(`{${name}}`, encodeURIComponent(scalar));
    else if (where === 'body') body = value;
    else query.set(name, scalar);
  }
  assert.ok(!/\{[^}]+\}/.test(pathPart), `unfilled path parameter in ${pathPart}`);
  return { method: op.method, url: `${base}${pathPart}?${query.toString()}`, body };
}

const DICTIONARIES = new Set(['tags']);

/** Field-set differences between the example and the response, as `a.b[].c` paths. */
function shapeDiff(expected: Json | undefined, actual: Json | undefined, at: string, out: { kind: 'extra' | 'missing' | 'type'; path: string }[]): void {
  const kind = (v: Json | undefined): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (expected === undefined || actual === undefined) return;
  if (kind(expected) !== kind(actual)) {
    // A null nextLink on a last page is the service's own shape for "no more pages".
    if (!(kind(actual) === 'null' && at.endsWith('nextLink'))) out.push({ kind: 'type', path: `${at} (${kind(expected)} → ${kind(actual)})` });
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length > 0 && actual.length === 0) out.push({ kind: 'type', path: `${at}[] (example has items, response has none)` });
    actual.forEach((item, i) => shapeDiff(expected.length === actual.length ? expected[i] : expected[0], item, `${at}[]`, out));
    return;
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null && !Array.isArray(actual)) {
    if (DICTIONARIES.has(at.split('.').pop() ?? '')) return;
    const e = expected as Record<string, Json>;
    const a = actual;
    const prefix = at ? `${at}.` : '';
    for (const k of Object.keys(e)) if (!(k in a)) out.push({ kind: 'missing', path: `${prefix}${k}` });
    for (const k of Object.keys(a)) if (!(k in e)) out.push({ kind: 'extra', path: `${prefix}${k}` });
    for (const k of Object.keys(e)) if (k in a) shapeDiff(e[k], a[k], `${prefix}${k}`, out);
  }
}

/** Every absolute URL in a response must point at the emulator, never at Azure. */
function foreignUrls(value: Json | undefined, allowedHostname: string): string[] {
  const found: string[] = [];
  const walk = (v: Json | undefined): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/https?:\/\/([^/\s":]+)/g)) if (m[1] !== allowedHostname) found.push(m[0]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

function declares(ref: string, property: string): boolean {
  const [file, def] = ref.split('#') as [string, string];
  const spec = readJson<{ definitions: Record<string, { properties?: Record<string, unknown> }> }>(file);
  return property in (spec.definitions[def]?.properties ?? {});
}

describe('contract: official REST examples replayed against the emulator', () => {
  const info = emulatorInfo();
  const credential = new ClientSecretCredential(CONTRACT_APP.tenantId, CONTRACT_APP.clientId, CONTRACT_APP.clientSecret, {
    authorityHost: info.login,
    disableInstanceDiscovery: true,
  });
  const vaultUrls = new Map<string, string>();

  before(async () => {
    const seeded = await controlApi.seed(contractSeed(dataVaultName));
    for (const v of seeded.vaults) if (v.url) vaultUrls.set(v.name, v.url);
  });

  it('has a case for every example file (and no case without a file)', () => {
    const examples = [
      ...fs.readdirSync(path.join(contractsDir, 'dataplane')).filter((f) => f.endsWith('-example.json')).map((f) => `dataplane/${f}`),
      ...fs.readdirSync(path.join(contractsDir, 'arm')).filter((f) => f.endsWith('.json') && 'responses' in readJson<object>(`arm/${f}`)).map((f) => `arm/${f}`),
      ...fs.readdirSync(path.join(contractsDir, 'arm', 'authorization')).map((f) => `arm/authorization/${f}`).filter((f) => !(f in CHECKED_ELSEWHERE)),
    ].sort();
    assert.deepEqual([...CONTRACT_CASES.map((c) => c.file)].sort(), examples);
    assert.equal(examples.length, 28);
    for (const key of Object.keys(DATA_VAULTS)) assert.ok(dataVaultName(key).length <= 24);
  });

  for (const c of CONTRACT_CASES) {
    it(`${c.file} (${c.operationId})`, async () => {
      const ex = readJson<Example>(c.file);
      const [statusText, expected] = Object.entries(ex.responses)[0]!;
      const base = c.plane === 'arm' ? info.arm : vaultUrls.get(dataVaultName(c.vault!))!;
      assert.ok(base, `no vault for ${c.file}`);
      const token = (await credential.getToken(c.plane === 'arm' ? info.scopes.arm : info.scopes.vault)).token;
      const req = buildRequest(c, ex, base);
      let body = req.body;
      const restoreSource = RESTORE_SOURCES[c.operationId];
      if (restoreSource) {
        const source = `${vaultUrls.get(dataVaultName(restoreSource.vault))}${restoreSource.backupPath}?api-version=2025-07-01`;
        const backup = await rawRequest(source, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        assert.equal(backup.status, 200, backup.text);
        body = { value: backup.json.value as string };
      }
      // The example's $skiptoken was issued by the real service for its own vault, and the emulator only takes tokens
      // it issued for the same list (emulator/README.md, Paging parameters): the test follows page 1's next link.
      let url = req.url;
      const sent = new URL(url);
      if (sent.searchParams.has('$skiptoken')) {
        sent.searchParams.delete('$skiptoken');
        const first = await rawRequest(sent.toString(), { headers: { authorization: `Bearer ${token}` } });
        assert.equal(first.status, 200, first.text);
        url = first.json.nextLink as string;
        assert.ok(url, `page 1 of ${c.file} has a next link`);
      }
      if (c.armPageSize) await controlApi.settings({ armPageSize: c.armPageSize });
      let res: Awaited<ReturnType<typeof rawRequest>>;
      try {
        res = await rawRequest(url, { method: req.method, headers: { authorization: `Bearer ${token}` }, body });
      } finally {
        if (c.armPageSize) await controlApi.settings({ armPageSize: 100 });
      }
      assert.equal(res.status, Number(statusText), `${req.method} ${url} → ${res.status} ${res.text}`);
      if (expected.body === undefined) {
        assert.equal(res.text, '', 'the example has no body');
        return;
      }
      const diffs: { kind: 'extra' | 'missing' | 'type'; path: string }[] = [];
      shapeDiff(expected.body, res.json as Json, '', diffs);
      const unexplained = diffs.filter((d) => {
        const allowed = d.kind === 'extra' ? c.extra?.[d.path] : d.kind === 'missing' ? c.missing?.[d.path] : undefined;
        if (allowed?.declaredIn) {
          assert.ok(declares(allowed.declaredIn, d.path.split('.').pop()!), `${d.path} is not declared in ${allowed.declaredIn}`);
        }
        return allowed === undefined;
      });
      assert.deepEqual(unexplained, [], `shape differs from ${c.file}`);
      if (c.sameData) {
        const byId = (rows: Json | undefined): Json[] => [...((rows ?? []) as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
        const body = expected.body as { data: Json; totalRecords: number; count: number };
        const got = res.json as { data: Json; totalRecords: number; count: number };
        assert.deepEqual(byId(got.data), byId(body.data), `data differs from ${c.file}`);
        assert.deepEqual([got.totalRecords, got.count], [body.totalRecords, body.count]);
      }
      assert.deepEqual(foreignUrls(res.json as Json, new URL(base).hostname), []);
    });
  }

  it('uses tenants of its own, so other tests see none of the contract data', () => {
    assert.ok(CONTRACT_TENANTS.every((t) => !emulatorInfo().tenants.some((x) => x.id === t.id)));
  });
});
