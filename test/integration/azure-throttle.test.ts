// Throttling against the emulator: bare 429s (no Retry-After) are retried with backoff until the vault admits
// the request; with no retries the 429 reaches the caller as 'throttled'. The backoff waits are scripted
// (ThrottleOptions.sleep records the delays and resolves), so nothing here depends on timing.
import * as assert from 'node:assert/strict';
import { loadAzureSdk } from '../../src/azure/lazy';

import { appCredential, controlApi, cursor, emulatorCloud, liveVaultUrl } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const VAULT = `kvt${Date.now().toString(36)}`;
const THROTTLED = { error: { code: 'Throttled', message: 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached' } };

async function trace(since: number): Promise<string[]> {
  return (await controlApi.requests({ vault: VAULT, sinceId: since })).requests.map((e) => `${e.status} ${e.method} ${e.path}`);
}

describe('throttling (against the emulator)', function () {
  this.timeout(60_000);
  let url = '';

  before(async () => {
    await controlApi.seed({ vaults: [{ name: VAULT, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests', secrets: [{ name: 's1', versions: [{ value: 'x' }] }] }] });
    url = await liveVaultUrl(VAULT);
  });

  afterEach(async () => {
    await controlApi.throttle(null, VAULT);
    await controlApi.clearFaults();
  });

  it('retries bare 429s with doubling delays until the vault admits the request', async () => {
    const { VaultClients } = await loadAzureSdk();
    const delays: number[] = [];
    const clients = new VaultClients(appCredential(), emulatorCloud(), { throttle: { baseDelayMs: 100, sleep: (ms) => (delays.push(ms), Promise.resolve()) } });
    await clients.listItems(url, 'secret');
    await controlApi.addFault({ match: { plane: 'vault', vault: VAULT, pathRegex: '^/keys$' }, action: 'status', status: 429, body: THROTTLED, count: 3 });
    const since = await cursor();
    const page = await clients.listItems(url, 'key');
    assert.deepEqual(page.items, []);
    assert.deepEqual(await trace(since), ['429 GET /keys', '429 GET /keys', '429 GET /keys', '200 GET /keys']);
    assert.equal(delays.length, 3);
    delays.forEach((d, i) => assert.ok(d >= 80 * 2 ** i && d <= 120 * 2 ** i, `delay ${i}: ${d}`));
  });

  it("eventually succeeds under the vault's request limit (the log shows the 429s)", async () => {
    const { VaultClients } = await loadAzureSdk();
    const delays: number[] = [];
    const clients = new VaultClients(appCredential(), emulatorCloud(), {
      throttle: {
        baseDelayMs: 1000,
        // The second backoff lifts the limit: the next attempt is admitted.
        sleep: async (ms) => {
          delays.push(ms);
          if (delays.length === 2) await controlApi.throttle(null, VAULT);
        },
      },
    });
    await clients.listItems(url, 'secret');
    await controlApi.throttle(2, VAULT);
    const since = await cursor();
    await clients.listItems(url, 'secret');
    await clients.listItems(url, 'key');
    const certificates = await clients.listItems(url, 'certificate');
    assert.deepEqual(certificates.items, []);
    assert.deepEqual(await trace(since), ['200 GET /secrets', '200 GET /keys', '429 GET /certificates', '429 GET /certificates', '200 GET /certificates']);
    assert.equal(delays.length, 2);
    assert.ok(delays[0]! >= 800 && delays[0]! <= 1200 && delays[1]! >= 1600 && delays[1]! <= 2400, delays.join(','));
  });

  it("with maxRetries 0 the 429 reaches the caller as 'throttled'", async () => {
    const { VaultClients, classifyError } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud(), { throttle: { maxRetries: 0, sleep: () => Promise.reject(new Error('no backoff expected')) } });
    await clients.listItems(url, 'secret');
    await controlApi.throttle(1, VAULT);
    await clients.listItems(url, 'secret');
    const since = await cursor();
    const error = await clients.listItems(url, 'secret').then(() => undefined, (e: unknown) => e);
    const failure = classifyError(error);
    assert.equal(failure.kind, 'throttled');
    assert.equal(failure.status, 429);
    assert.equal(failure.message, 'Key Vault is throttling requests; wait a few seconds and retry');
    assert.deepEqual(await trace(since), ['429 GET /secrets']);
  });
});
