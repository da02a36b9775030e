// Issue 21 (import) and issue 20's Convert .env inside VS Code against the emulator. A 200-entry .env with invalid
// names, a collision, a soft-deleted name, an unchanged and a changed secret: the preview counts are exact, nothing is
// written before the confirmation, then the vault holds exactly the expected secrets with the file's values; a second
// import sends no PUT. Under an emulator throttle (50 requests / 10 s) the import completes with no error and one
// version per name. Cancelled halfway, the report says exactly what was written (and the vault agrees); a re-run
// writes the rest. Convert .env: the references file reads back through the extension's own env parser to the right
// secrets, the vault holds the values, the original is untouched until Delete. The canaries planted in every value
// are in no log, state or file (except the .env files the test wrote). Seeds its own subscription and vaults.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BulkCommandIds as Ids } from '../../../src/model/commandIds';
import { parseEnvFile } from '../../../src/references/envFile';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, filesUnder, hasVault, logCursor, requestsSince, runKeepingActions, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Bulk E2E';
const SUBSCRIPTION_ID = 'e2e21000-0000-4000-8000-0000000000c1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const MAIN = 'kv-bulk-main';
const THROTTLED = 'kv-bulk-throttled';
const CANCEL = 'kv-bulk-cancel';
const CONVERT = 'kv-bulk-convert';
const CANARY = `CANARY-BULK-${randomUUID()}`;
const SAME = `${CANARY}-same`;

/** Key → value of the 200 entries (in file order), and the REF line the reader passes over. */
function entries(): [string, string][] {
  const list: [string, string][] = [];
  for (let i = 0; i < 189; i++) list.push([`APP_SETTING_${String(i).padStart(3, '0')}`, `${CANARY}-${i}`]);
  list.push(['ConnectionStrings__Db', `Server=db;Password=${CANARY}-db`]);
  list.push(['Logging.Level', `${CANARY}-lvl`]);
  // invalid: no valid character, a name over 127, an empty value, a value over 25 KB
  list.push(['___', `${CANARY}-x`], [`K${'X'.repeat(129)}`, `${CANARY}-long`], ['EMPTY_VALUE', ''], ['BIG_VALUE', `${CANARY}${'z'.repeat(26_000)}`]);
  // a collision (Key Vault names ignore case)
  list.push(['API_KEY', `${CANARY}-api1`], ['api_key', `${CANARY}-api2`]);
  // soft-deleted in MAIN; unchanged and changed in MAIN
  list.push(['GONE_NAME', `${CANARY}-gone`], ['EXISTING_SAME', SAME], ['EXISTING_DIFF', `${CANARY}-diff-new`]);
  return list;
}
const ENTRIES = entries();
const ENV_TEXT = `# 200 settings\n${ENTRIES.map(([k, v]) => `${k}="${v}"`).join('\n')}\nREF=kv://${MAIN}/some-secret\n`;
const nameOf = (key: string) => key.replace(/__|:/g, '--').replace(/[^0-9a-zA-Z-]+/g, '-');
const INVALID = new Set(['___', `K${'X'.repeat(129)}`, 'EMPTY_VALUE', 'BIG_VALUE']);
const COLLIDING = new Set(['API_KEY', 'api_key']);
/** name → value of every entry an import writes into an empty vault. */
const WRITABLE = new Map(ENTRIES.filter(([k]) => !INVALID.has(k) && !COLLIDING.has(k)).map(([k, v]) => [nameOf(k), v]));

async function seed(): Promise<void> {
  if (await hasVault(MAIN)) return;
  const vault = (name: string, content: object = {}) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-bulk', location: 'westeurope', enableRbacAuthorization: true, softDeleteRetentionInDays: 7, ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(MAIN, {
        secrets: [
          { name: 'EXISTING-SAME', versions: [{ value: SAME }] },
          { name: 'EXISTING-DIFF', versions: [{ value: `${CANARY}-diff-old` }] },
          { name: 'GONE-NAME', versions: [{ value: `${CANARY}-gone-old` }], deleted: {} },
        ],
      }),
      vault(THROTTLED),
      vault(CANCEL),
      vault(CONVERT),
    ],
  });
}

