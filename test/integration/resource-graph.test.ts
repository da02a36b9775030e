// Vault listing across many subscriptions with Azure Resource Graph (src/azure/resourceGraph.ts through ArmClient,
// the official @azure/arm-resourcegraph client) against the emulator's Resource Graph: one query per tenant instead
// of one listBySubscription per subscription, $skipToken paging, the subscriptions filter, and the fallback to one
// listing per subscription where Resource Graph is refused. Request counts come from the emulator's request log.
import * as assert from 'node:assert/strict';
import { ClientSecretCredential } from '@azure/identity';
import { loadAzureSdk } from '../../src/azure/lazy';
import type { CloudEndpoints, SubscriptionInfo, SubscriptionVaults } from '../../src/azure/model';
import type { ReliabilityOptions } from '../../src/azure/reliability';
import { armRequest, controlApi, cursor, emulatorInfo, type JsonValue, type RequestLogEntry } from './emulator';

const run = Math.random().toString(36).slice(2, 7);
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
const TENANTS = [1, 2, 3].map((t) => ({ id: `a9a9a9a9-0000-4000-8000-${hex(t, 12)}`, displayName: `Graph Tenant ${t}`, defaultDomain: `graph${t}.onmicrosoft.com` }));
const APP = {
  clientId: 'a9a9a9a9-aaaa-4000-8000-000000000001',
  clientSecret: 'graph-app-secret',
  objectId: 'a9a9a9a9-bbbb-4000-8000-000000000001',
  tenantId: TENANTS[0]!.id,
  displayName: 'graph-app',
  tenants: TENANTS.slice(1).map((t) => t.id),
};
/** 3 tenants × 10 subscriptions × 5 vaults (the benchmark's shape). */
const SUBSCRIPTIONS: SubscriptionInfo[] = TENANTS.flatMap((t, ti) =>
  Array.from({ length: 10 }, (_, si) => ({ subscriptionId: `a9a9a9a9-${hex(ti + 1, 4)}-4000-8000-${hex(si + 1, 12)}`, displayName: `Graph ${ti + 1}-${si + 1}`, tenantId: t.id })),
);
const vaultName = (sub: number, v: number): string => `rg${run}-s${String(sub).padStart(2, '0')}-v${v}`;
const GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources';

function cloud(): CloudEndpoints {
  const info = emulatorInfo();
  return { resourceManagerEndpoint: info.arm, resourceManagerScope: info.scopes.arm, keyVaultDnsSuffix: new URL(info.audiences.vault).hostname };
}

function credential(): ClientSecretCredential {
  return new ClientSecretCredential(APP.tenantId, APP.clientId, APP.clientSecret, { authorityHost: emulatorInfo().login, disableInstanceDiscovery: true, additionallyAllowedTenants: ['*'] });
}

async function newArm(reliability: ReliabilityOptions = {}) {
  const { ArmClient } = await loadAzureSdk();
  return new ArmClient(credential(), cloud(), { reliability });
}

async function armLogSince(since: number): Promise<RequestLogEntry[]> {
  return (await controlApi.requests({ plane: 'arm', sinceId: since })).requests;
}

const isGraph = (e: RequestLogEntry): boolean => e.method === 'POST' && e.path === GRAPH_PATH;
const isListBySub = (e: RequestLogEntry): boolean => e.method === 'GET' && /^\/subscriptions\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults$/.test(e.path);
const isHsmListBySub = (e: RequestLogEntry): boolean => e.method === 'GET' && /^\/subscriptions\/[^/]+\/providers\/Microsoft\.KeyVault\/managedHSMs$/.test(e.path);

