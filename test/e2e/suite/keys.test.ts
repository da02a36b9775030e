// Issue 6 (keys) inside VS Code against the emulator: details document, create, rotate, enable/disable, expiry
// and tags, rotation policy, delete → recover → purge (and the refusals made before any request), export of the
// public key. Every command's effect is checked in the emulator through the extension's own src/azure clients
// and the request log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KeyCommandIds as Ids } from '../../../src/model/commandIds';
import { keysWorld, VAULTS, type KeysWorld } from './keysWorld';
import { logCursor, requestsSince } from './scripted';

describe('keys: details, create, rotate, attributes, policy, lifecycle (emulator)', function () {
  this.timeout(60_000);
  let w: KeysWorld;
  const url = () => w.vaultUrl(VAULTS.main);
  const keys = async () => (await w.api.services.clients.get()).vaults.keys(url());

  before(async () => {
    w = await keysWorld();
  });
  after(() => {
    if (w) w.api.ui.reset();
  });
  afterEach(() => w.script.assertDone());

  it('shows a key in a read-only keyvault: JSON document with one GET and no private material', async () => {
    const node = await w.node(VAULTS.main, 'Keys', 'app-rsa');
    const since = await logCursor();
    const doc = await vscode.commands.executeCommand<Record<string, unknown>>(Ids.showDetails, node);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('/keys/app-rsa')), ['200 GET /keys/app-rsa/']);
    assert.equal(doc.keyType, 'RSA');
    assert.equal(doc.keySize, 2048);
    assert.equal(doc.hsmBacked, false);
    assert.deepEqual([...(doc.allowedOperations as string[])].sort(), ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey']);
    assert.deepEqual(doc.tags, { team: 'payments' });
    assert.deepEqual(Object.keys(doc.publicKeyJwk as object).sort(), ['e', 'key_ops', 'kid', 'kty', 'n']);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'keyvault');
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), doc);
    assert.ok(!/"(d|p|q|dp|dq|qi)"\s*:/.test(editor.document.getText()), 'no private JWK member');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('creates an EC P-384 key from the palette (operations, expiry, tags) and refuses a bad name before any request', async () => {
    const since = await logCursor();
    w.script.script({ picks: [VAULTS.main], inputs: ['bad name!'] });
    await vscode.commands.executeCommand(Ids.create);
    assert.match(w.script.validations[0] ?? '', /letters, digits and hyphens/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => !r.includes(' GET ')), []);

    w.script.script({ picks: [VAULTS.main, 'EC P-384'], inputs: ['made-key', '+90d', 'env=e2e, owner=keys'], many: [['sign', 'verify']] });
    const created = await vscode.commands.executeCommand<{ name: string }>(Ids.create);
    assert.equal(created.name, 'made-key');
    const key = await (await keys()).getKey('made-key');
    assert.equal(key.keyType, 'EC');
    assert.equal(key.key?.crv, 'P-384');
    assert.deepEqual([...(key.keyOperations ?? [])].sort(), ['sign', 'verify']);
    assert.deepEqual(key.properties.tags, { env: 'e2e', owner: 'keys' });
    const days = (key.properties.expiresOn!.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 89.9 && days <= 90, String(days));
    assert.ok((await w.tree.labels(await w.node(VAULTS.main, 'Keys'))).includes('made-key'), 'the Keys group was refreshed');
  });

  it('rotates now: a new current version (one POST …/rotate)', async () => {
    const before = await (await keys()).getKey('rotate-me');
    const since = await logCursor();
    w.script.script({ confirms: ['Rotate'] });
    const rotated = await vscode.commands.executeCommand<{ version: string }>(Ids.rotate, await w.node(VAULTS.main, 'Keys', 'rotate-me'));
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('POST')), ['200 POST /keys/rotate-me/rotate']);
    const after = await (await keys()).getKey('rotate-me');
    assert.notEqual(after.properties.version, before.properties.version);
    assert.equal(after.properties.version, rotated.version);
    assert.equal((await w.tree.children(await w.node(VAULTS.main, 'Keys', 'rotate-me'))).length, 2);
  });

  it('disables and enables a key; refuses to disable a key owned by a certificate without a request', async () => {
    await vscode.commands.executeCommand(Ids.disable, await w.node(VAULTS.main, 'Keys', 'app-ec'));
    assert.equal((await (await keys()).getKey('app-ec')).properties.enabled, false);
    assert.match(String((await w.tree.item(await w.node(VAULTS.main, 'Keys', 'app-ec'))).contextValue), /^key;disabled/);
    await vscode.commands.executeCommand(Ids.enable, await w.node(VAULTS.main, 'Keys', 'app-ec'));
    assert.equal((await (await keys()).getKey('app-ec')).properties.enabled, true);

    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.disable, await w.node(VAULTS.main, 'Keys', 'web'));
    assert.match(w.script.errors.at(-1) ?? '', /belongs to the certificate/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PATCH')), []);
  });

  it('edits expiry and tags (one PATCH each)', async () => {
    const since = await logCursor();
    w.script.script({ inputs: ['+120d'] });
    await vscode.commands.executeCommand(Ids.editExpiry, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    w.script.script({ inputs: ['team=crypto, env=e2e'] });
    await vscode.commands.executeCommand(Ids.editTags, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    const key = await (await keys()).getKey('app-rsa');
    const days = (key.properties.expiresOn!.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 119.9 && days <= 120, String(days));
    assert.deepEqual(key.properties.tags, { team: 'crypto', env: 'e2e' });
    assert.equal((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PATCH')).length, 2);
  });

  it('edits the rotation policy (ISO 8601 durations checked first) and shows it', async () => {
    const node = () => w.node(VAULTS.main, 'Keys', 'app-ec');
    let since = await logCursor();
    w.script.script({ picks: ['Rotate a set time after creation'], inputs: ['P3D'] });
    await vscode.commands.executeCommand(Ids.editRotationPolicy, await node());
    assert.match(w.script.validations[0] ?? '', /at least 7 days/);
    assert.match(w.script.errors.at(-1) ?? '', /at least 7 days/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PUT')), [], 'nothing sent');

    since = await logCursor();
    w.script.script({ picks: ['Rotate a set time after creation'], inputs: ['p90d', 'P1Y', 'P30D'] });
    await vscode.commands.executeCommand(Ids.editRotationPolicy, await node());
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PUT')), ['200 PUT /keys/app-ec/rotationpolicy']);
    const policy = await (await keys()).getKeyRotationPolicy('app-ec');
    assert.deepEqual(policy.lifetimeActions?.map((a) => [a.action, a.timeAfterCreate ?? a.timeBeforeExpiry]), [['Rotate', 'P90D'], ['Notify', 'P30D']]);
    assert.equal(policy.expiresIn, 'P1Y');

    const doc = await vscode.commands.executeCommand<{ lifetimeActions: unknown[]; expiryTime: string }>(Ids.showRotationPolicy, await node());
    assert.equal(doc.expiryTime, 'P1Y');
    assert.equal(doc.lifetimeActions.length, 2);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('deletes (soft, with the retention in the confirmation), recovers from the Deleted node, purges after typing the name', async () => {
    w.script.script({ confirms: ['Delete'] });
    await vscode.commands.executeCommand(Ids.delete, await w.node(VAULTS.main, 'Keys', 'del-key'));
    assert.match(w.script.confirms.at(-1)?.detail ?? '', /recovered for 7 days/);
    assert.equal((await (await keys()).getDeletedKey('del-key')).name, 'del-key');
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Keys'))).includes('del-key'));

    const deletedNode = await w.node(VAULTS.main, 'Deleted', 'Deleted keys', 'del-key');
    await vscode.commands.executeCommand(Ids.recover, deletedNode);
    assert.equal((await (await keys()).getKey('del-key')).name, 'del-key');

    const since = await logCursor();
    w.script.script({ inputs: ['purge-ke', 'purge-key'] });
    await vscode.commands.executeCommand(Ids.purge, await w.node(VAULTS.main, 'Deleted', 'Deleted keys', 'purge-key'));
    assert.match(w.script.errors.at(-1) ?? '', /does not match/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('DELETE')), [], 'a wrong name sends nothing');
    await vscode.commands.executeCommand(Ids.purge, await w.node(VAULTS.main, 'Deleted', 'Deleted keys', 'purge-key'));
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('DELETE')), ['204 DELETE /deletedkeys/purge-key']);
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Deleted', 'Deleted keys'))).includes('purge-key'));
  });

  it('recovers from the palette (vault, then deleted key) and refuses purge under purge protection before any request', async () => {
    w.script.script({ picks: [VAULTS.main, 'gone-key'] });
    await vscode.commands.executeCommand(Ids.recover);
    assert.equal((await (await keys()).getKey('gone-key')).name, 'gone-key');

    const ppKey = await w.node(VAULTS.pp, 'Deleted', 'Deleted keys', 'pp-key');
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.purge, ppKey);
    assert.match(w.script.errors.at(-1) ?? '', /purge protection is on/);
    assert.deepEqual(await requestsSince(since, VAULTS.pp), []);
  });

  it('exports the public key as PEM into an untitled editor and as JWK into a file the user picks', async () => {
    w.script.script({ picks: ['PEM', 'New untitled editor'] });
    const pem = await vscode.commands.executeCommand<{ text: string }>(Ids.exportPublicKey, await w.node(VAULTS.main, 'Keys', 'app-ec'));
    assert.match(pem.text, /^-----BEGIN PUBLIC KEY-----/);
    assert.equal(vscode.window.activeTextEditor?.document.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), pem.text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const folder = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'kv-keys-e2e-')));
    const file = vscode.Uri.joinPath(folder, 'app-ec.public.jwk.json');
    w.script.script({ picks: ['JWK', 'Save to a file…'], saves: [file] });
    await vscode.commands.executeCommand(Ids.exportPublicKey, await w.node(VAULTS.main, 'Keys', 'app-ec'));
    const jwk = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as Record<string, unknown>;
    assert.equal(jwk.kty, 'EC');
    assert.equal(jwk.crv, 'P-256');
    assert.ok(!('d' in jwk));
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });
});
