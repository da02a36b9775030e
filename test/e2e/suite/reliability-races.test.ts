// Issue 13 races inside VS Code (emulator): a refresh during a load shows what the vault holds (the page in flight
// is dropped, a "Load more…" in flight too), and Move to Key Vault replaces exactly the literal when the file changed
// while the secret was written — or, when the literal itself changed, leaves the file alone and says what to do.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { getSecretValue, setSecret } from '../../../src/azure/secretOps';
import { control, type LoggedRequest } from './emulator';
import { hasVault, logCursor, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';

const SUBSCRIPTION = 'Races E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-000000000013';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-e2e-races';
/** 26 secrets: a first page of 25 and "Load more…". */
const PAGED = 'kv-e2e-races-paged';
const pagedNames = Array.from({ length: 26 }, (_, i) => `page-${String(i + 1).padStart(2, '0')}`);

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  const vault = (name: string, secrets: object[]) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-races', location: 'westeurope', softDeleteRetentionInDays: 7, secrets });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [vault(VAULT, [{ name: 'race-a', versions: [{ value: 'a value' }] }]), vault(PAGED, pagedNames.map((name) => ({ name, versions: [{ value: `${name} value` }] })))],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listing = { plane: 'vault', method: 'GET', pathRegex: '^/secrets/?$' };

/** A secret written straight to the vault (not through a command: the tree learns of it only by a refresh). */
async function writeDirectly(w: ScriptedWorld, vault: string, name: string): Promise<void> {
  const { vaults } = await w.api.services.clients.get();
  await setSecret(vaults, w.vaultUrl(vault), name, `${name} value`);
}

/** The vault's logged requests since a cursor, with the time each was answered. */
async function loggedSince(cursor: number, vault: string): Promise<(LoggedRequest & { time: string })[]> {
  return (await control<{ requests: (LoggedRequest & { time: string })[] }>('GET', `/requests?vault=${vault}&sinceId=${cursor}`)).requests;
}

describe('reliability: races (refresh during a load, Move to Key Vault offsets)', function () {
  this.timeout(60_000);
  let w: ScriptedWorld;
  let dir: string;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-races-'));
  });
  afterEach(async () => {
    await control('DELETE', '/faults');
    w.api.ui.use(w.script.ui);
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a refresh while the first page is in flight drops that page: the rows are what the vault holds', async () => {
    // The vault's auth challenge is answered once, by another listing, so the faults below meet the listing itself.
    await w.tree.children(await w.node(VAULT, 'Keys'));
    const secrets = await w.node(VAULT, 'Secrets');
    // The emulator's latency acts before its handler, so the answer the vault gave before the write is replayed:
    // the listing as it stood ([race-a]), delivered 1.5 s late.
    const before = { value: [{ id: `${w.vaultUrl(VAULT)}/secrets/race-a`, attributes: { enabled: true, created: 1_700_000_000, updated: 1_700_000_000, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 7 } }], nextLink: null };
    await control('POST', '/faults', { match: { ...listing, vault: VAULT }, action: 'latency', latencyMs: 1500, count: 1 });
    await control('POST', '/faults', { match: { ...listing, vault: VAULT }, action: 'status', status: 200, body: before, count: 1 });
    const expanding = w.tree.labels(secrets); // the first page is in flight
    await writeDirectly(w, VAULT, 'race-b');
    await vscode.commands.executeCommand('azureKeyVault.refresh', secrets);
    await eventually(async () => assert.deepEqual(await w.tree.labels(secrets), ['race-a', 'race-b'], 'the rows after the refresh'), 5000);
    assert.deepEqual(await expanding, ['race-a', 'race-b'], 'the expand in flight during the refresh gets the fresh rows too');
  });

  it('a refresh while "Load more…" is in flight: the next page is not appended to the old listing', async () => {
    const secrets = await w.node(PAGED, 'Secrets');
    const first = await w.tree.labels(secrets);
    assert.deepEqual(first, [...pagedNames.slice(0, 25), 'Load more…']);
    await control('POST', '/faults', { match: { ...listing, vault: PAGED }, action: 'latency', latencyMs: 1500, count: 1 });
    const more = vscode.commands.executeCommand('azureKeyVault.loadMore', (await w.tree.children(secrets)).at(-1));
    await writeDirectly(w, PAGED, 'page-00');
    await vscode.commands.executeCommand('azureKeyVault.refresh', secrets);
    await more;
    const fresh = ['page-00', ...pagedNames.slice(0, 24), 'Load more…'];
    await eventually(async () => assert.deepEqual(await w.tree.labels(secrets), fresh, 'the rows after the refresh'), 5000);
    assert.deepEqual(w.script.errors, []);
  });

  /** Runs Move to Key Vault on the literal of a new appsettings.json; `meanwhile` edits the file while the PUT is in flight. */
  async function moveWhileEditing(name: string, meanwhile: (document: vscode.TextDocument, literalAt: number) => vscode.WorkspaceEdit) {
    const literal = `DefaultEndpointsProtocol=https;AccountName=races;AccountKey=${Buffer.from(name).toString('base64')};EndpointSuffix=core.windows.net`;
    const text = `{\n  "ConnectionStrings": {\n    "Storage": "${literal}"\n  }\n}\n`;
    const file = path.join(dir, name, 'appsettings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    const start = text.indexOf(literal);
    w.script.script({ picks: [VAULT], inputs: [name] });
    await control('POST', '/faults', { match: { plane: 'vault', method: 'PUT', pathRegex: `^/secrets/${name}$`, vault: VAULT }, action: 'latency', latencyMs: 2000, count: 1 });
    const cursor = await logCursor();
    const moving = vscode.commands.executeCommand<{ inserted?: boolean } | undefined>('azureKeyVault.moveToKeyVault', { uri: document.uri.toString(), start, end: start + literal.length });
    // The existence check is answered, the write goes out a few ms later and waits 2 s in the emulator: edit then.
    await eventually(async () => assert.ok((await loggedSince(cursor, VAULT)).some((r) => r.method === 'GET' && r.path === `/secrets/${name}/versions`)));
    await sleep(300);
    const editedAt = Date.now();
    assert.ok(await vscode.workspace.applyEdit(meanwhile(document, start)), 'the edit during the write applied');
    const edited = document.getText();
    const result = await moving;
    w.script.assertDone();
    const put = (await loggedSince(cursor, VAULT)).filter((r) => r.method === 'PUT' && r.path === `/secrets/${name}`);
    assert.equal(put.length, 1, 'one write');
    assert.ok(Date.parse(put[0]!.time) > editedAt, 'the file was edited while the write was in flight');
    const { vaults } = await w.api.services.clients.get();
    assert.equal((await getSecretValue(vaults, w.vaultUrl(VAULT), name)).value, literal, 'the secret holds the literal');
    return { document, edited, result, literal };
  }

  it('Move to Key Vault: a line inserted above the literal during the write — the reference replaces exactly the literal', async () => {
    const inserted = '\n  "Inserted": "while the secret was written",';
    const { document, result } = await moveWhileEditing('races-moved', (doc) => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(1), inserted);
      return edit;
    });
    assert.deepEqual(w.script.errors, []);
    assert.equal(
      document.getText(),
      `{${inserted}\n  "ConnectionStrings": {\n    "Storage": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl(VAULT)}/secrets/races-moved/)"\n  }\n}\n`,
    );
    assert.equal(result?.inserted, true);
  });

  it('Move to Key Vault: the literal itself edited during the write — the file is left alone, the message offers the reference', async () => {
    const offered: { message: string; actions: string[] }[] = [];
    w.api.ui.use({
      ...w.script.ui,
      showInformationMessage: (message, ...actions) => {
        offered.push({ message, actions });
        return Promise.resolve(actions.find((a) => a === 'Copy Reference'));
      },
    });
    await vscode.env.clipboard.writeText('');
    const { document, edited, result } = await moveWhileEditing('races-kept', (doc, literalAt) => {
      const edit = new vscode.WorkspaceEdit();
      const at = literalAt + 'DefaultEndpointsProtocol=https;AccountName='.length;
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'races'.length)), 'other');
      return edit;
    });
    assert.deepEqual(w.script.errors, []);
    assert.equal(document.getText(), edited, 'the file is exactly as the user left it');
    assert.match(edited, /AccountName=other;/);
    assert.equal(result?.inserted, false);
    assert.equal(offered.length, 1, `one message: ${JSON.stringify(offered)}`);
    assert.match(offered[0]!.message, /races-kept/);
    assert.match(offered[0]!.message, /not changed/);
    assert.deepEqual(offered[0]!.actions, ['Copy Reference']);
    const reference = `@Microsoft.KeyVault(SecretUri=${w.vaultUrl(VAULT)}/secrets/races-kept/)`;
    await eventually(async () => assert.equal(await vscode.env.clipboard.readText(), reference));
  });
});
