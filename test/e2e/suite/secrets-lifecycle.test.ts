// Issue 5 acceptance inside VS Code: edit attributes (enable/disable, expiry, activation, content type, tags),
// soft delete (multi-select, retention in the confirmation), permanent delete without soft delete, recover,
// purge (typed name; refused before any call with purge protection), copy to another vault, palette flows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getDeletedSecret, getSecretValue, latestSecretProperties, listSecretVersions, secretExists } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import type { VersionNode } from '../../../src/tree/VersionNode';
import { secretsWorld, VAULTS, writes, type SecretsWorld } from './secretsScript';
import { logCursor, requestsSince } from './scripted';

describe('secrets: attributes, delete, recover, purge, copy (emulator)', function () {
  this.timeout(60_000);
  let w: SecretsWorld;
  const url = (v: string) => w.vaultUrl(v);
  const clients = async () => (await w.api.services.clients.get()).vaults;

  before(async () => {
    w = await secretsWorld();
  });
  after(() => {
    if (w) w.api.ui.reset();
  });
  afterEach(() => w.script.assertDone());

  it('disables and enables a version from its node', async () => {
    const [current] = (await w.tree.children(await w.node(VAULTS.main, 'Secrets', 'attr-secret'))) as VersionNode[];
    await vscode.commands.executeCommand(Ids.disable, current);
    assert.equal((await latestSecretProperties(await clients(), url(VAULTS.main), 'attr-secret'))?.enabled, false);
    const [again] = (await w.tree.children(await w.node(VAULTS.main, 'Secrets', 'attr-secret'))) as VersionNode[];
    assert.match(String((await w.tree.item(again!)).contextValue), /^version;secret;disabled/);
    await vscode.commands.executeCommand(Ids.enable, again);
    assert.equal((await latestSecretProperties(await clients(), url(VAULTS.main), 'attr-secret'))?.enabled, true);
  });

  it('edits expiry, activation date, content type and tags (add, change, remove), one PATCH each', async () => {
    const node = () => w.node(VAULTS.main, 'Secrets', 'attr-secret');
    const since = await logCursor();
    w.script.script({ picks: ['Expiry date'], inputs: ['+60d'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Activation date'], inputs: ['2026-01-01'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Content type'], inputs: ['application/xml'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Tags', 'Add a tag'], inputs: ['team', 'payments'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Tags', 'Add a tag'], inputs: ['env', 'prod'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Tags', 'team', 'Change the value'], inputs: ['billing'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    w.script.script({ picks: ['Tags', 'env', 'Remove the tag'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await node());
    const props = (await latestSecretProperties(await clients(), url(VAULTS.main), 'attr-secret'))!;
    const days = (props.expiresOn!.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 59.9 && days <= 60, String(days));
    assert.equal(props.notBefore?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(props.contentType, 'application/xml');
    assert.deepEqual(props.tags, { team: 'billing' });
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)).map((r) => r.replace(/\/([0-9a-f]{32})?$/, '')), Array(7).fill('200 PATCH /secrets/attr-secret'));
  });

  it('refuses a 16th tag and a date it cannot remove, without a request', async () => {
    const since = await logCursor();
    const tags = Array.from({ length: 15 }, (_, i) => `t${i}=v`).join(', ');
    w.script.script({ picks: ['Tags', 'Edit all as text'], inputs: [tags] });
    await vscode.commands.executeCommand(Ids.editAttributes, await w.node(VAULTS.main, 'Secrets', 'attr-secret'));
    const afterFifteen = await logCursor();
    w.script.script({ picks: ['Tags', 'Add a tag'] });
    await vscode.commands.executeCommand(Ids.editAttributes, await w.node(VAULTS.main, 'Secrets', 'attr-secret'));
    assert.match(w.script.errors.at(-1)!, /at most 15 tags: remove one first/);
    w.script.script({ picks: ['Expiry date'], inputs: [''] });
    await vscode.commands.executeCommand(Ids.editAttributes, await w.node(VAULTS.main, 'Secrets', 'attr-secret'));
    assert.match(w.script.errors.at(-1)!, /cannot remove the expiry date/);
    assert.deepEqual(writes(await requestsSince(afterFifteen, VAULTS.main)), []);
    assert.equal(writes(await requestsSince(since, VAULTS.main)).length, 1);
  });

  it('soft-deletes several selected secrets: the confirmation names them and the retention; they move to Deleted', async () => {
    const one = await w.node(VAULTS.main, 'Secrets', 'del-one');
    const two = await w.node(VAULTS.main, 'Secrets', 'del-two');
    w.script.script({ confirms: ['Delete'] });
    const result = await vscode.commands.executeCommand<{ deleted: string[]; permanent: boolean }>(Ids.delete, one, [one, two]);
    assert.deepEqual(result, { deleted: ['del-one', 'del-two'], permanent: false });
    const asked = w.script.confirms.at(-1)!;
    assert.equal(asked.message, 'Delete 2 secrets from kv-sec-main?');
    assert.match(asked.detail, /del-one, del-two/);
    assert.match(asked.detail, /recovered for 7 days/);
    for (const name of ['del-one', 'del-two']) assert.ok(await getDeletedSecret(await clients(), url(VAULTS.main), name));
    const labels = await w.tree.labels(await w.node(VAULTS.main, 'Deleted', 'Deleted secrets'));
    assert.ok(labels.includes('del-one') && labels.includes('del-two'), labels.join(', '));
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Secrets'))).includes('del-one'));
  });

  it('says a delete is permanent when the vault has no soft delete', async () => {
    w.script.script({ confirms: ['Delete Permanently'] });
    const result = await vscode.commands.executeCommand<{ permanent: boolean }>(Ids.delete, await w.node(VAULTS.nosd, 'Secrets', 'temp-secret'));
    assert.equal(result.permanent, true);
    assert.match(w.script.confirms.at(-1)!.detail, /Soft delete is OFF on this vault: the delete is PERMANENT/);
    assert.equal(await secretExists(await clients(), url(VAULTS.nosd), 'temp-secret'), false);
    assert.equal(await getDeletedSecret(await clients(), url(VAULTS.nosd), 'temp-secret'), undefined);
  });

  it('does nothing when the delete is not confirmed', async () => {
    const since = await logCursor();
    w.script.script({ confirms: [undefined] });
    await vscode.commands.executeCommand(Ids.delete, await w.node(VAULTS.main, 'Secrets', 'attr-secret'));
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), []);
  });

  it('recovers a deleted secret from the Deleted group: back in Secrets and revealed', async () => {
    const deleted = await w.node(VAULTS.main, 'Deleted', 'Deleted secrets', 'del-one');
    const recovered = await vscode.commands.executeCommand<string[]>(Ids.recover, deleted);
    assert.deepEqual(recovered, ['del-one']);
    assert.equal(await secretExists(await clients(), url(VAULTS.main), 'del-one'), true);
    assert.ok((await w.tree.labels(await w.node(VAULTS.main, 'Secrets'))).includes('del-one'));
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Deleted', 'Deleted secrets'))).includes('del-one'));
    assert.equal(w.api.treeView.selection[0]?.id, (await w.node(VAULTS.main, 'Secrets', 'del-one')).id);
  });

  it('purges only after the exact name is typed', async () => {
    const since = await logCursor();
    w.script.script({ inputs: ['purge-m'] });
    await vscode.commands.executeCommand(Ids.purge, await w.node(VAULTS.main, 'Deleted', 'Deleted secrets', 'purge-me'));
    assert.match(w.script.validations.at(-1)!, /Type purge-me exactly/);
    assert.match(w.script.errors.at(-1)!, /does not match "purge-me": nothing was purged/);
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), []);
    w.script.script({ inputs: ['purge-me'] });
    await vscode.commands.executeCommand(Ids.purge, await w.node(VAULTS.main, 'Deleted', 'Deleted secrets', 'purge-me'));
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), ['204 DELETE /deletedsecrets/purge-me']);
    assert.equal(await getDeletedSecret(await clients(), url(VAULTS.main), 'purge-me'), undefined);
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Deleted', 'Deleted secrets'))).includes('purge-me'));
  });

  it('refuses to purge with purge protection on, before any request', async () => {
    const node = await w.node(VAULTS.pp, 'Deleted', 'Deleted secrets', 'pp-deleted');
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.purge, node);
    assert.match(w.script.errors.at(-1)!, /"pp-deleted" cannot be purged: purge protection is on for kv-sec-pp\. Key Vault purges it automatically on \d{4}-\d{2}-\d{2}/);
    assert.deepEqual(await requestsSince(since, VAULTS.pp), [], 'no request at all');
  });

  it('recovers from the palette (vault → deleted secret)', async () => {
    w.script.script({ picks: [VAULTS.main, 'del-two'] });
    await vscode.commands.executeCommand(Ids.recover);
    assert.equal(await secretExists(await clients(), url(VAULTS.main), 'del-two'), true);
  });

  it('copies a secret with its content type and tags to another vault picked from the tree', async () => {
    w.script.script({ picks: [VAULTS.target], inputs: ['app-secret'] });
    const result = await vscode.commands.executeCommand<{ vault: string; name: string }>(Ids.copyToVault, await w.node(VAULTS.main, 'Secrets', 'app-secret'));
    assert.deepEqual({ vault: result.vault, name: result.name }, { vault: VAULTS.target, name: 'app-secret' });
    const source = await getSecretValue(await clients(), url(VAULTS.main), 'app-secret');
    const copied = await getSecretValue(await clients(), url(VAULTS.target), 'app-secret');
    assert.equal(copied.value, source.value);
    assert.equal(copied.properties.contentType, 'text/plain');
    assert.deepEqual(copied.properties.tags, source.properties.tags);
    assert.ok((await w.tree.labels(await w.node(VAULTS.target, 'Secrets'))).includes('app-secret'));
  });

  it('copying onto an existing name asks, then adds a new version there', async () => {
    w.script.script({ picks: [VAULTS.target], inputs: ['existing-target'], confirms: ['Add New Version'] });
    await vscode.commands.executeCommand(Ids.copyToVault, await w.node(VAULTS.main, 'Secrets', 'json-config'));
    assert.equal((await listSecretVersions(await clients(), url(VAULTS.target), 'existing-target')).length, 2);
    assert.equal((await getSecretValue(await clients(), url(VAULTS.target), 'existing-target')).value, '{"feature":true,"level":3}');
  });
});
