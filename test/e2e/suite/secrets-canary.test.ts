// Issue 5 acceptance inside VS Code: a CANARY value set through the extension and then used by every secret
// command (copy, show, edit + save, rotate, copy to another vault, delete, recover, errors) is nowhere it must not
// be: the extension's log files, every file under the test VS Code's user-data folder and the workspace folder,
// tree labels/descriptions/tooltips, notifications, confirmations and error messages, and the clipboard after
// clearing. Runs after every other suite (RUN_LAST in ../index.ts): its scans also cover whatever the earlier suites
// left behind in the logs, the user-data folder and the workspace.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { getSecretValue } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { VersionNode } from '../../../src/tree/VersionNode';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { SecretEditorDriver } from './secretEditorDriver';
import { filesContaining, filesHolding } from './scripted';
import { clipboardClearsAfter, secretsWorld, VAULTS, type SecretsWorld } from './secretsScript';
import { eventually, labelText } from './tree';

const CANARY = `CANARY-${randomUUID()}`;
const CANARY2 = `CANARY2-${randomUUID()}`;
const needles = canaryNeedles([CANARY, CANARY2]);

async function treeTexts(w: SecretsWorld, node: TreeNode, out: string[]): Promise<void> {
  const item = await w.tree.hovered(node);
  out.push(labelText(item), String(item.description ?? ''), typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));
  if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) for (const child of await w.tree.children(node)) await treeTexts(w, child, out);
}

describe('secrets: the CANARY value leaks nowhere (emulator)', function () {
  this.timeout(120_000);
  let w: SecretsWorld;

  before(async () => {
    w = await secretsWorld();
  });
  clipboardClearsAfter(1);
  after(() => {
    if (w) w.api.ui.reset();
  });

  it('is set, copied, shown, edited, rotated, copied to another vault, deleted and recovered through the extension', async () => {
    const group = await w.node(VAULTS.main, 'Secrets');
    w.script.script({ inputs: ['canary-secret', CANARY, '', '+30d', 'purpose=canary'], picks: ['Enter the value'] });
    await vscode.commands.executeCommand(Ids.create, group);
    const clients = (await w.api.services.clients.get()).vaults;
    assert.equal((await getSecretValue(clients, w.vaultUrl(VAULTS.main), 'canary-secret')).value, CANARY);

    const node = () => w.node(VAULTS.main, 'Secrets', 'canary-secret');
    await vscode.commands.executeCommand(Ids.copyValue, await node());
    assert.equal(await vscode.env.clipboard.readText(), CANARY);
    await w.api.services.clipboard.settled();

    await vscode.commands.executeCommand(Ids.showValue, await node());
    assert.equal(vscode.window.activeTextEditor?.document.getText(), CANARY);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    await vscode.commands.executeCommand(Ids.editValue, await node());
    const editor = SecretEditorDriver.active(w.api);
    await editor.type(CANARY2);
    w.script.script({ confirms: ['Save New Version'] });
    assert.equal(await editor.save(), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const versions = (await w.tree.children(await node())) as VersionNode[];
    await vscode.commands.executeCommand(Ids.copyValue, versions.at(-1));
    assert.equal(await vscode.env.clipboard.readText(), CANARY);
    await w.api.services.clipboard.settled();

    w.script.script({ picks: [VAULTS.target], inputs: ['canary-secret'] });
    await vscode.commands.executeCommand(Ids.copyToVault, await node());
    w.script.script({ picks: ['Enter the value'], inputs: [CANARY], many: [['Disable the previous version']] });
    await vscode.commands.executeCommand(Ids.newVersion, await node());

    w.script.script({ confirms: ['Delete'] });
    await vscode.commands.executeCommand(Ids.delete, await node());
    await vscode.commands.executeCommand(Ids.recover, await w.node(VAULTS.main, 'Deleted', 'Deleted secrets', 'canary-secret'));

    // An error path too: the disabled previous version's value cannot be read.
    const disabled = ((await w.tree.children(await node())) as VersionNode[])[1]!;
    w.script.script({ errorActions: [undefined] });
    await vscode.commands.executeCommand(Ids.showValue, disabled);
    assert.match(w.script.errors.at(-1)!, /disabled/);
    w.script.assertDone();
  });

  it('no log line, notification, confirmation, error message or tree text holds it', async () => {
    for (const text of [...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.allValidations]) {
      assert.ok(!text.includes(CANARY) && !text.includes(CANARY2), `shown to the user: ${text.slice(0, 80)}`);
    }
    const texts: string[] = [];
    for (const vault of [VAULTS.main, VAULTS.target]) await treeTexts(w, await w.node(vault), texts);
    assert.ok(texts.some((t) => t === 'canary-secret'), 'the tree was walked');
    assert.deepEqual(texts.filter((t) => t.includes(CANARY) || t.includes(CANARY2)), []);
    assert.equal(await vscode.env.clipboard.readText(), '', 'the clipboard was cleared');
  });

  it('no file under the extension logs, the user-data folder (its Backups too) or the workspace holds it', async () => {
    const ctx = w.api.services.context;
    // A value typed and left unsaved while the scan runs, after VS Code asked for its backup (issue 12).
    const refused = w.api.services.documents.secretValues.backupsRefused;
    await vscode.commands.executeCommand(Ids.editValue, await w.node(VAULTS.main, 'Secrets', 'canary-secret'));
    const unsaved = SecretEditorDriver.active(w.api);
    await unsaved.type(`${CANARY2} unsaved`);
    await eventually(() => Promise.resolve(assert.ok(w.api.services.documents.secretValues.backupsRefused > refused, 'VS Code asked for a backup')), 20_000);
    const { files, userData } = await leakScanFiles(w.api);
    assert.deepEqual(filesHolding(files, needles), []);
    await unsaved.revertAndClose();
    // Positive control: the scan does find a planted copy (as UTF-8, UTF-16 and base64).
    const probe = path.join(ctx.globalStorageUri.fsPath, 'canary-probe.txt');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    for (const encoded of [Buffer.from(`x${CANARY}x`), Buffer.from(CANARY2, 'utf16le'), Buffer.from(Buffer.from(CANARY).toString('base64'))]) {
      fs.writeFileSync(probe, encoded);
      assert.deepEqual(filesContaining(userData, needles), [probe]);
    }
    fs.rmSync(probe);
    await eventually(() => Promise.resolve(assert.equal(w.api.services.documents.size, 0, 'no value document left in memory')), 20_000);
  });
});
