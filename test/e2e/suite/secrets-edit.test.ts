// Issue 5 acceptance inside VS Code: Edit Value in a writable keyvault: editor — save creates a new version
// (confirmed the first time), a newer version since opening is a conflict (Compare / Overwrite), and a
// connection reset in the middle of a save tells the user and leaves the editor dirty: nothing is lost.
// The editor is the secret value editor (a webview: issue 12), driven through ./secretEditorDriver.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getSecretValue, listSecretVersions, setSecret } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import type { SaveFailure } from '../../../src/platform/documents/documents';
import { control } from './emulator';
import { SecretEditorDriver } from './secretEditorDriver';
import { secretsWorld, VAULTS, type SecretsWorld } from './secretsScript';

describe('secrets: edit value (emulator)', function () {
  this.timeout(90_000);
  let w: SecretsWorld;
  const url = () => w.vaultUrl(VAULTS.main);
  const clients = async () => (await w.api.services.clients.get()).vaults;

  before(async () => {
    // Explicit saves only: auto-save (on by default in VS Code for the Web) would start saves of its own.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    w = await secretsWorld();
  });
  after(async () => {
    if (w) w.api.ui.reset();
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await control('DELETE', '/faults');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('opens a writable keyvault: editor; saving adds a version (confirmed once), content type and tags kept', async () => {
    const before = await listSecretVersions(await clients(), url(), 'edit-me');
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULTS.main, 'Secrets', 'edit-me'));
    const editor = SecretEditorDriver.active(w.api);
    assert.equal(editor.uri.scheme, 'keyvault');
    assert.equal(editor.tab?.label, 'edit-me');
    assert.equal(editor.text(), '{"a":1}');

    await editor.type('{"a":2}');
    w.script.script({ confirms: ['Save New Version'] });
    assert.equal(await editor.save(), true);
    assert.match(w.script.confirms.at(-1)!.message, /Save edit-me as a new version in kv-sec-main\?/);
    let read = await getSecretValue(await clients(), url(), 'edit-me');
    assert.equal(read.value, '{"a":2}');
    assert.equal(read.properties.contentType, 'application/json');
    assert.deepEqual(read.properties.tags, { kind: 'config' });
    assert.equal((await listSecretVersions(await clients(), url(), 'edit-me')).length, before.length + 1);
    assert.match(w.script.notices.at(-1)!, /^Saved edit-me as new version [0-9a-f]{8}$/);

    const confirmations = w.script.confirms.length;
    await editor.type('{"a":3}');
    assert.equal(await editor.save(), true, 'no second confirmation');
    assert.equal(w.script.confirms.length, confirmations);
    read = await getSecretValue(await clients(), url(), 'edit-me');
    assert.equal(read.value, '{"a":3}');
    assert.equal(editor.isDirty(), false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a newer version since opening is a conflict: dismiss keeps it dirty, Compare opens a diff, Overwrite saves', async () => {
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULTS.main, 'Secrets', 'conflict-me'));
    const editor = SecretEditorDriver.active(w.api);
    assert.equal(editor.text(), 'conflict v1');
    await setSecret(await clients(), url(), 'conflict-me', 'conflict v2 from someone else');
    await editor.type('conflict mine');
    const failures: SaveFailure[] = [];
    const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
    try {
      w.script.script({ confirms: [undefined] });
      assert.equal(await editor.save(), false);
      assert.equal(editor.isDirty(), true);
      assert.match(w.script.confirms.at(-1)!.message, /conflict-me changed since you opened it/);
      assert.match(failures.at(-1)!.message, /Not saved: conflict-me has a newer version \([0-9a-f]{8}\)\. Your changes are kept/);

      w.script.script({ confirms: ['Compare'] });
      assert.equal(await editor.save(), false);
      const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff);
      assert.ok(diff, 'a diff editor is open');
      assert.match(diff.label, /conflict-me: [0-9a-f]{8} \(current\) ↔ yours/);

      w.script.script({ confirms: ['Overwrite'] });
      assert.equal(await editor.save(), true);
      assert.equal((await getSecretValue(await clients(), url(), 'conflict-me')).value, 'conflict mine');
      assert.equal((await listSecretVersions(await clients(), url(), 'conflict-me')).length, 3);
    } finally {
      listener.dispose();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a connection reset during the save: the user is told, the editor stays dirty, a retry saves', async () => {
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULTS.main, 'Secrets', 'reset-me'));
    const editor = SecretEditorDriver.active(w.api);
    await editor.type('reset v2');
    // More resets than the SDK's own retries of a network error.
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULTS.main, method: 'PUT' }, action: 'reset', count: 10 });
    const failures: SaveFailure[] = [];
    const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
    try {
      w.script.script({ confirms: ['Save New Version'] });
      assert.equal(await editor.save(), false);
      assert.equal(editor.isDirty(), true);
      assert.equal(editor.text(), 'reset v2', 'nothing is lost');
      assert.match(failures.at(-1)!.message, /^Not saved \(your changes are kept\): Could not write a new version of "reset-me" in kv-sec-main: Azure could not be reached/);
      assert.equal((await getSecretValue(await clients(), url(), 'reset-me')).value, 'reset v1');
      await control('DELETE', '/faults');
      assert.equal(await editor.save(), true);
      assert.equal(editor.isDirty(), false);
      assert.equal((await getSecretValue(await clients(), url(), 'reset-me')).value, 'reset v2');
    } finally {
      listener.dispose();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses to save a value over 25 KB (no request), keeping the editor dirty', async () => {
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULTS.main, 'Secrets', 'reset-me'));
    const editor = SecretEditorDriver.active(w.api);
    await editor.type('q'.repeat(25 * 1024 + 1));
    const failures: SaveFailure[] = [];
    const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
    try {
      assert.equal(await editor.save(), false);
      assert.match(failures.at(-1)!.message, /^Not saved: The value is 25\.0 KB \(25,601 bytes\)/);
    } finally {
      listener.dispose();
    }
    await editor.revertAndClose();
  });
});
