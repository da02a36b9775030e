// src/azure ArmClient against the emulator's ARM: tenants, subscriptions (a token per tenant), vaults (all
// pages), listing across subscriptions. Request counts come from the emulator's request log.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { loadAzureSdk } from '../../src/azure/lazy';
import type { SubscriptionInfo } from '../../src/azure/model';
import { appCredential, controlApi, cursor, emulatorCloud, emulatorInfo, type RequestLogEntry, vaultUrl } from './emulator';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FABRIKAM = '22222222-2222-4222-8222-222222222222';
const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const SUB_TWO = '51515151-0000-4000-8000-000000000002';
const SUB_FAB = '52525252-0000-4000-8000-000000000001';

/** Records each getToken: the tenant asked for and the `tid` claim of the token returned. */
class SpyCredential implements TokenCredential {
  readonly calls: { tenantId?: string; tid?: string; scopes: string[] }[] = [];
  constructor(private readonly inner: TokenCredential = multiTenant()) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes, options);
    const payload = token ? (JSON.parse(Buffer.from(token.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid?: string }) : {};
    this.calls.push({ scopes: Array.isArray(scopes) ? scopes : [scopes], ...(options?.tenantId ? { tenantId: options.tenantId } : {}), ...(payload.tid ? { tid: payload.tid } : {}) });
    return token;
  }
}

/** test-app is a guest in Fabrikam: let its credential ask for tokens of any tenant. */
function multiTenant(app = 'test-app'): TokenCredential {
  return appCredential(app, { additionallyAllowedTenants: ['*'] });
}

async function armLog(since: number): Promise<RequestLogEntry[]> {
  return (await controlApi.requests({ plane: 'arm', sinceId: since })).requests;
}

const sub = (subscriptionId: string, tenantId: string): SubscriptionInfo => ({ subscriptionId, tenantId, displayName: subscriptionId });

