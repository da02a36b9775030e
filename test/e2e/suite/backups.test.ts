// Issue 18 (backups) inside VS Code against the emulator: Download Backup… of a secret (from a version row), a key
// (its row) and a certificate (the palette) — one POST …/backup each, a file of mode 0600 holding no planted value in
// plain text — then delete → purge → Restore from Backup… of the three files at once (one POST …/restore each) brings
// every object back as it was (versions, values, content types, tags; the same public keys; the same thumbprint and
// policy). The service's refusals say what to do: a name in use or soft-deleted, another subscription, another
// geography (the emulator binds a blob to its vault's subscription and geography, as the service does), a damaged
// file; one file's failure does not stop the others. Seeds its own subscriptions and vaults.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BackupCommandIds as Ids } from '../../../src/model/commandIds';
import type { Ui } from '../../../src/platform/ui';
import { control } from './emulator';
import { canaryNeedles } from './leakScan';
import { filesHolding, hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Backups E2E';
const SUBSCRIPTION_ID = 'e2e18000-0000-4000-8000-0000000000b1';
const OTHER_SUBSCRIPTION = 'Backups E2E Other';
const OTHER_SUBSCRIPTION_ID = 'e2e18000-0000-4000-8000-0000000000b2';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const MAIN = 'kv-bk-main';
const FAR = 'kv-bk-eastus';
const OTHER = 'kv-bk-othersub';
const HSM = 'hsm-bk-pool';
const CANARY = `CANARY-BK-${randomUUID()}`;
const CANARY_OLD = `CANARY-BK-OLD-${randomUUID()}`;

interface Info {
  user: { username: string } | null;
  users: { username: string; objectId: string }[];
  managedHsms?: Record<string, string>;
}

async function seed(): Promise<void> {
  if (await hasVault(MAIN)) return;
  const info = await control<Info>('GET', '/info');
  const me = info.users.find((u) => u.username === info.user?.username)!.objectId;
  const vault = (name: string, subscription: string, location: string, content: object = {}) => ({
    name, subscription, location, resourceGroup: 'rg-backups', enableRbacAuthorization: true, softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 100, certificateDelayMs: 500 }, ...content,
  });
  await control('POST', '/seed', {
    subscriptions: [
      { id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO },
      { id: OTHER_SUBSCRIPTION_ID, displayName: OTHER_SUBSCRIPTION, tenantId: CONTOSO },
    ],
    vaults: [
      vault(MAIN, SUBSCRIPTION_ID, 'westeurope', {
        secrets: [
          {
            name: 'bk-secret',
            versions: [
              { value: CANARY_OLD, contentType: 'text/plain', tags: { env: 'old' }, created: '-2d' },
              { value: CANARY, contentType: 'application/json', tags: { env: 'prod', owner: 'team-a' }, created: '-1d' },
            ],
          },
          { name: 'bk-extra', versions: [{ value: 'extra-value' }] },
        ],
        keys: [{ name: 'bk-key', kty: 'RSA', size: 2048, versions: 2, tags: { team: 'payments' } }],
        certificates: [{ name: 'bk-cert', subject: 'CN=bk.backups.e2e', sans: ['bk.backups.e2e'], keyType: 'EC' }],
      }),
      vault(FAR, SUBSCRIPTION_ID, 'eastus'),
      vault(OTHER, OTHER_SUBSCRIPTION_ID, 'westeurope'),
    ],
    managedHsms: [
      {
        name: HSM, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-backups', location: 'westeurope', initialAdminObjectIds: [me],
        roleAssignments: [{ objectId: me, role: 'Managed HSM Crypto User' }, { objectId: me, role: 'Managed HSM Crypto Officer' }],
        keys: [{ name: 'hsm-bk-key', kty: 'RSA-HSM', size: 2048 }],
      },
    ],
  });
}

