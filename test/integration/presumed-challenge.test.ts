// A vault that ARM listed needs no 401 round trip (issue 16: a list's first page in one round trip): its tenant comes
// from the listing, its scope from its cloud (or, for local vaults, from another local vault's challenge), so its first
// request goes out authorised (src/azure/sharedChallenge.ts, "Presumed"). Counts read from the emulator's request log.
import * as assert from 'node:assert/strict';
import { loadAzureSdk } from '../../src/azure/lazy';

import { appCredential, controlApi, cursor, emulatorCloud, liveVaultUrl, trace } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const stamp = Date.now().toString(36);
const FIRST = `kvpa${stamp}`;
const SECOND = `kvpb${stamp}`;
const THIRD = `kvpc${stamp}`;

/** What ArmClient.vaultTenant answers for a vault it listed with this tenant (undefined: not listed). */
const listed = (tenantId: string | undefined) => (tenantId ? { tenantId } : undefined);

describe('VaultClients: the auth challenge presumed for vaults listed by ARM', function () {
  this.timeout(60_000);
  const urls: Record<string, string> = {};

  before(async () => {
    await controlApi.seed({
      vaults: [FIRST, SECOND, THIRD].map((name) => ({ name, subscription: SUB_ONE, resourceGroup: 'rg-presumed', secrets: [{ name: 'one', versions: [{ value: 'v' }] }] })),
    });
    for (const name of [FIRST, SECOND, THIRD]) urls[name] = await liveVaultUrl(name);
  });

  it("a listed vault's first page is one request (its tenant from ARM, its scope from the cloud)", async () => {
    const sdk = await loadAzureSdk();
    const arm = new sdk.ArmClient(appCredential(), emulatorCloud());
    const vaults = await arm.listVaults({ subscriptionId: SUB_ONE, displayName: 'Contoso Test One', tenantId: '11111111-1111-4111-8111-111111111111' });
    const tenants = new Map(vaults.map((v) => [sdk.vaultKey(v.vaultUrl), v.tenantId]));
    assert.ok(tenants.has(sdk.vaultKey(urls[SECOND]!)), 'ARM listed the vault');
    const clients = new sdk.VaultClients(appCredential(), emulatorCloud(), { tenantOf: (url) => listed(tenants.get(sdk.vaultKey(url))) });

    // The emulator's cloud names its vault audience (a *.localhost suffix): no local vault needs a challenge first.
    for (const name of [FIRST, SECOND]) {
      const since = await cursor();
      const page = await clients.listItems(urls[name]!, 'secret');
      assert.deepEqual(await trace(name, since), ['200 GET /secrets'], `${name}: no 401 round trip`);
      assert.deepEqual(page.items.map((i) => i.name), ['one']);
    }
  });

  it("with a cloud that does not name local vaults' audience, a local vault learns it from another's challenge", async () => {
    const sdk = await loadAzureSdk();
    const cloud = { ...emulatorCloud(), keyVaultDnsSuffix: 'vault.azure.net' };
    const clients = new sdk.VaultClients(appCredential(), cloud, { tenantOf: () => listed('11111111-1111-4111-8111-111111111111') });
    let since = await cursor();
    await clients.listItems(urls[FIRST]!, 'secret');
    assert.deepEqual(await trace(FIRST, since), ['401 GET /secrets', '200 GET /secrets']);
    since = await cursor();
    await clients.listItems(urls[SECOND]!, 'secret');
    assert.deepEqual(await trace(SECOND, since), ['200 GET /secrets'], 'no 401 round trip');
  });

  it('a vault whose tenant is not known (attached by URL) takes the challenge as before', async () => {
    const sdk = await loadAzureSdk();
    const clients = new sdk.VaultClients(appCredential(), emulatorCloud(), { tenantOf: () => undefined });
    await clients.listItems(urls[FIRST]!, 'secret');
    const since = await cursor();
    await clients.listItems(urls[THIRD]!, 'secret');
    assert.deepEqual(await trace(THIRD, since), ['401 GET /secrets', '200 GET /secrets']);
  });

  it('a wrong tenant: the vault or the credential refuses it, the challenge answers, the listing succeeds', async () => {
    const sdk = await loadAzureSdk();
    const clients = new sdk.VaultClients(appCredential(), emulatorCloud(), { tenantOf: () => listed('11111111-1111-4111-8111-111111111111') });
    await clients.listItems(urls[FIRST]!, 'secret');
    const wrong = new sdk.VaultClients(appCredential(), emulatorCloud(), { tenantOf: (url) => listed(sdk.vaultKey(url) === sdk.vaultKey(urls[THIRD]!) ? '99999999-9999-4999-8999-999999999999' : '11111111-1111-4111-8111-111111111111') });
    await wrong.listItems(urls[FIRST]!, 'secret');
    const since = await cursor();
    const page = await wrong.listItems(urls[THIRD]!, 'secret');
    const seen = await trace(THIRD, since);
    assert.deepEqual(page.items.map((i) => i.name), ['one']);
    assert.equal(seen.at(-1), '200 GET /secrets');
    assert.ok(seen.length <= 3, `at most one refused request before the challenge's own: ${seen.join(', ')}`);
  });
});