describe('issue 21: import — bulk import and Convert .env to Key Vault References (emulator)', function () {
  this.timeout(300_000);
  let w: ScriptedWorld;
  let dir: string;
  let envFile: vscode.Uri;
  const clients = async () => (await w.api.services.clients.get()).vaults;

  /** Every secret name of a vault → its versions' count, and whether its current value is the expected one (compared here, never printed). */
  async function holdings(vault: string, expected: ReadonlyMap<string, string>): Promise<{ names: string[]; versions: Record<string, number>; wrongValues: string[] }> {
    const secrets = (await clients()).secrets(w.vaultUrl(vault));
    const names: string[] = [];
    for await (const p of secrets.listPropertiesOfSecrets()) names.push(p.name);
    const versions: Record<string, number> = {};
    const wrongValues: string[] = [];
    for (const name of names) {
      let n = 0;
      for await (const version of secrets.listPropertiesOfSecretVersions(name)) if (version) n++;
      versions[name] = n;
      const want = expected.get(name);
      if (want !== undefined && (await secrets.getSecret(name)).value !== want) wrongValues.push(name);
    }
    return { names: names.sort(), versions, wrongValues };
  }

  const run = <T>(id: string, ...args: unknown[]) => runKeepingActions<T>(w, id, ...args);

  interface Report {
    plan: Record<string, number>;
    confirmed: boolean;
    stopped: boolean;
    rows: { key: string; name: string; status: string; outcome?: string; reason?: string }[];
  }
  const outcomes = (r: Report, outcome: string) => r.rows.filter((row) => row.outcome === outcome).map((row) => row.name).sort();
  const document = (fragment: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'keyvault' && decodeURIComponent(d.uri.path).includes(fragment))?.getText() ?? assert.fail(`no document ${fragment}`);

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-bulk-e2e-'));
    envFile = vscode.Uri.file(path.join(dir, '.env'));
    fs.writeFileSync(envFile.fsPath, ENV_TEXT);
  });
  after(async () => {
    await control('PUT', '/throttle', { vault: THROTTLED, limitPer10s: 0 }).catch(() => undefined);
    w?.api.ui.reset();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('previews a 200-entry .env with exact counts, writes nothing before the confirmation, then the vault holds exactly the expected secrets', async () => {
    assert.equal(ENTRIES.length, 200);
    // Declined first: the preview, the question, and no write.
    w.script.script({ opens: [[envFile]], confirms: [undefined] });
    let since = await logCursor();
    const declined = (await run<Report>(Ids.importSecrets, await w.node(MAIN))).result;
    assert.deepEqual(declined.plan, { new: 191, changed: 1, unchanged: 1, invalid: 4, collision: 2, blocked: 1 });
    assert.equal(declined.confirmed, false);
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => / (PUT|POST|PATCH|DELETE) /.test(r)), []);
    const question = w.script.confirms.at(-1);
    assert.equal(question?.message, `Write 192 secrets (191 new, 1 changed) to vault ${MAIN}?`);
    const preview = document(`/${MAIN}/bulk/import .env (preview).md`);
    for (const [status, n] of [['new', 191], ['changed', 1], ['unchanged', 1], ['invalid', 4], ['collision', 2], ['blocked', 1]] as const) assert.match(preview, new RegExp(`\\| ${status} +\\| +${n} \\|`), status);
    assert.match(preview, /\| `GONE_NAME` +\| `GONE-NAME` +\| blocked +\| deleted: recover or purge first/);
    assert.match(preview, /\| `api_key` +\| `api-key` +\| collision +\| the same secret name as API\\_KEY/);
    assert.match(preview, /- `REF`: line 202: already a Key Vault reference/);
    // The requests of a plan: listings (pages of 25) and one GET per existing name (2: the deleted one is not read).
    const reads = (await requestsSince(since, MAIN)).filter((r) => /GET \/secrets\/EXISTING/.test(r));
    assert.deepEqual(reads.map((r) => r.replace(/\?.*$/, '')).sort(), ['200 GET /secrets/EXISTING-DIFF/', '200 GET /secrets/EXISTING-SAME/']);

    w.script.script({ opens: [[envFile]], confirms: ['Write 192 Secrets'] });
    since = await logCursor();
    const report = (await run<Report>(Ids.importSecrets, await w.node(MAIN))).result;
    assert.equal(report.stopped, false);
    assert.equal(outcomes(report, 'written').length, 192);
    const puts = (await requestsSince(since, MAIN)).filter((r) => / PUT /.test(r));
    assert.equal(puts.length, 192);
    assert.ok(puts.every((r) => r.startsWith('200 ')), 'every PUT succeeded');
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Import \\.env into ${MAIN}: done\\. written 192, unchanged 1, skipped 7, failed 0`));
    const expected = new Map([...WRITABLE].filter(([name]) => name !== 'GONE-NAME'));
    const held = await holdings(MAIN, expected);
    assert.deepEqual(held.names, [...expected.keys()].sort());
    assert.deepEqual(held.wrongValues, []);
    assert.equal(held.versions['EXISTING-DIFF'], 2, 'a changed secret gets a new version');
    assert.equal(held.versions['EXISTING-SAME'], 1, 'an unchanged one is not written');
    assert.match(document(`/${MAIN}/bulk/import .env (report).md`), /\| `EXISTING_DIFF` +\| `EXISTING-DIFF` +\| written \(new version\)/);
  });

  it('a second import writes nothing: no PUT, everything unchanged, no question asked (from the palette: the file, then the vault)', async () => {
    w.script.script({ opens: [[envFile]], picks: [MAIN] });
    const since = await logCursor();
    const report = (await run<Report>(Ids.importSecrets)).result;
    assert.deepEqual(report.plan, { new: 0, changed: 0, unchanged: 193, invalid: 4, collision: 2, blocked: 1 });
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => / (PUT|POST|PATCH|DELETE) /.test(r)), []);
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Nothing to write to ${MAIN}: 193 entries are already there`));
  });

  it('under an emulator throttle (50 requests / 10 s) the import completes with no error, every name written exactly once', async () => {
    // From the explorer's context menu: the file is given, the vault picked.
    await control('PUT', '/throttle', { vault: THROTTLED, limitPer10s: 50 });
    const errors = w.script.errors.length;
    w.script.script({ picks: [THROTTLED], confirms: ['Write 194 Secrets'] });
    const since = await logCursor();
    let report: Report;
    try {
      report = (await run<Report>(Ids.importSecrets, envFile, [envFile])).result;
    } finally {
      await control('PUT', '/throttle', { vault: THROTTLED, limitPer10s: 0 });
    }
    assert.deepEqual(report.plan, { new: 194, changed: 0, unchanged: 0, invalid: 4, collision: 2, blocked: 0 });
    assert.equal(outcomes(report, 'written').length, 194);
    assert.deepEqual(w.script.errors.slice(errors), [], 'no error shown');
    const log = await requestsSince(since, THROTTLED);
    assert.ok(log.some((r) => r.startsWith('429 ')), 'the emulator did throttle');
    assert.equal(log.filter((r) => /^200 PUT /.test(r)).length, 194, 'one successful PUT per name');
    const held = await holdings(THROTTLED, WRITABLE);
    assert.deepEqual(held.names, [...WRITABLE.keys()].sort());
    assert.deepEqual(Object.entries(held.versions).filter(([, n]) => n !== 1), [], 'each name has exactly 1 version');
    assert.deepEqual(held.wrongValues, []);
  });

  it('cancelled halfway: the report says exactly what was written (the vault agrees); a re-run writes the rest', async () => {
    let cancelled = false;
    const listener = w.api.services.operations.onDidReport(({ operation, message }) => {
      const m = /^(\d+) of 194 written$/.exec(message);
      if (!cancelled && m && Number(m[1]) >= 80) {
        cancelled = true;
        operation.cancel();
      }
    });
    w.script.script({ opens: [[envFile]], confirms: ['Write 194 Secrets'] });
    let report: Report;
    try {
      report = (await run<Report>(Ids.importSecrets, await w.node(CANCEL, 'Secrets'))).result;
    } finally {
      listener.dispose();
    }
    assert.ok(cancelled && report.stopped);
    const written = outcomes(report, 'written');
    const notSent = outcomes(report, 'notSent');
    assert.ok(written.length >= 80 && written.length < 194, `written ${written.length}`);
    assert.equal(written.length + notSent.length, 194, 'every row written or not sent: none unknown, none failed');
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`cancelled after ${written.length} written\\. written ${written.length}, unchanged 0, skipped 6, failed 0, not sent ${notSent.length}`));
    assert.match(document(`/${CANCEL}/bulk/import .env (report).md`), /The run stopped before every entry was sent/);
    let held = await holdings(CANCEL, WRITABLE);
    assert.deepEqual(held.names, written, 'the vault holds exactly what the report says was written');
    assert.deepEqual(Object.entries(held.versions).filter(([, n]) => n !== 1), []);

    w.script.script({ opens: [[envFile]], confirms: [`Write ${notSent.length} Secrets`] });
    const rerun = (await run<Report>(Ids.importSecrets, await w.node(CANCEL))).result;
    assert.deepEqual(rerun.plan, { new: notSent.length, changed: 0, unchanged: written.length, invalid: 4, collision: 2, blocked: 0 });
    assert.deepEqual(outcomes(rerun, 'written'), notSent);
    held = await holdings(CANCEL, WRITABLE);
    assert.deepEqual(held.names, [...WRITABLE.keys()].sort());
    assert.deepEqual(Object.entries(held.versions).filter(([, n]) => n !== 1), [], 'nothing written twice');
    assert.deepEqual(held.wrongValues, []);
  });

  it('Convert .env: ticked entries become secrets, <file>.keyvault reads back to them through the extension\'s parser, the original stays until Delete', async () => {
    const original = vscode.Uri.file(path.join(dir, 'app', '.env'));
    fs.mkdirSync(path.dirname(original.fsPath));
    const text = `# app\r\nPORT=3000\r\nDB_PASSWORD="${CANARY}-conv-db"\r\nexport API_TOKEN=${CANARY}-conv-api # comment\r\nREDIS_URL=redis://:${CANARY}-conv-redis@cache:6379\r\nNODE_ENV=production\r\n`;
    fs.writeFileSync(original.fsPath, text);
    w.script.script({ many: [['DB_PASSWORD', 'API_TOKEN', 'REDIS_URL']], picks: [CONVERT], confirms: ['Write 3 Secrets'] });
    const { result, actions } = await run<Report & { referencesFile?: string }>(Ids.convertEnv, original);
    assert.ok(w.script.shown.some((s) => s.includes('DB_PASSWORD → DB-PASSWORD') && s.includes('PORT → PORT')), 'the pick shows KEY → secret-name');
    assert.ok(!w.script.shown.some((s) => s.includes(`${CANARY}-conv`)), 'no value in the pick');
    assert.deepEqual(result.plan, { new: 3, changed: 0, unchanged: 0, invalid: 0, collision: 0, blocked: 0 });
    assert.equal(result.referencesFile, `${original.fsPath}.keyvault`);
    assert.equal(fs.readFileSync(original.fsPath, 'utf8'), text, 'the original is untouched');
    const references = fs.readFileSync(`${original.fsPath}.keyvault`, 'utf8');
    assert.equal(references, `# app\r\nPORT=3000\r\nDB_PASSWORD=kv://${CONVERT}/DB-PASSWORD\r\nexport API_TOKEN=kv://${CONVERT}/API-TOKEN # comment\r\nREDIS_URL=kv://${CONVERT}/REDIS-URL\r\nNODE_ENV=production\r\n`);
    const parsed = parseEnvFile(references, w.api.services.session.referenceParseOptions());
    const refs = parsed.flatMap((e) => (e.meaning.type === 'reference' ? [[e.name, e.meaning.reference.vault.by === 'name' ? e.meaning.reference.vault.name : '?', e.meaning.reference.name]] : []));
    assert.deepEqual(refs, [['DB_PASSWORD', CONVERT, 'DB-PASSWORD'], ['API_TOKEN', CONVERT, 'API-TOKEN'], ['REDIS_URL', CONVERT, 'REDIS-URL']]);
    assert.deepEqual(parsed.filter((e) => e.meaning.type === 'literal').map((e) => `${e.name}=${e.value}`), ['PORT=3000', 'NODE_ENV=production']);
    const held = await holdings(CONVERT, new Map([['DB-PASSWORD', `${CANARY}-conv-db`], ['API-TOKEN', `${CANARY}-conv-api`], ['REDIS-URL', `redis://:${CANARY}-conv-redis@cache:6379`]]));
    assert.deepEqual(held.names, ['API-TOKEN', 'DB-PASSWORD', 'REDIS-URL']);
    assert.deepEqual(held.wrongValues, []);
    assert.match(w.script.notices.at(-1) ?? '', /Wrote \.env\.keyvault with 3 references; 2 entries stay literal values in it\. \.env is untouched\./);

    // Delete .env: a modal confirmation that says it is not moved to the trash, then the file is gone.
    const remove = actions.find((a) => a.title === 'Delete .env') ?? assert.fail(`actions: ${actions.map((a) => a.title).join(', ')}`);
    w.script.script({ confirms: ['Delete Permanently'] });
    await remove.run();
    assert.match(w.script.confirms.at(-1)?.detail ?? '', /not moved to the trash/);
    assert.equal(fs.existsSync(original.fsPath), false);
    assert.equal(fs.existsSync(`${original.fsPath}.keyvault`), true);
  });

  it('leaves no value in any log, state or file (the .env files the test wrote aside), nor in any text shown', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const text of [...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.infos]) assert.ok(!text.includes(CANARY), `shown: ${text.slice(0, 80)}`);
    const { files } = await leakScanFiles(w.api);
    const written = filesUnder(dir).filter((f) => path.basename(f) !== '.env');
    assert.ok(written.some((f) => f.endsWith('.env.keyvault')), 'the references file is scanned');
    assert.deepEqual(filesHolding([...files, ...written], canaryNeedles([CANARY])), []);
  });
});
