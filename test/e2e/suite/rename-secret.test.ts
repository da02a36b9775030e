// Issue 19 acceptance inside VS Code: Rename Secret… — the new name holds the old current value, content type, tags
// and dates; every reference in the workspace is rewritten through VS Code's own Refactor Preview (ticked and applied
// here with VS Code's own commands, as a user clicks: the preview's tree focused, each file ticked, Apply); the real
// parsers accept every rewritten file; the old name is soft-deleted only after the second confirmation. And the
// stops: the preview discarded (the new name stays, nothing else changed, running Rename again continues), the delete
// declined (the old name stays), the delete failing (said, with what was done), the create failing (nothing changed),
// and refusals (a taken name, a soft-deleted one, the same name in other letter case).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { deleteSecret, getDeletedSecret, getSecretValue, latestSecretProperties, purgeSecret, recoverSecret } from '../../../src/azure/secretOps';
import { SecretCommandIds as Ids } from '../../../src/model/commandIds';
import type { RenameResult } from '../../../src/commands/secrets/renameSecret';
import { validatorFor } from '../../ecosystem/validators';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';
import { APP_DB_V2, validateAll, WS_RESOURCE_GROUP, WS_SUBSCRIPTION, WS_SUBSCRIPTION_ID, WS_VAULT, writeWorkspaceReferences, type ExpectedReference, type WorkspaceFixture } from './workspaceRefs';
import { applyInRefactorPreview, discardRefactorPreview } from './refactorPreview';

const SUBSCRIPTION = 'Rename E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000019ae';
const RG = 'rg-rename';
const VAULT = 'kv-e2e-rename';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const OLD_V = '0a000000000000000000000000000001';
const CUR_V = '0a000000000000000000000000000002';
const EXPIRES = '2031-01-02T03:04:05.000Z';
/** The current versions of the other secrets whose references are written (pins to them move, like db-password's). */
const DISCARD_V = '0b000000000000000000000000000002';
const FAIL_V = '0c000000000000000000000000000002';

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  const secret = (name: string, extra: object = {}) => ({ name, versions: [{ value: `${name} value` }], ...extra });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [{
      name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: RG, location: 'westeurope', softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 200 },
      secrets: [
        {
          name: 'db-password', contentType: 'text/plain', tags: { team: 'data', env: 'e2e' },
          versions: [{ value: 'old password', version: OLD_V, created: '-3d' }, { value: 'current password', version: CUR_V, created: '-1d', exp: EXPIRES }],
        },
        secret('discard-me', { versions: [{ value: 'discard-me value', version: DISCARD_V }] }),
        secret('fail-delete', { versions: [{ value: 'fail-delete value', version: FAIL_V }] }),
        secret('fail-create'), secret('taken-a'), secret('taken-b'),
        secret('was-deleted', { deleted: { deletedDate: '-1d' } }),
      ],
    }],
  });
}

const armId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/${VAULT}`;

/**
 * The small workspace of these tests: every format the index reads, naming `name` unversioned and pinned to `current`,
 * and `oldPinned` pinned to the old version (a rename leaves that one alone: its value exists only under the old name).
 */
function files(url: string, name: string, current = CUR_V, oldPinned = name): Record<string, string> {
  return {
    'appsettings.json': `{\n  "Db": "@Microsoft.KeyVault(SecretUri=${url}/secrets/${name}/)",\n  "DbPinned": "@Microsoft.KeyVault(SecretUri=${url}/secrets/${name}/${current})",\n  "DbOld": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=${oldPinned};SecretVersion=${OLD_V})",\n  "Other": "@Microsoft.KeyVault(SecretUri=${url}/secrets/taken-a/)"\n}\n`,
    'infra/main.bicep': `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: '${VAULT}'\n  scope: resourceGroup('${SUBSCRIPTION_ID}', '${RG}')\n}\n\nmodule app './app.bicep' = {\n  name: 'app'\n  params: {\n    dbPassword: kv.getSecret('${name}')\n    dbPinned: kv.getSecret('${name}', '${current}')\n  }\n}\n`,
    'infra/main.parameters.json': `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "dbPassword": {\n      "reference": {\n        "keyVault": { "id": "${armId}" },\n        "secretName": "${name}"\n      }\n    }\n  }\n}\n`,
    'infra/app.bicepparam': `using './main.bicep'\n\nparam dbPassword = az.getSecret('${SUBSCRIPTION_ID}', '${RG}', '${VAULT}', '${name}')\n`,
    'infra/kv.tf': `data "azurerm_key_vault_secret" "db" {\n  name         = "${name}"\n  key_vault_id = "${armId}"\n}\n`,
  };
}

