// Issue 21 (export) and issue 20's kv:// short form in the editor, inside VS Code against the emulator. A seeded vault
// (a hierarchical name, a multi-line value with quotes, a disabled secret) is exported as references in each format:
// every file reads back through the extension's own parser to exactly the exported secrets, and no value was read (no
// GET of a secret in the emulator's log — one listing). Export Secret Values: the modal warning, a save dialog that
// starts in the home folder, a 0600 file whose values dotenv reads back exactly, the disabled secret skipped and
// reported by name; the canary scan finds the values in no log, state or file but that one. A kv:// reference to a
// missing secret in a `.env.keyvault` gets its diagnostic and hover. Seeds its own subscription and vault.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import * as vscode from 'vscode';
import { BulkCommandIds as Ids } from '../../../src/model/commandIds';
import type { Ui } from '../../../src/platform/ui';
import { findReferences, parseEnvFile } from '../../../src/references';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, filesUnder, hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';

const SUBSCRIPTION = 'Export E2E';
const SUBSCRIPTION_ID = 'e2e21000-0000-4000-8000-0000000000e1';
const VAULT = 'kv-export-main';
const CANARY = `CANARY-EXPORT-${randomUUID()}`;
/** name → value of the enabled secrets, in the order the pick lists them (by name, ignoring case). */
const VALUES = new Map([
  ['api-key', `${CANARY}-api`],
  ['ConnectionStrings--Storage', `DefaultEndpointsProtocol=https;AccountKey=${CANARY}-st==`],
  // Two lines, both quotes and a `#`: written in backticks, read back exactly (all three quotes and a line break could
  // not be: the unit tests cover that refusal).
  ['mssql-password', `line one ${CANARY}-db\nline "two" it's # not a comment`],
]);
const DISABLED = 'old-token';
const ALL = [...VALUES.keys(), DISABLED].sort((a, b) => a.localeCompare(b));

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: 'e2e0c000-0000-4000-8000-000000000001' }],
    vaults: [{
      name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-export', location: 'westeurope', enableRbacAuthorization: true, softDeleteRetentionInDays: 7,
      secrets: [...[...VALUES].map(([name, value]) => ({ name, versions: [{ value }] })), { name: DISABLED, versions: [{ value: `${CANARY}-disabled`, enabled: false }] }],
    }],
  });
}

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Key Vault').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('issue 21: export — secrets as references, values with a warning; kv:// in the editor (emulator)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  let dir: string;
  const saveDialogs: vscode.SaveDialogOptions[] = [];

  /** Runs a command with the scripted Ui, keeping the save dialogs' options. */
  async function run<T>(id: string, ...args: unknown[]): Promise<T> {
    const ui: Ui = {
      ...w.script.ui,
      showSaveDialog: (options) => {
        saveDialogs.push(options);
        return w.script.ui.showSaveDialog(options);
      },
    };
    w.api.ui.use(ui);
    try {
      const errors = w.script.errors.length;
      return ((await vscode.commands.executeCommand(id, ...args)) as T | undefined) ?? assert.fail(`${id} returned nothing; errors: ${w.script.errors.slice(errors).join(' | ')}`);
    } finally {
      w.api.ui.use(w.script.ui);
    }
  }

  /** GETs of one secret (a value read) in the vault's log since `since`: listings (`/secrets`) are not. */
  const valueReads = async (since: number) => (await requestsSince(since, VAULT)).filter((r) => /^\d+ GET \/secrets\/[^/?]+/.test(r));

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-export-e2e-'));
  });
  after(async () => {
    w?.api.ui.reset();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  const formats = [
    { label: '.env.keyvault', file: '.env.keyvault', format: 'envKeyvault' },
    { label: 'App Service settings JSON', file: `${VAULT}.appsettings-references.json`, format: 'appServiceJson' },
    { label: 'Bicep parameters', file: `${VAULT}.bicepparam`, format: 'bicepparam' },
  ] as const;

  for (const f of formats) {
    it(`exports every secret as references (${f.label}): the file reads back to exactly those secrets, no value is read`, async () => {
      const target = vscode.Uri.file(path.join(dir, f.file));
      w.script.script({ picks: [f.label], many: [ALL], saves: [target] });
      const since = await logCursor();
      const result = await run<{ file: string; format: string; names: string[] }>(Ids.exportReferences, await w.node(VAULT));
      assert.equal(result.format, f.format);
      assert.deepEqual(result.names, ALL);
      // The pick flags the disabled secret; the dialog starts in the workspace (the file holds no value).
      assert.ok(w.script.shown.some((s) => s.includes(`${DISABLED} disabled`)), 'the disabled secret is flagged in the pick');
      const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(workspace && saveDialogs.at(-1)?.defaultUri?.fsPath === path.join(workspace, f.file), `default ${saveDialogs.at(-1)?.defaultUri?.fsPath}`);
      const text = fs.readFileSync(target.fsPath, 'utf8');
      const found = findReferences(text, w.api.services.session.referenceParseOptions());
      assert.deepEqual(found.map((r) => r.name).sort(), [...ALL].sort(), text);
      for (const r of found) assert.ok(r.vault.by === 'name' ? r.vault.name === VAULT : r.vault.url === w.vaultUrl(VAULT), `${r.name} is read from ${VAULT}: ${JSON.stringify(r.vault)}`);
      if (f.format === 'envKeyvault') {
        const entries = parseEnvFile(text, w.api.services.session.referenceParseOptions());
        assert.deepEqual(entries.map((e) => [e.name, e.meaning.type === 'reference' ? e.meaning.reference.name : e.meaning.type]), [
          ['API_KEY', 'api-key'], ['CONNECTIONSTRINGS__STORAGE', 'ConnectionStrings--Storage'], ['MSSQL_PASSWORD', 'mssql-password'], ['OLD_TOKEN', 'old-token'],
        ]);
      }
      if (f.format === 'appServiceJson') assert.deepEqual((JSON.parse(text) as { name: string; slotSetting: boolean }[]).map((s) => `${s.name}:${s.slotSetting}`), ['API_KEY:false', 'CONNECTIONSTRINGS__STORAGE:false', 'MSSQL_PASSWORD:false', 'OLD_TOKEN:false']);
      assert.ok(!text.includes(CANARY), 'no value in a references file');
      assert.deepEqual(await valueReads(since), [], 'no GET of any secret: one listing only');
      assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Wrote the references of 4 secrets of ${VAULT} to ${f.file.replace(/\./g, '\\.')} \\(no value in it\\)`));
    });
  }

  it('exports values only after the modal warning, to a 0600 file in the folder chosen from home, the disabled secret skipped by name', async () => {
    // Declined at the warning: no dialog, nothing read.
    w.script.script({ many: [ALL], confirms: [undefined] });
    let since = await logCursor();
    assert.equal(await vscode.commands.executeCommand(Ids.exportValues, await w.node(VAULT)), undefined, 'declined: nothing exported');
    assert.match(w.script.confirms.at(-1)?.message ?? '', new RegExp(`^Export 4 secret values of ${VAULT} in plain text\\?$`));
    assert.match(w.script.confirms.at(-1)?.detail ?? '', /writes 4 secret values in plain text to a file you choose/);
    assert.deepEqual(await valueReads(since), []);

    const target = vscode.Uri.file(path.join(dir, 'values', `${VAULT}.secrets.env`));
    fs.mkdirSync(path.dirname(target.fsPath));
    w.script.script({ many: [ALL], confirms: ['Export Values'], saves: [target] });
    since = await logCursor();
    const report = await run<{ file: string; protection: string; written: { name: string; key: string }[]; skipped: { name: string; reason: string }[] }>(Ids.exportValues, await w.node(VAULT, 'Secrets'));
    assert.equal(saveDialogs.at(-1)?.defaultUri?.fsPath, path.join(os.homedir(), `${VAULT}.secrets.env`), 'the dialog starts in the home folder');
    assert.deepEqual(report.written.map((x) => x.name), [...VALUES.keys()]);
    assert.deepEqual(report.skipped.map((x) => x.name), [DISABLED]);
    assert.ok(!JSON.stringify(report).includes(CANARY), 'the report holds names only');
    if (process.platform !== 'win32') {
      assert.equal(report.protection, 'ownerOnly');
      assert.equal(fs.statSync(target.fsPath).mode & 0o777, 0o600);
    }
    const parsed = dotenv.parse(fs.readFileSync(target.fsPath, 'utf8'));
    assert.deepEqual(parsed, { CONNECTIONSTRINGS__STORAGE: VALUES.get('ConnectionStrings--Storage'), API_KEY: VALUES.get('api-key'), MSSQL_PASSWORD: VALUES.get('mssql-password') });
    const reads = (await valueReads(since)).map((r) => r.replace(/\?.*$/, '')).sort();
    assert.deepEqual(reads, [...VALUES.keys()].map((n) => `200 GET /secrets/${n}/`).sort(), 'one GET per enabled secret; the disabled one is not read');
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Wrote 3 secret values of ${VAULT} to .*\\. Only your account can read it\\. Skipped 1: ${DISABLED} \\(disabled`));
  });

  it('refuses a file that is not local before reading any value', async () => {
    w.script.script({ many: [['api-key']], confirms: ['Export Values'], saves: [vscode.Uri.parse('untitled:/values.env')] });
    const since = await logCursor();
    const errors = w.script.errors.length;
    await vscode.commands.executeCommand(Ids.exportValues, await w.node(VAULT));
    assert.match(w.script.errors.slice(errors).join(' | '), /only exported to a local file.*untitled: file system.*Nothing was read/);
    assert.deepEqual(await valueReads(since), []);
  });

  it('kv:// in a .env.keyvault: a missing secret gets a diagnostic on its name and a hover; an existing one a hover without its value', async () => {
    const file = path.join(dir, 'app', '.env.keyvault');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = `# references\nMSSQL_PASSWORD=kv://${VAULT}/mssql-password\nMISSING=kv://${VAULT}/no-such-secret\n`;
    fs.writeFileSync(file, text);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    const uri = editor.document.uri;
    await eventually(() => Promise.resolve().then(() => assert.deepEqual(codes(uri), ['missing'])), 20_000);
    const [diagnostic] = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Key Vault');
    assert.equal(editor.document.getText(diagnostic!.range), 'no-such-secret', 'the name is underlined');
    assert.match(diagnostic!.message, new RegExp(`"no-such-secret" does not exist in key vault "${VAULT}"`));
    const missing = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('no-such-secret'))));
    assert.match(missing, new RegExp(`Not found in \`${VAULT}\``));
    const found = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('mssql-password'))));
    assert.match(found, new RegExp(`\`mssql-password\`.* in vault \`${VAULT}\``));
    assert.ok(!found.includes(CANARY));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('leaves no value in any log, state or file but the with-values export, nor in any text shown', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const text of [...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.infos]) assert.ok(!text.includes(CANARY), `shown: ${text.slice(0, 80)}`);
    const { files } = await leakScanFiles(w.api);
    const written = filesUnder(dir);
    const exportFile = path.join(dir, 'values', `${VAULT}.secrets.env`);
    assert.ok(written.includes(exportFile) && written.length > 3, 'the exports are scanned');
    assert.deepEqual(filesHolding([...files, ...written], canaryNeedles([CANARY])), [exportFile], 'only the with-values export holds values');
  });
});
