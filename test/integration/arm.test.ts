// The emulator's ARM: tenants and subscriptions through a core-rest-pipeline with bearerTokenAuthenticationPolicy,
// vaults through @azure/arm-keyvault, and Resource Graph (AZURE-FACTS.md "Two planes").
import * as assert from 'node:assert/strict';
import type { TokenCredential } from '@azure/core-auth';
import { UsernamePasswordCredential } from '@azure/identity';
import { appCredential, armKeyVaultClient, armRequest, controlApi, emulatorInfo, rawRequest, seededUser, vaultInfo, type JsonValue } from './emulator';

const SUB1 = '51515151-0000-4000-8000-000000000001';
const SUB2 = '51515151-0000-4000-8000-000000000002';
const SUB3 = '52525252-0000-4000-8000-000000000001';
const VAULT_QUERY = "resources | where type =~ 'microsoft.keyvault/vaults'";

interface Listing<T> {
  value: T[];
  nextLink?: string;
}

async function collect<T>(path: string, credential: TokenCredential = appCredential()): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const res = await armRequest(next, credential);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = res.body as Listing<T>;
    items.push(...body.value);
    next = body.nextLink ?? undefined;
    pages++;
  }
  return { items, pages };
}

describe('emulator ARM', () => {
  const info = emulatorInfo();
  const [contoso, fabrikam] = [info.tenants[0]!.id, info.tenants[1]!.id];
  const alice = seededUser('alice@contosotest.onmicrosoft.com');
  const aliceCredential = new UsernamePasswordCredential(contoso, 'kv-explorer-tests', alice.username, alice.password, {
    authorityHost: info.login,
    disableInstanceDiscovery: true,
  });

  it('lists the tenants of the caller (a user in two tenants; an app in its tenants)', async () => {
    const { items } = await collect<{ tenantId: string; tenantCategory: string; displayName: string; defaultDomain: string }>('/tenants?api-version=2022-12-01', aliceCredential);
    assert.deepEqual(items.map((t) => t.tenantId).sort(), [contoso, fabrikam].sort());
    assert.equal(items.find((t) => t.tenantId === contoso)?.tenantCategory, 'Home');
    const fab = await collect<{ tenantId: string }>('/tenants?api-version=2022-12-01', appCredential('fabrikam-app'));
    assert.deepEqual(fab.items.map((t) => t.tenantId), [fabrikam]);
  });

  it("lists the subscriptions of the token's tenant the caller may read, page by page", async () => {
    const ids = async (cred: TokenCredential = appCredential()): Promise<string[]> =>
      (await collect<{ subscriptionId: string }>('/subscriptions?api-version=2022-12-01', cred)).items.map((s) => s.subscriptionId).sort();
    assert.deepEqual(await ids(), [SUB1, SUB2]);
    assert.deepEqual(await ids(appCredential('test-app-no-access')), [SUB1], 'subscription 2 is restricted to its readers');
    assert.deepEqual(await ids(appCredential('fabrikam-app')), [SUB3]);
    await controlApi.settings({ armPageSize: 1 });
    try {
      const paged = await collect<{ subscriptionId: string }>('/subscriptions?api-version=2022-12-01');
      assert.equal(paged.pages, 2);
      assert.deepEqual(paged.items.map((s) => s.subscriptionId).sort(), [SUB1, SUB2]);
    } finally {
      await controlApi.settings({ armPageSize: 100 });
    }
  });

  it('gets one subscription; unknown is 404, another tenant is 401, unreadable is 403', async () => {
    const one = await armRequest(`/subscriptions/${SUB1}?api-version=2022-12-01`);
    assert.equal(one.status, 200);
    assert.deepEqual((one.body as { displayName: string; state: string }).state, 'Enabled');
    const missing = await armRequest('/subscriptions/00000000-0000-4000-8000-00000000dead?api-version=2022-12-01');
    assert.equal(missing.status, 404);
    assert.equal((missing.body as { error: { code: string } }).error.code, 'SubscriptionNotFound');
    const other = await armRequest(`/subscriptions/${SUB3}?api-version=2022-12-01`);
    assert.equal(other.status, 401);
    assert.equal((other.body as { error: { code: string } }).error.code, 'InvalidAuthenticationTokenTenant');
    const hidden = await armRequest(`/subscriptions/${SUB2}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`, appCredential('test-app-no-access'));
    assert.equal(hidden.status, 403);
    assert.equal((hidden.body as { error: { code: string } }).error.code, 'AuthorizationFailed');
  });

  it('answers missing, wrong-audience and expired tokens with ARM 401s and WWW-Authenticate', async () => {
    const url = `${info.arm}/subscriptions?api-version=2022-12-01`;
    const none = await rawRequest(url);
    assert.equal(none.status, 401);
    assert.equal(none.json.error.code, 'AuthenticationFailed');
    assert.match(String(none.headers['www-authenticate']), /^Bearer authorization_uri="/);
    const vaultToken = (await appCredential().getToken(info.scopes.vault)).token;
    const wrong = await rawRequest(url, { headers: { authorization: `Bearer ${vaultToken}` } });
    assert.equal(wrong.json.error.code, 'InvalidAuthenticationTokenAudience');
    const expired = await controlApi.token({ tenantId: contoso, audience: 'arm', lifetimeSec: -10 });
    const late = await rawRequest(url, { headers: { authorization: `Bearer ${expired}` } });
    assert.equal(late.status, 401);
    assert.equal(late.json.error.code, 'ExpiredAuthenticationToken');
    const noVersion = await rawRequest(`${info.arm}/subscriptions`, { headers: { authorization: `Bearer ${(await appCredential().getToken(info.scopes.arm)).token}` } });
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.json.error.code, 'MissingApiVersionParameter');
  });

  it('@azure/arm-keyvault lists vaults by subscription, by resource group and as resources, and gets one', async () => {
    const client = armKeyVaultClient(SUB1);
    const bySub: string[] = [];
    for await (const v of client.vaults.listBySubscription()) bySub.push(v.name!);
    for (const name of ['kv-test-main', 'kv-test-slow', 'kv-test-protected', 'kv-test-faults']) assert.ok(bySub.includes(name), name);
    assert.ok(!bySub.includes('kv-test-gone'), 'deleted vaults are not listed');
    assert.ok(!bySub.includes('kv-test-nosoft'), 'other subscription');
    const asResources: string[] = [];
    for await (const r of client.vaults.list({ top: 2 })) {
      assert.equal(r.type, 'Microsoft.KeyVault/vaults');
      asResources.push(r.name!);
    }
    assert.deepEqual([...asResources].sort(), [...bySub].sort());
    const byRg: string[] = [];
    for await (const v of client.vaults.listByResourceGroup('rg-protected')) byRg.push(v.name!);
    assert.deepEqual(byRg, ['kv-test-protected']);
    const main = await client.vaults.get('rg-test', 'kv-test-main');
    assert.equal(main.properties.vaultUri, `${vaultInfo('kv-test-main').url}/`);
    assert.equal(main.properties.tenantId, contoso);
    assert.equal(main.properties.enableSoftDelete, true);
    assert.equal(main.properties.softDeleteRetentionInDays, 90);
    assert.equal(main.properties.enableRbacAuthorization, true);
    assert.equal(main.properties.sku.name, 'premium');
    assert.equal(main.location, 'westeurope');
    const protectedVault = await client.vaults.get('rg-protected', 'kv-test-protected');
    assert.equal(protectedVault.properties.enablePurgeProtection, true);
    await assert.rejects(client.vaults.get('rg-test', 'no-such-vault'), (e: { statusCode?: number; code?: string }) => e.statusCode === 404 && e.code === 'ResourceNotFound');
  });

  it('@azure/arm-keyvault lists deleted vaults', async () => {
    const names: string[] = [];
    for await (const d of armKeyVaultClient(SUB1).vaults.listDeleted()) {
      names.push(d.name!);
      assert.equal(d.properties?.purgeProtectionEnabled, true);
      assert.ok(d.properties?.scheduledPurgeDate instanceof Date);
    }
    assert.deepEqual(names, ['kv-test-gone']);
  });

  it('finds every vault the caller can see with one Resource Graph query, paged with $skipToken', async () => {
    const graph = async (body: unknown, cred: TokenCredential = appCredential()): Promise<Record<string, JsonValue>> => {
      const res = await armRequest('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', cred, { method: 'POST', body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as Record<string, JsonValue>;
    };
    const all = await graph({ query: VAULT_QUERY });
    const names = (all.data as { name: string; type: string }[]).map((r) => r.name);
    assert.ok(names.includes('kv-test-main') && names.includes('kv-test-nosoft'), 'both readable subscriptions');
    assert.ok(!names.includes('kv-test-fabrikam'), 'not another tenant');
    assert.ok((all.data as { type: string }[]).every((r) => r.type === 'microsoft.keyvault/vaults'));
    assert.equal(all.resultTruncated, 'false');
    assert.equal(all.totalRecords, all.count);
    const row = (all.data as { name: string; properties: { vaultUri: string } }[]).find((r) => r.name === 'kv-test-main')!;
    assert.equal(row.properties.vaultUri, `${vaultInfo('kv-test-main').url}/`);
    const onlySub2 = await graph({ query: VAULT_QUERY, subscriptions: [SUB2] });
    assert.deepEqual((onlySub2.data as { name: string }[]).map((r) => r.name), ['kv-test-nosoft']);
    const seen: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await graph({ query: `${VAULT_QUERY} | project id, name`, options: { $top: 2, ...(skipToken ? { $skipToken: skipToken } : {}) } });
      seen.push(...(page.data as { name: string }[]).map((r) => r.name));
      skipToken = page.$skipToken as string | undefined;
      pages++;
    } while (skipToken);
    assert.deepEqual(seen.sort(), [...names].sort());
    assert.equal(pages, Math.ceil(names.length / 2));
    const vms = await graph({ query: "Resources | where type =~ 'Microsoft.Compute/virtualMachines' | project id, name, type, location" });
    assert.deepEqual((vms.data as { name: string }[]).map((r) => r.name), ['vm-test-1']);
    const bad = await armRequest('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', appCredential(), { method: 'POST', body: { query: 'resources | summarize count()' } });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { error: { details: { code: string }[] } }).error.details[0]?.code, 'InvalidQuery');
  });

  it('lists generic resources with a resourceType filter', async () => {
    const { items } = await collect<{ name: string; type: string }>(`/subscriptions/${SUB1}/resources?$filter=resourceType eq 'Microsoft.Compute/virtualMachines'&api-version=2021-04-01`);
    assert.deepEqual(items.map((r) => r.name), ['vm-test-1']);
  });
});
