import * as assert from 'node:assert/strict';
import type { ItemProperties, ObjectKind, Page, PageRequest } from '../../src/azure/model';
import { MAX_PAGES_PER_KIND, MAX_PARALLEL_VAULTS, scanExpiring } from '../../src/commands/expiry/expiringScan';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const item = (kind: ObjectKind, name: string, extra: Partial<ItemProperties> = {}): ItemProperties => ({ kind, name, id: `https://v/${kind}s/${name}`, ...extra });

/** A fake vault lister: items per vault and kind, pages of `size`, counting calls and concurrency. */
function lister(data: Record<string, Partial<Record<ObjectKind, ItemProperties[]>>>, size = 25, fail?: (url: string, kind: ObjectKind) => boolean) {
  const stats = { calls: 0, active: 0, maxActive: 0 };
  const list = async (url: string, kind: ObjectKind, req: PageRequest): Promise<Page<ItemProperties>> => {
    stats.calls++;
    stats.active++;
    stats.maxActive = Math.max(stats.maxActive, stats.active);
    await new Promise((r) => setImmediate(r));
    stats.active--;
    if (fail?.(url, kind)) throw Object.assign(new Error('forbidden'), { statusCode: 403 });
    const all = data[url]?.[kind] ?? [];
    const start = Number(req.continuationToken ?? 0);
    const next = start + size;
    return { items: all.slice(start, next), ...(next < all.length ? { continuationToken: String(next) } : {}) };
  };
  return { list, stats };
}

describe('Expiring Soon scan (src/commands/expiry/expiringScan)', () => {
  it('finds expired and expiring objects of every kind, soonest first, skipping certificate-owned ones', async () => {
    const { list, stats } = lister({
      v1: {
        secret: [item('secret', 's-ok', { expiresOn: new Date(NOW + 90 * DAY) }), item('secret', 's-soon', { expiresOn: new Date(NOW + 3 * DAY) }), item('secret', 'c1', { managed: true, expiresOn: new Date(NOW - DAY) })],
        key: [item('key', 'k-old', { expiresOn: new Date(NOW - 2 * DAY) }), item('key', 'k-off', { enabled: false, expiresOn: new Date(NOW + DAY) })],
        certificate: [item('certificate', 'c1', { expiresOn: new Date(NOW - DAY) })],
      },
      v2: { certificate: [item('certificate', 'c2', { expiresOn: new Date(NOW + 20 * DAY) })] },
    });
    const result = await scanExpiring([{ name: 'one', vaultUrl: 'v1' }, { name: 'two', vaultUrl: 'v2' }], list, { now: NOW, warningDays: 30 });
    assert.deepEqual(result.entries.map((e) => `${e.vault.name}/${e.kind}/${e.name}/${e.state}`), ['one/key/k-old/expired', 'one/certificate/c1/expired', 'one/secret/s-soon/expiring', 'two/certificate/c2/expiring']);
    assert.equal(result.requests, 6, 'one list request per kind per vault here');
    assert.equal(stats.calls, 6);
    assert.deepEqual(result.rollups.get('v1'), {
      secret: { expired: 0, expiring: 1, disabled: 0, notYetActive: 0 },
      key: { expired: 1, expiring: 0, disabled: 1, notYetActive: 0 },
      certificate: { expired: 1, expiring: 0, disabled: 0, notYetActive: 0 },
    });
  });

  it('asks a vault only for the kinds it holds (a Managed HSM: keys)', async () => {
    const { list, stats } = lister({ hsm: { key: [item('key', 'k-soon', { expiresOn: new Date(NOW + 2 * DAY) })] } });
    const result = await scanExpiring([{ name: 'hsm', vaultUrl: 'hsm' }], list, { now: NOW, warningDays: 30, kinds: () => ['key'] });
    assert.deepEqual(result.entries.map((e) => `${e.kind}/${e.name}`), ['key/k-soon']);
    assert.deepEqual([result.requests, stats.calls, result.failures.length], [1, 1, 0]);
  });

  it('pages through every listing (⌈n/25⌉ requests), stops at the page cap and says so', async () => {
    const many = Array.from({ length: 60 }, (_, i) => item('secret', `s${i}`, { expiresOn: new Date(NOW + DAY) }));
    const { list } = lister({ v: { secret: many } });
    const result = await scanExpiring([{ name: 'v', vaultUrl: 'v' }], list, { now: NOW, warningDays: 30 });
    assert.equal(result.entries.length, 60);
    assert.equal(result.requests, 3 + 1 + 1);
    const huge = Array.from({ length: (MAX_PAGES_PER_KIND + 2) * 2 }, (_, i) => item('key', `k${i}`));
    const capped = await scanExpiring([{ name: 'h', vaultUrl: 'h' }], lister({ h: { key: huge } }, 2).list, { now: NOW, warningDays: 30 });
    assert.deepEqual(capped.truncated.map((v) => v.name), ['h']);
    assert.equal(capped.requests, MAX_PAGES_PER_KIND + 2);
  });

  it('reports a vault that refuses and goes on; at most 4 vaults at a time; stops when aborted', async () => {
    const vaults = Array.from({ length: 10 }, (_, i) => ({ name: `v${i}`, vaultUrl: `v${i}` }));
    const { list, stats } = lister({}, 25, (url, kind) => url === 'v3' && kind === 'key');
    const result = await scanExpiring(vaults, list, { now: NOW, warningDays: 30 });
    assert.deepEqual(result.failures.map((f) => `${f.vault.name}/${f.kind}`), ['v3/key']);
    assert.equal(result.rollups.size, 10);
    assert.ok(stats.maxActive <= MAX_PARALLEL_VAULTS, String(stats.maxActive));
    const controller = new AbortController();
    controller.abort();
    const aborted = await scanExpiring(vaults, list, { now: NOW, warningDays: 30, signal: controller.signal });
    assert.equal(aborted.requests, 0);
  });
});
