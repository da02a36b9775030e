// The reference index (src/azure/referenceLookup.ts) over a fake listing client: one listing answers every
// reference to a vault, deleted objects are listed only for missing names, versions only when pinned, results
// expire and can be invalidated, failures are not cached, a huge vault answers "unknown", pages are read only as
// far as a name needs, and the tree's pages are taken in.
import * as assert from 'node:assert/strict';
import type { DeletedItemProperties, ItemProperties, ObjectKind, Page, PageRequest } from '../../src/azure/model';
import { ReferenceIndex, type ListingClient } from '../../src/azure/referenceLookup';

const day = 24 * 3600 * 1000;
const now = Date.parse('2025-06-01T00:00:00Z');

function item(name: string, extra: Partial<ItemProperties> = {}): ItemProperties {
  return { kind: 'secret', name, id: `https://kv.vault.azure.net/secrets/${name}`, createdOn: new Date(now - 10 * day), ...extra };
}

class FakeVault implements ListingClient {
  calls: string[] = [];
  items: ItemProperties[] = [item('ok'), item('off', { enabled: false }), item('old', { expiresOn: new Date(now - day) }), item('later', { notBefore: new Date(now + day) })];
  deletedItems: DeletedItemProperties[] = [{ ...item('gone'), deletedOn: new Date(now - day), scheduledPurgeDate: new Date(now + 6 * day) }];
  versions: ItemProperties[] = [
    item('ok', { version: 'a'.repeat(32), createdOn: new Date(now - 10 * day) }),
    item('ok', { version: 'b'.repeat(32), createdOn: new Date(now - 20 * day), enabled: false }),
  ];
  pageSize = 2;
  fail = false;

  private paged<T>(all: T[], req: PageRequest): Page<T> {
    const start = req.continuationToken ? Number(req.continuationToken) : 0;
    const next = start + this.pageSize;
    return { items: all.slice(start, next), ...(next < all.length ? { continuationToken: String(next) } : {}) };
  }

  listItems(vaultUrl: string, kind: ObjectKind, req: PageRequest = {}): Promise<Page<ItemProperties>> {
    this.calls.push(`items ${kind} ${req.continuationToken ?? 0}`);
    if (this.fail) return Promise.reject(Object.assign(new Error('denied'), { statusCode: 403 }));
    return Promise.resolve(this.paged(this.items, req));
  }

  listDeleted(vaultUrl: string, kind: ObjectKind, req: PageRequest = {}): Promise<Page<DeletedItemProperties>> {
    this.calls.push(`deleted ${kind}`);
    return Promise.resolve(this.paged(this.deletedItems, req));
  }

  listVersions(vaultUrl: string, kind: ObjectKind, name: string, req: PageRequest = {}): Promise<Page<ItemProperties>> {
    this.calls.push(`versions ${name}`);
    return Promise.resolve(this.paged(this.versions.filter((v) => v.name === name), req));
  }
}

