// Issue 21 (compare and sync) inside VS Code against the emulator. Two vaults of a subscription of the suite's own,
// seeded with known differences — a secret only in A, one only in B, a value, a content type and tags that differ, a
// secret disabled in both, one the same; keys of the same and of another size, one only in A; certificates of the
// same and of another subject, one only in B. Compare Vaults (two selected rows, then one row and a picked vault)
// lists exactly those — in the returned report and in the document — with one listing per vault per kind and one GET
// per vault per name compared. Its "Sync…" copies exactly the differing secrets (the target's values and attributes
// checked through the emulator), the soft-delete option left unticked deletes nothing, and a second sync writes
// nothing. The canaries in every value are in no log, state, file or text shown.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { BulkCommandIds as Ids } from '../../../src/model/commandIds';
import type { NoticeAction } from '../../../src/platform/ui';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, hasVault, logCursor, requestsSince, runKeepingActions, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Compare E2E';
const SUBSCRIPTION_ID = 'e2e21000-0000-4000-8000-0000000000c2';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const A = 'kv-cmp-a';
const B = 'kv-cmp-b';
const C = 'kv-cmp-c';
const CANARY = `CANARY-CMP-${randomUUID()}`;

async function seed(): Promise<void> {
  if (await hasVault(A)) return;
  const vault = (name: string, content: object) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-compare', location: 'westeurope', enableRbacAuthorization: true, softDeleteRetentionInDays: 7, ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(A, {
        secrets: [
          { name: 'only-a', versions: [{ value: `${CANARY}-only-a` }] },
          { name: 'value-diff', versions: [{ value: `${CANARY}-value-a` }] },
          { name: 'ctype-diff', versions: [{ value: `${CANARY}-ctype`, contentType: 'text/plain' }] },
          { name: 'tags-diff', versions: [{ value: `${CANARY}-tags`, tags: { env: 'dev', team: 'payments' } }] },
          { name: 'disabled', versions: [{ value: `${CANARY}-disabled`, enabled: false }] },
          { name: 'same', versions: [{ value: `${CANARY}-same`, contentType: 'text/plain', tags: { team: 'payments' } }] },
        ],
        keys: [{ name: 'key-same', kty: 'RSA', size: 2048 }, { name: 'key-size', kty: 'RSA', size: 2048 }, { name: 'key-only-a', kty: 'EC', curve: 'P-256' }],
        certificates: [{ name: 'cert-both', subject: 'CN=both.compare.e2e' }, { name: 'cert-subject', subject: 'CN=a.compare.e2e' }],
      }),
      vault(B, {
        secrets: [
          { name: 'only-b', versions: [{ value: `${CANARY}-only-b` }] },
          { name: 'value-diff', versions: [{ value: `${CANARY}-value-b` }] },
          { name: 'ctype-diff', versions: [{ value: `${CANARY}-ctype`, contentType: 'application/json' }] },
          { name: 'tags-diff', versions: [{ value: `${CANARY}-tags`, tags: { env: 'prod', team: 'payments' } }] },
          { name: 'disabled', versions: [{ value: `${CANARY}-disabled`, enabled: false }] },
          { name: 'same', versions: [{ value: `${CANARY}-same`, contentType: 'text/plain', tags: { team: 'payments' } }] },
        ],
        keys: [{ name: 'key-same', kty: 'RSA', size: 2048 }, { name: 'key-size', kty: 'RSA', size: 3072 }],
        certificates: [{ name: 'cert-both', subject: 'CN=both.compare.e2e' }, { name: 'cert-subject', subject: 'CN=b.compare.e2e' }, { name: 'cert-only-b', subject: 'CN=only-b.compare.e2e' }],
      }),
      vault(C, { secrets: [{ name: 'extra-c', versions: [{ value: `${CANARY}-extra-c` }] }] }),
    ],
  });
}

interface Row {
  kind: string;
  name: string;
  status: string;
  differences: { what: string; a?: string; b?: string }[];
  notCompared?: { reason: string };
}
interface CompareReport {
  a: string;
  b: string;
  order: string;
  kinds: { kind: string; rows: Row[]; counts: Record<string, number>; managed: number }[];
}
interface SyncReport {
  vault: string;
  source: string;
  confirmed: boolean;
  plan: Record<string, number>;
  rows: { name: string; status: string; outcome?: string }[];
  deleted: { name: string; outcome: string }[];
}