/** Every subscription listed, with exactly its 5 vaults sorted by name. */
function assertAllListed(results: SubscriptionVaults[], subscriptions: readonly SubscriptionInfo[] = SUBSCRIPTIONS): void {
  assert.deepEqual(results.map((r) => r.subscription.subscriptionId), subscriptions.map((s) => s.subscriptionId), 'one result per subscription, in order');
  for (const r of results) {
    assert.ok(r.ok, `${r.subscription.subscriptionId}: ${r.ok ? '' : r.failure.message}`);
    const index = SUBSCRIPTIONS.findIndex((s) => s.subscriptionId === r.subscription.subscriptionId);
    assert.deepEqual(r.vaults.map((v) => v.name), [1, 2, 3, 4, 5].map((v) => vaultName(index, v)));
    assert.ok(r.vaults.every((v) => v.subscriptionId === r.subscription.subscriptionId && v.tenantId === r.subscription.tenantId));
  }
}

async function graphRaw(body: unknown, tenantId = APP.tenantId): Promise<{ status: number; body: Record<string, JsonValue> }> {
  const cred = new ClientSecretCredential(tenantId, APP.clientId, APP.clientSecret, { authorityHost: emulatorInfo().login, disableInstanceDiscovery: true });
  const res = await armRequest(`${GRAPH_PATH}?api-version=2024-04-01`, cred, { method: 'POST', body });
  return { status: res.status, body: res.body as Record<string, JsonValue> };
}

