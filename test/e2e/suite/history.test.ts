// Issue 18 inside VS Code: a secret's history read and acted on without a value touching disk. Compare with Current
// and Compare Versions open VS Code's diff editor on two in-memory documents (2 GETs each); a clipboard or an editor
// selection is checked against a value without showing it; Find Versions with the Current Value marks the version
// rows (one GET per enabled version, nothing before the user asks); Make This Version Current writes the old value
// (content type, tags) as a new version and can disable the one it replaces. The canaries planted in the values are
// then looked for in every file a value could leak to, in every text shown, and in the tree.
// Seeds its own subscription and vault (the emulator's seed format: emulator/README.md).
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { getSecretValue, listSecretVersions } from '../../../src/azure/secretOps';
import { HistoryCommandIds as Ids } from '../../../src/model/commandIds';
import type { VersionNode } from '../../../src/tree/VersionNode';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually, labelText } from './tree';

const SUBSCRIPTION = 'History E2E';
const SUBSCRIPTION_ID = 'e2e18000-0000-4000-8000-0000000000a1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-hist-main';
const SECRET = 'db-conn';
const A = `CANARY-A-${randomUUID()}`;
const B = `CANARY-B-${randomUUID()}`;
const C = `CANARY-C-${randomUUID()}`;
const json = (server: string, password: string) => `{"server":"${server}","password":"${password}"}`;
const hex = (n: number) => `${n}${'a'.repeat(31)}`;
// Creation order (the last is current): v1 A, v2 B, v3 A re-formatted, v4 C disabled, v5 B.
const V = { v1: hex(1), v2: hex(2), v3: hex(3), v4: hex(4), v5: hex(5) };

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  const place = { subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-history', location: 'westeurope' };
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [{
      name: VAULT, ...place, enableRbacAuthorization: true,
      secrets: [
        {
          name: SECRET, contentType: 'application/json',
          versions: [
            { version: V.v1, value: json('db1', A), created: '-6d', tags: { release: '41' } },
            { version: V.v2, value: json('db2', B), created: '-5d', tags: { release: '42' } },
            { version: V.v3, value: `{ "server": "db1", "password": "${A}" }`, created: '-4d', tags: { release: '43' } },
            { version: V.v4, value: json('db3', C), created: '-3d', enabled: false, tags: { release: '44' } },
            { version: V.v5, value: json('db2', B), created: '-2d', tags: { release: '45' } },
          ],
        },
        { name: 'api-token', contentType: 'text/plain', versions: [{ value: 'tok-visible-123' }] },
      ],
    }],
  });
}

const GET = (name: string, version = '') => new RegExp(`^200 GET /secrets/${name}/${version}(\\?|$)`);

