// Issue 21 (compare and sync): the pure comparison of two vaults' listings (src/model/bulk/compare.ts), its report
// (compareMarkdown.ts) and which secrets a sync copies — exact rows for seeded differences.
import * as assert from 'node:assert/strict';
import { certificateDifferences, compareKind, keyDifferences, onlyInTarget, sortRows, syncCandidates, type DeepResult, type ListedItem } from '../../src/model/bulk/compare';
import { compareMarkdown, rowDifferences } from '../../src/model/bulk/compareMarkdown';

const day = (s: string) => new Date(`${s}T00:00:00Z`);

const A: ListedItem[] = [
  { name: 'only-a' },
  { name: 'value-diff' },
  { name: 'ctype-diff', contentType: 'text/plain' },
  { name: 'tags-diff', tags: { env: 'dev', team: 'x' } },
  { name: 'expiry-diff', expiresOn: day('2030-01-01') },
  { name: 'disabled-both', enabled: false },
  { name: 'disabled-a', enabled: false },
  { name: 'Same' },
  { name: 'unreadable' },
  { name: 'cert-secret', managed: true },
];
const B: ListedItem[] = [
  { name: 'value-diff' },
  { name: 'ctype-diff', contentType: 'application/json' },
  { name: 'tags-diff', tags: { env: 'prod', team: 'x' } },
  { name: 'expiry-diff', expiresOn: day('2031-06-30') },
  { name: 'disabled-both', enabled: false },
  { name: 'disabled-a' },
  { name: 'same' },
  { name: 'only-b' },
  { name: 'unreadable' },
  { name: 'cert-secret', managed: true },
];
/** The values each vault holds (the deep comparison's in-memory reads). */
const valuesA: Record<string, string> = { 'value-diff': '1', 'ctype-diff': 'v', 'tags-diff': 'v', 'expiry-diff': 'v', Same: 'v' };
const valuesB: Record<string, string> = { 'value-diff': '2', 'ctype-diff': 'v', 'tags-diff': 'v', 'expiry-diff': 'v', same: 'v' };