describe('ArmClient (against the emulator)', () => {
  it('lists the tenants of the account with one request and a home-tenant token', async () => {
    const { ArmClient } = await loadAzureSdk();
    const credential = new SpyCredential();
    const arm = new ArmClient(credential, emulatorCloud());
    const since = await cursor();
    const tenants = await arm.listTenants();
    assert.deepEqual(tenants, [
      { tenantId: CONTOSO, displayName: 'Contoso Test', defaultDomain: 'contosotest.onmicrosoft.com' },
      { tenantId: FABRIKAM, displayName: 'Fabrikam Test', defaultDomain: 'fabrikamtest.onmicrosoft.com' },
    ]);
    assert.deepEqual((await armLog(since)).map((e) => `${e.status} ${e.method} ${e.path}`), ['200 GET /tenants']);
    assert.deepEqual(credential.calls.map((c) => [c.tenantId, c.tid, c.scopes]), [[undefined, CONTOSO, [emulatorInfo().scopes.arm]]]);
  });

  it('lists the subscriptions of each tenant with a token for that tenant', async () => {
    const { ArmClient } = await loadAzureSdk();
    const credential = new SpyCredential();
    const arm = new ArmClient(credential, emulatorCloud());
    const since = await cursor();
    const contoso = await arm.listSubscriptions(CONTOSO);
    assert.deepEqual(contoso.map((s) => [s.subscriptionId, s.displayName, s.tenantId, s.state]), [
      [SUB_ONE, 'Contoso Test One', CONTOSO, 'Enabled'],
      [SUB_TWO, 'Contoso Test Two (restricted)', CONTOSO, 'Enabled'],
    ]);
    const fabrikam = await arm.listSubscriptions(FABRIKAM);
    assert.deepEqual(fabrikam.map((s) => [s.subscriptionId, s.tenantId]), [[SUB_FAB, FABRIKAM]]);
    assert.deepEqual(credential.calls.map((c) => [c.tenantId, c.tid]), [[CONTOSO, CONTOSO], [FABRIKAM, FABRIKAM]]);
    assert.deepEqual((await armLog(since)).map((e) => `${e.status} ${e.path}`), ['200 /subscriptions', '200 /subscriptions']);
  });

  it('lists the vaults and Managed HSMs of a subscription sorted by name, mapped from the full ARM objects, in two requests at once', async () => {
    const { ArmClient } = await loadAzureSdk();
    const arm = new ArmClient(appCredential(), emulatorCloud());
    const since = await cursor();
    const vaults = await arm.listVaults(sub(SUB_ONE, CONTOSO));
    const names = vaults.map((v) => v.name);
    assert.deepEqual([...names].sort((a, b) => a.localeCompare(b)), names, 'sorted by name');
    for (const seeded of ['kv-test-faults', 'kv-test-main', 'kv-test-protected', 'kv-test-slow']) assert.ok(names.includes(seeded), seeded);
    assert.ok(!names.includes('kv-test-gone'), 'a deleted vault is not listed');
    const main = vaults.find((v) => v.name === 'kv-test-main');
    assert.deepEqual(main, {
      id: `/subscriptions/${SUB_ONE}/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults/kv-test-main`,
      name: 'kv-test-main',
      subscriptionId: SUB_ONE,
      resourceGroup: 'rg-test',
      location: 'westeurope',
      tenantId: CONTOSO,
      vaultUrl: vaultUrl('kv-test-main'),
      softDeleteEnabled: true,
      softDeleteRetentionInDays: 90,
      purgeProtectionEnabled: false,
      rbacAuthorization: true,
      publicNetworkAccess: 'Enabled',
      sku: 'premium',
      tags: { purpose: 'integration' },
    });
    const hsm = vaults.find((v) => v.name === 'hsm-test-main');
    assert.equal(hsm?.kind, 'managedHsm', 'the Managed HSM is listed beside the vaults');
    assert.match(hsm.id, /\/providers\/Microsoft\.KeyVault\/managedHSMs\/hsm-test-main$/);
    assert.deepEqual([hsm.softDeleteEnabled, hsm.rbacAuthorization, hsm.resourceGroup], [true, true, 'rg-hsm']);
    assert.ok(hsm.vaultUrl.startsWith('https://127.0.0.1:'), hsm.vaultUrl);
    const protectedVault = vaults.find((v) => v.name === 'kv-test-protected');
    assert.equal(protectedVault?.purgeProtectionEnabled, true);
    assert.equal(protectedVault?.softDeleteRetentionInDays, 7);
    assert.deepEqual((await armLog(since)).map((e) => `${e.status} ${e.path}`).sort(), [`200 /subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/managedHSMs`, `200 /subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/vaults`]);

    const legacy = await arm.listVaults(sub(SUB_TWO, CONTOSO));
    assert.deepEqual(legacy.map((v) => [v.name, v.softDeleteEnabled, v.rbacAuthorization]), [['kv-test-nosoft', false, false]]);
  });

  it('follows every page of vaults and of Managed HSMs (page size 2: ⌈n/2⌉ requests each)', async () => {
    const { ArmClient } = await loadAzureSdk();
    const previous = (await controlApi.settings({})) as { settings: { armPageSize: number } };
    await controlApi.settings({ armPageSize: 2 });
    try {
      const arm = new ArmClient(appCredential(), emulatorCloud());
      const since = await cursor();
      const vaults = await arm.listVaults(sub(SUB_ONE, CONTOSO));
      assert.ok(vaults.length >= 4);
      assert.equal(new Set(vaults.map((v) => v.id)).size, vaults.length, 'no vault twice');
      const requests = await armLog(since);
      const hsms = vaults.filter((v) => v.kind === 'managedHsm').length;
      const of = (type: string) => requests.filter((e) => e.status === 200 && e.path === `/subscriptions/${SUB_ONE}/providers/Microsoft.KeyVault/${type}`).length;
      assert.deepEqual([of('vaults'), of('managedHSMs'), requests.length], [Math.ceil((vaults.length - hsms) / 2), Math.max(1, Math.ceil(hsms / 2)), Math.ceil((vaults.length - hsms) / 2) + Math.max(1, Math.ceil(hsms / 2))]);
    } finally {
      await controlApi.settings({ armPageSize: previous.settings.armPageSize });
    }
  });

  it('lists the vaults of a guest-tenant subscription with a token for that tenant, reusing the client per subscription', async () => {
    const { ArmClient } = await loadAzureSdk();
    const credential = new SpyCredential();
    const arm = new ArmClient(credential, emulatorCloud());
    const fabrikam = await arm.listVaults(sub(SUB_FAB, FABRIKAM));
    assert.deepEqual(fabrikam.map((v) => [v.name, v.tenantId]), [['kv-test-fabrikam', FABRIKAM]]);
    assert.deepEqual(credential.calls.map((c) => [c.tenantId, c.tid]), [[FABRIKAM, FABRIKAM]]);
    await arm.listVaults(sub(SUB_FAB, FABRIKAM));
    assert.equal(credential.calls.length, 1, 'the second listing reused the client (and its cached token)');
  });

  it('lists across subscriptions one by one (resourceGraph: false) with a concurrency cap: vaults or a failure per subscription, in order', async () => {
    const { ArmClient } = await loadAzureSdk();
    const arm = new ArmClient(multiTenant(), emulatorCloud());
    const missing = '51515151-0000-4000-8000-0000000000ff';
    const since = await cursor();
    const results = await arm.listVaultsAcross([sub(SUB_ONE, CONTOSO), sub(missing, CONTOSO), sub(SUB_TWO, CONTOSO), sub(SUB_FAB, FABRIKAM)], { concurrency: 2, resourceGraph: false });
    assert.deepEqual(results.map((r) => [r.subscription.subscriptionId, r.ok]), [[SUB_ONE, true], [missing, false], [SUB_TWO, true], [SUB_FAB, true]]);
    const failed = results[1];
    assert.ok(failed && !failed.ok);
    assert.equal(failed.failure.kind, 'notFound');
    assert.equal(failed.failure.code, 'SubscriptionNotFound');
    const fab = results[3];
    assert.ok(fab?.ok);
    assert.deepEqual(fab.vaults.map((v) => v.name), ['kv-test-fabrikam']);
    assert.equal((await armLog(since)).length, 8, 'two requests per subscription (vaults and Managed HSMs, at once)');
  });

  it('a subscription the account cannot read fails as forbidden (ARM AuthorizationFailed)', async () => {
    const { ArmClient, classifyError } = await loadAzureSdk();
    const arm = new ArmClient(appCredential('test-app-no-access'), emulatorCloud());
    const error = await arm.listVaults(sub(SUB_TWO, CONTOSO)).then(() => undefined, (e: unknown) => e);
    const failure = classifyError(error);
    assert.equal(failure.kind, 'forbidden');
    assert.equal(failure.code, 'AuthorizationFailed');
  });
});
