// Issue 5 acceptance inside VS Code: create (typed, generated, from a file), taken name → new version, deleted
// name → recover, new version / rotate (disabling the previous one), a bare 429 burst during set and rotate,
// and every bad input refused with a clear message and no write sent (request log).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { getDeletedSecret, getSecretValue, listSecretVersions, secretExists } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import { control } from './emulator';
import { secretsWorld, VAULTS, writes, type SecretsWorld } from './secretsScript';
import { logCursor, requestsSince } from './scripted';
import { eventually, labelText } from './tree';

const THROTTLED = { error: { code: 'Throttled', message: 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached' } };

describe('secrets: create and rotate (emulator)', function () {
  this.timeout(60_000);
  let w: SecretsWorld;
  const main = () => w.vaultUrl(VAULTS.main);
  const clients = async () => (await w.api.services.clients.get()).vaults;

  before(async () => {
    w = await secretsWorld();
  });
  after(() => {
    if (w) w.api.ui.reset();
  });
  afterEach(async () => {
    w.script.assertDone();
    await control('DELETE', '/faults');
  });

  it('creates a secret on the Secrets group: typed value, content type, expiry, tags; one PUT; revealed', async () => {
    const group = await w.node(VAULTS.main, 'Secrets');
    w.script.script({ inputs: ['created-secret', 'created-value', 'text/plain', '+30d', 'env=e2e, team=kv'], picks: ['Enter the value'] });
    const since = await logCursor();
    const result = await vscode.commands.executeCommand<{ name: string; version: string }>(Ids.create, group);
    assert.equal(result.name, 'created-secret');
    const read = await getSecretValue(await clients(), main(), 'created-secret');
    assert.equal(read.value, 'created-value');
    assert.equal(read.properties.version, result.version);
    assert.equal(read.properties.contentType, 'text/plain');
    assert.deepEqual(read.properties.tags, { env: 'e2e', team: 'kv' });
    const days = (read.properties.expiresOn!.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, String(days));
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PUT')), ['200 PUT /secrets/created-secret']);
    assert.ok((await w.tree.labels(await w.node(VAULTS.main, 'Secrets'))).includes('created-secret'));
    // The workbench reports the new selection to the extension host asynchronously, after reveal() resolves.
    const created = (await w.node(VAULTS.main, 'Secrets', 'created-secret')).id;
    await eventually(() => Promise.resolve(assert.equal(w.api.treeView.selection[0]?.id, created)));
  });

  it('creates from the palette with a generated value (length and character kinds)', async () => {
    w.script.script({ picks: [VAULTS.main, 'Generate a random value'], inputs: ['generated-secret', '48', '', '', ''], many: [['Lowercase', 'Digits']] });
    await vscode.commands.executeCommand(Ids.create);
    const read = await getSecretValue(await clients(), main(), 'generated-secret');
    assert.match(read.value, /^[a-z0-9]{48}$/);
    assert.match(read.value, /[0-9]/);
    assert.equal(read.properties.contentType, undefined);
  });

  it('creates from a file, suggesting the content type from its extension', async () => {
    const file = path.join(os.tmpdir(), `kv-e2e-${process.pid}.pem`);
    fs.writeFileSync(file, '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n');
    try {
      w.script.script({ inputs: ['pem-secret', 'application/x-pem-file', '', ''], picks: ['Read from a file'], opens: [[vscode.Uri.file(file)]] });
      await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main));
      const inputs = w.script.shown.filter((s) => s.includes('Content type'));
      assert.ok(inputs.length > 0);
      const read = await getSecretValue(await clients(), main(), 'pem-secret');
      assert.match(read.value, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
      assert.equal(read.properties.contentType, 'application/x-pem-file');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('a taken name offers a new version, keeping content type and tags', async () => {
    const before = await listSecretVersions(await clients(), main(), 'app-secret');
    w.script.script({ inputs: ['APP-SECRET', 'next-app-value'], picks: ['Enter the value'], confirms: ['Add New Version'], many: [[]] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
    assert.match(w.script.validations.at(-1)!, /already exists in kv-sec-main: Enter to add a new version/);
    assert.match(w.script.confirms.at(-1)!.message, /"APP-SECRET" already exists in kv-sec-main/);
    const after = await listSecretVersions(await clients(), main(), 'app-secret');
    assert.equal(after.length, before.length + 1);
    const read = await getSecretValue(await clients(), main(), 'app-secret');
    assert.equal(read.value, 'next-app-value');
    assert.equal(read.properties.contentType, 'text/plain');
    assert.deepEqual(read.properties.tags, { env: 'e2e', owner: 'secrets' });
  });

  it('a soft-deleted name is refused without a write, and its "Recover" brings the secret back', async () => {
    const since = await logCursor();
    w.script.script({ inputs: ['gone-secret'], confirms: [undefined] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
    assert.match(w.script.validations.at(-1)!, /deleted but recoverable/);
    assert.match(w.script.errors.at(-1)!, /"gone-secret" is a deleted secret in kv-sec-main: recover it, or purge it/);
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), [], 'nothing written');
    w.script.script({ inputs: ['gone-secret'], confirms: ['Recover'] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
    assert.equal(await secretExists(await clients(), main(), 'gone-secret'), true);
    assert.equal(await getDeletedSecret(await clients(), main(), 'gone-secret'), undefined);
    assert.ok((await w.tree.labels(await w.node(VAULTS.main, 'Secrets'))).includes('gone-secret'));
  });

  it('rotates: a generated value as a new version, content type and tags kept, the previous version disabled', async () => {
    const node = await w.node(VAULTS.main, 'Secrets', 'rotate-me');
    const [previous] = await listSecretVersions(await clients(), main(), 'rotate-me');
    w.script.script({ picks: ['Generate a random value'], inputs: ['24'], many: [['Lowercase', 'Uppercase', 'Digits', 'Symbols'], ['Disable the previous version']] });
    const result = await vscode.commands.executeCommand<{ version: string }>(Ids.newVersion, node);
    const versions = await listSecretVersions(await clients(), main(), 'rotate-me');
    assert.equal(versions.length, 2);
    assert.equal(versions[0]!.version, result.version);
    assert.equal(versions[0]!.contentType, 'text/plain');
    assert.deepEqual(versions[0]!.tags, { rotated: 'no' });
    assert.equal(versions.find((v) => v.version === previous!.version)?.enabled, false);
    assert.equal((await getSecretValue(await clients(), main(), 'rotate-me')).value.length, 24);
    assert.match(w.script.notices.at(-1)!, /previous version is disabled/);
  });

  it('a bare 429 burst during set and rotate: retried with backoff, both succeed', async () => {
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULTS.main, method: 'PUT' }, action: 'status', status: 429, body: THROTTLED, count: 2 });
    const since = await logCursor();
    w.script.script({ inputs: ['throttled-secret', 'after-backoff', '', '', ''], picks: ['Enter the value'] });
    await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
    assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), ['429 PUT /secrets/throttled-secret', '429 PUT /secrets/throttled-secret', '200 PUT /secrets/throttled-secret']);
    assert.equal((await getSecretValue(await clients(), main(), 'throttled-secret')).value, 'after-backoff');

    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULTS.main, method: 'PUT' }, action: 'status', status: 429, body: THROTTLED, count: 1 });
    w.script.script({ picks: ['Enter the value'], inputs: ['rotated-after-backoff'], many: [[]] });
    await vscode.commands.executeCommand(Ids.newVersion, await w.node(VAULTS.main, 'Secrets', 'throttled-secret'));
    assert.equal((await getSecretValue(await clients(), main(), 'throttled-secret')).value, 'rotated-after-backoff');
    assert.equal(w.script.errors.filter((e) => /throttl/i.test(e)).length, 0);
  });

  describe('bad input: refused with a clear message, nothing written', () => {
    let since = 0;
    beforeEach(async () => {
      since = await logCursor();
    });
    afterEach(async () => {
      assert.deepEqual(writes(await requestsSince(since, VAULTS.main)), []);
    });

    const cases: { rule: string; inputs: string[]; picks?: string[]; error: RegExp }[] = [
      { rule: 'name regex', inputs: ['db_password'], error: /letters, digits and hyphens \(not "_"\)/ },
      { rule: 'name length', inputs: ['n'.repeat(128)], error: /at most 127 characters \(this one has 128\)/ },
      { rule: 'value size', inputs: ['big-secret', 'v'.repeat(25 * 1024 + 1)], picks: ['Enter the value'], error: /25,601 bytes.*at most 25 KB/ },
      { rule: 'content type length', inputs: ['ct-secret', 'value', 'c'.repeat(256)], picks: ['Enter the value'], error: /content type has at most 255 characters/ },
      { rule: 'tag count', inputs: ['tag-secret', 'value', '', '', Array.from({ length: 16 }, (_, i) => `t${i}=v`).join(', ')], picks: ['Enter the value'], error: /at most 15 tags/ },
      { rule: 'tag value length', inputs: ['tag-secret', 'value', '', '', `k=${'v'.repeat(257)}`], picks: ['Enter the value'], error: /257 characters; at most 256/ },
      { rule: 'tag name length', inputs: ['tag-secret', 'value', '', '', `${'k'.repeat(513)}=v`], picks: ['Enter the value'], error: /tag name has at most 512/ },
      { rule: 'expiry in the past', inputs: ['exp-secret', 'value', '', '2020-01-01'], picks: ['Enter the value'], error: /in the past/ },
    ];
    for (const c of cases) {
      it(`refuses: ${c.rule}`, async () => {
        w.script.script({ inputs: c.inputs, picks: c.picks ?? [] });
        const errors = w.script.errors.length;
        await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
        assert.match(w.script.validations.at(-1)!, c.error, 'the input box says it live');
        assert.equal(w.script.errors.length, errors + 1);
        assert.match(w.script.errors.at(-1)!, c.error);
        assert.ok(!w.script.errors.at(-1)!.includes('vvvvvvvv'), 'a value is never quoted');
      });
    }

    it('refuses a value file over 25 KB before any request', async () => {
      const file = path.join(os.tmpdir(), `kv-e2e-big-${process.pid}.txt`);
      fs.writeFileSync(file, 'z'.repeat(25 * 1024 + 10));
      try {
        w.script.script({ inputs: ['file-secret'], picks: ['Read from a file'], opens: [[vscode.Uri.file(file)]] });
        await vscode.commands.executeCommand(Ids.create, await w.node(VAULTS.main, 'Secrets'));
        assert.match(w.script.errors.at(-1)!, /kv-e2e-big-\d+\.txt: The value is 25\.0 KB \(25,610 bytes\); Key Vault accepts at most 25 KB/);
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  });

  it('the tree never shows a value (labels, descriptions, tooltips of the created secrets)', async () => {
    const group = await w.node(VAULTS.main, 'Secrets');
    for (const n of await w.tree.children(group)) {
      const item = await w.tree.hovered(n);
      const text = [labelText(item), String(item.description ?? ''), typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '')].join(' ');
      for (const value of ['created-value', 'next-app-value', 'after-backoff', 'rotated-after-backoff']) assert.ok(!text.includes(value), `${labelText(item)} shows a value`);
    }
  });
});