describe('backups: download, restore, refusals (emulator)', function () {
  this.timeout(120_000);
  let w: ScriptedWorld;
  let out: string;
  const files: { secret?: string; key?: string; certificate?: string } = {};
  const clients = async () => (await w.api.services.clients.get()).vaults;
  const fileOf = (p: string | undefined) => vscode.Uri.file(p ?? assert.fail('no file yet'));

  /** Runs a download, answering its save dialog with a file in `out` (and keeping the dialog's options). */
  async function download(id: string, fileName: string, ...args: unknown[]): Promise<{ file: string; options?: vscode.SaveDialogOptions }> {
    const file = path.join(out, fileName);
    let options: vscode.SaveDialogOptions | undefined;
    const ui: Ui = { ...w.script.ui, showSaveDialog: (o) => ((options = o), Promise.resolve(vscode.Uri.file(file))) };
    w.api.ui.use(ui);
    try {
      await vscode.commands.executeCommand(id, ...args);
    } finally {
      w.api.ui.use(w.script.ui);
    }
    return { file, ...(options ? { options } : {}) };
  }

  /** A secret's versions as the vault holds them (values read in memory to compare, never printed). */
  async function secretState(vault: string, name: string): Promise<string[]> {
    const secrets = (await clients()).secrets(w.vaultUrl(vault));
    const states: string[] = [];
    for await (const p of secrets.listPropertiesOfSecretVersions(name)) {
      const value = (await secrets.getSecret(name, { version: p.version! })).value;
      states.push(JSON.stringify([p.version, p.contentType, p.tags, p.enabled, p.createdOn?.toISOString(), value === CANARY ? 'CANARY' : value === CANARY_OLD ? 'OLD' : 'other']));
    }
    return states.sort();
  }

  async function keyState(name: string): Promise<string[]> {
    const keys = (await clients()).keys(w.vaultUrl(MAIN));
    const states: string[] = [];
    for await (const p of keys.listPropertiesOfKeyVersions(name)) {
      const k = await keys.getKey(name, { version: p.version! });
      states.push(JSON.stringify([p.version, k.keyType, Buffer.from(k.key?.n ?? []).toString('base64'), p.tags, k.keyOperations]));
    }
    return states.sort();
  }

  async function certificateState(name: string): Promise<string> {
    const c = await (await clients()).certificates(w.vaultUrl(MAIN)).getCertificate(name);
    return JSON.stringify([c.properties.version, Buffer.from(c.properties.x509Thumbprint ?? []).toString('hex'), c.policy?.subject, c.policy?.subjectAlternativeNames, c.policy?.keyType, c.policy?.contentType]);
  }

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-backups-e2e-'));
  });
  after(async () => {
    w?.api.ui.reset();
    fs.rmSync(out, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  it('downloads a secret backup from a version row: one POST …/backup, the whole secret, mode 0600, no value in plain text', async () => {
    const versions = await w.tree.children(await w.node(MAIN, 'Secrets', 'bk-secret'));
    assert.equal(versions.length, 2);
    const since = await logCursor();
    const { file, options } = await download(Ids.downloadSecret, 'bk-secret.secret.blob', versions[1]);
    assert.deepEqual(await requestsSince(since, MAIN), ['200 POST /secrets/bk-secret/backup']);
    assert.match(options?.defaultUri?.path ?? '', new RegExp(`/${MAIN}-bk-secret-\\d{14}\\.secret\\.blob$`));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.ok(fs.statSync(file).size > 0);
    assert.deepEqual(filesHolding([file], canaryNeedles([CANARY, CANARY_OLD])), [], 'the blob holds no value in plain text');
    const notice = w.script.notices.at(-1) ?? '';
    assert.match(notice, /backup of the secret "bk-secret".*whole secret with all its versions/);
    assert.match(notice, new RegExp(`same subscription and Azure geography as ${MAIN} \\(subscription ${SUBSCRIPTION_ID}, westeurope\\)`));
    files.secret = file;
  });

  it('downloads a key backup from its row and a certificate backup from the palette (one POST each)', async () => {
    const keyRow = await w.node(MAIN, 'Keys', 'bk-key');
    let since = await logCursor();
    files.key = (await download(Ids.downloadKey, 'bk-key.key.blob', keyRow)).file;
    assert.deepEqual(await requestsSince(since, MAIN), ['200 POST /keys/bk-key/backup']);
    assert.equal(fs.statSync(files.key).mode & 0o777, 0o600);

    w.script.script({ picks: [MAIN, 'bk-cert'] });
    since = await logCursor();
    files.certificate = (await download(Ids.downloadCertificate, 'bk-cert.certificate.blob')).file;
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => r.includes('POST')), ['200 POST /certificates/bk-cert/backup']);
    assert.equal(fs.statSync(files.certificate).mode & 0o777, 0o600);
    assert.match(w.script.notices.at(-1) ?? '', /backup of the certificate "bk-cert"/);
  });

  it("refuses a certificate's own secret picked in the palette: back up the certificate instead", async () => {
    w.script.script({ picks: [MAIN, 'bk-cert'] });
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.downloadSecret);
    assert.match(w.script.errors.at(-1) ?? '', /belongs to the certificate "bk-cert".*Back up the certificate instead/);
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => r.includes('backup')), []);
  });

  it('delete → purge → restore of the three files brings each object back as it was (one POST …/restore each)', async () => {
    const before = { secret: await secretState(MAIN, 'bk-secret'), key: await keyState('bk-key'), certificate: await certificateState('bk-cert') };
    const vaults = await clients();
    const url = w.vaultUrl(MAIN);
    await (await vaults.secrets(url).beginDeleteSecret('bk-secret')).pollUntilDone();
    await vaults.secrets(url).purgeDeletedSecret('bk-secret');
    await (await vaults.keys(url).beginDeleteKey('bk-key')).pollUntilDone();
    await vaults.keys(url).purgeDeletedKey('bk-key');
    await (await vaults.certificates(url).beginDeleteCertificate('bk-cert')).pollUntilDone();
    await vaults.certificates(url).purgeDeletedCertificate('bk-cert');

    w.script.script({ opens: [[fileOf(files.secret), fileOf(files.key), fileOf(files.certificate)]] });
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN));
    const posts = (await requestsSince(since, MAIN)).filter((r) => r.includes('POST'));
    assert.deepEqual(posts, ['200 POST /secrets/restore', '200 POST /keys/restore', '200 POST /certificates/restore']);
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Restored 3 backups into ${MAIN}: .*secret "bk-secret".*key "bk-key".*certificate "bk-cert"`));
    assert.deepEqual(await secretState(MAIN, 'bk-secret'), before.secret);
    assert.deepEqual(await keyState('bk-key'), before.key);
    assert.equal(await certificateState('bk-cert'), before.certificate);
    assert.ok((await w.tree.labels(await w.node(MAIN, 'Secrets'))).includes('bk-secret'), 'the group was listed again');
  });

  it('restoring over an existing name or a soft-deleted one says what to do; the kind is asked when the file name does not say', async () => {
    const plain = path.join(out, 'plain.blob');
    fs.copyFileSync(files.secret!, plain);
    w.script.script({ opens: [[vscode.Uri.file(plain)]], picks: ['secret'] });
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN));
    assert.match(w.script.picked.at(-1)?.title ?? '', /What does this backup hold\?/);
    assert.match(w.script.errors.at(-1) ?? '', /Could not restore the secret "bk-secret" into kv-bk-main: a secret with this name already exists in kv-bk-main, and a restore never overwrites\. Delete and purge/);

    const url = w.vaultUrl(MAIN);
    const secrets = (await clients()).secrets(url);
    await (await secrets.beginDeleteSecret('bk-secret')).pollUntilDone();
    w.script.script({ opens: [[fileOf(files.secret)]] });
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN, 'Secrets'));
    assert.match(w.script.errors.at(-1) ?? '', /a deleted secret with this name is still recoverable in kv-bk-main.*Recover it, or purge it and restore again/);
    await (await secrets.beginRecoverDeletedSecret('bk-secret')).pollUntilDone();
  });

  it('several files: one refused file does not stop the others, and the report lists each', async () => {
    const url = w.vaultUrl(MAIN);
    const secrets = (await clients()).secrets(url);
    const extra = path.join(out, 'extra.secret.blob');
    fs.writeFileSync(extra, (await secrets.backupSecret('bk-extra'))!);
    await (await secrets.beginDeleteSecret('bk-extra')).pollUntilDone();
    await secrets.purgeDeletedSecret('bk-extra');
    const junk = path.join(out, 'junk.key.blob');
    fs.writeFileSync(junk, 'not a backup');

    w.script.script({ opens: [[fileOf(files.secret), vscode.Uri.file(junk), vscode.Uri.file(extra)]] });
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN));
    const report = w.script.errors.at(-1) ?? '';
    assert.match(report, /^2 of 3 backups could not be restored\./);
    assert.match(report, /bk-secret\.secret\.blob: .*already exists/);
    assert.match(report, /junk\.key\.blob: .*cannot decrypt this backup.*not a key backup, or it is damaged/);
    assert.match(report, /Restored into kv-bk-main: extra\.secret\.blob: the secret "bk-extra"/);
    assert.equal((await secrets.getSecret('bk-extra')).value, 'extra-value');
  });

  it('a restore whose answer is lost after the vault restored it is neither lost nor doubled', async () => {
    const url = w.vaultUrl(MAIN);
    const secrets = (await clients()).secrets(url);
    const named = (await download(Ids.downloadSecret, `${MAIN}-bk-extra-20261206120000.secret.blob`, await w.node(MAIN, 'Secrets', 'bk-extra'))).file;
    const renamed = path.join(out, 'renamed.secret.blob');
    fs.copyFileSync(named, renamed);
    const lostAnswer = { match: { vault: MAIN, method: 'POST', pathRegex: '^/secrets/restore' }, action: 'reset', phase: 'after', count: 1 };
    const gone = async () => {
      await (await secrets.beginDeleteSecret('bk-extra')).pollUntilDone();
      await secrets.purgeDeletedSecret('bk-extra');
    };

    // The file names its vault and object: after the reset, one read finds the secret restored; nothing is resent.
    await gone();
    await control('POST', '/faults', lostAnswer);
    w.script.script({ opens: [[vscode.Uri.file(named)]] });
    let since = await logCursor();
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN));
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => r.includes('POST')), ['0 POST /secrets/restore']);
    assert.match(w.script.notices.at(-1) ?? '', /Restored the secret "bk-extra" into kv-bk-main .*the vault was checked and holds it/);
    assert.equal((await secrets.getSecret('bk-extra')).value, 'extra-value');

    // A file renamed by hand: sent once more; the service's 409 for the name it just restored counts as done.
    await gone();
    await control('POST', '/faults', lostAnswer);
    w.script.script({ opens: [[vscode.Uri.file(renamed)]] });
    since = await logCursor();
    await vscode.commands.executeCommand(Ids.restore, await w.node(MAIN));
    assert.deepEqual((await requestsSince(since, MAIN)).filter((r) => r.includes('POST')), ['0 POST /secrets/restore', '409 POST /secrets/restore']);
    assert.match(w.script.notices.at(-1) ?? '', /Restored the secret "bk-extra" into kv-bk-main .*the vault was checked and holds it/);
    assert.equal((await secrets.getSecret('bk-extra')).value, 'extra-value');
  });

  it('a restore into a vault of another subscription or another geography is refused with the rule and what to do', async () => {
    w.script.script({ opens: [[fileOf(files.key)]] });
    await vscode.commands.executeCommand(Ids.restore, await w.tree.path('Contoso', OTHER_SUBSCRIPTION, OTHER));
    assert.match(
      w.script.errors.at(-1) ?? '',
      new RegExp(`Could not restore the key backup into ${OTHER}: Key Vault cannot decrypt this backup\\. A backup restores only into a vault of the same Azure subscription and the same Azure geography as the vault it was taken from \\(${OTHER} is in subscription ${OTHER_SUBSCRIPTION_ID}, westeurope\\)`),
    );
    w.script.script({ opens: [[fileOf(files.certificate)]] });
    await vscode.commands.executeCommand(Ids.restore, await w.node(FAR, 'Certificates'));
    assert.match(w.script.errors.at(-1) ?? '', new RegExp(`Could not restore the certificate backup into ${FAR}: Key Vault cannot decrypt this backup\\..*\\(${FAR} is in subscription ${SUBSCRIPTION_ID}, eastus\\)`));
    assert.ok(!w.script.shown.some((s) => s.includes(CANARY) || s.includes(CANARY_OLD)), 'no value in any prompt or message');
  });

  it('a Managed HSM: backs up and restores its keys (the HSM row asks nothing), refuses a secret backup before sending', async () => {
    const hsmUrl = (await control<Info>('GET', '/info')).managedHsms![HSM]!;
    const keys = (await clients()).keys(hsmUrl);
    const before = JSON.stringify(Buffer.from((await keys.getKey('hsm-bk-key')).key?.n ?? []).toString('base64'));
    const row = await w.node(HSM, 'Keys', 'hsm-bk-key');
    let since = await logCursor();
    const { file } = await download(Ids.downloadKey, 'hsm-bk-key.blob', row);
    assert.deepEqual(await requestsSince(since, HSM), ['200 POST /keys/hsm-bk-key/backup']);
    await (await keys.beginDeleteKey('hsm-bk-key')).pollUntilDone();
    await keys.purgeDeletedKey('hsm-bk-key');

    // No kind in the file names: an HSM holds keys only, so nothing is asked; the secret file is refused unsent.
    const secretFile = path.join(out, 'from-vault.secret.blob');
    fs.copyFileSync(files.secret!, secretFile);
    w.script.script({ opens: [[vscode.Uri.file(file), vscode.Uri.file(secretFile)]] });
    since = await logCursor();
    await vscode.commands.executeCommand(Ids.restore, await w.node(HSM));
    assert.deepEqual((await requestsSince(since, HSM)).filter((r) => r.includes('POST')), ['200 POST /keys/restore']);
    assert.match(w.script.errors.at(-1) ?? '', new RegExp(`from-vault\\.secret\\.blob: A secret backup cannot be restored into ${HSM}: a Managed HSM holds keys only\\..*Restored into ${HSM}: hsm-bk-key\\.blob: the key "hsm-bk-key"`));
    assert.equal(JSON.stringify(Buffer.from((await keys.getKey('hsm-bk-key')).key?.n ?? []).toString('base64')), before);
  });
});
