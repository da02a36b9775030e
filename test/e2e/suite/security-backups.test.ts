// Issue 12 item 4 inside VS Code: what is typed into an Edit Secret Value editor and left unsaved never reaches
// VS Code's backups (hot exit writes a dirty text editor to the user-data folder's Backups about a second after
// typing). A positive control first proves the scan looks in the right place: a dirty writable `keyvault:` TEXT
// document (not a secret) IS backed up there by this VS Code.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { setSecret } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import { backupFolders, SecretEditorDriver } from './secretEditorDriver';
import { filesHolding, filesUnder } from './scripted';
import { secretsWorld, VAULTS, type SecretsWorld } from './secretsScript';
import { eventually } from './tree';

const backupFilesHolding = (folders: readonly string[], needle: string): string[] =>
  filesHolding(folders.flatMap((f) => filesUnder(f)), [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Replaces the whole text of a text editor the way typing does (a real edit, not saved). */
async function typeIntoText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text)));
  assert.equal(doc.isDirty, true);
}

/**
 * Types into whatever editor Edit Secret Value opened, unsaved: the secret value editor (a webview), or — as before
 * issue 12 — a `keyvault:` text editor, typed into with `TextEditor.edit`. Returns how to close it unsaved.
 */
async function typeIntoEditValue(w: SecretsWorld, text: string): Promise<{ dirty: () => boolean; revertAndClose: () => Promise<void> }> {
  const textEditor = vscode.window.activeTextEditor;
  if (textEditor?.document.uri.scheme === 'keyvault' && vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText) {
    await typeIntoText(textEditor, text);
    return { dirty: () => textEditor.document.isDirty, revertAndClose: async () => void (await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')) };
  }
  const editor = SecretEditorDriver.active(w.api);
  await editor.type(text);
  return { dirty: () => editor.isDirty(), revertAndClose: () => editor.revertAndClose() };
}

describe('security: unsaved secret values never reach VS Code backups (emulator)', function () {
  this.timeout(90_000);
  let w: SecretsWorld;
  let folders: string[];
  const node = () => eventually(() => w.node(VAULTS.main, 'Secrets', 'backup-canary'));

  before(async () => {
    // Auto-save (on by default in VS Code for the Web) would try to save the editors: that is not what is tested.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    w = await secretsWorld();
    folders = backupFolders(w.api.services.context.globalStorageUri);
    await setSecret((await w.api.services.clients.get()).vaults, w.vaultUrl(VAULTS.main), 'backup-canary', 'backup start');
    w.api.tree.refresh();
  });
  afterEach(() => w.script.assertDone());
  after(async () => {
    if (w) w.api.ui.reset();
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('hotExit', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('control: a dirty writable keyvault: text document (not a secret) IS backed up in that folder, even with files.hotExit off', async () => {
    const probe = `backup-probe-${randomUUID()}`;
    // The setting only changes what happens at shutdown: backups while editing are made anyway.
    await vscode.workspace.getConfiguration('files').update('hotExit', 'off', vscode.ConfigurationTarget.Global);
    const editor = await w.api.services.documents.openWritable('/backup-probe/probe.txt', 'probe start', () => Promise.resolve());
    await typeIntoText(editor, probe);
    const found = await eventually(() => Promise.resolve(backupFilesHolding(folders, probe)).then((f) => (assert.ok(f.length > 0, 'backed up'), f)), 15_000);
    assert.ok(found.every((f) => f.includes(`${path.sep}Backups${path.sep}`)), found.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => Promise.resolve(assert.deepEqual(backupFilesHolding(folders, probe), [], 'discarded on revert')), 15_000);
    await vscode.workspace.getConfiguration('files').update('hotExit', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a value typed into Edit Secret Value and left unsaved is never written to Backups (VS Code asked, got nothing)', async () => {
    const canary = `CANARY-BACKUP-${randomUUID()}`;
    const refusedBefore = w.api.services.documents.secretValues.backupsRefused;
    await vscode.commands.executeCommand(Ids.editValue, await node());
    const editor = await typeIntoEditValue(w, canary);
    // VS Code schedules a backup 1 s (2 s with a short auto-save delay) after the last change: watch for 6 s.
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      assert.deepEqual(backupFilesHolding(folders, canary), [], 'the unsaved value was written to a backup');
      await sleep(250);
    }
    assert.ok(w.api.services.documents.secretValues.backupsRefused > refusedBefore, 'VS Code asked the editor for a backup (and got none)');
    assert.equal(editor.dirty(), true, 'still unsaved: nothing was lost either');
    await editor.revertAndClose();
  });

  it('the editor stays an editor: VS Code undo and revert work on the value held in memory', async () => {
    await vscode.commands.executeCommand(Ids.editValue, await node());
    const editor = SecretEditorDriver.active(w.api);
    assert.equal(editor.text(), 'backup start');
    await editor.type('first change');
    await editor.type('second change');
    // VS Code files an edit asynchronously (its model is awaited first): an undo sent the same millisecond would
    // undo the edit before. A person's Ctrl+Z never comes that fast.
    await sleep(500);
    await vscode.commands.executeCommand('undo');
    await eventually(() => Promise.resolve(assert.equal(editor.text(), 'first change')));
    await vscode.commands.executeCommand('undo');
    await eventually(() => Promise.resolve(assert.equal(editor.isDirty(), false, 'back at the saved text: clean')));
    assert.equal(editor.text(), 'backup start');
    await vscode.commands.executeCommand('redo');
    await eventually(() => Promise.resolve(assert.equal(editor.isDirty(), true)));
    assert.equal(editor.text(), 'first change');
    await editor.revertAndClose();
    await eventually(() => Promise.resolve(assert.equal(editor.tab, undefined, 'closed')));
    assert.equal(w.api.services.documents.secretValues.has(editor.uri), false, 'its value dropped from memory');
  });
});
