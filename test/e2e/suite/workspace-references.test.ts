// Issue 19 acceptance inside VS Code (emulator): the workspace index of Key Vault references on the fixture of
// ./workspaceRefs.ts (38 files, 9 formats, 130 references to a vault of its own, broken ones included) finds exactly
// the references written, and none in a .gitignored folder, a search.exclude'd or files.exclude'd one, or a file over
// the size limit; Find References lists exactly the expected locations in the References view (read back from the
// view's own input); item rows say how many files use them; Show Only Referenced / Show Unreferenced list exactly
// those secrets; a file changed on disk is read again alone (read counts), and unsaved editor text wins.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FoundReferences } from '../../../src/commands/references/findReferences';
import { CommandIds, EditorCommandIds } from '../../../src/model/commandIds';
import type { WorkspaceReferenceIndex } from '../../../src/platform/referenceIndex/workspaceIndex';
import type { IndexedReference } from '../../../src/references/usage';
import type { ItemNode } from '../../../src/tree/ItemNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { referencesWorld, type ReferencesWorld } from './references-world';
import { eventually, labelText } from './tree';
import { APP_DB_V1, APP_DB_V2, excludeSettingsFor, seedWorkspaceVault, validateAll, workspaceFolder, writeWatched, writeWorkspaceReferences, WS_OBJECTS, WS_SUBSCRIPTION, WS_VAULT, WS_RESOURCE_GROUP, WS_SUBSCRIPTION_ID, type ExpectedReference, type ObjectKind, type WorkspaceFixture } from './workspaceRefs';

const check = (f: () => void): Promise<void> => Promise.resolve().then(f);
const shown = (r: ExpectedReference) => `${r.file}:${r.line + 1}:${r.character + 1}-${r.endCharacter + 1} ${r.kind} ${r.name}${r.version ? `/${r.version}` : ''}`;

/** The SymbolTree API of the built-in references-view extension (its references-view.d.ts, the parts read here). */
interface SymbolTree {
  getInput(): { readonly title: string; resolve(): vscode.ProviderResult<{ provider: vscode.TreeDataProvider<unknown>; message: string | undefined; navigation?: { location(item: unknown): vscode.Location | undefined } }> } | undefined;
}

