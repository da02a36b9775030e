// 10,000 secrets in one vault, loaded through the control API's seed endpoint, listed page by page with the
// official SecretClient (AZURE-FACTS.md "Paging": N items cost ⌈N/25⌉ serial round trips).
import * as assert from 'node:assert/strict';
import { controlApi, liveVaultUrl, secretClient } from './emulator';

const COUNT = 10_000;

describe('a vault with 10,000 secrets', () => {
  const vault = `kv-large-${Date.now().toString(36)}`;
  let url = '';

  before(async () => {
    const secrets = Array.from({ length: COUNT }, (_, i) => ({
      name: `bulk-${String(i).padStart(5, '0')}`,
      contentType: i % 10 === 0 ? 'text/plain' : undefined,
      versions: [{ value: `value-${i}` }],
    }));
    const result = await controlApi.seed({
      vaults: [{ name: vault, subscription: '51515151-0000-4000-8000-000000000001', resourceGroup: 'rg-large', secrets }],
    });
    assert.equal(result.vaults[0]?.name, vault);
    url = await liveVaultUrl(vault);
  });

  it('lists all 10,000 page by page: 400 pages of 25', async () => {
    const client = secretClient(url);
    let pages = 0;
    let items = 0;
    const seen = new Set<string>();
    for await (const page of client.listPropertiesOfSecrets().byPage()) {
      pages++;
      items += page.length;
      assert.ok(page.length <= 25);
      for (const p of page) seen.add(p.name);
    }
    assert.equal(items, COUNT);
    assert.equal(seen.size, COUNT);
    assert.equal(pages, COUNT / 25);
  });

  it('serves one page per request (the request log shows 400 list calls)', async () => {
    const client = secretClient(url);
    await client.getSecret('bulk-00000'); // complete the auth challenge first
    const { cursor } = await controlApi.requests({ limit: 1 });
    let count = 0;
    for await (const _ of client.listPropertiesOfSecrets()) count++;
    assert.equal(count, COUNT);
    const log = (await controlApi.requests({ vault, sinceId: cursor, method: 'GET' })).requests.filter((e) => e.path === '/secrets');
    assert.equal(log.length, COUNT / 25);
    assert.ok(log.every((e) => e.status === 200));
  });
});
