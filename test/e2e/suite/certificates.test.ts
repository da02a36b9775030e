// Issue 6 (certificates) inside VS Code against the emulator: details parsed from the cer, the self-signed
// wizard with its pending operation, downloads (CER/PEM thumbprints; PFX opened with openssl; refused when not
// exportable), import of PFX and PEM, renew, policy view/edit, enable/disable, delete → recover → purge, and
// no private key material anywhere on disk except the files the user asked for.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CertificateCommandIds as Ids } from '../../../src/model/commandIds';
import { keysWorld, VAULTS, type KeysWorld } from './keysWorld';
import { filesContaining, logCursor, requestsSince } from './scripted';

/** The leaf certificate inside a PFX, read by openssl (keys not printed), as a node X509Certificate. */
function pfxLeaf(file: string): X509Certificate {
  const pem = execFileSync('openssl', ['pkcs12', '-in', file, '-nokeys', '-clcerts', '-passin', 'pass:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return new X509Certificate(pem);
}

const sha1 = (x: X509Certificate) => x.fingerprint.replace(/:/g, '');

describe('certificates: details, create, download, import, renew, policy, lifecycle (emulator)', function () {
  this.timeout(90_000);
  let w: KeysWorld;
  let out: string;
  const url = () => w.vaultUrl(VAULTS.main);
  const certs = async () => (await w.api.services.clients.get()).vaults.certificates(url());
  const file = (name: string) => vscode.Uri.file(path.join(out, name));
  /** Private key material the suite saw (the user's own files hold it); scanned for everywhere else. */
  const canaries: string[] = [];

  before(async () => {
    w = await keysWorld();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-certs-e2e-'));
  });
  after(() => {
    if (w) w.api.ui.reset();
    fs.rmSync(out, { recursive: true, force: true });
  });
  afterEach(() => w.script.assertDone());

  it('shows details parsed from the cer: subject, SANs, issuer, thumbprints, validity, key type, exportable, content type', async () => {
    const node = await w.node(VAULTS.main, 'Certificates', 'web');
    const since = await logCursor();
    const doc = await vscode.commands.executeCommand<Record<string, unknown>>(Ids.showDetails, node);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('/certificates/web')), ['200 GET /certificates/web/']);
    const cert = await (await certs()).getCertificate('web');
    assert.equal(doc.subject, 'CN=web.keys.e2e, O=Contoso');
    assert.deepEqual(doc.subjectAlternativeNames, { dnsNames: ['web.keys.e2e', 'www.keys.e2e'] });
    assert.equal(doc.issuer, 'CN=web.keys.e2e, O=Contoso');
    assert.equal(doc.selfSigned, true);
    assert.equal(doc.thumbprintSha1, Buffer.from(cert.properties.x509Thumbprint!).toString('hex').toUpperCase());
    assert.match(String(doc.thumbprintSha256), /^[0-9A-F]{64}$/);
    assert.equal(doc.keyType, 'RSA 2048');
    assert.equal(doc.exportable, true);
    assert.match(String(doc.contentType), /^application\/x-pkcs12/);
    assert.equal(doc.notAfter, cert.properties.expiresOn?.toISOString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'keyvault');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('creates a self-signed certificate through the wizard and follows the pending operation until done', async () => {
    const since = await logCursor();
    w.script.script({
      inputs: ['made-cert', 'CN=made.keys.e2e, O=Contoso', 'made.keys.e2e, api.keys.e2e', '6'],
      picks: ['EC P-384', 'PEM', 'Exportable', 'Auto-renew 30 days before expiry'],
    });
    const made = await vscode.commands.executeCommand<{ states: string[]; thumbprint: string }>(Ids.create, await w.node(VAULTS.main, 'Certificates'));
    assert.deepEqual(made.states, ['inProgress', 'completed']);
    const log = await requestsSince(since, VAULTS.main);
    assert.ok(log.includes('202 POST /certificates/made-cert/create'), log.join('\n'));
    assert.ok(log.filter((r) => r === '200 GET /certificates/made-cert/pending').length >= 2, 'polled the pending operation');
    const cert = await (await certs()).getCertificate('made-cert');
    assert.equal(Buffer.from(cert.properties.x509Thumbprint!).toString('hex').toUpperCase(), made.thumbprint);
    assert.equal(cert.policy?.subject, 'CN=made.keys.e2e, O=Contoso');
    assert.deepEqual(cert.policy?.subjectAlternativeNames, { dnsNames: ['made.keys.e2e', 'api.keys.e2e'] });
    assert.equal(cert.policy?.keyCurveName, 'P-384');
    assert.equal(cert.policy?.contentType, 'application/x-pem-file');
    assert.equal(cert.policy?.validityInMonths, 6);
    assert.deepEqual(cert.policy?.lifetimeActions?.map((a) => [a.action, a.daysBeforeExpiry]), [['AutoRenew', 30]]);
    assert.ok((await w.tree.labels(await w.node(VAULTS.main, 'Certificates'))).includes('made-cert'));
  });

  it('refuses a bad subject in the wizard before any request', async () => {
    const since = await logCursor();
    w.script.script({ picks: [VAULTS.main], inputs: ['bad-cert', 'web.keys.e2e'] });
    await vscode.commands.executeCommand(Ids.create);
    assert.match(w.script.errors.at(-1) ?? '', /attribute=value/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('POST')), []);
  });

  it('downloads the public certificate as CER and PEM: both thumbprints equal the one shown', async () => {
    const shown = await vscode.commands.executeCommand<{ thumbprintSha1: string }>(Ids.showDetails, await w.node(VAULTS.main, 'Certificates', 'web'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    w.script.script({ picks: ['CER'], saves: [file('web.cer')] });
    await vscode.commands.executeCommand(Ids.download, await w.node(VAULTS.main, 'Certificates', 'web'));
    assert.equal(sha1(new X509Certificate(fs.readFileSync(path.join(out, 'web.cer')))), shown.thumbprintSha1);
    w.script.script({ picks: ['PEM'], saves: [file('web.crt.pem')] });
    await vscode.commands.executeCommand(Ids.download, await w.node(VAULTS.main, 'Certificates', 'web'));
    const pem = fs.readFileSync(path.join(out, 'web.crt.pem'), 'utf8');
    assert.match(pem, /^-----BEGIN CERTIFICATE-----/);
    assert.ok(!pem.includes('PRIVATE KEY'));
    assert.equal(sha1(new X509Certificate(pem)), shown.thumbprintSha1);
  });

  it('downloads the PFX only after a warning; openssl opens it and its thumbprint is the one shown', async () => {
    const shown = await vscode.commands.executeCommand<{ thumbprintSha1: string }>(Ids.showDetails, await w.node(VAULTS.main, 'Certificates', 'web'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    let since = await logCursor();
    w.script.script({ confirms: [undefined] });
    await vscode.commands.executeCommand(Ids.downloadWithKey, await w.node(VAULTS.main, 'Certificates', 'web'));
    assert.match(w.script.confirms.at(-1)?.detail ?? '', /PRIVATE KEY/);
    assert.ok(!(await requestsSince(since, VAULTS.main)).some((r) => r.includes('/secrets/')), 'dismissing the warning reads no secret');

    since = await logCursor();
    w.script.script({ confirms: ['Download with Private Key'], saves: [file('web.pfx')] });
    await vscode.commands.executeCommand(Ids.downloadWithKey, await w.node(VAULTS.main, 'Certificates', 'web'));
    assert.ok((await requestsSince(since, VAULTS.main)).includes('200 GET /secrets/web/'), 'read through the secret of the same name');
    assert.equal(sha1(pfxLeaf(path.join(out, 'web.pfx'))), shown.thumbprintSha1);
    canaries.push(fs.readFileSync(path.join(out, 'web.pfx')).toString('base64').slice(100, 180));

    w.script.script({ confirms: ['Download with Private Key'], saves: [file('pem-cert.pem')] });
    await vscode.commands.executeCommand(Ids.downloadWithKey, await w.node(VAULTS.main, 'Certificates', 'pem-cert'));
    const pem = fs.readFileSync(path.join(out, 'pem-cert.pem'), 'utf8');
    const keyLine = /-----BEGIN PRIVATE KEY-----\r?\n([A-Za-z0-9+/=]{40,})/.exec(pem)?.[1];
    assert.ok(keyLine, 'the PEM holds the private key');
    canaries.push(keyLine.slice(0, 60));
  });

  it('refuses the private key of a non-exportable certificate before reading its secret', async () => {
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.downloadWithKey, await w.node(VAULTS.main, 'Certificates', 'locked'));
    assert.match(w.script.errors.at(-1) ?? '', /not exportable/);
    assert.ok(!(await requestsSince(since, VAULTS.main)).some((r) => r.includes('/secrets/')));
  });

  it('imports the PFX (password prompt) and the PEM; refuses a PEM without a private key before any request', async () => {
    w.script.script({ picks: [VAULTS.main], opens: [[file('web.pfx')]], inputs: ['imported-web', ''] });
    const pfx = await vscode.commands.executeCommand<{ thumbprint: string; format: string }>(Ids.import);
    assert.equal(pfx.format, 'pfx');
    const web = await (await certs()).getCertificate('web');
    const imported = await (await certs()).getCertificate('imported-web');
    assert.deepEqual(imported.properties.x509Thumbprint, web.properties.x509Thumbprint);

    w.script.script({ opens: [[file('pem-cert.pem')]], inputs: ['imported-pem'] });
    await vscode.commands.executeCommand(Ids.import, await w.node(VAULTS.main, 'Certificates'));
    assert.equal((await (await certs()).getCertificate('imported-pem')).policy?.contentType, 'application/x-pem-file');

    const since = await logCursor();
    w.script.script({ opens: [[file('web.crt.pem')]] });
    await vscode.commands.executeCommand(Ids.import, await w.node(VAULTS.main, 'Certificates'));
    assert.match(w.script.errors.at(-1) ?? '', /no private key/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('import')), []);
  });

  it('renews from the policy (a new version), and refuses to renew an imported certificate (issuer Unknown)', async () => {
    w.script.script({ confirms: ['Renew'] });
    const before = await (await certs()).getCertificate('renew-me');
    const renewed = await vscode.commands.executeCommand<{ version: string; states: string[] }>(Ids.renew, await w.node(VAULTS.main, 'Certificates', 'renew-me'));
    assert.equal(renewed.states.at(-1), 'completed');
    const after = await (await certs()).getCertificate('renew-me');
    assert.notEqual(after.properties.version, before.properties.version);
    assert.equal(after.properties.version, renewed.version);
    assert.equal((await w.tree.children(await w.node(VAULTS.main, 'Certificates', 'renew-me'))).length, 2);

    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.renew, await w.node(VAULTS.main, 'Certificates', 'imported-web'));
    assert.match(w.script.errors.at(-1) ?? '', /issuer Unknown/);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('POST')), []);
  });

  it('shows the policy and edits it as JSON: saving checks it, then updates the vault', async () => {
    const shown = await vscode.commands.executeCommand<Record<string, unknown>>(Ids.showPolicy, await w.node(VAULTS.main, 'Certificates', 'renew-me'));
    assert.equal(shown.issuerName, 'Self');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Ids.editPolicy, await w.node(VAULTS.main, 'Certificates', 'renew-me'));
    const policy = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    let since = await logCursor();
    await editor.edit((b) => b.replace(all, JSON.stringify({ ...policy, validityInMonths: 'six' })));
    assert.equal(await editor.document.save(), false, 'an invalid policy is not saved');
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PATCH')), [], 'nothing sent');

    since = await logCursor();
    const next = { ...policy, validityInMonths: 3, lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 75 }] };
    const all2 = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await editor.edit((b) => b.replace(all2, JSON.stringify(next, null, 2)));
    assert.equal(await editor.document.save(), true);
    assert.deepEqual((await requestsSince(since, VAULTS.main)).filter((r) => r.includes('PATCH')), ['200 PATCH /certificates/renew-me/policy']);
    const stored = await (await certs()).getCertificatePolicy('renew-me');
    assert.equal(stored.validityInMonths, 3);
    assert.deepEqual(stored.lifetimeActions?.map((a) => [a.action, a.lifetimePercentage]), [['EmailContacts', 75]]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('enables and disables a certificate (its key follows)', async () => {
    await vscode.commands.executeCommand(Ids.enable, await w.node(VAULTS.main, 'Certificates', 'off-cert'));
    assert.equal((await (await certs()).getCertificate('off-cert')).properties.enabled, true);
    await vscode.commands.executeCommand(Ids.disable, await w.node(VAULTS.main, 'Certificates', 'off-cert'));
    assert.equal((await (await certs()).getCertificate('off-cert')).properties.enabled, false);
    const key = await (await w.api.services.clients.get()).vaults.keys(url()).getKey('off-cert');
    assert.equal(key.properties.enabled, false);
  });

  it('deletes, recovers (tree and palette) and purges certificates; purge protection refuses first', async () => {
    w.script.script({ confirms: ['Delete'] });
    await vscode.commands.executeCommand(Ids.delete, await w.node(VAULTS.main, 'Certificates', 'del-cert'));
    assert.match(w.script.confirms.at(-1)?.detail ?? '', /key and secret/);
    assert.equal((await (await certs()).getDeletedCertificate('del-cert')).name, 'del-cert');
    assert.ok(!(await w.tree.labels(await w.node(VAULTS.main, 'Keys'))).includes('del-cert'), 'its key went too');

    await vscode.commands.executeCommand(Ids.recover, await w.node(VAULTS.main, 'Deleted', 'Deleted certificates', 'del-cert'));
    assert.equal((await (await certs()).getCertificate('del-cert')).name, 'del-cert');
    w.script.script({ picks: [VAULTS.main, 'gone-cert'] });
    await vscode.commands.executeCommand(Ids.recover);
    assert.equal((await (await certs()).getCertificate('gone-cert')).name, 'gone-cert');

    w.script.script({ confirms: ['Delete'], inputs: ['del-cert'] });
    await vscode.commands.executeCommand(Ids.delete, await w.node(VAULTS.main, 'Certificates', 'del-cert'));
    await vscode.commands.executeCommand(Ids.purge, await w.node(VAULTS.main, 'Deleted', 'Deleted certificates', 'del-cert'));
    await assert.rejects((await certs()).getDeletedCertificate('del-cert'), (e: { statusCode?: number }) => e.statusCode === 404);

    const pp = await w.node(VAULTS.pp, 'Deleted', 'Deleted certificates', 'pp-cert');
    const since = await logCursor();
    await vscode.commands.executeCommand(Ids.purge, pp);
    assert.match(w.script.errors.at(-1) ?? '', /purge protection is on/);
    assert.deepEqual(await requestsSince(since, VAULTS.pp), []);
  });

  it('leaves no private key material in logs, settings, storage or the workspace — only in the files the user chose', () => {
    assert.equal(canaries.length, 2);
    const ctx = w.api.services.context;
    const userData = path.resolve(ctx.globalStorageUri.fsPath, '..', '..', '..');
    const logs = path.resolve(ctx.logUri.fsPath, '..', '..', '..');
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const found = [userData, logs, workspace].flatMap((dir) => filesContaining(dir, canaries));
    assert.deepEqual(found, []);
    // Positive control: the scan finds the PEM key where the user saved it (the PFX on disk is binary, the
    // canary is its base64 form — what a leak into a log or setting would look like).
    assert.deepEqual(filesContaining(out, canaries).map((f) => path.basename(f)), ['pem-cert.pem']);
    assert.ok(!w.script.shown.some((s) => canaries.some((c) => s.includes(c))), 'never shown in a prompt or message');
  });
});
