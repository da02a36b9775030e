// Issue 21: names, plan, writes and documents of a bulk import (src/model/bulk), with exact counts.
import * as assert from 'node:assert/strict';
import { mapEntries, MAX_SECRET_VALUE_BYTES } from '../../src/model/bulk/mapping';
import { previewMarkdown, reportMarkdown, countsSentence } from '../../src/model/bulk/markdown';
import { planImport, rowsToWrite, type Comparison, type PlanRow } from '../../src/model/bulk/plan';
import type { SourceEntry } from '../../src/model/bulk/source';
import { writeRows, runCounts } from '../../src/model/bulk/write';
import { keyVaultNameOf, secretNameFrom } from '../../src/references/secretNames';

const e = (key: string, value = 'v'): SourceEntry => ({ key, value });

describe('bulk import: names, plan, writes (pure)', () => {
  it('maps keys the way .NET reads them back; flags what cannot be a name or a value', () => {
    assert.equal(keyVaultNameOf('ConnectionStrings:Db'), 'ConnectionStrings--Db');
    assert.equal(keyVaultNameOf('Logging__LogLevel__Default'), 'Logging--LogLevel--Default');
    assert.equal(keyVaultNameOf('spring.datasource.password'), 'spring-datasource-password');
    assert.equal(keyVaultNameOf('___'), '');
    assert.equal(secretNameFrom('___'), 'moved-secret', 'Move to Key Vault keeps its fallback');
    assert.equal(secretNameFrom('x'.repeat(200)).length, 127);
    const mapped = mapEntries([e('___'), e('K'.repeat(128)), e('EMPTY', ''), e('BIG', 'x'.repeat(MAX_SECRET_VALUE_BYTES + 1)), e('FITS', 'é'.repeat(MAX_SECRET_VALUE_BYTES / 2)), e('OK')]);
    assert.deepEqual(mapped.map((m) => m.problem?.kind ?? 'ok'), ['emptyName', 'nameTooLong', 'emptyValue', 'valueTooLarge', 'ok', 'ok']);
  });

  it('flags collisions case-insensitively, on every key that shares the name', () => {
    const mapped = mapEntries([e('API_KEY'), e('api-key'), e('Db:Password'), e('Db__Password'), e('Db__Password2'), e('Other')]);
    assert.deepEqual(mapped.map((m) => m.collidesWith ?? []), [['api-key'], ['API_KEY'], ['Db__Password'], ['Db:Password'], [], []]);
  });

  it('plans new / changed / unchanged / invalid / collision / blocked from one listing, comparing each existing name once', async () => {
    const entries = [e('NEW_ONE'), e('SAME', 'x'), e('DIFF', 'y'), e(''), e('A_B'), e('a-b'), e('GONE'), e('OFF'), e('CERT'), e('case_name', 'x')];
    const compared: string[] = [];
    const plan = await planImport(mapEntries(entries), {
      active: [{ name: 'SAME' }, { name: 'DIFF' }, { name: 'OFF', enabled: false }, { name: 'CERT', managed: true }, { name: 'Case-Name' }],
      deleted: ['gone'],
    }, (m, vaultName): Promise<Comparison> => {
      compared.push(vaultName);
      return Promise.resolve(entries[m.index]!.value === 'x');
    });
    assert.deepEqual(plan.rows.map((r) => r.status), ['new', 'unchanged', 'changed', 'invalid', 'collision', 'collision', 'blocked', 'blocked', 'blocked', 'unchanged']);
    assert.deepEqual(plan.rows.map((r) => r.blocked ?? ''), ['', '', '', '', '', '', 'deleted', 'disabled', 'certificate', '']);
    assert.equal(plan.rows[9]!.name, 'Case-Name', "the vault's spelling of a name that exists in another case");
    assert.deepEqual(compared.sort(), ['Case-Name', 'DIFF', 'SAME']);
    assert.deepEqual(plan.counts, { new: 1, changed: 1, unchanged: 2, invalid: 1, collision: 2, blocked: 3 });
    assert.deepEqual(rowsToWrite(plan).map((r) => r.key), ['NEW_ONE', 'DIFF']);
  });

  it('a comparison that cannot read the value blocks the row and says why', async () => {
    const plan = await planImport(mapEntries([e('X')]), { active: [{ name: 'X' }], deleted: [] }, () => Promise.resolve({ unreadable: 'forbidden' }));
    assert.equal(plan.rows[0]!.status, 'blocked');
    assert.match(previewMarkdown({ title: 't' }, plan), /could not be read to compare: forbidden/);
  });

  it('writes at most 4 at a time; a stop sends nothing more, lets the writes in flight finish, and every row has an outcome', async () => {
    const rows: PlanRow[] = Array.from({ length: 20 }, (_, i) => ({ index: i, key: `K${i}`, name: `K${i}`, status: 'new' }));
    let inFlight = 0;
    let most = 0;
    let stop = false;
    const run = await writeRows(rows, async (row) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      if (row.index === 7) stop = true;
      if (row.index === 3) return { status: 'failed', reason: 'nope' };
      return { status: 'written' };
    }, { concurrency: 10, shouldStop: () => stop });
    assert.equal(most, 4);
    assert.ok(run.stopped);
    const by = (s: string) => run.outcomes.filter((o) => o.status === s).map((o) => o.row.index);
    assert.deepEqual(by('failed'), [3]);
    // Rows 0–7 had started when row 7 finished (4 in flight: 4–7 after 0–3), and the ones in flight finish too.
    assert.deepEqual([...by('written'), ...by('failed')].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(by('notSent'), [11, 12, 13, 14, 15, 16, 17, 18, 19]);
    assert.deepEqual(runCounts(rows, run.outcomes), { written: 10, unchanged: 0, skipped: 0, failed: 1, unknown: 0, notSent: 9 });
  });

  it('an unknown outcome is reported as such; a throwing write is a failure with its message; a stop from the start sends nothing', async () => {
    const rows: PlanRow[] = Array.from({ length: 4 }, (_, i) => ({ index: i, key: `K${i}`, name: `K${i}`, status: 'changed' }));
    const run = await writeRows(rows, (row) => (row.index === 0 ? Promise.reject(new Error('boom')) : Promise.resolve(row.index === 1 ? { status: 'unknown', reason: 'lost' } : { status: 'written' })), { concurrency: 1, shouldStop: () => false });
    assert.deepEqual(run.outcomes.map((o) => o.status), ['failed', 'unknown', 'written', 'written']);
    assert.equal(run.stopped, false);
    const none = await writeRows(rows, () => assert.fail('nothing is sent'), { shouldStop: () => true });
    assert.deepEqual(none.outcomes.map((o) => o.status), ['notSent', 'notSent', 'notSent', 'notSent']);
    assert.equal(run.outcomes[0]!.reason, 'boom');
  });

  it('documents: counts per status and one row per entry, no value anywhere, Markdown escaped', async () => {
    const entries = [e('DB|PASS', 'VALUE-ONE'), e('OLD', 'VALUE-TWO'), e('', 'VALUE-THREE')];
    const plan = await planImport(mapEntries(entries), { active: [{ name: 'OLD' }], deleted: [] }, () => Promise.resolve(false));
    const preview = previewMarkdown({ title: 'Import into kv-one from .env', passedOver: [{ key: 'REF', reason: 'already a Key Vault reference' }] }, plan);
    assert.match(preview, /\| new +\| +1 \|/);
    assert.match(preview, /\| changed +\| +1 \|/);
    assert.match(preview, /\| invalid +\| +1 \|/);
    assert.match(preview, /\| `DB\\\|PASS` +\| `DB-PASS` +\| new +\|/);
    assert.match(preview, /- `REF`: already a Key Vault reference/);
    const run = await writeRows(rowsToWrite(plan), (row) => Promise.resolve(row.key === 'OLD' ? { status: 'failed', reason: 'Forbidden' } : { status: 'written' }), { shouldStop: () => false });
    const report = reportMarkdown({ title: 'Import' }, plan, run);
    assert.match(report, /\| `DB\\\|PASS` +\| `DB-PASS` +\| written \(new\) +\|/);
    assert.match(report, /\| `OLD` +\| `OLD` +\| failed +\| Forbidden +\|/);
    assert.match(report, /\| skipped +\| +1 \|/);
    assert.equal(countsSentence(plan, run), 'written 1, unchanged 0, skipped 1, failed 1');
    for (const doc of [preview, report]) assert.ok(!/VALUE-/.test(doc));
  });
});