describe('reference index (properties only, cached per vault)', () => {
  let vault: FakeVault;
  let clock: number;
  let index: ReferenceIndex;

  beforeEach(() => {
    vault = new FakeVault();
    clock = now;
    index = new ReferenceIndex(() => Promise.resolve(vault), { now: () => clock, ttlMs: 60_000 });
  });

  const url = 'https://kv.vault.azure.net';

  it('answers every reference to a vault from one listing (all its pages), in parallel too', async () => {
    const states = await Promise.all(['ok', 'OFF', 'old', 'later', 'ok'].map((n) => index.status(url, 'secret', n, undefined, now)));
    assert.deepEqual(states.map((s) => s.state), ['ok', 'disabled', 'expired', 'notYetActive', 'ok']);
    assert.deepEqual(vault.calls, ['items secret 0', 'items secret 2']);
  });

  it('lists deleted objects only for a missing name, and tells deleted from missing', async () => {
    assert.equal((await index.status(url, 'secret', 'ok', undefined, now)).state, 'ok');
    assert.ok(!vault.calls.some((c) => c.startsWith('deleted')));
    const gone = await index.status(url, 'secret', 'gone', undefined, now);
    assert.equal(gone.state, 'deleted');
    assert.equal(gone.state === 'deleted' && gone.deleted.scheduledPurgeDate?.getTime(), now + 6 * day);
    assert.equal((await index.status(url, 'secret', 'never', undefined, now)).state, 'missing');
    assert.equal(vault.calls.filter((c) => c.startsWith('deleted')).length, 1);
  });

  it('looks a pinned version up in the versions of that object only', async () => {
    assert.equal((await index.status(url, 'secret', 'ok', 'A'.repeat(32), now)).state, 'ok');
    assert.equal((await index.status(url, 'secret', 'ok', 'b'.repeat(32), now)).state, 'disabled');
    assert.equal((await index.status(url, 'secret', 'ok', 'c'.repeat(32), now)).state, 'versionMissing');
    assert.equal(vault.calls.filter((c) => c === 'versions ok').length, 1);
    assert.equal((await index.currentVersion(url, 'secret', 'ok'))?.version, 'a'.repeat(32));
  });

  it('lists again after the time to live, or after invalidate (per vault)', async () => {
    // "ok" is on the first page: one request answers it.
    await index.status(url, 'secret', 'ok', undefined, now);
    clock += 30_000;
    await index.status(url, 'secret', 'ok', undefined, now);
    assert.equal(vault.calls.length, 1, 'still cached');
    index.invalidate('https://other.vault.azure.net');
    await index.status(url, 'secret', 'ok', undefined, now);
    assert.equal(vault.calls.length, 1, 'another vault changed');
    index.invalidate('https://KV.vault.azure.net/');
    await index.status(url, 'secret', 'ok', undefined, now);
    assert.equal(vault.calls.length, 2);
    clock += 61_000;
    await index.status(url, 'secret', 'ok', undefined, now);
    assert.equal(vault.calls.length, 3);
  });

  it('reads only as far as a name needs: a name on the first page costs one request, a missing one every page', async () => {
    vault.items = Array.from({ length: 10 }, (_, i) => item(`s${i}`));
    assert.equal((await index.status(url, 'secret', 's1', undefined, now)).state, 'ok');
    assert.deepEqual(vault.calls, ['items secret 0']);
    assert.equal((await index.status(url, 'secret', 's5', undefined, now)).state, 'ok');
    assert.deepEqual(vault.calls, ['items secret 0', 'items secret 2', 'items secret 4']);
    assert.equal((await index.status(url, 'secret', 'nope', undefined, now)).state, 'missing');
    assert.deepEqual(vault.calls.filter((c) => c.startsWith('items')), ['items secret 0', 'items secret 2', 'items secret 4', 'items secret 6', 'items secret 8']);
  });

  it("takes in the tree's pages: a listed first page answers without a request, and the listing continues after the last page taken in", async () => {
    vault.items = Array.from({ length: 6 }, (_, i) => item(`s${i}`));
    const treePage = (token: string | undefined) => {
      const start = token ? Number(token) : 0;
      return { items: vault.items.slice(start, start + 2), ...(start + 2 < vault.items.length ? { continuationToken: String(start + 2) } : {}) };
    };
    index.offer({ vaultUrl: url, of: { kind: 'secret' }, requestToken: undefined, page: treePage(undefined) });
    index.offer({ vaultUrl: 'https://KV.vault.azure.net/', of: { kind: 'secret' }, requestToken: '2', page: treePage('2') });
    // A page that does not continue the listing (a gap) is ignored.
    index.offer({ vaultUrl: url, of: { kind: 'secret' }, requestToken: '6', page: { items: [item('stray')] } });
    assert.equal((await index.status(url, 'secret', 's3', undefined, now)).state, 'ok');
    assert.equal(vault.calls.length, 0, 'answered from the pages the tree listed');
    assert.equal((await index.status(url, 'secret', 'stray', undefined, now)).state, 'missing');
    assert.deepEqual(vault.calls.filter((c) => c.startsWith('items')), ['items secret 4'], 'only the page the tree did not list');
    // A first page when a listing is cached changes nothing; after invalidate it starts the next listing.
    index.offer({ vaultUrl: url, of: { kind: 'secret' }, requestToken: undefined, page: { items: [item('other')] } });
    assert.equal((await index.status(url, 'secret', 'other', undefined, now)).state, 'missing');
    index.invalidate(url);
    index.offer({ vaultUrl: url, of: { kind: 'secret' }, requestToken: undefined, page: { items: [item('fresh')] } });
    assert.equal((await index.status(url, 'secret', 'fresh', undefined, now)).state, 'ok');
    assert.equal(vault.calls.filter((c) => c.startsWith('items')).length, 1);
  });

  it("takes in the tree's deleted and version pages too", async () => {
    index.offer({ vaultUrl: url, of: { kind: 'secret', versionsOf: 'OK' }, requestToken: undefined, page: { items: vault.versions } });
    assert.equal((await index.status(url, 'secret', 'ok', 'b'.repeat(32), now)).state, 'disabled');
    assert.equal((await index.currentVersion(url, 'secret', 'ok'))?.version, 'a'.repeat(32));
    index.offer({ vaultUrl: url, of: { kind: 'secret', deleted: true }, requestToken: undefined, page: { items: vault.deletedItems } });
    assert.equal((await index.status(url, 'secret', 'gone', undefined, now)).state, 'deleted');
    assert.ok(!vault.calls.some((c) => c.startsWith('versions') || c.startsWith('deleted')), vault.calls.join());
  });

  it('says "unknown" when the vault cannot be read, and asks again next time', async () => {
    vault.fail = true;
    const status = await index.status(url, 'secret', 'ok', undefined, now);
    assert.equal(status.state, 'unknown');
    assert.equal(status.state === 'unknown' && status.failure?.kind, 'forbidden');
    vault.fail = false;
    assert.equal((await index.status(url, 'secret', 'ok', undefined, now)).state, 'ok');
  });

  it('stops at maxPages: a name not seen yet is unknown, not missing', async () => {
    vault.items = Array.from({ length: 10 }, (_, i) => item(`s${i}`));
    const capped = new ReferenceIndex(() => Promise.resolve(vault), { now: () => clock, maxPages: 2 });
    assert.equal((await capped.status(url, 'secret', 's1', undefined, now)).state, 'ok');
    assert.equal((await capped.status(url, 'secret', 's9', undefined, now)).state, 'unknown');
    assert.ok(!vault.calls.some((c) => c.startsWith('deleted')));
  });

  it('lists the names for completions', async () => {
    assert.deepEqual((await index.list(url, 'secret')).map((i) => i.name), ['ok', 'off', 'old', 'later']);
  });
});
