// src/azure certificateOps against the emulator through VaultClients: details parsed from the cer, self-signed
// create with progress, renew, policy get/update, import PFX and PEM, downloads (CER thumbprint; PFX through the
// secret, opened with openssl), enable/disable, delete → recover → delete → purge.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import type { AzureSdk } from '../../src/azure/lazy';
import type { VaultClients } from '../../src/azure/vaultClients';
import { OPS_SUBSCRIPTION, seedOpsVault } from './opsVaults';

const VAULT = `kvc${Date.now().toString(36)}`;

/** The leaf certificate of a PFX, read by openssl (no key output), as PEM. */
function pfxCertificate(pfx: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-pfx-'));
  try {
    const file = path.join(dir, 'c.pfx');
    fs.writeFileSync(file, pfx);
    return execFileSync('openssl', ['pkcs12', '-in', file, '-nokeys', '-clcerts', '-passin', 'pass:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificateOps (src/azure) against the emulator', function () {
  this.timeout(60_000);
  let sdk: AzureSdk;
  let vaults: VaultClients;
  let url = '';

  before(async () => {
    ({ sdk, vaults, url } = await seedOpsVault({
      name: VAULT, subscription: OPS_SUBSCRIPTION, resourceGroup: 'rg-certops', timings: { deleteDelayMs: 100, certificateDelayMs: 600 },
      certificates: [
        { name: 'web', subject: 'CN=web.example.com, O=Contoso', sans: ['web.example.com', 'www.example.com'], validityMonths: 12 },
        { name: 'pem-cert', subject: 'CN=pem.example.com', contentType: 'pem', keyType: 'EC' },
        { name: 'locked', subject: 'CN=locked.example.com', exportable: false },
      ],
    }));
  });

  it('details: subject, SANs, issuer, thumbprints, validity, key type, exportable, content type', async () => {
    const d = await sdk.certificateOps.getCertificateDetails(vaults, url, 'web');
    const c = d.certificate!;
    assert.equal(c.subject, 'CN=web.example.com, O=Contoso');
    assert.equal(c.issuer, c.subject);
    assert.equal(c.selfSigned, true);
    assert.deepEqual(c.subjectAlternativeNames.dnsNames, ['web.example.com', 'www.example.com']);
    assert.equal(c.keyType, 'RSA 2048');
    assert.equal(c.thumbprintSha1, d.serviceThumbprint, 'our SHA-1 thumbprint is the service one');
    assert.match(c.thumbprintSha256, /^[0-9A-F]{64}$/);
    assert.equal(d.policy?.exportable, true);
    assert.equal(d.policy?.contentType, 'application/x-pkcs12');
    assert.ok(c.validTo.getTime() > c.validFrom.getTime());
    const pem = await sdk.certificateOps.getCertificateDetails(vaults, url, 'pem-cert');
    assert.equal(pem.certificate?.keyType, 'EC P-256');
    assert.equal(pem.policy?.contentType, 'application/x-pem-file');
  });

  it('downloads the public CER (its thumbprint is the one shown) and the PFX through the secret', async () => {
    const d = await sdk.certificateOps.getCertificateDetails(vaults, url, 'web');
    const cer = await sdk.certificateOps.downloadPublic(vaults, url, 'web');
    assert.equal(new X509Certificate(Buffer.from(cer)).fingerprint.replace(/:/g, ''), d.certificate!.thumbprintSha1);
    const full = await sdk.certificateOps.downloadWithPrivateKey(vaults, url, 'web');
    assert.equal(full.contentType, 'application/x-pkcs12');
    const leaf = new X509Certificate(pfxCertificate(full.bytes));
    assert.equal(leaf.fingerprint.replace(/:/g, ''), d.certificate!.thumbprintSha1);
    const pem = await sdk.certificateOps.downloadWithPrivateKey(vaults, url, 'pem-cert');
    assert.equal(pem.contentType, 'application/x-pem-file');
    assert.match(Buffer.from(pem.bytes).toString('utf8'), /-----BEGIN PRIVATE KEY-----/);
  });

  it('creates a self-signed certificate and reports the pending operation until it completes', async () => {
    const seen: string[] = [];
    const { operation, details } = await sdk.certificateOps.createSelfSigned(vaults, url, {
      name: 'made', subject: 'CN=made.example.com', dnsNames: ['made.example.com'], validityInMonths: 6, keyType: 'EC', curve: 'P-384',
      contentType: 'application/x-pem-file', exportable: true, autoRenewDaysBeforeExpiry: 30,
    }, { onProgress: (op) => seen.push(op.status) });
    assert.equal(operation.status, 'completed');
    assert.equal(seen[0], 'inProgress');
    assert.equal(seen.at(-1), 'completed');
    assert.equal(details?.certificate?.keyType, 'EC P-384');
    assert.deepEqual(details?.certificate?.subjectAlternativeNames.dnsNames, ['made.example.com']);
    const policy = await sdk.certificateOps.getCertificatePolicy(vaults, url, 'made');
    assert.deepEqual(policy.lifetimeActions, [{ action: 'AutoRenew', daysBeforeExpiry: 30 }]);
    assert.equal(policy.issuerName, 'Self');
  });

  it('renews: a new version from the policy', async () => {
    const before = await sdk.certificateOps.getCertificateDetails(vaults, url, 'made');
    const { operation, details } = await sdk.certificateOps.renewCertificate(vaults, url, 'made');
    assert.equal(operation.status, 'completed');
    assert.notEqual(details?.version, before.version);
    assert.equal((await vaults.listVersions(url, 'certificate', 'made')).items.length, 2);
  });

  it('updates the policy and reads it back (the SDK update returns an empty policy)', async () => {
    const updated = await sdk.certificateOps.setCertificatePolicy(vaults, url, 'made', { validityInMonths: 3, lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 75 }] });
    assert.equal(updated.validityInMonths, 3);
    assert.deepEqual(updated.lifetimeActions, [{ action: 'EmailContacts', lifetimePercentage: 75 }]);
    assert.equal(updated.subject, 'CN=made.example.com');
  });

  it('imports a PFX (downloaded from another certificate) and a PEM', async () => {
    const pfx = await sdk.certificateOps.downloadWithPrivateKey(vaults, url, 'web');
    const imported = await sdk.certificateOps.importCertificate(vaults, url, { name: 'imported-pfx', bytes: pfx.bytes, format: 'pfx' });
    const web = await sdk.certificateOps.getCertificateDetails(vaults, url, 'web');
    assert.equal(imported.certificate?.thumbprintSha1, web.certificate?.thumbprintSha1);
    const pem = await sdk.certificateOps.downloadWithPrivateKey(vaults, url, 'pem-cert');
    const importedPem = await sdk.certificateOps.importCertificate(vaults, url, { name: 'imported-pem', bytes: pem.bytes, format: 'pem' });
    assert.equal(importedPem.policy?.contentType, 'application/x-pem-file');
    assert.equal(importedPem.certificate?.subject, 'CN=pem.example.com');
  });

  it('disables and enables a certificate', async () => {
    assert.equal((await sdk.certificateOps.updateCertificate(vaults, url, 'web', undefined, { enabled: false })).enabled, false);
    assert.equal((await sdk.certificateOps.getCertificateDetails(vaults, url, 'web')).enabled, false);
    assert.equal((await sdk.certificateOps.updateCertificate(vaults, url, 'web', undefined, { enabled: true })).enabled, true);
  });

  it('deletes (soft), recovers, deletes again and purges', async () => {
    const deleted = await sdk.certificateOps.deleteCertificate(vaults, url, 'imported-pem');
    assert.ok(deleted.recoveryId);
    await sdk.certificateOps.recoverCertificate(vaults, url, 'imported-pem');
    assert.equal((await sdk.certificateOps.getCertificateDetails(vaults, url, 'imported-pem')).name, 'imported-pem');
    await sdk.certificateOps.deleteCertificate(vaults, url, 'imported-pem');
    await sdk.certificateOps.purgeCertificate(vaults, url, 'imported-pem');
    assert.ok(!(await vaults.listDeleted(url, 'certificate')).items.some((c) => c.name === 'imported-pem'));
  });
});
