// Issue 13 inside VS Code: write commands under the emulator's faults (after-commit reset / 503 / hang, a Retry-After
// of a day, latency), checked against the emulator's state — one version per save, no hang past the request timeout,
// a countdown instead of a frozen spinner, a second write on a busy object refused, and a sign-out in the middle of a
// write stopping it with one clear message and nothing sent after it. Progress messages are read through
// `services.operations.onDidReport`; settings changed here are put back after the suite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { downloadWithPrivateKey } from '../../../src/azure/certificateOps';
import { getSecretValue, listSecretVersions } from '../../../src/azure/secretOps';
import { CertificateCommandIds, KeyCommandIds, SecretCommandIds } from '../../../src/model/commandIds';
import type { SaveFailure } from '../../../src/platform/documents/documents';
import { itemKey } from '../../../src/platform/operations';
import { control, type LoggedRequest } from './emulator';
import { signedIn } from './helpers';
import { hasVault, logCursor, scriptedWorld, type ScriptedWorld } from './scripted';
import { SecretEditorDriver } from './secretEditorDriver';
import { eventually } from './tree';

const SUBSCRIPTION = 'Reliability E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000000c1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-rel-cmd';

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-rel', location: 'westeurope', softDeleteRetentionInDays: 7, enableRbacAuthorization: true,
        timings: { deleteDelayMs: 200 },
        secrets: [
          { name: 'edit-reset', versions: [{ value: 'reset v1' }] },
          { name: 'edit-hang', versions: [{ value: 'hang v1' }] },
          { name: 'busy-one', versions: [{ value: 'busy' }] },
          { name: 'so-one', versions: [{ value: 'one' }] },
          { name: 'so-two', versions: [{ value: 'two' }] },
        ],
        keys: [{ name: 'rot-key', kty: 'EC' }],
        certificates: [{ name: 'src-cert', subject: 'CN=src.rel.e2e', keyType: 'EC', contentType: 'pem' }],
      },
    ],
  });
}

type Logged = LoggedRequest & { fault?: string; handlerStatus?: number };

/** This vault's requests since a cursor of the request log, with their faults. */
async function loggedSince(cursor: number): Promise<Logged[]> {
  return (await control<{ requests: Logged[] }>('GET', `/requests?vault=${VAULT}&sinceId=${cursor}`)).requests;
}

const config = () => vscode.workspace.getConfiguration('azureKeyVault');