describe('Resource Graph: vaults across many subscriptions (against the emulator)', () => {
  before(async () => {
    await controlApi.seed({
      tenants: TENANTS,
      apps: [APP],
      subscriptions: SUBSCRIPTIONS.map((s) => ({ id: s.subscriptionId, displayName: s.displayName, tenantId: s.tenantId })),
      vaults: SUBSCRIPTIONS.flatMap((s, si) =>
        [1, 2, 3, 4, 5].map((v) => ({
          name: vaultName(si, v), subscription: s.subscriptionId, resourceGroup: `rg-graph-${v % 2}`, location: 'westeurope',
          enableRbacAuthorization: v % 2 === 0, softDeleteRetentionInDays: 7 + v, ...(v === 3 ? { enablePurgeProtection: true } : {}),
          tags: { index: String(v) },
        })),
      ),
    });
  });

  afterEach(async () => {
    await controlApi.clearFaults();
  });

  it('lists 3 tenants × 10 subscriptions × 5 vaults with 3 Resource Graph queries instead of 30 listBySubscription calls', async () => {
    const arm = await newArm();
    const since = await cursor();
    const results = await arm.listVaultsAcross(SUBSCRIPTIONS);
    assertAllListed(results);
    const log = await armLogSince(since);
    assert.deepEqual(log.map((e) => `${e.status} ${e.method} ${e.path}`), Array.from({ length: 3 }, () => `200 POST ${GRAPH_PATH}`), 'one query per tenant, nothing else');

    const oneByOne = await newArm();
    const before = await cursor();
    const listed = await oneByOne.listVaultsAcross(SUBSCRIPTIONS, { resourceGraph: false });
    assert.equal((await armLogSince(before)).filter(isListBySub).length, 30, 'the per-subscription path: 30 requests');
    assert.deepEqual(results, listed, 'Resource Graph rows map to the same VaultInfo as the full ARM objects');
  });

  it('pages with $skipToken: ⌈50 / page size⌉ queries per tenant, every vault once', async () => {
    const arm = await newArm();
    const since = await cursor();
    const results = await arm.listVaultsAcross(SUBSCRIPTIONS, { graphPageSize: 20 });
    assertAllListed(results);
    const log = await armLogSince(since);
    assert.equal(log.length, 9, '3 tenants × 3 pages (20 + 20 + 10)');
    assert.ok(log.every((e) => isGraph(e) && e.status === 200));
  });

  it('queries only the subscriptions asked for, one query per tenant among them', async () => {
    const arm = await newArm();
    const picked = [SUBSCRIPTIONS[0]!, SUBSCRIPTIONS[7]!, SUBSCRIPTIONS[12]!];
    const since = await cursor();
    assertAllListed(await arm.listVaultsAcross(picked), picked);
    const log = await armLogSince(since);
    assert.deepEqual(log.map((e) => `${e.status} ${e.method} ${e.path}`), [`200 POST ${GRAPH_PATH}`, `200 POST ${GRAPH_PATH}`]);
  });

  it('the service trims the subscriptions filter to the token tenant\'s readable subscriptions (none left: 400)', async () => {
    const mixed = await graphRaw({ subscriptions: [SUBSCRIPTIONS[0]!.subscriptionId, SUBSCRIPTIONS[10]!.subscriptionId], query: "resources | where type =~ 'microsoft.keyvault/vaults' | project id, subscriptionId" });
    assert.equal(mixed.status, 200);
    assert.deepEqual([...new Set((mixed.body.data as { subscriptionId: string }[]).map((r) => r.subscriptionId))], [SUBSCRIPTIONS[0]!.subscriptionId], 'another tenant\'s subscription is dropped');
    assert.equal(mixed.body.totalRecords, 5);
    const none = await graphRaw({ subscriptions: [SUBSCRIPTIONS[10]!.subscriptionId], query: 'resources' });
    assert.equal(none.status, 400);
    assert.equal(none.body.error.code, 'BadRequest');
    assert.equal(none.body.error.details[0].code, 'NoValidSubscriptionsInQueryRequest');
    const other = await graphRaw({ subscriptions: [SUBSCRIPTIONS[10]!.subscriptionId], query: 'resources | project id' }, TENANTS[1]!.id);
    assert.equal(other.status, 200, 'with a token for its own tenant');
    assert.equal(other.body.count, 5);
  });

  it('the service pages 1,000 rows by default, keeps $top across $skipToken pages, and cuts an answer it cannot page', async () => {
    const query = "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name | order by name asc";
    const first = await graphRaw({ query });
    assert.deepEqual([first.body.count, first.body.totalRecords, first.body.resultTruncated, first.body.$skipToken], [50, 50, 'false', undefined]);
    const names: string[] = [];
    let skipToken: string | undefined;
    let firstToken: string | undefined;
    let pages = 0;
    do {
      const page = await graphRaw({ query, options: pages === 0 ? { $top: 15 } : { $skipToken: skipToken } });
      assert.equal(page.status, 200);
      names.push(...(page.body.data as { name: string }[]).map((r) => r.name));
      skipToken = page.body.$skipToken as string | undefined;
      firstToken ??= skipToken;
      pages++;
    } while (skipToken);
    assert.equal(pages, 4, '15 + 15 + 15 + 5: $top carried by the token');
    assert.deepEqual(names, (first.body.data as { name: string }[]).map((r) => r.name));
    const cut = await graphRaw({ query: "resources | where type =~ 'microsoft.keyvault/vaults' | project name", options: { $top: 10 } });
    assert.deepEqual([cut.body.count, cut.body.totalRecords, cut.body.resultTruncated, cut.body.$skipToken], [10, 50, 'true', undefined]);
    const replayed = await graphRaw({ query: 'resources | project id', options: { $skipToken: firstToken } });
    assert.equal(replayed.status, 400, 'a token belongs to the query it came from');
    const table = await graphRaw({ query: 'resources | project id, name | limit 2', options: { resultFormat: 'table' } });
    assert.deepEqual(table.body.data.columns, [{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }]);
    assert.equal(table.body.data.rows.length, 2);
  });

  it('falls back to one listing per subscription where Resource Graph is refused (403), and does not ask that client again', async () => {
    await controlApi.addFault({
      match: { plane: 'arm', method: 'POST', pathRegex: '^/providers/Microsoft\\.ResourceGraph/resources$' },
      action: 'status',
      status: 403,
      body: { error: { code: 'AccessDenied', message: 'Please provide below info when asking for support.', details: [{ code: 'AccessDenied', message: 'Access is denied to the requested resource. The user might not have enough permission.' }] } },
    });
    const arm = await newArm();
    const since = await cursor();
    assertAllListed(await arm.listVaultsAcross(SUBSCRIPTIONS));
    const log = await armLogSince(since);
    // One subscription at a time: its vaults and its Managed HSMs, two requests at once.
    assert.deepEqual([log.filter(isGraph).map((e) => e.status), log.filter(isListBySub).length, log.filter(isHsmListBySub).length, log.length], [[403, 403, 403], 30, 30, 63]);

    await controlApi.clearFaults();
    const again = await cursor();
    assertAllListed(await arm.listVaultsAcross(SUBSCRIPTIONS));
    const second = await armLogSince(again);
    assert.deepEqual([second.filter(isGraph).length, second.filter(isListBySub).length], [0, 30], 'refused tenants are listed one by one from then on');
  });

  it('a failed or cut answer falls back for that tenant only, keeping per-subscription failures', async () => {
    // A query is a read: a transient 503 is sent again (reliability.ts), like any GET, and nothing falls back.
    await controlApi.addFault({ match: { plane: 'arm', method: 'POST', pathRegex: 'ResourceGraph' }, action: 'status', status: 503, count: 1 });
    const retried = await cursor();
    assertAllListed(await (await newArm({ baseDelayMs: 1 })).listVaultsAcross(SUBSCRIPTIONS));
    const retriedLog = await armLogSince(retried);
    assert.deepEqual([retriedLog.filter(isGraph).map((e) => e.status).sort(), retriedLog.filter(isListBySub).length], [[200, 200, 200, 503], 0], 'the 503 query was sent again');

    // A failure that outlasts the retries: that tenant's subscriptions are listed one by one.
    await controlApi.addFault({ match: { plane: 'arm', method: 'POST', pathRegex: 'ResourceGraph' }, action: 'status', status: 503, count: 1 });
    const arm = await newArm({ maxTransientRetries: 0 });
    const since = await cursor();
    assertAllListed(await arm.listVaultsAcross(SUBSCRIPTIONS));
    const log = await armLogSince(since);
    assert.deepEqual([log.filter(isGraph).map((e) => e.status).sort(), log.filter(isListBySub).length], [[200, 200, 503], 10], 'the 503 tenant: its 10 subscriptions one by one');
    const next = await cursor();
    assertAllListed(await arm.listVaultsAcross(SUBSCRIPTIONS));
    assert.equal((await armLogSince(next)).filter(isGraph).length, 3, 'a passing fault is not remembered');

    await controlApi.addFault({
      match: { plane: 'arm', method: 'POST', pathRegex: 'ResourceGraph' }, action: 'status', status: 200, count: 1,
      body: { totalRecords: 2000, count: 0, resultTruncated: 'true', facets: [], data: [] },
    });
    const cut = await cursor();
    assertAllListed(await arm.listVaultsAcross(SUBSCRIPTIONS));
    const cutLog = await armLogSince(cut);
    assert.deepEqual([cutLog.filter(isGraph).length, cutLog.filter(isListBySub).length], [3, 10], 'a truncated answer: that tenant one by one');

    const missing: SubscriptionInfo = { subscriptionId: 'a9a9a9a9-00ff-4000-8000-0000000000ff', displayName: 'missing', tenantId: TENANTS[2]!.id };
    await controlApi.addFault({ match: { plane: 'arm', method: 'POST', pathRegex: 'ResourceGraph' }, action: 'status', status: 400 });
    const refused = await (await newArm()).listVaultsAcross([SUBSCRIPTIONS[25]!, missing]);
    assert.deepEqual(refused.map((r) => [r.subscription.subscriptionId, r.ok, r.ok ? r.vaults.length : r.failure.code]), [
      [SUBSCRIPTIONS[25]!.subscriptionId, true, 5],
      [missing.subscriptionId, false, 'SubscriptionNotFound'],
    ]);
  });
});
