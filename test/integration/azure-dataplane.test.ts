// src/azure VaultClients against the emulator: one page = one request, one auth challenge per vault (not per
// kind), continuation tokens, versions newest first, deleted listings, writes that keep their body, token
// refresh. Every count is read from the emulator's request log.
import * as assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { loadAzureSdk } from '../../src/azure/lazy';

import { appCredential, controlApi, cursor, emulatorCloud, liveVaultUrl, trace } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const stamp = Date.now().toString(36);
const BROWSE = `kvb${stamp}`;
const PAGING = `kvp${stamp}`;

/** Counts getToken calls (and can hand out one bad token). */
class CountingCredential implements TokenCredential {
  calls = 0;
  poisonNext = false;
  constructor(private readonly inner: TokenCredential = appCredential()) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.calls++;
    if (this.poisonNext) {
      this.poisonNext = false;
      return { token: 'not-a-valid-token', expiresOnTimestamp: Date.now() + 3600_000 };
    }
    return this.inner.getToken(scopes, options);
  }
}

/** Runs `body` while the emulator issues tokens that live 2 minutes (under the 5-minute reuse margin). */
async function withShortTokens(body: () => Promise<void>): Promise<void> {
  const previous = (await controlApi.settings({})) as { settings: { tokenLifetimeSec: number } };
  await controlApi.settings({ tokenLifetimeSec: 120 });
  try {
    await body();
  } finally {
    await controlApi.settings({ tokenLifetimeSec: previous.settings.tokenLifetimeSec });
  }
}