describe('secret history: compare, check without showing, same-value marks, make current (emulator)', function () {
  this.timeout(120_000);
  let w: ScriptedWorld;
  const item = () => w.node(VAULT, 'Secrets', SECRET);
  async function version(id: string): Promise<VersionNode> {
    const rows = (await w.tree.children(await item())) as VersionNode[];
    return rows.find((r) => r.version.version === id) ?? assert.fail(`no version ${id}`);
  }
  const docText = (uri: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText() ?? assert.fail(`no document ${uri}`);
  const activeDiff = () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor is active');
    return { original: input.original.toString(), modified: input.modified.toString() };
  };

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('lists the versions when expanded without reading any value', async () => {
    const cursor = await logCursor();
    const rows = (await w.tree.children(await item())) as VersionNode[];
    assert.equal(rows.length, 5);
    const sent = await requestsSince(cursor, VAULT);
    assert.deepEqual(sent.filter((r) => / GET \/secrets\/db-conn\/[0-9a-f]{32}/.test(r)), [], 'no version read');
  });

  it('Compare with Current opens the diff editor on both texts, pretty JSON, attributes beside it — 2 GETs', async () => {
    const cursor = await logCursor();
    const opened = await vscode.commands.executeCommand<{ original: string; modified: string; attributes: { original: string; modified: string } }>(Ids.compareWithCurrent, await version(V.v1));
    assert.deepEqual(activeDiff(), { original: opened.original, modified: opened.modified });
    assert.match(opened.original, /^keyvault:/);
    assert.equal(docText(opened.original), `${JSON.stringify({ server: 'db1', password: A }, null, 2)}\n`);
    assert.equal(docText(opened.modified), `${JSON.stringify({ server: 'db2', password: B }, null, 2)}\n`);
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.original)?.languageId, 'json');
    assert.match(docText(opened.attributes.original), /"release": "41"/);
    assert.match(docText(opened.attributes.modified), /# db-conn \(current version\)[\s\S]*"release": "45"/);
    for (const doc of [opened.attributes.original, opened.attributes.modified]) assert.ok(![A, B].some((c) => docText(doc).includes(c)), 'no value among the attributes');
    const sent = await requestsSince(cursor, VAULT);
    assert.deepEqual(sent.map((r) => r.replace(/\?.*/, '')), [`200 GET /secrets/${SECRET}/${V.v1}`, `200 GET /secrets/${SECRET}/`]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Compare Versions on two selected rows shows the raw texts when they differ only in JSON formatting', async () => {
    const [v1, v3] = [await version(V.v1), await version(V.v3)];
    const cursor = await logCursor();
    const opened = await vscode.commands.executeCommand<{ original: string; modified: string }>(Ids.compareSelected, v1, [v1, v3]);
    assert.equal(docText(opened.original), json('db1', A));
    assert.equal(docText(opened.modified), `{ "server": "db1", "password": "${A}" }`);
    assert.match(w.script.notices.at(-1)!, /same JSON, formatted differently/);
    assert.equal((await requestsSince(cursor, VAULT)).length, 2);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Compare Versions from the palette: vault → secret → two versions', async () => {
    const labels = (await Promise.all([V.v2, V.v5].map(async (id) => (await version(id)).getTreeItem().label))).map((l) => (typeof l === 'string' ? l : l?.label ?? ''));
    w.script.script({ picks: [VAULT, SECRET], many: [labels] });
    const opened = await vscode.commands.executeCommand<{ original: string; modified: string }>(Ids.compareSelected);
    assert.equal(docText(opened.original), docText(opened.modified));
    assert.match(w.script.notices.at(-1)!, /identical/);
    const versionPick = w.script.shown.filter((t) => t.startsWith(`Compare two versions of ${SECRET}`)).at(-1);
    assert.match(versionPick ?? '', /current · 5aaaaaaa/, 'the current version is marked');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Compare with Clipboard says same / near miss / which older version, without showing a value', async () => {
    await vscode.env.clipboard.writeText(json('db2', B));
    let result = await vscode.commands.executeCommand<{ same: boolean }>(Ids.compareWithClipboard, await item());
    assert.equal(result.same, true);
    assert.match(w.script.notices.at(-1)!, /clipboard holds the value of db-conn \(current version 5aaaaaaa\)/);

    await vscode.env.clipboard.writeText(`${json('db2', B)}\n`);
    w.script.script({ infoActions: [undefined] });
    result = await vscode.commands.executeCommand<{ same: boolean }>(Ids.compareWithClipboard, await item());
    assert.equal(result.same, false);
    assert.match(w.script.infos.at(-1)!, /does not hold the value .* only by a trailing newline/);

    await vscode.env.clipboard.writeText(json('db1', A));
    w.script.script({ infoActions: ['Check Older Versions'] });
    const found = await vscode.commands.executeCommand<{ matchedVersion?: string }>(Ids.compareWithClipboard, await item());
    assert.equal(found.matchedVersion, V.v1);
    assert.match(w.script.notices.at(-1)!, new RegExp(`version ${V.v1.slice(0, 8)}`));
    await vscode.env.clipboard.writeText('');
  });

  it('Compare with Editor Selection checks the selected text; no selection is refused before any request', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const token = await w.node(VAULT, 'Secrets', 'api-token');
    let cursor = await logCursor();
    await vscode.commands.executeCommand(Ids.compareWithSelection, token);
    assert.match(w.script.errors.at(-1)!, /Select the text to check/);
    assert.deepEqual(await requestsSince(cursor, VAULT), []);

    const doc = await vscode.workspace.openTextDocument({ content: 'TOKEN=tok-visible-123 # prod' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 6, 0, 21);
    cursor = await logCursor();
    const result = await vscode.commands.executeCommand<{ same: boolean }>(Ids.compareWithSelection, token);
    assert.equal(result.same, true);
    assert.equal((await requestsSince(cursor, VAULT)).filter((r) => GET('api-token').test(r)).length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Find Versions with the Current Value marks the rows: one GET per enabled version, no listing', async () => {
    const cursor = await logCursor();
    const result = await vscode.commands.executeCommand<{ marks: Record<string, string>; current: string }>(Ids.markSameValue, await item());
    assert.equal(result.current, V.v5);
    assert.deepEqual(result.marks, { [V.v4]: 'unreadable', [V.v3]: 'different', [V.v2]: 'same', [V.v1]: 'different' });
    const sent = await requestsSince(cursor, VAULT);
    assert.deepEqual(sent.map((r) => r.replace(/\?.*/, '')).sort(), [V.v1, V.v2, V.v3, V.v5].map((v) => `200 GET /secrets/${SECRET}/${v}`).sort(), 'N GETs for N enabled versions, nothing else');
    await eventually(async () => {
      const described = new Map<string, string>();
      for (const row of (await w.tree.children(await item())) as VersionNode[]) described.set(row.version.version!, String((await w.tree.hovered(row)).description ?? ''));
      assert.match(described.get(V.v2)!, /^same value as current/);
      assert.match(described.get(V.v1)!, /^different value/);
      assert.match(described.get(V.v4)!, /^not compared \(disabled\)/);
      assert.doesNotMatch(described.get(V.v5)!, /same value|different/);
    });
    assert.match(w.script.notices.at(-1)!, /1 of 4 older versions of db-conn hold the current value: 2aaaaaaa\./);
  });

  it('Make This Version Current writes the old value, content type and tags as a new version and disables the one it replaces', async () => {
    const cursor = await logCursor();
    w.script.script({ confirms: [`Make Current and Disable ${V.v5.slice(0, 8)}`] });
    const made = await vscode.commands.executeCommand<{ version: string; disabled: string }>(Ids.makeCurrent, await version(V.v1));
    assert.equal(made.disabled, V.v5);
    const confirm = w.script.confirms.at(-1)!;
    assert.match(confirm.message, /Make version 1aaaaaaa of db-conn current\?/);
    assert.ok(![A, B].some((c) => `${confirm.message}${confirm.detail}`.includes(c)));
    const vaults = (await w.api.services.clients.get()).vaults;
    const url = w.vaultUrl(VAULT);
    const latest = await getSecretValue(vaults, url, SECRET);
    assert.equal(latest.value, json('db1', A));
    assert.equal(latest.properties.version, made.version);
    assert.equal(latest.properties.contentType, 'application/json');
    assert.deepEqual(latest.properties.tags, { release: '41' });
    const versions = await listSecretVersions(vaults, url, SECRET);
    assert.equal(versions.length, 6);
    assert.equal(versions.find((v) => v.version === V.v5)?.enabled, false);
    const writes = (await requestsSince(cursor, VAULT)).filter((r) => !/ GET /.test(r));
    assert.deepEqual(writes.map((r) => r.replace(/\?.*/, '').replace(/[0-9a-f]{32}$/, '{v}')), [`200 PUT /secrets/${SECRET}`, `200 PATCH /secrets/${SECRET}/{v}`]);
    await eventually(() => Promise.resolve(assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputTextDiff), 'the confirmation diff was closed')));
  });

  it('leaves no value in any file, text shown or tree row — and none in memory once the editors close', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const text of [...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.infos]) assert.ok(![A, B, C].some((c) => text.includes(c)), `shown: ${text.slice(0, 80)}`);
    for (const row of await w.tree.children(await item())) {
      const shown = await w.tree.hovered(row);
      const text = `${labelText(shown)} ${String(shown.description ?? '')} ${typeof shown.tooltip === 'string' ? shown.tooltip : (shown.tooltip?.value ?? '')}`;
      assert.ok(![A, B, C].some((c) => text.includes(c)), `tree: ${text.slice(0, 80)}`);
    }
    const { files } = await leakScanFiles(w.api);
    assert.deepEqual(filesHolding(files, canaryNeedles([A, B, C])), []);
    await eventually(() => Promise.resolve(assert.equal(w.api.services.documents.size, 0, 'no value document left in memory')), 20_000);
  });
});
