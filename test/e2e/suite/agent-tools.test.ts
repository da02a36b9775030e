// Issue 23 inside VS Code against the emulator: every language-model tool of the extension called the way an agent's
// host calls it (`vscode.lm.invokeTool`, outside a chat request: no model needed). Read tools answer with names and
// metadata; write tools change the emulator's state only after the user's confirmation (declined first: no write
// request at all); Move a literal leaves the editor with the reference and the vault with the value; a value-like
// input is refused. Then the canary scan: no value in any tool result, text shown, log, state or file. Seeds its own
// vaults (kv-agent-*) into the existing Contoso Dev subscription (a new Contoso subscription would change what the
// browse suite, which runs later, lists).
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findReferences } from '../../../src/references';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, filesUnder, hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Contoso Dev';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-000000000002';
const VAULT = 'kv-agent-main';
const HARD = 'kv-agent-nosd';
const CANARY = `CANARY-AGENT-${randomUUID()}`;
const LITERAL = `Server=tcp:agent.database.windows.net;Database=app;User ID=app;Password=${CANARY}-moved;Encrypt=true`;

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-agent', location: 'westeurope', enableRbacAuthorization: true, softDeleteRetentionInDays: 7,
        secrets: [
          { name: 'agent-sql-login', contentType: 'text/plain', tags: { env: 'prod', agentowner: 'e2e' }, versions: [{ value: `${CANARY}-db` }] },
          { name: 'agent-api-key', tags: { agentowner: 'e2e' }, versions: [{ value: `${CANARY}-api`, exp: '+5d' }] },
          { name: 'agent-old-token', versions: [{ value: `${CANARY}-old`, enabled: false }] },
          { name: 'agent-expired', versions: [{ value: `${CANARY}-expired`, exp: '-2d', created: '-30d' }] },
        ],
        keys: [{ name: 'agent-signing', kty: 'RSA', size: 2048 }],
      },
      {
        name: HARD, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-agent', location: 'westeurope', enableRbacAuthorization: true, enableSoftDelete: false,
        secrets: [{ name: 'agent-permanent', versions: [{ value: `${CANARY}-hard` }] }],
      },
    ],
  });
}