describe('VaultClients (browsing against the emulator)', function () {
  this.timeout(60_000);
  let browse = '';
  let paging = '';

  before(async () => {
    await controlApi.seed({
      vaults: [
        {
          name: BROWSE, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests', timings: { deleteDelayMs: 0, certificateDelayMs: 0 },
          secrets: [
            { name: 'alpha', contentType: 'text/plain', tags: { team: 'a' }, versions: [{ value: 'alpha-value' }] },
            {
              name: 'multi', versions: [
                { value: 'm1', version: '0000000000000000000000000000000a', created: '-3d' },
                { value: 'm2', version: '0000000000000000000000000000000c', created: '-1d' },
                { value: 'm3', version: '0000000000000000000000000000000b', created: '-2d' },
              ],
            },
            { name: 'gone-secret', versions: [{ value: 'x' }], deleted: { deletedDate: '-1d' } },
          ],
          keys: [
            { name: 'rsa-key', kty: 'RSA', size: 2048, versions: 2 },
            { name: 'ec-key', kty: 'EC', curve: 'P-256' },
            { name: 'gone-key', deleted: true },
          ],
          certificates: [
            { name: 'web-cert', subject: 'CN=web.example', versions: 2 },
            { name: 'gone-cert', subject: 'CN=gone.example', deleted: true },
          ],
        },
        {
          name: PAGING, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests',
          secrets: Array.from({ length: 60 }, (_, i) => ({ name: `page-${String(i).padStart(2, '0')}`, versions: [{ value: `v${i}` }] })),
        },
      ],
    });
    browse = await liveVaultUrl(BROWSE);
    paging = await liveVaultUrl(PAGING);
  });

  it('first page of secrets: exactly one data request after the challenge, list properties only', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const since = await cursor();
    const page = await clients.listItems(browse, 'secret');
    assert.deepEqual(await trace(BROWSE, since), ['401 GET /secrets', '200 GET /secrets']);
    assert.deepEqual(page.items.map((i) => [i.name, i.managed ?? false]), [['alpha', false], ['multi', false], ['web-cert', true]], 'a certificate owns a secret of its name');
    assert.equal(page.continuationToken, undefined);
    const alpha = page.items[0];
    assert.equal(alpha?.kind, 'secret');
    assert.equal(alpha?.id, `${browse}/secrets/alpha`);
    assert.equal(alpha?.contentType, 'text/plain');
    assert.deepEqual(alpha?.tags, { team: 'a' });
    assert.equal(alpha?.enabled, true);
    assert.ok(alpha?.createdOn instanceof Date);
    assert.ok(!JSON.stringify(page).includes('alpha-value'), 'no value in a listing');
  });

  it('expanding keys and certificates after secrets on the same vault: one request each, no new challenge', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    let since = await cursor();
    await clients.listItems(browse, 'secret');
    assert.deepEqual(await trace(BROWSE, since), ['401 GET /secrets', '200 GET /secrets']);

    since = await cursor();
    const keys = await clients.listItems(browse, 'key');
    assert.deepEqual(await trace(BROWSE, since), ['200 GET /keys']);
    assert.deepEqual(keys.items.map((k) => [k.kind, k.name, k.managed ?? false]), [['key', 'ec-key', false], ['key', 'rsa-key', false], ['key', 'web-cert', true]]);

    since = await cursor();
    const certificates = await clients.listItems(browse, 'certificate');
    assert.deepEqual(await trace(BROWSE, since), ['200 GET /certificates']);
    assert.deepEqual(certificates.items.map((c) => [c.kind, c.name]), [['certificate', 'web-cert']]);

    since = await cursor();
    await clients.listItems(browse, 'secret');
    await clients.listItems(browse, 'key');
    assert.deepEqual(await trace(BROWSE, since), ['200 GET /secrets', '200 GET /keys'], 'the clients are reused');
  });

  it('pages 60 secrets 25 at a time through continuation tokens: 3 requests (+1 challenge)', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const since = await cursor();
    const sizes: number[] = [];
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await clients.listItems(paging, 'secret', { pageSize: 25, ...(token ? { continuationToken: token } : {}) });
      sizes.push(page.items.length);
      names.push(...page.items.map((i) => i.name));
      token = page.continuationToken;
      if (token) assert.ok(token.startsWith(paging), 'the token is the nextLink of this vault');
    } while (token);
    assert.deepEqual(sizes, [25, 25, 10]);
    assert.equal(new Set(names).size, 60);
    assert.deepEqual(await trace(PAGING, since), ['401 GET /secrets', '200 GET /secrets', '200 GET /secrets', '200 GET /secrets']);
  });

  it('honours the page size for keys and certificates too', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const first = await clients.listItems(browse, 'key', { pageSize: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.continuationToken);
    const second = await clients.listItems(browse, 'key', { pageSize: 1, continuationToken: first.continuationToken });
    assert.equal(second.items.length, 1);
    assert.notEqual(second.items[0]?.name, first.items[0]?.name);
    // The certificates client ignores byPage's maxPageSize: VaultClients passes `maxresults` itself.
    const versions = await clients.listVersions(browse, 'certificate', 'web-cert', { pageSize: 1 });
    assert.equal(versions.items.length, 1);
    assert.ok(versions.continuationToken);
    const rest = await clients.listVersions(browse, 'certificate', 'web-cert', { pageSize: 1, continuationToken: versions.continuationToken });
    assert.equal(rest.items.length, 1);
    assert.notEqual(rest.items[0]?.version, versions.items[0]?.version);
  });

  it('lists versions newest first (the service order is not) in one request', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    await clients.listItems(browse, 'secret');
    const since = await cursor();
    const versions = await clients.listVersions(browse, 'secret', 'multi');
    assert.deepEqual(versions.items.map((v) => v.version), ['0000000000000000000000000000000c', '0000000000000000000000000000000b', '0000000000000000000000000000000a']);
    assert.ok(versions.items.every((v) => v.id === `${browse}/secrets/multi/${v.version ?? ''}`));
    assert.deepEqual(await trace(BROWSE, since), ['200 GET /secrets/multi/versions']);

    for (const [kind, name] of [['key', 'rsa-key'], ['certificate', 'web-cert']] as const) {
      const page = await clients.listVersions(browse, kind, name);
      assert.equal(page.items.length, 2, kind);
      const [newer, older] = page.items;
      assert.ok((newer?.createdOn?.getTime() ?? 0) >= (older?.createdOn?.getTime() ?? 0), kind);
    }
  });

  it('lists deleted secrets, keys and certificates with their deletion dates, one request each', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    await clients.listItems(browse, 'secret');
    for (const [kind, name, path] of [['secret', 'gone-secret', '/deletedsecrets'], ['key', 'gone-key', '/deletedkeys'], ['certificate', 'gone-cert', '/deletedcertificates']] as const) {
      const since = await cursor();
      const page = await clients.listDeleted(browse, kind);
      assert.deepEqual(await trace(BROWSE, since), [`200 GET ${path}`], kind);
      const item = page.items.find((i) => i.name === name);
      assert.ok(item, `${kind} ${name}`);
      assert.equal(item.kind, kind);
      assert.ok(item.deletedOn instanceof Date, kind);
      assert.ok(item.scheduledPurgeDate instanceof Date && item.scheduledPurgeDate > item.deletedOn, kind);
      assert.match(item.recoveryId ?? '', new RegExp(`${path}/${name}$`), kind);
    }
  });

  it('writes keep their body: own challenge for a first write, pre-authorised after a read', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    await clients.listItems(browse, 'secret');

    // A client whose first request is a write takes the SDK's own challenge (the body is restored after it).
    let since = await cursor();
    const created = await clients.keys(browse).createEcKey(`ec-${stamp}`, { curve: 'P-384' });
    assert.equal(created.key?.crv, 'P-384');
    assert.deepEqual(await trace(BROWSE, since), [`401 POST /keys/ec-${stamp}/create`, `200 POST /keys/ec-${stamp}/create`]);

    // A client that read first sends its writes pre-authorised, body intact.
    const other = new VaultClients(appCredential(), emulatorCloud());
    await other.listItems(browse, 'secret');
    await other.listItems(browse, 'certificate');
    await other.listItems(browse, 'key');
    since = await cursor();
    const updated = await other.certificates(browse).updateCertificateProperties('web-cert', '', { tags: { stamp } });
    assert.deepEqual(updated.properties.tags, { stamp });
    const set = await other.keys(browse).createRsaKey(`rsa-${stamp}`, { keySize: 3072 });
    assert.equal(set.key?.n?.length, 384);
    assert.deepEqual(await trace(BROWSE, since), ['200 PATCH /certificates/web-cert/', `200 POST /keys/rsa-${stamp}/create`]);
  });

  it('refreshes the shared token: a near-expiry token is asked for again', async () => {
    const { VaultClients } = await loadAzureSdk();
    await withShortTokens(async () => {
      const credential = new CountingCredential();
      const clients = new VaultClients(credential, emulatorCloud());
      await clients.listItems(browse, 'secret');
      assert.equal(credential.calls, 1);
      const since = await cursor();
      await clients.listItems(browse, 'key');
      assert.equal(credential.calls, 2, 'a token with under 5 minutes left is not reused');
      assert.deepEqual(await trace(BROWSE, since), ['200 GET /keys']);
    });
  });

  it('a shared token the vault rejects falls back to the challenge', async () => {
    const { VaultClients } = await loadAzureSdk();
    await withShortTokens(async () => {
      const credential = new CountingCredential();
      const clients = new VaultClients(credential, emulatorCloud());
      await clients.listItems(browse, 'secret');
      credential.poisonNext = true;
      let since = await cursor();
      const keys = await clients.listItems(browse, 'key');
      assert.ok(keys.items.length >= 2);
      assert.deepEqual(await trace(BROWSE, since), ['401 GET /keys', '200 GET /keys']);
      since = await cursor();
      await clients.listItems(browse, 'key');
      assert.deepEqual(await trace(BROWSE, since), ['200 GET /keys']);
    });
  });

  it('passes the abort signal: an aborted listing is cancelled', async () => {
    const { VaultClients, classifyError } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const controller = new AbortController();
    controller.abort();
    const error = await clients.listItems(browse, 'secret', { abortSignal: controller.signal }).then(() => undefined, (e: unknown) => e);
    assert.equal(classifyError(error).kind, 'cancelled');
  });
});
