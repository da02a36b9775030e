// The token guard in a real client pipeline: a loopback vault (the emulator) that challenges for a real cloud
// resource never makes the credential issue that token; a loopback ARM endpoint never gets a real ARM audience;
// a listing's nextLink to another host (ARM or a vault, empty page or not) is refused before it is followed.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { loadAzureSdk } from '../../src/azure/lazy';

import { appCredential, controlApi, emulatorCloud, emulatorInfo, liveVaultUrl } from './emulator';
import { probe, startHostileServer, type HostileServer } from './hostileServer';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const VAULT = `kvg${Date.now().toString(36)}`;

/** Records the scopes it is asked for; hands out the emulator's tokens. */
class ScopeSpy implements TokenCredential {
  readonly scopes: string[] = [];
  private readonly inner = appCredential();

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return this.inner.getToken(scopes, options);
  }
}

describe('token guard (against the emulator)', () => {
  let url = '';

  before(async () => {
    await controlApi.seed({ vaults: [{ name: VAULT, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests', secrets: [{ name: 's1', versions: [{ value: 'x' }] }] }] });
    url = await liveVaultUrl(VAULT);
  });

  afterEach(() => controlApi.clearFaults());

  it('refuses a real-cloud scope asked for by a loopback vault, before the credential is called', async () => {
    const { VaultClients, classifyError } = await loadAzureSdk();
    await controlApi.addFault({
      match: { plane: 'vault', vault: VAULT },
      action: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer authorization="https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111", resource="https://vault.azure.net"' },
      body: { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
      count: 1,
    });
    const spy = new ScopeSpy();
    const clients = new VaultClients(spy, emulatorCloud());
    const error = await clients.listItems(url, 'secret').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'TokenRefusedError');
    assert.match(error.message, /https:\/\/vault\.azure\.net\/\.default/);
    assert.match(error.message, /127\.0\.0\.1/);
    assert.deepEqual(spy.scopes, [], 'the credential was never asked for a real-cloud token');
    assert.equal(classifyError(error).code, 'TokenRefused');

    const page = await clients.listItems(url, 'secret');
    assert.deepEqual(page.items.map((i) => i.name), ['s1']);
    assert.deepEqual(spy.scopes, [emulatorInfo().scopes.vault], "the emulator's own (localhost) scope is allowed");
  });

  describe('with a hostile server that records every request', () => {
    let hostile: HostileServer;

    before(async () => {
      hostile = await startHostileServer(emulatorInfo().stateDir);
      // Positive control: this process reaches it over trusted TLS, and it records a token when one is sent.
      assert.equal(await probe(hostile), 200);
      assert.deepEqual(hostile.requests, [{ method: 'GET', url: '/probe', authorization: true }]);
    });

    beforeEach(() => {
      hostile.requests.length = 0;
    });

    after(() => hostile.close());

    it('ARM: a loopback endpoint is never given a token for a real ARM audience (the credential is not even asked)', async () => {
      const { ArmClient, classifyError } = await loadAzureSdk();
      const spy = new ScopeSpy();
      const arm = new ArmClient(spy, { resourceManagerEndpoint: hostile.url, resourceManagerScope: 'https://management.azure.com/.default', keyVaultDnsSuffix: 'vault.azure.net' });
      const error = await arm.listTenants().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof Error, 'listing tenants failed');
      assert.equal(error.name, 'TokenRefusedError');
      assert.equal(classifyError(error).code, 'TokenRefused');
      assert.deepEqual(spy.scopes, []);
      assert.deepEqual(hostile.requests, []);
    });

    it("ARM: a listing's nextLink to another host is refused before it is followed", async () => {
      const { ArmClient } = await loadAzureSdk();
      await controlApi.addFault({
        match: { plane: 'arm', method: 'GET', pathRegex: '^/tenants$' },
        action: 'status',
        status: 200,
        body: { value: [], nextLink: `${hostile.url}/tenants?api-version=2022-12-01&$skiptoken=steal` },
        count: 1,
      });
      const spy = new ScopeSpy();
      const arm = new ArmClient(spy, emulatorCloud());
      const error = await arm.listTenants().then(() => undefined, (e: unknown) => e);
      assert.deepEqual(hostile.requests, [], 'nothing reached the other host');
      assert.ok(error instanceof Error, 'listing tenants failed');
      assert.equal(error.name, 'TokenRefusedError');
      assert.deepEqual(spy.scopes, [emulatorInfo().scopes.arm], 'the first page was asked for with the emulator ARM token');
      assert.ok((await arm.listTenants()).length > 0, 'the next listing works again');
    });

    it("data plane: an EMPTY page's nextLink to another host is refused before it is followed", async () => {
      const { VaultClients } = await loadAzureSdk();
      const clients = new VaultClients(new ScopeSpy(), emulatorCloud());
      assert.deepEqual((await clients.listItems(url, 'secret')).items.map((i) => i.name), ['s1'], 'the challenge is done: the client holds a token');
      await controlApi.addFault({
        match: { plane: 'vault', vault: VAULT, method: 'GET', pathRegex: '^/secrets$' },
        action: 'status',
        status: 200,
        body: { value: [], nextLink: `${hostile.url}/secrets?api-version=7.6&$skiptoken=steal` },
        count: 1,
      });
      const error = await clients.listItems(url, 'secret').then(() => undefined, (e: unknown) => e);
      assert.deepEqual(hostile.requests, [], 'nothing reached the other host');
      assert.match(String(error), /next page on another host/);
    });

    it("data plane: a full page's nextLink to another origin is refused too (no continuation token is handed out)", async () => {
      const { VaultClients } = await loadAzureSdk();
      const clients = new VaultClients(new ScopeSpy(), emulatorCloud());
      await controlApi.addFault({
        match: { plane: 'vault', vault: VAULT, method: 'GET', pathRegex: '^/keys$' },
        action: 'status',
        status: 200,
        body: { value: [{ kid: `${url}/keys/k1`, attributes: { enabled: true } }], nextLink: `${hostile.url}/keys?api-version=7.6&$skiptoken=steal` },
        count: 1,
      });
      await assert.rejects(clients.listItems(url, 'key'), /next page on another host/);
      assert.deepEqual(hostile.requests, []);
    });
  });
});