/** A kind's rows as `name status what…` lines (a certificate's validity dates aside: each vault generates its own, maybe a second apart). */
const lines = (report: CompareReport, kind: string) =>
  (report.kinds.find((k) => k.kind === kind)?.rows ?? assert.fail(`no ${kind} section`)).map((r) =>
    [r.name, r.status, ...r.differences.filter((d) => !(kind === 'certificate' && (d.what === 'expiry' || d.what === 'activation'))).map((d) => d.what), ...(r.notCompared ? [`not compared (${r.notCompared.reason})`] : [])].join(' '),
  );

describe('issue 21: compare and sync — Compare Vaults and Sync Secrets to Another Vault (emulator)', function () {
  this.timeout(300_000);
  let w: ScriptedWorld;
  let syncAction: NoticeAction | undefined;
  const document = (fragment: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'keyvault' && decodeURIComponent(d.uri.path).includes(fragment))?.getText() ?? assert.fail(`no document ${fragment}`);

  const run = <T>(id: string, ...args: unknown[]) => runKeepingActions<T>(w, id, ...args);

  /** `METHOD path` of a vault's answered requests since `since` (the auth challenge's 401s aside), query and trailing slash dropped, sorted. */
  async function requests(since: number, vault: string): Promise<string[]> {
    return (await requestsSince(since, vault)).filter((r) => !r.startsWith('401 ')).map((r) => r.replace(/^\d+ /, '').replace(/\?.*$/, '').replace(/\/$/, '')).sort();
  }

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('two selected vault rows: the report lists exactly the seeded differences, with one listing per vault per kind and one GET per vault per name compared', async () => {
    w.script.script({ picks: ['By difference'] });
    const since = await logCursor();
    const [rowA, rowB] = [await w.node(A), await w.node(B)];
    const report = (await run<CompareReport>(Ids.compareVaults, rowA, [rowA, rowB])).result;
    assert.equal(report.a, A);
    assert.equal(report.b, B);
    assert.deepEqual(report.kinds.map((k) => k.kind), ['secret', 'key', 'certificate']);
    assert.deepEqual(lines(report, 'secret'), [
      'only-a onlyInA',
      'only-b onlyInB',
      'ctype-diff differs contentType',
      'tags-diff differs tags',
      'value-diff differs value',
      'disabled unverified not compared (disabled)',
      'same same',
    ]);
    assert.deepEqual(lines(report, 'key'), ['key-only-a onlyInA', 'key-size differs keySize', 'key-same same']);
    assert.deepEqual(lines(report, 'certificate'), ['cert-only-b onlyInB', 'cert-both differs thumbprint', 'cert-subject differs subject thumbprint']);
    const secrets = report.kinds[0]!;
    assert.deepEqual(secrets.counts, { onlyInA: 1, onlyInB: 1, differs: 3, unverified: 1, same: 1 });
    assert.equal(secrets.managed, 5, "the certificates' own secrets are left to the certificates");
    assert.deepEqual(secrets.rows.find((r) => r.name === 'ctype-diff')?.differences, [{ what: 'contentType', a: 'text/plain', b: 'application/json' }]);
    assert.deepEqual(secrets.rows.find((r) => r.name === 'tags-diff')?.differences, [{ what: 'tags', a: 'env' }]);

    // The document: counts per kind, padded rows by difference; no value.
    const text = document(`/${A}/bulk/compare ${A} with ${B}.md`);
    assert.match(text, new RegExp(`^# Compare ${A} with ${B}$`, 'm'));
    assert.match(text, new RegExp(`^\\| only in ${A} +\\| +1 \\|$`, 'm'));
    assert.match(text, /^\| differs +\| +3 \|$/m);
    assert.match(text, /^\| `value-diff` +\| differs +\| value differs +\|$/m);
    assert.match(text, /^\| `ctype-diff` +\| differs +\| content type \(text\/plain \/ application\/json\) +\|$/m);
    assert.match(text, /^\| `tags-diff` +\| differs +\| tags \(env\) +\|$/m);
    assert.match(text, /^\| `disabled` +\| not compared +\| value not compared \(disabled\) +\|$/m);
    assert.match(text, /^\| `key-size` +\| differs +\| size \(2048 \/ 3072\) +\|$/m);
    assert.match(text, /^\| `cert-subject` +\| differs +\| [^|]*subject \(CN=a\.compare\.e2e \/ CN=b\.compare\.e2e\)/m);
    const secretSection = text.slice(text.indexOf('## Secrets'), text.indexOf('## Keys'));
    assert.deepEqual([...secretSection.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]), ['only-a', 'only-b', 'ctype-diff', 'tags-diff', 'value-diff', 'disabled', 'same']);
    assert.ok(!text.includes(CANARY));
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Compared ${A} with ${B}\\. Secrets: only in ${A} 1, only in ${B} 1, differs 3, not compared 1, same 1\\.`));

    // Requests: one listing per vault per kind, one GET per vault per name compared (the disabled secret is not read); nothing written.
    const reads = ['GET /certificates', 'GET /certificates/cert-both', 'GET /certificates/cert-subject', 'GET /keys', 'GET /keys/key-same', 'GET /keys/key-size', 'GET /secrets', 'GET /secrets/ctype-diff', 'GET /secrets/same', 'GET /secrets/tags-diff', 'GET /secrets/value-diff'];
    assert.deepEqual(await requests(since, A), reads);
    assert.deepEqual(await requests(since, B), reads);
  });

  it('one vault row and a picked vault, sorted by name; its "Sync…" copies exactly the differing secrets, the soft-delete option unticked deletes nothing', async () => {
    w.script.script({ picks: [B, 'By name'] });
    const { result, actions } = await run<CompareReport>(Ids.compareVaults, await w.node(A));
    assert.equal(result.order, 'name');
    const secretSection = (t: string) => t.slice(t.indexOf('## Secrets'), t.indexOf('## Keys'));
    assert.deepEqual([...secretSection(document(`/${A}/bulk/compare ${A} with ${B}.md`)).matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]), ['ctype-diff', 'disabled', 'only-a', 'only-b', 'same', 'tags-diff', 'value-diff']);
    syncAction = actions.find((a) => a.title === 'Sync…') ?? assert.fail(`actions: ${actions.map((a) => a.title).join(', ')}`);

    // Sync…: the pick offers the four differing secrets (ticked) and the soft-delete of only-b (unticked); it stays unticked.
    w.script.script({ many: [['only-a', 'value-diff', 'ctype-diff', 'tags-diff']], confirms: ['Write 4 Secrets'] });
    const since = await logCursor();
    const sync = (await syncAction.run()) as SyncReport;
    const offered = w.script.shown.find((s) => s.startsWith(`Copy which secrets of ${A} to ${B}?`)) ?? assert.fail('no pick');
    assert.match(offered, /only-a only in kv-cmp-a \| ctype-diff content type \(text\/plain \/ application\/json\) \| tags-diff tags \(env\) \| value-diff value differs \| Also soft-delete 1 secrets that exist only in kv-cmp-b/);
    assert.equal(w.script.confirms.at(-1)?.message, `Write 4 secrets (1 new, 3 changed) to vault ${B}?`);
    assert.deepEqual(sync.plan, { new: 1, changed: 3, unchanged: 0, invalid: 0, collision: 0, blocked: 0 });
    assert.deepEqual(sync.rows.map((r) => `${r.name} ${r.status} ${r.outcome ?? ''}`), ['only-a new written', 'ctype-diff changed written', 'tags-diff changed written', 'value-diff changed written']);
    assert.deepEqual(sync.deleted, []);
    // The source read once per copied secret (no listing: the comparison was handed over); the target written once each, nothing deleted.
    assert.deepEqual(await requests(since, A), ['GET /secrets/ctype-diff', 'GET /secrets/only-a', 'GET /secrets/tags-diff', 'GET /secrets/value-diff']);
    assert.deepEqual(await requests(since, B), ['PUT /secrets/ctype-diff', 'PUT /secrets/only-a', 'PUT /secrets/tags-diff', 'PUT /secrets/value-diff']);
    assert.match(document(`/${B}/bulk/sync from ${A} (preview).md`), /Each is written as a new version with kv-cmp-a's current value, content type, tags, activation and expiry dates/);
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Sync ${A} to ${B}: done\\. written 4, unchanged 0, skipped 0, failed 0`));

    // The target now holds A's values and attributes (checked through the emulator); only-b is still there.
    const secrets = (await w.api.services.clients.get()).vaults.secrets(w.vaultUrl(B));
    const names: string[] = [];
    for await (const p of secrets.listPropertiesOfSecrets()) if (!p.managed) names.push(p.name);
    assert.deepEqual(names.sort(), ['ctype-diff', 'disabled', 'only-a', 'only-b', 'same', 'tags-diff', 'value-diff']);
    const wrong: string[] = [];
    for (const [name, value] of [['only-a', `${CANARY}-only-a`], ['value-diff', `${CANARY}-value-a`], ['ctype-diff', `${CANARY}-ctype`], ['tags-diff', `${CANARY}-tags`]] as const) {
      if ((await secrets.getSecret(name)).value !== value) wrong.push(name);
    }
    assert.deepEqual(wrong, [], 'the copied values are the source\'s');
    assert.equal((await secrets.getSecret('ctype-diff')).properties.contentType, 'text/plain');
    assert.deepEqual((await secrets.getSecret('tags-diff')).properties.tags, { env: 'dev', team: 'payments' });
  });

  it('a second sync (from the vault row, the target picked) compares again and writes nothing', async () => {
    w.script.script({ picks: [B] });
    const since = await logCursor();
    const sync = (await run<SyncReport>(Ids.syncSecrets, await w.node(A))).result;
    assert.equal(sync.confirmed, false);
    assert.deepEqual(sync.rows, []);
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Nothing to copy: every enabled secret of ${A} is in ${B} with the same value and attributes \\(1 only in ${B}\\)`));
    assert.deepEqual((await requestsSince(since, B)).filter((r) => / (PUT|POST|PATCH|DELETE) /.test(r)), []);
    assert.deepEqual(await requests(since, A), ['GET /secrets', 'GET /secrets/ctype-diff', 'GET /secrets/only-a', 'GET /secrets/same', 'GET /secrets/tags-diff', 'GET /secrets/value-diff']);
  });

  it('from the palette (source, then target): the soft-delete option ticked and confirmed soft-deletes the target\'s own secrets, never purges', async () => {
    w.script.script({ picks: [A, C], many: [['only-a', 'Also soft-delete']], confirms: ['Write 1 Secrets', 'Soft-Delete 1 Secrets'] });
    const since = await logCursor();
    const sync = (await run<SyncReport>(Ids.syncSecrets)).result;
    const offered = w.script.shown.find((s) => s.startsWith(`Copy which secrets of ${A} to ${C}?`)) ?? assert.fail('no pick');
    assert.match(offered, /Also soft-delete 1 secrets that exist only in kv-cmp-c recoverable until purged; never purged: extra-c/);
    assert.match(document(`/${C}/bulk/sync from ${A} (preview).md`), /1 secrets disabled in kv-cmp-a are not copied/);
    assert.equal(w.script.confirms.at(-1)?.message, `Also soft-delete 1 secrets of ${C} that are not in ${A}?`);
    assert.deepEqual(sync.rows.map((r) => `${r.name} ${r.status} ${r.outcome ?? ''}`), ['only-a new written']);
    assert.deepEqual(sync.deleted, [{ name: 'extra-c', outcome: 'deleted' }]);
    const log = await requestsSince(since, C);
    assert.deepEqual(log.filter((r) => / (PUT|POST|PATCH|DELETE) /.test(r)).map((r) => r.replace(/\?.*$/, '').replace(/\/$/, '')), ['200 PUT /secrets/only-a', '200 DELETE /secrets/extra-c'], 'one write, one soft delete, no purge');
    const secrets = (await w.api.services.clients.get()).vaults.secrets(w.vaultUrl(C));
    const deleted: string[] = [];
    for await (const d of secrets.listDeletedSecrets()) deleted.push(d.name);
    assert.deepEqual(deleted, ['extra-c'], 'recoverable: listed as deleted');
    assert.match(w.script.notices.at(-1) ?? '', /Soft-deleted in the target: extra-c\./);
  });

  it('leaves no value in any log, state or file, nor in any text shown', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const text of [...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.infos]) assert.ok(!text.includes(CANARY), `shown: ${text.slice(0, 80)}`);
    const { files } = await leakScanFiles(w.api);
    assert.deepEqual(filesHolding(files, canaryNeedles([CANARY])), []);
  });
});
