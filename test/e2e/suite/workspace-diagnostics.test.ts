// Issue 19 acceptance inside VS Code (emulator), on the workspace of ./workspaceRefs.ts (≥ 30 files, 9 formats, > 100
// references, broken ones included): Check Key Vault References in Workspace marks exactly the broken references —
// files never opened included — with the open-file diagnostics' codes, from one listing per vault and kind (the
// emulator's request log: the secrets, keys and certificates listings, the deleted secrets listing because a name is
// missing, and the one versions listing of the one pinned secret — nothing per reference); a quick fix works on a
// workspace problem of a file that was not open (and is offered once); Delete, Disable and Purge confirmations name
// the number of files using the object, with Show References next to the unchanged destructive button; rotating the
// pinned secret offers to move its pins, the Refactor Preview applies them, and each ecosystem's own parser still
// accepts every rewritten file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listSecretVersions, latestSecretProperties, secretExists, updateSecret } from '../../../src/azure/secretOps';
import type { WorkspaceCheck } from '../../../src/editor/workspaceDiagnostics';
import { EditorCommandIds, HistoryCommandIds, SecretCommandIds } from '../../../src/model/commandIds';
import type { VersionNode } from '../../../src/tree/VersionNode';
import { findReferences } from '../../../src/references';
import { control, type LoggedRequest } from './emulator';
import { referencesWorld, type ReferencesWorld } from './references-world';
import { logCursor, ScriptedUi } from './scripted';
import { eventually } from './tree';
import { APP_DB_V2, excludeSettingsFor, seedWorkspaceVault, validateAll, workspaceFolder, writeWorkspaceReferences, WS_SUBSCRIPTION, WS_VAULT, type ExpectedReference, type WorkspaceFixture } from './workspaceRefs';
import { applyInRefactorPreview } from './refactorPreview';

const check = (f: () => void): Promise<void> => Promise.resolve().then(f);
const SOURCE = 'Azure Key Vault';
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const at = (file: string, line: number, character: number, endCharacter: number, code: string) => `${file}:${line + 1}:${character + 1}-${endCharacter + 1} ${code}`;
const expected = (r: ExpectedReference) => at(r.file, r.line, r.character, r.endCharacter, r.status);

