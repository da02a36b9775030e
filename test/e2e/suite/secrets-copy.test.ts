// Issue 5 acceptance inside VS Code: copy value (latest, a version) with clipboard clearing, copy identifiers and
// the vault URI, show value in a read-only keyvault: document, the "Enable" button of a disabled secret, and the
// palette flows (vault → secret by quick pick).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { latestSecretProperties } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import { VersionNode } from '../../../src/tree/VersionNode';
import { clipboardClearsAfter, secretsWorld, VAULTS, type SecretsWorld } from './secretsScript';
import { eventually } from './tree';

describe('secrets: copy and show (emulator)', function () {
  this.timeout(60_000);
  let w: SecretsWorld;
  const config = () => vscode.workspace.getConfiguration('azureKeyVault');

  before(async () => {
    w = await secretsWorld();
  });
  clipboardClearsAfter(1);
  after(async () => {
    if (w) w.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('copies the latest value, says when the clipboard clears, and clears it', async () => {
    const node = await w.node(VAULTS.main, 'Secrets', 'app-secret');
    const result = await vscode.commands.executeCommand<{ name: string; clearsInSeconds: number }>(Ids.copyValue, node);
    assert.equal(result.clearsInSeconds, 1);
    assert.equal(await vscode.env.clipboard.readText(), 'app-secret-v2');
    assert.match(w.script.notices.at(-1)!, /^Copied the value of app-secret\/[0-9a-f]{8}; clipboard clears in 1 s$/);
    await w.api.services.clipboard.settled();
    assert.equal(await vscode.env.clipboard.readText(), '');
  });

  it('leaves the clipboard alone when something else was copied meanwhile', async () => {
    await vscode.commands.executeCommand(Ids.copyValue, await w.node(VAULTS.main, 'Secrets', 'json-config'));
    assert.equal(await vscode.env.clipboard.readText(), '{"feature":true,"level":3}');
    await vscode.env.clipboard.writeText('something I copied myself');
    await w.api.services.clipboard.settled();
    assert.equal(await vscode.env.clipboard.readText(), 'something I copied myself');
  });

  it('copies the value of a selected (older) version, and never clears with 0 seconds', async () => {
    await config().update('clipboardClearSeconds', 0, vscode.ConfigurationTarget.Global);
    try {
      const versions = await w.tree.children(await w.node(VAULTS.main, 'Secrets', 'app-secret'));
      const oldest = versions.at(-1) as VersionNode;
      const result = await vscode.commands.executeCommand<{ version: string; clearsInSeconds: number }>(Ids.copyValue, oldest);
      assert.equal(result.version, oldest.version.version);
      assert.equal(result.clearsInSeconds, 0);
      assert.equal(await vscode.env.clipboard.readText(), 'app-secret-v1');
      assert.equal(w.api.services.clipboard.scheduled, 0);
      assert.match(w.script.notices.at(-1)!, /clipboard clearing is off/);
    } finally {
      await config().update('clipboardClearSeconds', 1, vscode.ConfigurationTarget.Global);
      await vscode.env.clipboard.writeText('');
    }
  });

  it('copies identifiers: unversioned on a secret, versioned on a version or on request, the vault URI', async () => {
    const url = w.vaultUrl(VAULTS.main);
    const item = await w.node(VAULTS.main, 'Secrets', 'app-secret');
    assert.equal(await vscode.commands.executeCommand(Ids.copyIdentifier, item), `${url}/secrets/app-secret`);
    assert.equal(await vscode.env.clipboard.readText(), `${url}/secrets/app-secret`);
    const [current] = (await w.tree.children(item)) as VersionNode[];
    assert.equal(await vscode.commands.executeCommand(Ids.copyIdentifier, current), `${url}/secrets/app-secret/${current!.version.version}`);
    assert.equal(await vscode.commands.executeCommand(Ids.copyVersionedIdentifier, item), `${url}/secrets/app-secret/${current!.version.version}`);
    assert.equal(await vscode.commands.executeCommand(Ids.copyVaultUri, await w.node(VAULTS.main)), `${url}/`);
    assert.equal(await vscode.env.clipboard.readText(), `${url}/`);
    assert.equal(w.api.services.clipboard.scheduled, 0, 'identifiers are not cleared');
  });

  it('works from the palette: vault → secret → which identifier', async () => {
    w.script.script({ picks: [VAULTS.main, 'app-secret', 'Current version'] });
    const id = await vscode.commands.executeCommand<string>(Ids.copyIdentifier);
    assert.match(id, new RegExp(`^${w.vaultUrl(VAULTS.main)}/secrets/app-secret/[0-9a-f]{32}$`));
  });

  it('shows a value in a read-only keyvault: editor in the language of its content type', async () => {
    const shown = await vscode.commands.executeCommand<{ uri: string; languageId: string }>(Ids.showValue, await w.node(VAULTS.main, 'Secrets', 'json-config'));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), shown.uri);
    assert.equal(editor.document.uri.scheme, 'keyvault');
    assert.equal(editor.document.languageId, 'json');
    assert.equal(editor.document.getText(), '{"feature":true,"level":3}');
    const stat = await vscode.workspace.fs.stat(editor.document.uri);
    assert.equal(stat.permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('changed'))), /read-only/);
    // Closing drops the value from memory.
    const path = editor.document.uri.path;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => Promise.resolve(assert.equal(w.api.services.documents.has(path), false)));
  });

  it('shows a value from the palette (vault → secret by quick pick)', async () => {
    w.script.script({ picks: [VAULTS.main, 'app-secret'] });
    await vscode.commands.executeCommand(Ids.showValue);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), 'app-secret-v2');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'plaintext');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('explains a disabled secret and its "Enable" button enables it', async () => {
    const node = await w.node(VAULTS.main, 'Secrets', 'off-secret');
    w.script.script({ errorActions: ['Enable'] });
    await vscode.commands.executeCommand(Ids.showValue, node);
    assert.match(w.script.errors.at(-1)!, /off-secret.*disabled.*Enable it/);
    const { vaults } = await w.api.services.clients.get();
    const props = await latestSecretProperties(vaults, w.vaultUrl(VAULTS.main), 'off-secret');
    assert.equal(props?.enabled, true);
    await vscode.commands.executeCommand(Ids.copyValue, await w.node(VAULTS.main, 'Secrets', 'off-secret'));
    assert.equal(await vscode.env.clipboard.readText(), 'off value');
    await w.api.services.clipboard.settled();
  });
});
