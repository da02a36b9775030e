// Issue 14 items 1 and 2 inside VS Code: Edit Secret Value with `files.autoSave: afterDelay` (the browser's default)
// adds a version only on an explicit save (Ctrl+S in the editor, its Save button), never on a pause; and a secret
// deleted while its editor is open — through the tree or behind the extension's back — makes the save say so with
// a Recover action (not a wrapped FileSystemError), marks the tab, and Save As writes nothing anywhere.
// Counts are the emulator's; the settings changed here are put back after the suite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { deleteSecret, getSecretValue, listSecretVersions, secretExists } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import type { SaveFailure } from '../../../src/platform/documents/documents';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';
import { SecretEditorDriver } from './secretEditorDriver';
import { eventually } from './tree';

const SUBSCRIPTION = 'New User Editor E2E';
const SUBSCRIPTION_ID = 'e2e14000-0000-4000-8000-0000000000e1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-nu-editor';
const AUTO_SAVE_DELAY = 300;

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-nu-editor', location: 'westeurope', softDeleteRetentionInDays: 7, enableRbacAuthorization: true,
        secrets: [
          { name: 'auto-me', versions: [{ value: 'auto v1' }] },
          { name: 'gone-tree', versions: [{ value: 'tree v1' }] },
          { name: 'gone-direct', versions: [{ value: 'direct v1' }] },
        ],
      },
    ],
  });
}

const files = () => vscode.workspace.getConfiguration('files');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('new user: Edit Secret Value under autosave, and a secret deleted meanwhile (emulator)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  const url = () => w.vaultUrl(VAULT);
  const clients = async () => (await w.api.services.clients.get()).vaults;
  const versions = async (name: string) => (await listSecretVersions(await clients(), url(), name)).length;
  const editors = () => w.api.services.documents.secretValues;

  before(async () => {
    await files().update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    await files().update('autoSaveDelay', AUTO_SAVE_DELAY, vscode.ConfigurationTarget.Global);
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  afterEach(() => w.script.assertDone());
  after(async () => {
    if (w) w.api.ui.reset();
    await files().update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await files().update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputCustom && tab.isDirty) await new SecretEditorDriver(w.api, tab.input.uri).revertAndClose();
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function editing(name: string, text: string): Promise<SecretEditorDriver> {
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULT, 'Secrets', name));
    const editor = SecretEditorDriver.active(w.api);
    await editor.type(text);
    return editor;
  }

  it('item 1: with autosave afterDelay, pauses after typing add no version; Ctrl+S in the editor adds exactly one', async () => {
    const before = await versions('auto-me');
    // On today's main the first pause consumes this confirmation and writes a version.
    w.script.script({ confirms: ['Save New Version'] });
    const editor = await editing('auto-me', 'auto v2');
    await sleep(AUTO_SAVE_DELAY * 5);
    assert.equal(await versions('auto-me'), before, 'a pause after typing created a version');
    assert.equal(editor.isDirty(), true, 'still unsaved after the pause');
    await editor.type('auto v3');
    await sleep(AUTO_SAVE_DELAY * 5);
    assert.equal(await versions('auto-me'), before, 'a second pause created a version');
    assert.equal(w.script.confirms.length, 0, 'no save was even attempted');

    // The explicit save: Ctrl+S pressed in the page.
    await editors().pressSave(editor.uri);
    await eventually(async () => assert.equal(await versions('auto-me'), before + 1), 15_000);
    await eventually(() => Promise.resolve(assert.equal(editor.isDirty(), false)));
    assert.equal((await getSecretValue(await clients(), url(), 'auto-me')).value, 'auto v3');
    assert.match(w.script.confirms.at(-1)!.message, /Save auto-me as a new version in kv-nu-editor\?/);

    // After the first (confirmed) save, pauses still add nothing; the page's Save button adds one.
    await editor.type('auto v4');
    await sleep(AUTO_SAVE_DELAY * 5);
    assert.equal(await versions('auto-me'), before + 1, 'a pause after a confirmed save created a version');
    await editors().clickSave(editor.uri);
    await eventually(async () => assert.equal(await versions('auto-me'), before + 2), 15_000);
    assert.equal((await getSecretValue(await clients(), url(), 'auto-me')).value, 'auto v4');
    assert.equal(w.script.confirms.length, 1, 'confirmed once');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('item 2: deleted through the tree while open — the tab is marked, the save says so and Recover brings it back', async () => {
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await editing('gone-tree', 'tree mine');
      w.script.script({ confirms: ['Delete'] });
      await vscode.commands.executeCommand(Ids.delete, await w.node(VAULT, 'Secrets', 'gone-tree'));
      await eventually(() => Promise.resolve(assert.match(editor.tab?.label ?? '', /^gone-tree \(deleted\)$/)));

      const failures: SaveFailure[] = [];
      const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
      try {
        w.script.script({ errorActions: ['Recover'] });
        assert.equal(await editor.save(), false);
        assert.equal(editor.isDirty(), true);
        assert.equal(editor.text(), 'tree mine', 'nothing is lost');
        const message = failures.at(-1)?.message ?? '';
        assert.match(message, /gone-tree was deleted in kv-nu-editor \(recoverable until \d{4}-\d{2}-\d{2}\)/);
        assert.doesNotMatch(message, /Unable to write file|FileSystemError|Unavailable/);
        assert.deepEqual(w.script.errorButtons.at(-1), ['Recover']);
        await eventually(async () => assert.equal(await secretExists(await clients(), url(), 'gone-tree'), true), 20_000);
        await eventually(() => Promise.resolve(assert.equal(editor.tab?.label, 'gone-tree')));

        const before = await versions('gone-tree');
        w.script.script({ confirms: ['Save New Version'] });
        assert.equal(await editor.save(), true);
        assert.equal(await versions('gone-tree'), before + 1);
        assert.equal((await getSecretValue(await clients(), url(), 'gone-tree')).value, 'tree mine');
      } finally {
        listener.dispose();
      }
    } finally {
      await files().update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('item 2: deleted behind the extension\'s back — the save explains it (no version, tab marked); Save As writes no file', async () => {
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const canary = `direct-canary-${Date.now()}`;
      const editor = await editing('gone-direct', canary);
      await deleteSecret(await clients(), url(), 'gone-direct');
      const failures: SaveFailure[] = [];
      const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
      try {
        w.script.script({ errorActions: [undefined] });
        assert.equal(await editor.save(), false);
        assert.equal(editor.isDirty(), true);
        assert.match(failures.at(-1)?.message ?? '', /gone-direct was deleted in kv-nu-editor \(recoverable until \d{4}-\d{2}-\d{2}\)/);
        assert.deepEqual(w.script.errorButtons.at(-1), ['Recover']);
        await eventually(() => Promise.resolve(assert.match(editor.tab?.label ?? '', /^gone-direct \(deleted\)$/)));
        assert.equal(await secretExists(await clients(), url(), 'gone-direct'), false, 'no version was written');
      } finally {
        listener.dispose();
      }

      // VS Code's Save As asks the editor's provider to write to the chosen file: it refuses, so nothing is written.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-saveas-'));
      const target = vscode.Uri.file(path.join(dir, 'gone-direct.txt'));
      await assert.rejects(editors().saveAsForTest(editor.uri, target), /never saved to a file/);
      assert.deepEqual(fs.readdirSync(dir), [], 'Save As wrote a file');
      fs.rmSync(dir, { recursive: true, force: true });
      await editor.revertAndClose();
    } finally {
      await files().update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    }
  });
});