describe('workspace diagnostics, impact before change, pinned versions (issue 19)', function () {
  this.timeout(180_000);
  let w: ReferencesWorld;
  let script: ScriptedUi;
  let fixture: WorkspaceFixture;
  const relative = (uri: vscode.Uri) => path.relative(workspaceFolder(), uri.fsPath).split(path.sep).join('/');
  const clients = async () => (await w.api.services.clients.get()).vaults;
  /** Our diagnostics in the fixture's files, as `file:line:col-col code`, sorted. */
  const shownProblems = () =>
    vscode.languages
      .getDiagnostics()
      .filter(([uri]) => relative(uri).startsWith(`${fixture.folder}/`))
      .flatMap(([uri, list]) => list.filter((d) => d.source === SOURCE).map((d) => at(relative(uri), d.range.start.line, d.range.start.character, d.range.end.character, codeOf(d))))
      .sort();
  const settings = async (value: WorkspaceFixture['excludeSettings'] | undefined) => {
    await vscode.workspace.getConfiguration('search').update('exclude', value?.search, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('exclude', value?.files, vscode.ConfigurationTarget.Global);
  };

  before(async () => {
    w = await referencesWorld({ seed: seedWorkspaceVault, subscription: WS_SUBSCRIPTION, vault: WS_VAULT, copyWorkspace: false });
    script = new ScriptedUi(w.realUi);
    w.api.ui.use(script.ui);
    const folder = `wsdiag-${Date.now().toString(36)}`;
    await settings(excludeSettingsFor(folder));
    fixture = await writeWorkspaceReferences({ folder });
    const index = w.api.services.workspaceReferences;
    await index.ready();
    const ours = () => index.all().filter((r) => r.file.includes(`/${folder}/`)).length;
    await eventually(() => check(() => assert.equal(ours(), fixture.references.length)), 30_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(() => script.assertDone());

  after(async () => {
    fixture?.remove();
    await settings(undefined);
    await w?.restore();
  });

  it('marks exactly the broken references, files never opened included, from one listing per vault and kind', async () => {
    assert.deepEqual(new Set(fixture.broken.map((r) => r.status)), new Set(['missing', 'deleted', 'disabled', 'expired', 'versionMissing']));
    assert.ok(!vscode.workspace.textDocuments.some((d) => relative(d.uri).startsWith(`${fixture.folder}/`)), 'no file of the fixture is open');
    const since = await logCursor();
    const result = await vscode.commands.executeCommand<WorkspaceCheck>(EditorCommandIds.checkWorkspaceReferences);
    assert.ok(result, `the check finished: ${script.errors.join(' | ')}`);
    assert.deepEqual(shownProblems(), fixture.broken.map(expected).sort());
    // The same messages as in an open file (src/editor/diagnostics.ts problemOf).
    const messages = new Set(vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === SOURCE).map((d) => d.message)));
    for (const m of [
      `The secret "ghost-secret" does not exist in key vault "${WS_VAULT}".`,
      `The secret "old-pass" is disabled in key vault "${WS_VAULT}": its value cannot be read.`,
      `Version deadbeefdeadbeefdeadbeefdeadbeef of the secret "app-db" does not exist in key vault "${WS_VAULT}".`,
    ]) assert.ok(messages.has(m), `"${m}" among the problems`);
    assert.ok([...messages].some((m) => /^The secret "retired-token" is deleted in key vault "kv-e2e-wsrefs"/.test(m)));
    assert.ok([...messages].some((m) => /^The secret "cert-pass" in key vault "kv-e2e-wsrefs" expired on /.test(m)));
    // Nothing on excluded files (never indexed).
    for (const file of fixture.excludedFiles) assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(workspaceFolder(), file))), [], file);
    // The summary counts every reference of the workspace (the e2e workspace's own files too).
    assert.ok(result.checked >= fixture.references.length && result.problems >= fixture.broken.length, JSON.stringify(result));
    assert.match(script.notices.at(-1)!, new RegExp(`^${result.checked} references in ${result.files} files checked: ${result.problems} problems`));
    // One listing per vault and kind (one page each: 15 objects), the deleted secrets because ghost-secret is
    // missing, the versions of app-db because references pin it — and no request per reference.
    const { requests } = await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${WS_VAULT}&sinceId=${since}`);
    const vaultRequests = requests.filter((r) => r.plane === 'vault').map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`).sort();
    assert.deepEqual(vaultRequests, ['GET /certificates', 'GET /deletedsecrets', 'GET /keys', 'GET /secrets', 'GET /secrets/app-db/versions']);
  });

  it('checking again replaces the results; an edited file drops its stale problems', async () => {
    const before = shownProblems();
    await vscode.commands.executeCommand(EditorCommandIds.checkWorkspaceReferences);
    assert.deepEqual(shownProblems(), before, 'the same problems, not twice');
    const broken = fixture.broken.find((r) => r.status === 'missing')!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(broken.uri));
    const typed = new vscode.WorkspaceEdit();
    typed.insert(document.uri, new vscode.Position(0, 0), ' ');
    assert.ok(await vscode.workspace.applyEdit(typed));
    await eventually(() => check(() => assert.ok(!shownProblems().some((p) => p.startsWith(`${broken.file}:`)), 'the edited file has no workspace problem left')));
    assert.equal(shownProblems().length, before.length - fixture.broken.filter((r) => r.file === broken.file).length, 'the other files keep theirs');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(0, 0, 0, 1));
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await document.save());
    await vscode.commands.executeCommand(EditorCommandIds.checkWorkspaceReferences);
    assert.deepEqual(shownProblems(), before);
  });

  it('a quick fix works on a workspace problem in a file that was not open, offered once', async () => {
    const disabled = fixture.broken.filter((r) => r.status === 'disabled' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === r.uri));
    assert.ok(disabled.length > 0, 'a disabled reference in a file not open');
    const target = disabled[0]!;
    const uri = vscode.Uri.parse(target.uri);
    const problem = vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && d.range.start.line === target.line && d.range.start.character === target.character);
    assert.ok(problem, 'the workspace problem is there before the file is opened');
    // As the Problems panel does: the file is opened (a model, here not shown) and its quick fixes asked at the problem.
    await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const enable = actions.filter((a) => a.title === 'Enable the secret "old-pass"');
    assert.equal(enable.length, 1, `offered once: ${actions.map((a) => a.title).join(', ')}`);
    try {
      await vscode.commands.executeCommand(enable[0]!.command!.command, ...(enable[0]!.command!.arguments ?? []));
      assert.equal((await latestSecretProperties(await clients(), fixture.vaultUrl, 'old-pass'))?.enabled, true);
      // Every workspace problem of old-pass goes (the object changed: resolved again); the others stay.
      const rest = fixture.broken.filter((r) => r.name !== 'old-pass').map(expected).sort();
      await eventually(() => check(() => assert.deepEqual(shownProblems(), rest)), 20_000);
    } finally {
      await updateSecret(await clients(), fixture.vaultUrl, 'old-pass', undefined, { enabled: false });
      w.api.services.view.refreshGroup({ name: WS_VAULT, vaultUrl: fixture.vaultUrl }, 'secret');
    }
  });

  it('a file shown in an editor: its problems once (the open-file diagnostics speak for it), back when it closes', async () => {
    const deleted = fixture.broken.find((r) => r.status === 'deleted' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === r.uri))!;
    const uri = vscode.Uri.parse(deleted.uri);
    const inFile = fixture.broken.filter((r) => r.uri === deleted.uri).map(expected).sort();
    const problemsOf = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).map((d) => at(deleted.file, d.range.start.line, d.range.start.character, d.range.end.character, codeOf(d))).sort();
    // old-pass is disabled again since the last test: a new check says so.
    await vscode.commands.executeCommand(EditorCommandIds.checkWorkspaceReferences);
    assert.deepEqual(problemsOf(), inFile);
    const editor = await vscode.window.showTextDocument(uri);
    // The open-file diagnostics take over (debounced): never twice, the same problems.
    await eventually(() => check(() => assert.deepEqual(problemsOf(), inFile)), 20_000);
    const range = new vscode.Range(deleted.line, deleted.character, deleted.line, deleted.endCharacter);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    assert.equal(actions.filter((a) => a.title === 'Recover the deleted secret "retired-token"').length, 1, actions.map((a) => a.title).join(', '));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => check(() => assert.ok(editor.document.isClosed || !vscode.window.visibleTextEditors.includes(editor))));
    await eventually(() => check(() => assert.deepEqual(problemsOf(), inFile)), 20_000);
  });

  it('Delete, Disable and Purge name the files using the object, with Show References beside the unchanged button', async () => {
    const files = fixture.filesUsing('secret', 'api-key');
    assert.ok(files > 1);
    script.script({ confirms: [undefined, 'Show References', undefined] });
    await vscode.commands.executeCommand(SecretCommandIds.delete, await w.node('Secrets', 'api-key'));
    const asked = script.confirms.at(-1)!;
    assert.match(asked.message, /^Delete secret "api-key" from kv-e2e-wsrefs\?$/);
    assert.ok(asked.detail.endsWith(`Used in ${files} files of the workspace.`), asked.detail);
    assert.deepEqual(asked.actions, ['Delete', 'Show References']);
    // Show References lists them and deletes nothing.
    await vscode.commands.executeCommand(SecretCommandIds.delete, await w.node('Secrets', 'api-key'));
    assert.equal(await secretExists(await clients(), fixture.vaultUrl, 'api-key'), true);
    assert.deepEqual(script.errors, []);
    await vscode.commands.executeCommand(SecretCommandIds.disable, await w.node('Secrets', 'api-key'));
    const disable = script.confirms.at(-1)!;
    assert.match(disable.message, /^Disable secret "api-key" in kv-e2e-wsrefs\?$/);
    assert.ok(disable.detail.endsWith(`Used in ${files} files of the workspace.`), disable.detail);
    assert.deepEqual(disable.actions, ['Disable', 'Show References']);
    assert.equal((await latestSecretProperties(await clients(), fixture.vaultUrl, 'api-key'))?.enabled, true);
    // Purge of a deleted object files still use: asked before the name is typed (dismissed here: nothing typed).
    script.script({ confirms: [undefined] });
    await vscode.commands.executeCommand(SecretCommandIds.purge, await w.node('Deleted', 'Deleted secrets', 'retired-token'));
    const purge = script.confirms.at(-1)!;
    assert.match(purge.message, /^Purge secret "retired-token" from kv-e2e-wsrefs\?$/);
    assert.ok(purge.detail.endsWith(`Used in ${fixture.filesUsing('secret', 'retired-token')} files of the workspace.`), purge.detail);
    assert.deepEqual(purge.actions, ['Purge…', 'Show References']);
    // An object no file uses: the confirmation says nothing more (and Disable does not ask at all).
    script.script({ confirms: [undefined] });
    await vscode.commands.executeCommand(SecretCommandIds.delete, await w.node('Secrets', 'unused-one'));
    assert.deepEqual(script.confirms.at(-1)!.actions, ['Delete']);
    assert.ok(!script.confirms.at(-1)!.detail.includes('Used in'));
  });

  it('rotating the pinned secret (New Version, then Make This Version Current) offers to move its pins; applied in the Refactor Preview, every file still parses', async () => {
    const pinned = fixture.expectedFor('secret', 'app-db', APP_DB_V2);
    const pinnedFiles = [...new Set(pinned.map((r) => r.file))];
    assert.ok(pinned.length > 3 && pinnedFiles.length > 1);
    const offer = `Update ${pinned.length} Pinned References to the New Version`;
    script.script({ picks: ['Enter the value'], inputs: ['app-db v3'], many: [[]], infoActions: [offer] });
    const result = await vscode.commands.executeCommand<{ version: string }>(SecretCommandIds.newVersion, await w.node('Secrets', 'app-db'));
    assert.ok(result?.version, `rotated: ${script.errors.join(' | ')}`);
    const [current] = await listSecretVersions(await clients(), fixture.vaultUrl, 'app-db');
    assert.equal(current!.version, result.version);
    assert.ok(script.infos.some((m) => m === `${pinned.length} references in ${pinnedFiles.length} files of the workspace are pinned to the previous version ${APP_DB_V2.slice(0, 8)} of app-db.`), script.infos.join(' | '));
    await applyInRefactorPreview(pinnedFiles.length);
    await eventually(() => check(() => assert.ok(script.notices.some((n) => n.startsWith(`${pinned.length} of ${pinned.length} pinned references of app-db now name version`)), script.notices.join(' | '))), 30_000);
    for (const file of pinnedFiles) {
      const text = (await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceFolder(), file)))).getText();
      const refs = findReferences(text).filter((r) => r.name === 'app-db');
      assert.equal(refs.filter((r) => r.version === APP_DB_V2).length, 0, `${file}: no pin to the replaced version left`);
      assert.equal(refs.filter((r) => r.version === result.version).length, pinned.filter((r) => r.file === file).length, `${file}: every pin moved`);
      // Saved as VS Code saves refactorings (files.refactoring.autoSave).
      await eventually(() => check(() => assert.ok(fs.readFileSync(path.join(workspaceFolder(), file), 'utf8').includes(result.version))));
    }
    assert.deepEqual(await validateAll(fixture), {});

    // Make This Version Current (V2 again): the pins now name the replaced version, and move on to the newest.
    const pinnedNow = fixture.expectedFor('secret', 'app-db', APP_DB_V2).length;
    script.script({ confirms: ['Make Current'], infoActions: [`Update ${pinnedNow} Pinned References to the New Version`] });
    const rows = (await w.tree.children(await w.node('Secrets', 'app-db'))) as VersionNode[];
    const v2 = rows.find((r) => r.version.version === APP_DB_V2) ?? assert.fail('no row for V2');
    const made = await vscode.commands.executeCommand<{ version: string }>(HistoryCommandIds.makeCurrent, v2);
    assert.ok(made?.version, `made current: ${script.errors.join(' | ')}`);
    await applyInRefactorPreview(pinnedFiles.length);
    await eventually(() => check(() => assert.ok(script.notices.some((n) => n.startsWith(`${pinnedNow} of ${pinnedNow} pinned references of app-db now name version ${made.version.slice(0, 8)}`)), script.notices.join(' | '))), 30_000);
    for (const file of pinnedFiles) {
      const text = (await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceFolder(), file)))).getText();
      assert.equal(findReferences(text).filter((r) => r.name === 'app-db' && r.version === made.version).length, pinned.filter((r) => r.file === file).length, file);
    }
    assert.deepEqual(await validateAll(fixture), {});
  });
});
