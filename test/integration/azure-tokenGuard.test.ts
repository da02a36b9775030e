// The token guard in a real client pipeline: a loopback vault (the emulator) that challenges for a real cloud
// resource never makes the credential issue that token.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { loadAzureSdk } from '../../src/azure/lazy';
import type { CloudEndpoints } from '../../src/azure/model';
import { appCredential, controlApi, emulatorInfo, liveVaultUrl } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const VAULT = `kvg${Date.now().toString(36)}`;

function emulatorCloud(): CloudEndpoints {
  const info = emulatorInfo();
  return { resourceManagerEndpoint: info.arm, resourceManagerScope: info.scopes.arm, keyVaultDnsSuffix: new URL(info.audiences.vault).hostname };
}

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
});