describe('workspace references: index, Find References, usage, filters (issue 19)', function () {
  this.timeout(180_000);
  let w: ReferencesWorld;
  let fixture: WorkspaceFixture;
  let index: WorkspaceReferenceIndex;
  const relative = (uri: string) => path.relative(workspaceFolder(), vscode.Uri.parse(uri).fsPath).split(path.sep).join('/');
  const asExpected = (r: IndexedReference): string =>
    `${relative(r.file)}:${r.nameRange.startLine + 1}:${r.nameRange.startCharacter + 1}-${r.nameRange.endCharacter + 1} ${r.ref.kind} ${r.ref.name}${r.ref.version ? `/${r.ref.version}` : ''}`;
  /** What the index holds of the fixture's vault. */
  const ours = () => index.all().filter((r) => (r.ref.vault.by === 'url' ? r.ref.vault.url.replace(/\/+$/, '') === fixture.vaultUrl : r.ref.vault.name === WS_VAULT));
  const settings = async (value: WorkspaceFixture['excludeSettings'] | undefined) => {
    await vscode.workspace.getConfiguration('search').update('exclude', value?.search, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('exclude', value?.files, vscode.ConfigurationTarget.Global);
  };

  before(async () => {
    w = await referencesWorld({ seed: seedWorkspaceVault, subscription: WS_SUBSCRIPTION, vault: WS_VAULT, copyWorkspace: false });
    // The exclusions first: the files are written into folders already excluded.
    const folder = `wsrefs-${Date.now().toString(36)}`;
    await settings(excludeSettingsFor(folder));
    fixture = await writeWorkspaceReferences({ folder });
    index = w.api.services.workspaceReferences as WorkspaceReferenceIndex;
    await index.ready();
    // Built before the fixture was written (another suite showed the view: the watcher brings the files in) or after.
    await eventually(() => check(() => assert.deepEqual(ours().map(asExpected), fixture.references.map(shown))), 30_000);
  });

  after(async () => {
    fixture?.remove();
    await settings(undefined);
    await w?.restore();
  });

  it('writes files each ecosystem accepts: ≥ 30 files, ≥ 6 formats, ≥ 100 references, broken ones included', async () => {
    assert.ok(fixture.files.length >= 30, String(fixture.files.length));
    assert.ok(new Set(fixture.references.map((r) => r.format)).size >= 6);
    assert.ok(fixture.references.length >= 100, String(fixture.references.length));
    assert.deepEqual(new Set(fixture.broken.map((r) => r.status)), new Set(['missing', 'deleted', 'disabled', 'expired', 'versionMissing']));
    assert.deepEqual(await validateAll(fixture), {});
  });

  it('indexes exactly the references written, and nothing from excluded, ignored or oversized files', () => {
    assert.equal(index.state, 'ready');
    assert.deepEqual(ours().map(asExpected), fixture.references.map(shown));
    const indexed = new Set(index.indexedFiles().map(relative));
    for (const file of fixture.files) assert.ok(indexed.has(file), `indexed: ${file}`);
    for (const file of fixture.excludedFiles) assert.ok(!indexed.has(file), `not indexed: ${file}`);
    // Every indexed reference's preview is its line, never more than one line.
    for (const r of ours()) assert.ok(!r.preview.includes('\n') && r.preview.length <= 200);
  });

  it('Find References lists exactly the expected locations in the References view, grouped by file', async () => {
    const cases: { labels: string[]; kind: ObjectKind; name: string }[] = [
      { labels: ['Secrets', 'app-db'], kind: 'secret', name: 'app-db' },
      { labels: ['Secrets', 'old-pass'], kind: 'secret', name: 'old-pass' },
      { labels: ['Keys', 'sign-key'], kind: 'key', name: 'sign-key' },
      { labels: ['Certificates', 'tls-cert'], kind: 'certificate', name: 'tls-cert' },
    ];
    for (const c of cases) {
      const row = await w.node(...c.labels);
      const result = await vscode.commands.executeCommand<FoundReferences>(EditorCommandIds.findReferences, row);
      const expected = fixture.expectedFor(c.kind, c.name).map(shown);
      assert.deepEqual(result.references.map(asExpected), expected, c.name);
      assert.equal(result.shownIn, 'referencesView', 'the built-in references view is there in VS Code');
      const view = { title: result.title, locations: expected.map((e) => e.replace(/-\d+ .*$/, '')), files: new Set(fixture.expectedFor(c.kind, c.name).map((r) => r.file)).size };
      // The view takes its input once it has checked the anchor (it opens the document): read it when it has.
      await eventually(async () => assert.deepEqual(await readReferencesView(relative), view));
    }
  });

  it('Find References on a version row lists the references pinned to that version only', async () => {
    const item = await w.node('Secrets', 'app-db');
    const versionRow = await eventually(async () => {
      for (const v of await w.tree.children(item)) if ((v as { version?: { version?: string } }).version?.version === APP_DB_V1) return v;
      throw new Error('no version row for APP_DB_V1');
    });
    const result = await vscode.commands.executeCommand<FoundReferences>(EditorCommandIds.findReferences, versionRow);
    assert.deepEqual(result.references.map(asExpected), fixture.expectedFor('secret', 'app-db', APP_DB_V1).map(shown));
    assert.ok(result.references.length > 0 && result.references.length < fixture.expectedFor('secret', 'app-db').length);
    assert.match(result.title, /pinned references only; unpinned ones follow the current version/);
  });

  it('says so when nothing references the object, with the number of files indexed', async () => {
    const messages: string[] = [];
    w.api.ui.use({ ...w.realUi, showInformationMessage: (message: string) => (messages.push(message), Promise.resolve(undefined)) });
    try {
      const result = await vscode.commands.executeCommand<FoundReferences>(EditorCommandIds.findReferences, await w.node('Secrets', 'unused-one'));
      assert.equal(result.shownIn, 'none');
      assert.equal(messages.length, 1);
      assert.match(messages[0]!, new RegExp(`No reference to secret "unused-one" in the workspace \\(${index.size.files} files indexed\\)`));
    } finally {
      w.api.ui.use(w.script.ui(w.realUi));
    }
  });

  it('item rows say in how many files of the workspace they are used (tooltip always, description when used)', async () => {
    for (const o of WS_OBJECTS.filter((x) => x.status === 'ok' || x.status === 'disabled' || x.status === 'expired')) {
      const group = o.kind === 'secret' ? 'Secrets' : o.kind === 'key' ? 'Keys' : 'Certificates';
      const row = (await w.node(group, o.name)) as ItemNode;
      const count = fixture.filesUsing(o.kind, o.name);
      const item = await w.tree.hovered(row);
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
      assert.ok(tooltip.includes(count === 0 ? 'Not used in any file of the workspace' : count === 1 ? 'Used in 1 file of the workspace' : `Used in ${count} files of the workspace`), `${o.name}: ${tooltip}`);
      const description = String(item.description ?? '');
      if (count > 0) assert.ok(description.includes(count === 1 ? 'used in 1 file' : `used in ${count} files`), `${o.name}: ${description}`);
      else assert.ok(!description.includes('used in'), `${o.name}: ${description}`);
    }
  });

  it('version rows say in how many files they are pinned (description when pinned, tooltip always)', async () => {
    const item = await w.node('Secrets', 'app-db');
    const rows = await eventually(async () => {
      const children = (await w.tree.children(item)) as (TreeNode & { version?: { version?: string } })[];
      if (children.length < 2) throw new Error('versions not listed yet');
      return children;
    });
    const seen: string[] = [];
    for (const row of rows) {
      const version = row.version?.version;
      if (!version) continue;
      seen.push(version);
      const count = fixture.filesUsing('secret', 'app-db', version);
      const shown = await w.tree.hovered(row);
      const tooltip = typeof shown.tooltip === 'string' ? shown.tooltip : (shown.tooltip?.value ?? '');
      assert.ok(tooltip.includes(count === 0 ? 'No file of the workspace pins this version' : count === 1 ? 'Pinned in 1 file of the workspace' : `Pinned in ${count} files of the workspace`), `${version}: ${tooltip}`);
      const description = String(shown.description ?? '');
      if (count > 0) assert.ok(description.includes(count === 1 ? 'pinned in 1 file' : `pinned in ${count} files`), `${version}: ${description}`);
      else assert.ok(!description.includes('pinned in'), `${version}: ${description}`);
    }
    // Other suites may have rotated app-db meanwhile (more versions, pinned nowhere in these files): V1 and V2 are there.
    for (const v of [APP_DB_V1, APP_DB_V2]) assert.ok(seen.includes(v), `version ${v} listed: ${seen.join(', ')}`);
    assert.ok(fixture.filesUsing('secret', 'app-db', APP_DB_V1) > 0, 'the fixture pins APP_DB_V1 somewhere');
  });

  it('Show Only Referenced / Show Unreferenced list exactly those secrets; clearing the filter shows all again', async () => {
    const secrets = await w.node('Secrets');
    const names = async () => (await Promise.all((await w.tree.rows(secrets)).map(async (n) => labelText(await w.tree.item(n))))).sort();
    const all = await names();
    // Rows of the Secrets group: the vault's secrets, the certificate's secret (tls-cert) among them.
    const used = (name: string) => fixture.filesUsing('secret', name) > 0;
    await vscode.commands.executeCommand(CommandIds.filterReferenced, secrets);
    assert.deepEqual(await names(), all.filter(used));
    assert.match(String((await w.tree.item(secrets)).description), /referenced only/);
    await vscode.commands.executeCommand(CommandIds.filterUnreferenced, secrets);
    assert.deepEqual(await names(), ['unused-one', 'unused-three', 'unused-two']);
    assert.match(String((await w.tree.item(secrets)).description), /unreferenced only/);
    // Combined with the name filter.
    w.script.inputs.push('unused-t');
    await vscode.commands.executeCommand(CommandIds.filterGroup, secrets);
    assert.deepEqual(await names(), ['unused-three', 'unused-two']);
    // The existing "clear filter" path (Filter by Name… left empty) clears both.
    w.script.inputs.push('');
    await vscode.commands.executeCommand(CommandIds.filterGroup, secrets);
    assert.deepEqual(await names(), all);
    assert.equal((await w.tree.item(secrets)).description, undefined);
    w.script.assertDone();
  });

  it('a file changed on disk is read again alone; its new reference counts, in the tree too', async () => {
    const file = fixture.files.find((f) => f.endsWith('svc3/appsettings.json'))!;
    const full = path.join(workspaceFolder(), file);
    const uri = vscode.Uri.file(full).toString();
    const before = new Map(index.indexedFiles().map((f) => [f, index.readCount(f)]));
    const original = fs.readFileSync(full, 'utf8');
    const changed = original.replace('"AllowedHosts": "*",', `"AllowedHosts": "*",\n  "Unused": "@Microsoft.KeyVault(SecretUri=${fixture.vaultUrl}/secrets/unused-one/)",`);
    try {
      fs.writeFileSync(full, changed);
      await eventually(() => check(() => assert.equal(index.filesUsing({ vaultUrl: fixture.vaultUrl, vaultName: WS_VAULT, kind: 'secret', name: 'unused-one' }), 1)), 15_000);
      assert.ok(index.readCount(uri) > before.get(uri)!, 'the changed file was read again');
      for (const [f, n] of before) if (f !== uri) assert.equal(index.readCount(f), n, `not read again: ${relative(f)}`);
      const row = await w.node('Secrets', 'unused-one');
      await eventually(async () => assert.match(String((await w.tree.item(row)).description), /used in 1 file/));
    } finally {
      fs.writeFileSync(full, original);
      await eventually(() => check(() => assert.equal(index.filesUsing({ vaultUrl: fixture.vaultUrl, vaultName: WS_VAULT, kind: 'secret', name: 'unused-one' }), 0)), 15_000);
    }
  });

  it("an open document's unsaved text wins over the disk (no read), and closing it without saving goes back", async () => {
    const file = fixture.files.find((f) => f.endsWith('stack2.tf'))!;
    const uri = vscode.Uri.file(path.join(workspaceFolder(), file));
    const query = { vaultUrl: fixture.vaultUrl, vaultName: WS_VAULT, kind: 'secret' as const, name: 'unused-two' };
    const reads = index.readCount(uri.toString());
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const block = `data "azurerm_key_vault_secret" "unsaved" {\n  name         = "unused-two"\n  key_vault_id = "/subscriptions/${WS_SUBSCRIPTION_ID}/resourceGroups/${WS_RESOURCE_GROUP}/providers/Microsoft.KeyVault/vaults/${WS_VAULT}"\n}\n`;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), block)));
    await eventually(() => check(() => assert.equal(index.filesUsing(query), 1)), 15_000);
    assert.equal(index.readCount(uri.toString()), reads, 'unsaved text is not read from disk');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => check(() => assert.equal(index.filesUsing(query), 0)), 15_000);
  });

  it('a new file is indexed, a deleted one dropped; a new file in an excluded folder is not read', async () => {
    const query = { vaultUrl: fixture.vaultUrl, vaultName: WS_VAULT, kind: 'secret' as const, name: 'unused-three' };
    const text = `{ "X": "@Microsoft.KeyVault(VaultName=${WS_VAULT};SecretName=unused-three)" }\n`;
    const excluded = path.join(fixture.root, 'search-excluded', 'late', 'appsettings.json');
    const added = path.join(fixture.root, 'services', 'late', 'appsettings.json');
    await writeWatched(fixture.root, [['search-excluded/late/appsettings.json', text], ['services/late/appsettings.json', text]]);
    await eventually(() => check(() => assert.equal(index.filesUsing(query), 1)), 15_000);
    assert.equal(index.readCount(vscode.Uri.file(excluded).toString()), 0);
    fs.rmSync(added);
    await eventually(() => check(() => assert.equal(index.filesUsing(query), 0)), 15_000);
  });
});

/** What the References view shows now: its title, and each reference row's location (file:line:character, 1-based), file by file. */
async function readReferencesView(relative: (uri: string) => string): Promise<{ title: string; locations: string[]; files: number }> {
  const extension = vscode.extensions.getExtension<SymbolTree>('vscode.references-view');
  assert.ok(extension, 'the built-in references view');
  const api = await extension.activate();
  const input = api.getInput();
  assert.ok(input, 'the References view has an input');
  const model = await input.resolve();
  assert.ok(model?.navigation);
  const files = ((await model.provider.getChildren()) ?? []);
  const locations: string[] = [];
  for (const file of files) {
    for (const ref of ((await model.provider.getChildren(file)) ?? [])) {
      const l = model.navigation.location(ref)!;
      locations.push(`${relative(l.uri.toString())}:${l.range.start.line + 1}:${l.range.start.character + 1}`);
    }
  }
  return { title: input.title, locations, files: files.length };
}
