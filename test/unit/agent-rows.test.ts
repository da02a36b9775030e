// What the agent tools answer (src/commands/agent/rows.ts): one line per object with names and metadata only,
// bounded rows and characters, name and tag filters, the expiry window.
import * as assert from 'node:assert/strict';
import type { ItemProperties } from '../../src/azure/model';
import { bounded, expiringWithin, itemRow, joinBounded, nameMatches, tagMatches } from '../../src/commands/agent/rows';

const now = Date.parse('2026-12-06T12:00:00Z');
const day = 86_400_000;
const item = (name: string, extra: Partial<ItemProperties> = {}): ItemProperties => ({ kind: 'secret', name, id: `https://v.vault.azure.net/secrets/${name}`, ...extra });

describe('agent tools: answers', () => {
  it('one line per object: state, content type, expiry in days, tags, never anything else', () => {
    const row = itemRow(item('db', { enabled: true, contentType: 'text/plain', expiresOn: new Date(now + 5 * day), tags: { env: 'prod' }, updatedOn: new Date(now - day) }), now);
    assert.equal(row, '- secret "db" — enabled, content type text/plain, expires 2026-12-11 (in 5 days), tags env=prod, updated 2026-12-05');
    assert.equal(itemRow(item('old', { enabled: false, expiresOn: new Date(now - 2 * day) }), now, 'kv'), '- secret "old" in vault kv — disabled, expired 2026-12-04 (2 days ago)');
    assert.match(itemRow(item('k', { kind: 'key', keyType: 'RSA', managed: true }), now), /key type RSA, managed by the certificate/);
  });

  it('bounds tag text', () => {
    const tags = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${i}`, 'x'.repeat(100)]));
    const row = itemRow(item('many', { tags }), now);
    assert.match(row, /, … 2 more/);
    assert.ok(!row.includes('x'.repeat(61)));
  });

  it('caps rows and says how many were left out; cuts long answers on a line', () => {
    assert.deepEqual(bounded(['a', 'b', 'c'], 2, 'use a filter'), ['a', 'b', '… 1 more not shown (use a filter).']);
    assert.deepEqual(bounded(['a'], 2), ['a']);
    const text = joinBounded(Array.from({ length: 100 }, () => 'y'.repeat(99)), 1000);
    assert.ok(text.length <= 1100);
    assert.match(text, /… answer cut: 90 more lines not shown/);
  });

  it('filters by part of the name and by tag (key, or key=value)', () => {
    assert.ok(nameMatches('Agent-DB-Password', 'db-pass'));
    assert.ok(!nameMatches('api', 'db'));
    assert.ok(nameMatches('api', undefined));
    assert.ok(tagMatches({ Env: 'prod' }, 'env'));
    assert.ok(tagMatches({ env: 'prod' }, 'env=prod'));
    assert.ok(!tagMatches({ env: 'prod' }, 'env=dev'));
    assert.ok(!tagMatches(undefined, 'env'));
  });

  it('expiring within N days: expired too, soonest first, certificate-managed objects left out', () => {
    const items = [
      item('later', { expiresOn: new Date(now + 20 * day) }),
      item('soon', { expiresOn: new Date(now + 3 * day) }),
      item('gone', { expiresOn: new Date(now - day) }),
      item('managed', { expiresOn: new Date(now + day), managed: true }),
      item('never'),
    ];
    assert.deepEqual(expiringWithin(items, now, 10).map((i) => i.name), ['gone', 'soon']);
    assert.deepEqual(expiringWithin(items, now, 0).map((i) => i.name), ['gone']);
  });
});