describe('issue 23: agent tools — language-model tools that never see a value (emulator)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  let dir: string;
  /** Every text a tool answered with (scanned for the canary at the end). */
  const answers: string[] = [];
  const folder = () => vscode.workspace.workspaceFolders?.[0] ?? assert.fail('a workspace folder');
  const rel = (file: string) => path.relative(folder().uri.fsPath, file).split(path.sep).join('/');

  /** Invokes a tool as an agent's host does outside a chat request; its text. */
  async function invoke(name: string, input: object): Promise<string> {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : JSON.stringify(p))).join('\n');
    answers.push(text);
    return text;
  }

  /** The write requests (not GETs) sent to a vault since a cursor. */
  const writesSince = async (cursor: number, vault = VAULT) => (await requestsSince(cursor, vault)).filter((r) => !/^\d+ GET /.test(r));
  const secrets = async (vault = VAULT) => (await w.api.services.clients.get()).vaults.secrets(w.vaultUrl(vault));

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    dir = path.join(folder().uri.fsPath, `agent-tools-${randomUUID().slice(0, 8)}`);
    fs.mkdirSync(dir, { recursive: true });
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => w.script.assertDone());

  it('contributes and registers every tool (names prefixed azureKeyVault_, writes hidden in untrusted workspaces)', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('azureKeyVault_')).map((t) => t.name).sort();
    assert.deepEqual(ours, [
      'azureKeyVault_checkReferences', 'azureKeyVault_createSecret', 'azureKeyVault_deleteObject', 'azureKeyVault_findObjects', 'azureKeyVault_findSecretLiterals', 'azureKeyVault_insertReference',
      'azureKeyVault_listExpiring', 'azureKeyVault_listObjects', 'azureKeyVault_listVaults', 'azureKeyVault_moveLiteralToKeyVault', 'azureKeyVault_rotateSecret', 'azureKeyVault_setEnabled',
    ]);
  });

  it('lists vaults with cloud and subscription, and a vault’s objects with their metadata (bounded)', async () => {
    const vaults = await invoke('azureKeyVault_listVaults', { nameContains: 'kv-agent' });
    assert.match(vaults, /^2 vault\(s\) in cloud Key Vault emulator whose name contains "kv-agent":/);
    assert.match(vaults, new RegExp(`- ${VAULT} — ${w.vaultUrl(VAULT).replace(/[.]/g, '\\.')}, holds secret, key, certificate, subscription Contoso Dev, directory Contoso, resource group rg-agent, location westeurope, soft delete on \\(7 days\\), purge protection off, Azure RBAC`));
    assert.match(vaults, new RegExp(`- ${HARD} — .*soft delete OFF`));

    const objects = await invoke('azureKeyVault_listObjects', { vault: VAULT });
    assert.match(objects, /^5 of 5 secrets, keys, certificates of vault kv-agent-main/);
    assert.match(objects, /- secret "agent-sql-login" — enabled, content type text\/plain, tags env=prod, agentowner=e2e/);
    assert.match(objects, /- secret "agent-old-token" — disabled/);
    assert.match(objects, /- secret "agent-api-key" — enabled, expires \d{4}-\d\d-\d\d \(in [45] days\)/);
    assert.match(objects, /- key "agent-signing" — enabled/);
    const tagged = await invoke('azureKeyVault_listObjects', { vault: VAULT, kind: 'secret', tag: 'env=prod' });
    assert.match(tagged, /^1 of 4 secrets/);
    const capped = await invoke('azureKeyVault_listObjects', { vault: VAULT, maxResults: 2 });
    assert.match(capped, /… 3 more not shown/);
  });

  it('finds objects by name and tag across vaults, and what expires within N days', async () => {
    const byName = await invoke('azureKeyVault_findObjects', { nameContains: 'agent-sql' });
    assert.match(byName, /- secret "agent-sql-login" in vault kv-agent-main/);
    const byTag = await invoke('azureKeyVault_findObjects', { tag: 'agentowner=e2e', kinds: ['secret'] });
    assert.match(byTag, /^2 match\(es\)/);
    const soon = await invoke('azureKeyVault_listExpiring', { vault: VAULT, days: 10 });
    assert.match(soon, /^2 object\(s\) expired or expiring within 10 days in 1 vault\(s\)/);
    assert.ok(soon.indexOf('agent-expired') < soon.indexOf('agent-api-key'), 'soonest first');
    const expiredOnly = await invoke('azureKeyVault_listExpiring', { vault: VAULT, days: 1 });
    assert.match(expiredOnly, /^1 object\(s\)/);
  });

  it('refuses an input that carries a value, and unknown inputs — nothing sent', async () => {
    const cursor = await logCursor();
    await assert.rejects(invoke('azureKeyVault_createSecret', { vault: VAULT, name: 'agent-given', value: `${CANARY}-given` }), /"value" looks like a secret value.*never take a secret value/);
    await assert.rejects(invoke('azureKeyVault_listObjects', { vault: VAULT, colour: 'red' }), /Unknown input "colour"/);
    assert.deepEqual(await writesSince(cursor), []);
  });

  it('moves a literal: declined — nothing written; confirmed — the vault holds the value, the file the reference', async () => {
    const file = path.join(dir, 'appsettings.json');
    const text = `{\n  "ConnectionStrings": {\n    "Db": "${LITERAL}"\n  }\n}\n`;
    fs.writeFileSync(file, text);
    const found = await invoke('azureKeyVault_findSecretLiterals', { file: rel(file) });
    assert.match(found, /^1 secret-looking literal\(s\) in .*appsettings\.json/);
    const m = /- 3:(\d+)-3:(\d+) \(\d+ characters\): (\w+), suggested secret name "([^"]+)"/.exec(found);
    assert.ok(m, found);
    assert.equal(m[4], 'ConnectionStrings--Db');
    const input = { file: rel(file), startLine: 3, startColumn: Number(m[1]), vault: VAULT, name: 'agent-moved-db' };

    let cursor = await logCursor();
    w.script.script({ confirms: [undefined] });
    assert.equal(await invoke('azureKeyVault_moveLiteralToKeyVault', input), 'The user declined: nothing was changed.');
    assert.match(w.script.confirms.at(-1)!.message, /^Move a literal to Key Vault\?$/);
    assert.match(w.script.confirms.at(-1)!.detail, /The text at line 3 of .*appsettings\.json becomes the new secret "agent-moved-db" in vault kv-agent-main/);
    assert.deepEqual(await writesSince(cursor), [], 'declined: no write');
    assert.equal(fs.readFileSync(file, 'utf8'), text);

    cursor = await logCursor();
    w.script.script({ confirms: ['Move to Key Vault'] });
    const moved = await invoke('azureKeyVault_moveLiteralToKeyVault', input);
    const reference = `@Microsoft.KeyVault(SecretUri=${w.vaultUrl(VAULT)}/secrets/agent-moved-db/)`;
    assert.match(moved, /^Created secret "agent-moved-db" in vault kv-agent-main from the text at 3:\d+ of .*appsettings\.json, and replaced that text with this reference \((file saved|not saved[^)]*)\):/);
    assert.ok(moved.includes(reference), moved);
    assert.deepEqual((await writesSince(cursor)).map((r) => r.replace(/\?.*/, '')), ['200 PUT /secrets/agent-moved-db']);
    assert.equal((await (await secrets()).getSecret('agent-moved-db')).value, LITERAL, 'the vault holds the value');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file) ?? assert.fail('the file is open');
    assert.equal(document.getText(), `{\n  "ConnectionStrings": {\n    "Db": "${reference}"\n  }\n}\n`, 'the editor holds the reference');
    // The tool saves a file that had no other unsaved change; should VS Code not have saved it, the test does.
    if (document.isDirty) assert.ok(await document.save(), 'saved');
    assert.equal(fs.readFileSync(file, 'utf8'), document.getText(), 'and the file on disk');
  });

  it('inserts a reference in the file’s syntax only after the confirmation', async () => {
    const file = path.join(dir, '.env.keyvault');
    fs.writeFileSync(file, '# references only\n\n');
    const input = { file: rel(file), line: 2, column: 1, vault: VAULT, kind: 'secret', name: 'agent-api-key' };
    w.script.script({ confirms: [undefined] });
    assert.equal(await invoke('azureKeyVault_insertReference', input), 'The user declined: nothing was changed.');
    assert.equal((await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText(), '# references only\n\n');
    w.script.script({ confirms: ['Insert'] });
    const inserted = await invoke('azureKeyVault_insertReference', input);
    assert.match(inserted, /^Inserted into .*\.env\.keyvault at 2:1 /);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const refs = findReferences(document.getText(), w.api.services.session.referenceParseOptions());
    assert.deepEqual(refs.map((r) => `${r.kind}:${r.name}`), ['secret:agent-api-key'], document.getText());
  });

  it('checks references, then creates the missing secret with a generated value nobody sees (after the confirmation)', async () => {
    const file = path.join(dir, 'app.bicepparam');
    fs.writeFileSync(file, [
      "using 'main.bicep'",
      `param missing = az.getSecret('${SUBSCRIPTION_ID}', 'rg-agent', '${VAULT}', 'agent-missing')`,
      `param old = az.getSecret('${SUBSCRIPTION_ID}', 'rg-agent', '${VAULT}', 'agent-old-token')`,
      `param fine = az.getSecret('${SUBSCRIPTION_ID}', 'rg-agent', '${VAULT}', 'agent-sql-login')`,
      '',
    ].join('\n'));
    const checked = await invoke('azureKeyVault_checkReferences', { file: rel(file) });
    assert.match(checked, /^3 reference\(s\) in .*app\.bicepparam: 1 fine, 2 with a problem/);
    assert.match(checked, /:2:\d+ secret "agent-missing" in vault kv-agent-main: missing — /);
    assert.match(checked, /:3:\d+ secret "agent-old-token" in vault kv-agent-main: disabled — /);

    const input = { vault: VAULT, name: 'agent-missing', length: 24, characterClasses: ['lower', 'digits'] };
    let cursor = await logCursor();
    w.script.script({ confirms: [undefined] });
    assert.equal(await invoke('azureKeyVault_createSecret', input), 'The user declined: nothing was changed.');
    assert.match(w.script.confirms.at(-1)!.detail, /gets a random value of 24 characters \(lower, digits\)/);
    assert.deepEqual(await writesSince(cursor), []);
    cursor = await logCursor();
    w.script.script({ confirms: ['Create'] });
    const created = await invoke('azureKeyVault_createSecret', input);
    assert.match(created, /^Created secret "agent-missing" in vault kv-agent-main \(version \w+\) with a generated value of 24 characters/);
    const value = (await (await secrets()).getSecret('agent-missing')).value ?? '';
    assert.match(value, /^[a-z0-9]{24}$/);
    assert.ok(!answers.some((a) => a.includes(value)), 'the generated value is in no answer');
    assert.deepEqual((await writesSince(cursor)).map((r) => r.replace(/\?.*/, '')), ['200 PUT /secrets/agent-missing']);
    // An existing name: refused after the confirmation (in chat VS Code asks before the call), nothing written.
    cursor = await logCursor();
    w.script.script({ confirms: ['Create'] });
    await assert.rejects(invoke('azureKeyVault_createSecret', input), /already exists in kv-agent-main: nothing was changed\. Use azureKeyVault_rotateSecret/);
    assert.deepEqual(await writesSince(cursor), []);
    assert.match(await invoke('azureKeyVault_checkReferences', { file: rel(file) }), /: 2 fine, 1 with a problem/);
  });

  it('rotates a secret with a generated value, keeping content type and tags', async () => {
    const before = await (await secrets()).getSecret('agent-sql-login');
    w.script.script({ confirms: ['Rotate'] });
    const rotated = await invoke('azureKeyVault_rotateSecret', { vault: VAULT, name: 'agent-sql-login' });
    assert.match(rotated, /^Rotated secret "agent-sql-login" in vault kv-agent-main: new current version \w+ with a generated value of 32 characters/);
    const after = await (await secrets()).getSecret('agent-sql-login');
    assert.notEqual(after.properties.version, before.properties.version);
    assert.equal(after.value?.length, 32);
    assert.equal(after.properties.contentType, 'text/plain');
    assert.deepEqual(after.properties.tags, { env: 'prod', agentowner: 'e2e' });
    assert.ok(!rotated.includes(after.value) && !rotated.includes(CANARY));
  });

  it('disables and enables, and soft-deletes only after the confirmation; a permanent delete is refused', async () => {
    let cursor = await logCursor();
    w.script.script({ confirms: [undefined] });
    assert.equal(await invoke('azureKeyVault_setEnabled', { vault: VAULT, kind: 'secret', name: 'agent-api-key', enabled: false }), 'The user declined: nothing was changed.');
    assert.deepEqual(await writesSince(cursor), []);
    w.script.script({ confirms: ['Disable'] });
    assert.match(await invoke('azureKeyVault_setEnabled', { vault: VAULT, kind: 'secret', name: 'agent-api-key', enabled: false }), /^Disabled the secret "agent-api-key" in vault kv-agent-main/);
    const enabled = async (name: string) => {
      for await (const p of (await secrets()).listPropertiesOfSecrets()) if (p.name === name) return p.enabled;
      return assert.fail(`no ${name}`);
    };
    assert.equal(await enabled('agent-api-key'), false);
    w.script.script({ confirms: ['Enable'] });
    assert.match(await invoke('azureKeyVault_setEnabled', { vault: VAULT, kind: 'key', name: 'agent-signing', enabled: true }), /^Enabled the key "agent-signing"/);

    cursor = await logCursor();
    w.script.script({ confirms: [undefined] });
    assert.equal(await invoke('azureKeyVault_deleteObject', { vault: VAULT, kind: 'secret', name: 'agent-api-key' }), 'The user declined: nothing was changed.');
    assert.deepEqual(await writesSince(cursor), []);
    w.script.script({ confirms: ['Delete'] });
    assert.match(await invoke('azureKeyVault_deleteObject', { vault: VAULT, kind: 'secret', name: 'agent-api-key' }), /^Deleted the secret "agent-api-key" from vault kv-agent-main: recoverable from its Deleted group for 7 days/);
    assert.equal((await (await secrets()).getDeletedSecret('agent-api-key')).name, 'agent-api-key');

    cursor = await logCursor();
    w.script.script({ confirms: ['Delete'] });
    await assert.rejects(invoke('azureKeyVault_deleteObject', { vault: HARD, kind: 'secret', name: 'agent-permanent' }), /Soft delete is off in kv-agent-nosd.*Nothing was deleted/);
    assert.deepEqual(await writesSince(cursor, HARD), []);
  });

  it('leaves no value in any tool result, text shown, log, state or file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok(answers.length >= 20, `${answers.length} answers scanned`);
    for (const text of [...answers, ...w.script.shown, ...w.script.errors, ...w.script.notices, ...w.script.infos]) assert.ok(!text.includes(CANARY), `leaked: ${text.slice(0, 120)}`);
    const { files } = await leakScanFiles(w.api);
    assert.deepEqual(filesHolding([...files, ...filesUnder(dir)], canaryNeedles([CANARY])), []);
  });
});