describe('bulk compare and sync (pure)', () => {
  it('lists only-in-A, only-in-B, differs, not compared and same with exactly the seeded differences; reads each pair once', async () => {
    const asked: string[] = [];
    const deep = (a: ListedItem, b: ListedItem): Promise<DeepResult> => {
      asked.push(`${a.name}/${b.name}`);
      if (a.name === 'unreadable') return Promise.resolve({ unreadable: 'Forbidden' });
      return Promise.resolve(valuesA[a.name] === valuesB[b.name] ? [] : [{ what: 'value' }]);
    };
    const result = await compareKind('secret', A, B, deep);
    assert.deepEqual(asked.sort(), ['Same/same', 'ctype-diff/ctype-diff', 'expiry-diff/expiry-diff', 'tags-diff/tags-diff', 'unreadable/unreadable', 'value-diff/value-diff'], 'disabled pairs are not read');
    assert.equal(result.managed, 2);
    assert.deepEqual(result.counts, { onlyInA: 1, onlyInB: 1, differs: 5, unverified: 2, same: 1 });
    assert.deepEqual(
      result.rows.map((r) => [r.name, r.status, r.differences.map((d) => `${d.what}${d.a !== undefined ? `:${d.a}` : ''}${d.b !== undefined ? `/${d.b}` : ''}`), r.notCompared?.reason ?? '']),
      [
        ['only-a', 'onlyInA', [], ''],
        ['only-b', 'onlyInB', [], ''],
        ['ctype-diff', 'differs', ['contentType:text/plain/application/json'], ''],
        ['disabled-a', 'differs', ['enabled:disabled/enabled'], 'disabled'],
        ['expiry-diff', 'differs', ['expiry:2030-01-01/2031-06-30'], ''],
        ['tags-diff', 'differs', ['tags:env'], ''],
        ['value-diff', 'differs', ['value'], ''],
        ['disabled-both', 'unverified', [], 'disabled'],
        ['unreadable', 'unverified', [], 'unreadable'],
        ['Same', 'same', [], ''],
      ],
    );
    const same = result.rows.find((r) => r.name === 'Same');
    assert.equal(same?.nameInB, 'same', 'names match ignoring case; B keeps its spelling');
    assert.equal(rowDifferences(result.rows.find((r) => r.name === 'disabled-both')!), 'value not compared (disabled)');
    assert.equal(rowDifferences(result.rows.find((r) => r.name === 'disabled-a')!), 'enabled (disabled / enabled); value not compared (disabled)');

    // A sync from A to B copies only-in-A and the differing ones enabled in A; B's own are offered for soft-delete.
    assert.deepEqual(syncCandidates(result.rows).map((r) => r.name), ['only-a', 'ctype-diff', 'expiry-diff', 'tags-diff', 'value-diff']);
    assert.deepEqual(onlyInTarget(result.rows).map((r) => r.name), ['only-b']);
    assert.deepEqual(sortRows(result.rows, 'name').map((r) => r.name), ['ctype-diff', 'disabled-a', 'disabled-both', 'expiry-diff', 'only-a', 'only-b', 'Same', 'tags-diff', 'unreadable', 'value-diff']);
  });

  it('keys: type and size or curve; certificates: subject and thumbprint', async () => {
    assert.deepEqual(keyDifferences({ keyType: 'RSA', keySize: 2048 }, { keyType: 'RSA', keySize: 2048 }), []);
    assert.deepEqual(keyDifferences({ keyType: 'RSA', keySize: 2048 }, { keyType: 'RSA-HSM', keySize: 3072 }), [{ what: 'keyType', a: 'RSA', b: 'RSA-HSM' }, { what: 'keySize', a: '2048', b: '3072' }]);
    assert.deepEqual(keyDifferences({ keyType: 'EC', curve: 'P-256' }, { keyType: 'EC', curve: 'P-384' }), [{ what: 'keySize', a: 'P-256', b: 'P-384' }]);
    assert.deepEqual(certificateDifferences({ subject: 'CN=a', thumbprint: 'AB12' }, { subject: 'CN=a', thumbprint: 'ab12' }), []);
    assert.deepEqual(certificateDifferences({ subject: 'CN=a', thumbprint: 'AB12' }, { subject: 'CN=b', thumbprint: 'CD34' }), [{ what: 'subject', a: 'CN=a', b: 'CN=b' }, { what: 'thumbprint', a: 'AB12', b: 'CD34' }]);
    // Keys are compared deeper even when one side is disabled (a key's type can be read).
    const keys = await compareKind('key', [{ name: 'k', enabled: false }], [{ name: 'k' }], () => Promise.resolve([{ what: 'keySize', a: '2048', b: '4096' }]), { deepWhenDisabled: true });
    assert.deepEqual(keys.rows.map((r) => [r.status, r.differences.map((d) => d.what), r.notCompared]), [['differs', ['enabled', 'keySize'], undefined]]);
  });

  it('the report: a section per kind with counts, padded rows sorted as chosen, no value', async () => {
    const secrets = await compareKind('secret', A, B, (a, b) => Promise.resolve(valuesA[a.name] === valuesB[b.name] ? [] : [{ what: 'value' }]));
    const keys = await compareKind('key', [], [], () => Promise.resolve([]));
    const text = compareMarkdown({ a: 'kv-a', b: 'kv-b', order: 'difference' }, [secrets, keys]);
    assert.match(text, /^# Compare kv-a with kv-b$/m);
    assert.match(text, /^## Secrets$/m);
    assert.match(text, /^\| only in kv-a +\| +1 \|$/m);
    assert.match(text, /^\| differs +\| +5 \|$/m);
    assert.match(text, /^\| `value-diff` +\| differs +\| value differs +\|$/m);
    assert.match(text, /^\| `disabled-both` +\| not compared +\| value not compared \(disabled\) +\|$/m);
    assert.match(text, /2 items that belong to certificates are compared with their certificates/);
    assert.match(text, /## Keys\n\n[^#]*Neither vault holds any\./);
    const order = (t: string) => [...t.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(order(text).slice(0, 3), ['only-a', 'only-b', 'ctype-diff']);
    assert.deepEqual(order(compareMarkdown({ a: 'kv-a', b: 'kv-b', order: 'name' }, [secrets])).slice(0, 3), ['ctype-diff', 'disabled-a', 'disabled-both']);
    for (const v of ['"1"', '"2"']) assert.ok(!text.includes(v));
  });
});