describe('reliability: write commands under faults (emulator)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  const url = () => w.vaultUrl(VAULT);
  const clients = async () => (await w.api.services.clients.get()).vaults;
  const progress: string[] = [];
  let listening: { dispose(): void } | undefined;

  before(async () => {
    // Explicit saves only: auto-save would start saves of its own.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    w = await scriptedWorld(SUBSCRIPTION, seed);
    listening = w.api.services.operations.onDidReport((e) => progress.push(e.message));
  });
  afterEach(async () => {
    await control('DELETE', '/faults');
    w.script.assertDone();
  });
  after(async () => {
    listening?.dispose();
    if (w) w.api.ui.reset();
    await control('DELETE', '/faults');
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('maxRetryWaitSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens Edit Secret Value on `name`, types `text`; returns the editor. */
  async function editing(name: string, text: string): Promise<SecretEditorDriver> {
    await vscode.commands.executeCommand(SecretCommandIds.editValue, await w.node(VAULT, 'Secrets', name));
    const editor = SecretEditorDriver.active(w.api);
    await editor.type(text);
    return editor;
  }

  it('Edit Secret Value: a reset after the PUT committed → exactly one new version, the editor clean, one notice', async () => {
    const before = (await listSecretVersions(await clients(), url(), 'edit-reset')).length;
    const editor = await editing('edit-reset', 'reset v2');
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'PUT', pathRegex: '^/secrets/edit-reset' }, action: 'reset', phase: 'after', count: 1 });
    const failures: SaveFailure[] = [];
    const listener = w.api.services.documents.onDidFailToSave((f) => failures.push(f));
    const [notices, errors] = [w.script.notices.length, w.script.errors.length];
    const since = await logCursor();
    try {
      w.script.script({ confirms: ['Save New Version'] });
      assert.equal(await editor.save(), true);
    } finally {
      listener.dispose();
    }
    assert.equal(editor.isDirty(), false);
    assert.deepEqual(failures, []);
    assert.equal((await listSecretVersions(await clients(), url(), 'edit-reset')).length, before + 1, 'one save, one version');
    assert.equal((await getSecretValue(await clients(), url(), 'edit-reset')).value, 'reset v2');
    const puts = (await loggedSince(since)).filter((r) => r.method === 'PUT');
    assert.deepEqual(puts.map((r) => r.fault), ['after:reset'], 'the PUT was sent once, and not again after the check found it');
    assert.equal(w.script.errors.length, errors);
    assert.equal(w.script.notices.length, notices + 1);
    assert.match(w.script.notices.at(-1)!, /^Saved edit-reset as new version [0-9a-f]{8}$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Edit Secret Value: an after-commit hang ends at the request timeout (setting) → one version, saved', async () => {
    await config().update('requestTimeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => Promise.resolve(assert.equal(w.api.services.settings.requestTimeoutSeconds(), 5)));
      const before = (await listSecretVersions(await clients(), url(), 'edit-hang')).length;
      const editor = await editing('edit-hang', 'hang v2');
      await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'PUT', pathRegex: '^/secrets/edit-hang' }, action: 'hang', phase: 'after', count: 1 });
      const since = await logCursor();
      const started = Date.now();
      w.script.script({ confirms: ['Save New Version'] });
      assert.equal(await editor.save(), true);
      const took = Date.now() - started;
      assert.ok(took >= 4_500 && took < 30_000, `bounded by the 5 s timeout (took ${took} ms)`);
      assert.equal(editor.isDirty(), false);
      assert.equal((await listSecretVersions(await clients(), url(), 'edit-hang')).length, before + 1, 'one save, one version');
      assert.equal((await getSecretValue(await clients(), url(), 'edit-hang')).value, 'hang v2');
      await eventually(async () => assert.deepEqual((await loggedSince(since)).filter((r) => r.method === 'PUT').map((r) => r.fault), ['after:hang']));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Create Key: a 503 after the key was created → one key with one version, no error', async () => {
    await w.tree.labels(await w.node(VAULT, 'Keys'));
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'POST', pathRegex: '^/keys/made-503/create' }, action: 'status', status: 503, phase: 'after', count: 1 });
    const errors = w.script.errors.length;
    w.script.script({ picks: [VAULT, 'EC P-256'], inputs: ['made-503', '', ''], many: [['sign', 'verify']] });
    const created = await vscode.commands.executeCommand<{ name: string; version?: string }>(KeyCommandIds.create);
    assert.equal(created?.name, 'made-503');
    assert.equal(w.script.errors.length, errors, 'no error shown');
    const versions = await (await clients()).listVersions(url(), 'key', 'made-503');
    assert.equal(versions.items.length, 1, 'one create, one version');
  });

  it('Import Certificate: a reset after the import committed → one certificate version', async () => {
    const pem = await downloadWithPrivateKey(await clients(), url(), 'src-cert');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kv-rel-')), 'rel-cert.pem');
    fs.writeFileSync(file, pem.bytes);
    try {
      await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'POST', pathRegex: '^/certificates/rel-imported/import' }, action: 'reset', phase: 'after', count: 1 });
      const errors = w.script.errors.length;
      w.script.script({ opens: [[vscode.Uri.file(file)]], inputs: ['rel-imported'] });
      const imported = await vscode.commands.executeCommand<{ name: string }>(CertificateCommandIds.import, await w.node(VAULT, 'Certificates'));
      assert.equal(imported?.name, 'rel-imported');
      assert.equal(w.script.errors.length, errors, 'no error shown');
      const versions = await (await clients()).listVersions(url(), 'certificate', 'rel-imported');
      assert.equal(versions.items.length, 1, 'one import, one version');
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('a throttled write with Retry-After: 86400 waits at most maxRetryWaitSeconds, counting down, then completes', async () => {
    await config().update('maxRetryWaitSeconds', 2, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => Promise.resolve(assert.equal(w.api.services.settings.maxRetryWaitSeconds(), 2)));
      // The new clients' first request (and the vault's challenge) before the fault.
      await (await clients()).listItems(url(), 'key');
      const before = (await (await clients()).listVersions(url(), 'key', 'rot-key')).items.length;
      await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'POST', pathRegex: '^/keys/rot-key/rotate' }, action: 'status', status: 429, headers: { 'Retry-After': '86400' }, count: 1 });
      progress.length = 0;
      const started = Date.now();
      w.script.script({ confirms: ['Rotate'] });
      const rotated = await vscode.commands.executeCommand<{ version?: string }>(KeyCommandIds.rotate, await w.node(VAULT, 'Keys', 'rot-key'));
      const took = Date.now() - started;
      assert.ok(rotated?.version, 'rotated');
      assert.ok(took < 15_000, `no day-long wait (took ${took} ms)`);
      assert.ok(progress.some((m) => /^Throttled by kv-rel-cmd: retrying in [12] s$/.test(m)), `a countdown was shown: ${JSON.stringify(progress)}`);
      assert.equal((await (await clients()).listVersions(url(), 'key', 'rot-key')).items.length, before + 1, 'one rotation, one version');
    } finally {
      await config().update('maxRetryWaitSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a second write on a busy object is refused before it asks anything; the first completes', async () => {
    const node = await w.node(VAULT, 'Secrets', 'busy-one');
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'PATCH', pathRegex: '^/secrets/busy-one' }, action: 'latency', latencyMs: 3000, count: 1 });
    const since = await logCursor();
    const first = vscode.commands.executeCommand(SecretCommandIds.disable, node);
    const key = itemKey(url(), 'secret', 'busy-one');
    await eventually(() => Promise.resolve(assert.equal(w.api.services.operations.holder(key)?.title, 'Disable Secret')));
    await vscode.commands.executeCommand(SecretCommandIds.delete, node);
    assert.equal(w.script.errors.at(-1), 'busy-one is busy: "Disable Secret" is still running. Try again when it has finished.');
    await first;
    assert.equal(w.api.services.operations.holder(key), undefined, 'free again');
    const logged = (await loggedSince(since)).filter((r) => r.path.startsWith('/secrets/busy-one'));
    assert.deepEqual(logged.filter((r) => r.method !== 'GET').map((r) => r.method), ['PATCH'], 'no DELETE was sent');
    const versions = await listSecretVersions(await clients(), url(), 'busy-one');
    assert.equal(versions[0]?.enabled, false);
  });

  it('signing out during a write stops it: one clear message, nothing sent after', async () => {
    const one = await w.node(VAULT, 'Secrets', 'so-one');
    const two = await w.node(VAULT, 'Secrets', 'so-two');
    // The first DELETE never gets an answer (a slow write at its slowest; the emulator logs it when it arrives), so
    // the sign-out surely comes while it is under way; the second must then never be sent.
    await control('POST', '/faults', { match: { plane: 'vault', vault: VAULT, method: 'DELETE', pathRegex: '^/secrets/so-one' }, action: 'hang', count: 1 });
    const since = await logCursor();
    const errors = w.script.errors.length;
    w.script.script({ confirms: ['Delete'] });
    const running = vscode.commands.executeCommand(SecretCommandIds.delete, one, [one, two]);
    try {
      await eventually(async () => assert.deepEqual((await loggedSince(since)).filter((r) => r.method === 'DELETE').map((r) => `${r.path} ${r.fault ?? ''}`), ['/secrets/so-one hang']));
      await vscode.commands.executeCommand('kvEmulatorAuth.signOut');
      await running;
      assert.deepEqual(w.script.errors.slice(errors), ['"Delete Secret" was stopped because you signed out: nothing more was sent to Azure. Sign in again and refresh to see the current state.']);
      const touched = (await loggedSince(since)).filter((r) => /^\/(deleted)?secrets\/so-(one|two)/.test(r.path)).map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(touched, ['DELETE /secrets/so-one'], 'so-two was never sent; no poll after the stop');
      assert.equal(w.api.services.operations.list().length, 0, 'nothing left running');
    } finally {
      // Back to the signed-in state every suite starts from (the Fabrikam directory's own sign-in included), so the
      // suites after this one see the same tree.
      await signedIn(() => w.tree.labels());
      w.api.tree.refresh();
      await eventually(async () => assert.ok((await w.tree.labels(await w.tree.path('Contoso'))).includes(SUBSCRIPTION)));
    }
  });
});