describe('rename secret (emulator, workspace index, Refactor Preview)', function () {
  this.timeout(120_000);
  let w: ScriptedWorld;
  let url: string;
  let dir: string;
  const write = (sub: string, name: string, current: string) => {
    for (const [rel, text] of Object.entries(files(url, name, current))) {
      const file = path.join(dir, sub, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  };
  const read = (sub: string, rel: string) => fs.readFileSync(path.join(dir, sub, rel), 'utf8');
  const index = () => w.api.services.workspaceReferences;
  const refsTo = (name: string) => index().referencesTo({ vaultUrl: url, vaultName: VAULT, subscriptionId: SUBSCRIPTION_ID, resourceGroup: RG, kind: 'secret', name });
  const clients = async () => (await w.api.services.clients.get()).vaults;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    url = w.vaultUrl(VAULT);
    dir = fs.mkdtempSync(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'rename-e2e-'));
    write('a', 'db-password', CUR_V);
    write('b', 'discard-me', DISCARD_V);
    write('c', 'fail-delete', FAIL_V);
    await index().ready();
    // 8 references in 5 files for each: every reference of the small workspace is indexed.
    await eventually(() => Promise.resolve(assert.equal(refsTo('db-password').length, 8)), 20_000);
    await eventually(() => Promise.resolve(assert.equal(refsTo('discard-me').length, 8)), 20_000);
  });
  after(async () => {
    if (w) w.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => w.script.assertDone());

  it('renames: copies the current version, rewrites every reference through the preview, then soft-deletes the old name', async () => {
    w.script.script({ inputs: ['database-password'], confirms: ['Soft-Delete'] });
    const running = vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.node(VAULT, 'Secrets', 'db-password'));
    await applyInRefactorPreview(5);
    const result = await running;
    assert.ok(result, `the rename finished: ${w.script.errors.join(' | ')}`);
    assert.deepEqual(
      { rewritten: result.rewritten, planned: result.planned, files: result.files, pinnedElsewhere: result.pinnedElsewhere, changed: result.changed, oldDeleted: result.oldDeleted, resumed: result.resumed },
      { rewritten: 7, planned: 7, files: 5, pinnedElsewhere: 1, changed: 0, oldDeleted: true, resumed: false },
    );
    // The new secret: the old current value, content type, tags and expiry; one version.
    const vaults = await clients();
    const copy = await getSecretValue(vaults, url, 'database-password');
    assert.equal(copy.value, 'current password');
    assert.equal(copy.properties.contentType, 'text/plain');
    assert.deepEqual(copy.properties.tags, { team: 'data', env: 'e2e' });
    assert.equal(copy.properties.expiresOn?.toISOString(), EXPIRES);
    assert.equal(copy.properties.version, result.version);
    // Every file, on disk (VS Code saved them: files.refactoring.autoSave), is the old text with the name (and the
    // pin to the copied version) replaced — the reference pinned to the old version left as it was.
    for (const [rel, expected] of Object.entries(files(url, 'database-password', result.version, 'db-password'))) {
      await eventually(() => Promise.resolve(assert.equal(read('a', rel), expected, rel)));
      const verdict = await validatorFor(rel, read('a', rel)).validate(read('a', rel), rel);
      assert.deepEqual(verdict.problems, [], `${rel} is valid for its own parser`);
    }
    // The old name: soft-deleted after the second confirmation.
    assert.match(w.script.confirms.at(-1)!.message, /^Soft-delete the old name "db-password"\? \(recoverable for 7 days\)$/);
    assert.match(w.script.confirms.at(-1)!.detail, /1 reference\(s\) in the workspace pin an older version/);
    await eventually(async () => assert.ok(await getDeletedSecret(vaults, url, 'db-password')));
    assert.match(w.script.notices.at(-1)!, /^Renamed "db-password" to "database-password": "db-password" was deleted/);
    assert.match(w.script.notices.at(-1)!, /Rewrote 7 reference\(s\) in 5 file\(s\)\. 1 reference\(s\) pinned to older versions/);
    // The index follows the files: the new name's references are where the old name's were.
    await eventually(() => Promise.resolve(assert.equal(refsTo('database-password').length, 7)), 20_000);
  });

  it('stops at a discarded preview with the new name created and nothing else changed; Rename again continues; a declined delete keeps the old name', async () => {
    const before = Object.fromEntries(Object.keys(files(url, 'x')).map((rel) => [rel, read('b', rel)]));
    assert.equal(refsTo('discard-me').length, 8);
    w.script.script({ inputs: ['discard-me-2'] });
    const first = vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.node(VAULT, 'Secrets', 'discard-me'));
    await discardRefactorPreview();
    const stopped = await first;
    assert.deepEqual({ rewritten: stopped.rewritten, planned: stopped.planned, oldDeleted: stopped.oldDeleted }, { rewritten: 0, planned: 7, oldDeleted: false });
    for (const [rel, text] of Object.entries(before)) assert.equal(read('b', rel), text, `${rel} unchanged`);
    const vaults = await clients();
    assert.equal((await getSecretValue(vaults, url, 'discard-me-2')).value, 'discard-me value');
    assert.ok(await latestSecretProperties(vaults, url, 'discard-me'), 'the old name is untouched');
    assert.match(w.script.notices.at(-1)!, /No reference was rewritten .* run Rename Secret on "discard-me" again with the name "discard-me-2": it continues from here/);

    // Again, with the same new name: the copy is recognised, the preview applied, the delete declined.
    w.script.script({ inputs: ['discard-me-2'], confirms: ['Continue the Rename', undefined] });
    const again = vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.node(VAULT, 'Secrets', 'discard-me'));
    await applyInRefactorPreview(5);
    const done = await again;
    assert.deepEqual({ resumed: done.resumed, rewritten: done.rewritten, oldDeleted: done.oldDeleted }, { resumed: true, rewritten: 7, oldDeleted: false });
    assert.ok(await latestSecretProperties(vaults, url, 'discard-me'), 'declined: the old name stays');
    assert.match(w.script.notices.at(-1)!, /"discard-me" was kept \(delete it later with Delete Secret\)/);
    assert.equal((await getSecretValue(vaults, url, 'discard-me-2')).properties.version, stopped.version, 'no second copy was written');
  });

  it('says what was done when the delete of the old name fails', async () => {
    await control('POST', '/faults', { match: { vault: VAULT, method: 'DELETE', pathRegex: '/secrets/fail-delete$' }, action: 'status', status: 403, count: 1 });
    w.script.script({ inputs: ['fail-delete-2'], confirms: ['Soft-Delete'] });
    const running = vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.node(VAULT, 'Secrets', 'fail-delete'));
    await applyInRefactorPreview(5);
    await running;
    assert.match(w.script.errors.at(-1)!, /^Renamed "fail-delete" to "fail-delete-2", but "fail-delete" was not deleted: .* Delete it later with Delete Secret\.$/);
    assert.match(read('c', 'infra/kv.tf'), /name {9}= "fail-delete-2"/);
    assert.ok(await latestSecretProperties(await clients(), url, 'fail-delete'));
  });

  it('changes nothing when the new name cannot be created', async () => {
    await control('POST', '/faults', { match: { vault: VAULT, method: 'PUT', pathRegex: '/secrets/fail-create-2$' }, action: 'status', status: 403, count: 1 });
    w.script.script({ inputs: ['fail-create-2'] });
    await vscode.commands.executeCommand(Ids.rename, await w.node(VAULT, 'Secrets', 'fail-create'));
    assert.match(w.script.errors.at(-1)!, /fail-create-2/);
    const vaults = await clients();
    assert.equal(await latestSecretProperties(vaults, url, 'fail-create-2'), undefined);
    assert.ok(await latestSecretProperties(vaults, url, 'fail-create'));
  });

  it('refuses a taken name, a soft-deleted name and the same name in other letter case, before any write', async () => {
    for (const [name, message] of [
      ['taken-b', /"taken-b" already exists in kv-e2e-rename: pick a free name\. Renaming onto an existing secret would mix two histories\. Nothing was changed\./],
      ['was-deleted', /"was-deleted" is a deleted secret in kv-e2e-rename: recover it or purge it .* Nothing was changed\./],
      ['TAKEN-A', /"TAKEN-A" is the same name as "taken-a"/],
    ] as const) {
      w.script.script({ inputs: [name] });
      await vscode.commands.executeCommand(Ids.rename, await w.node(VAULT, 'Secrets', 'taken-a'));
      assert.match(w.script.errors.at(-1)!, message);
    }
    assert.equal((await getSecretValue(await clients(), url, 'taken-b')).value, 'taken-b value');
  });

  it('with the workspace index off, asks before renaming without updating files (the files keep the old name)', async () => {
    const config = () => vscode.workspace.getConfiguration('azureKeyVault.references');
    await config().update('indexWorkspace', false, vscode.ConfigurationTarget.Global);
    try {
      w.script.script({ inputs: ['fail-create-3'], confirms: ['Rename Without Updating Files', undefined] });
      const result = await vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.node(VAULT, 'Secrets', 'fail-create'));
      assert.deepEqual({ indexed: result.indexed, planned: result.planned, oldDeleted: result.oldDeleted }, { indexed: false, planned: 0, oldDeleted: false });
      assert.match(w.script.confirms.at(-2)!.detail, /index of Key Vault references is off/);
      assert.match(w.script.notices.at(-1)!, /The workspace was not searched: update the files that use "fail-create" yourself\./);
      assert.equal((await getSecretValue(await clients(), url, 'fail-create-3')).value, 'fail-create value');
    } finally {
      await config().update('indexWorkspace', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('rename secret across the issue-19 workspace (≥ 30 files, 9 formats)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  let fixture: WorkspaceFixture;
  const NEW = 'app-database';
  const index = () => w.api.services.workspaceReferences;
  const query = (name: string) => ({ vaultUrl: fixture.vaultUrl, vaultName: WS_VAULT, subscriptionId: WS_SUBSCRIPTION_ID, resourceGroup: WS_RESOURCE_GROUP, kind: 'secret' as const, name });
  const at = (r: { file: string; nameRange: { startLine: number; startCharacter: number } } | ExpectedReference) =>
    'nameRange' in r ? `${r.file}:${r.nameRange.startLine}:${r.nameRange.startCharacter}` : `${r.uri}:${r.line}:${r.character}`;
  const clients = async () => (await w.api.services.clients.get()).vaults;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    fixture = await writeWorkspaceReferences();
    w.api.tree.refresh();
    await eventually(async () => assert.ok((await w.tree.labels(await w.tree.path('Contoso'))).includes(WS_SUBSCRIPTION)));
    await index().ready();
    const expected = fixture.expectedFor('secret', 'app-db').map(at);
    await eventually(() => Promise.resolve(assert.deepEqual(index().referencesTo(query('app-db')).map(at), expected)), 30_000);
  });
  after(async () => {
    // The fixture's vault is shared with the other issue-19 suites: put app-db back, and remove the new name for good.
    if (w) {
      w.api.ui.reset();
      const vaults = await clients();
      const url = fixture.vaultUrl;
      if (await getDeletedSecret(vaults, url, 'app-db')) await recoverSecret(vaults, url, 'app-db');
      if (await latestSecretProperties(vaults, url, NEW)) await deleteSecret(vaults, url, NEW);
      if (await getDeletedSecret(vaults, url, NEW)) await purgeSecret(vaults, url, NEW);
    }
    fixture?.remove();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('rewrites exactly every reference to the name and to its current version, the real parsers accept every file, the old name is soft-deleted', async () => {
    const ws = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const all = fixture.expectedFor('secret', 'app-db');
    const rewritable = all.filter((r) => r.version === undefined || r.version === APP_DB_V2);
    const kept = all.filter((r) => !rewritable.includes(r));
    const files = [...new Set(rewritable.map((r) => r.file))];
    assert.ok(rewritable.length >= 10 && kept.length > 0 && files.length >= 6, `a real test: ${rewritable.length} references in ${files.length} files, ${kept.length} kept`);
    const before = new Map(fixture.files.map((f) => [f, fs.readFileSync(path.join(ws, f), 'utf8')]));

    w.script.script({ inputs: [NEW], confirms: ['Soft-Delete'] });
    const running = vscode.commands.executeCommand<RenameResult>(Ids.rename, await w.tree.path('Contoso', WS_SUBSCRIPTION, WS_VAULT, 'Secrets', 'app-db'));
    await applyInRefactorPreview(files.length);
    const result = await running;
    assert.ok(result, `the rename finished: ${w.script.errors.join(' | ')}`);
    assert.deepEqual(
      { planned: result.planned, rewritten: result.rewritten, files: result.files, pinnedElsewhere: result.pinnedElsewhere, changed: result.changed, oldDeleted: result.oldDeleted },
      { planned: rewritable.length, rewritten: rewritable.length, files: files.length, pinnedElsewhere: kept.length, changed: 0, oldDeleted: true },
    );

    // Each file is its old text with exactly those names replaced (and the pins to the copied version moved) — and in
    // Azure Pipelines, the `$(app-db)` variable the SecretsFilter entry makes: nothing else.
    const uses = fixture.variableUses.filter((u) => u.name === 'app-db');
    assert.ok(uses.length > 0, 'pipelines use the variable $(app-db)');
    for (const [file, text] of before) {
      const lines = text.split('\n');
      for (const r of [...rewritable, ...uses].filter((x) => x.file === file).sort((a, b) => b.line - a.line || b.character - a.character)) {
        const line = lines[r.line]!;
        assert.equal(line.slice(r.character, r.endCharacter), 'app-db', `${file}:${r.line}`);
        lines[r.line] = line.slice(0, r.character) + NEW + line.slice(r.endCharacter);
      }
      const expected = lines.join('\n').split(APP_DB_V2).join(result.version);
      await eventually(() => Promise.resolve(assert.equal(fs.readFileSync(path.join(ws, file), 'utf8'), expected, file)));
    }
    assert.deepEqual(await validateAll(fixture), {}, 'every rewritten file is valid for its ecosystem’s own parser');

    // The index follows: the new name where the old one was; the old name only where a pin to another version is.
    const moved = (r: ExpectedReference) => `${r.uri}:${r.line}:${r.character}`;
    await eventually(() => Promise.resolve(assert.deepEqual(index().referencesTo(query(NEW)).map(at), rewritable.map(moved))), 30_000);
    await eventually(() => Promise.resolve(assert.deepEqual(index().referencesTo(query('app-db')).map(at), kept.map(moved))), 30_000);

    const vaults = await clients();
    const copy = await getSecretValue(vaults, fixture.vaultUrl, NEW);
    assert.equal(copy.value, 'db v2');
    assert.equal(copy.properties.version, result.version);
    await eventually(async () => assert.ok(await getDeletedSecret(vaults, fixture.vaultUrl, 'app-db')));
  });
});
