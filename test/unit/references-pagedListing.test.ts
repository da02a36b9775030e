// src/azure/pagedListing.ts: a listing read only as far as a question needs, one fetch at a time shared by every
// caller, taking in pages listed elsewhere only when they continue it exactly, and stopping at maxPages.
import * as assert from 'node:assert/strict';
import type { Page } from '../../src/azure/model';
import { PagedListing } from '../../src/azure/pagedListing';

const names = Array.from({ length: 10 }, (_, i) => `n${i}`);

/** Pages of 3 names; the token is the index of the next name. */
function pageAt(token: string | undefined): Page<string> {
  const start = token ? Number(token) : 0;
  return { items: names.slice(start, start + 3), ...(start + 3 < names.length ? { continuationToken: String(start + 3) } : {}) };
}

describe('paged listing (as far as needed, pages taken in)', () => {
  let asked: (string | undefined)[];
  const listing = (maxPages = 40) =>
    new PagedListing<string>(
      (token) => {
        asked.push(token);
        return Promise.resolve(pageAt(token));
      },
      (n) => n,
      maxPages,
    );

  beforeEach(() => {
    asked = [];
  });

  it('reads pages until the name shows, and shares each fetch between callers', async () => {
    const l = listing();
    const [a, b, c] = await Promise.all([l.find('n1'), l.find('n4'), l.find('n1')]);
    assert.deepEqual([a, b, c], ['n1', 'n4', 'n1']);
    assert.deepEqual(asked, [undefined, '3']);
    assert.equal(l.complete, false);
    assert.equal(await l.find('none'), undefined);
    assert.deepEqual(asked, [undefined, '3', '6', '9']);
    assert.equal(l.complete, true);
    await l.all();
    assert.equal(asked.length, 4, 'a complete listing asks nothing more');
  });

  it('takes in a first page, then only the page that continues it', () => {
    const l = listing();
    assert.equal(l.offer('3', pageAt('3')), false, 'not before the first page');
    assert.equal(l.offer(undefined, pageAt(undefined)), true);
    assert.equal(l.offer(undefined, pageAt(undefined)), false, 'a second first page');
    assert.equal(l.offer('6', pageAt('6')), false, 'a gap');
    assert.equal(l.offer('3', pageAt('3')), true);
    assert.deepEqual([...l.items.keys()], names.slice(0, 6));
    assert.deepEqual(asked, []);
  });

  it('continues after the pages taken in, and takes none while its own fetch is in flight', async () => {
    const l = listing();
    l.offer(undefined, pageAt(undefined));
    const found = l.find('n7');
    assert.equal(l.offer('3', pageAt('3')), false, 'its own fetch of that page is in flight');
    assert.equal(await found, 'n7');
    assert.deepEqual(asked, ['3', '6']);
  });

  it('stops after maxPages fetched by itself (pages taken in do not count)', async () => {
    const l = listing(2);
    l.offer(undefined, pageAt(undefined));
    assert.equal(await l.find('none'), undefined);
    assert.deepEqual(asked, ['3', '6']);
    assert.equal(l.complete, false);
    assert.equal(l.stopped, true);
  });

  it('a failed fetch rejects its callers and is asked again next time', async () => {
    let fail = true;
    const l = new PagedListing<string>((token) => (fail ? Promise.reject(new Error('down')) : Promise.resolve(pageAt(token))), (n) => n, 40);
    await assert.rejects(l.find('n0'), /down/);
    fail = false;
    assert.equal(await l.find('n0'), 'n0');
  });
});
