// Every certificates operation through the official CertificateClient against the emulator (AZURE-FACTS.md
// "Objects": a certificate owns a key and a secret of the same name; create is a long-running operation; the public
// part is `cer`, the private part only in the secret). SecretClient and KeyClient check the managed secret and key.
import * as assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import type { CertificatePolicy } from '@azure/keyvault-certificates';
import * as forge from 'node-forge';
import { certificateClient, controlApi, errorBody, keyClient, liveVaultUrl, secretClient, uniqueName } from './emulator';

const FAST = { intervalInMs: 50 };
const SUBSCRIPTION = '51515151-0000-4000-8000-000000000001';

function vaultName(prefix: string): string {
  return uniqueName(prefix).slice(0, 24).replace(/-+$/, 'x');
}

async function newVault(prefix: string, certificates: unknown[] = []): Promise<string> {
  const name = vaultName(prefix);
  await controlApi.seed({
    vaults: [{ name, subscription: SUBSCRIPTION, resourceGroup: 'rg-test', timings: { deleteDelayMs: 100, certificateDelayMs: 300 }, certificates }],
  });
  return liveVaultUrl(name);
}

/** A self-signed RSA certificate made with node-forge (independent of the emulator's own X.509 code). */
function forgeSelfSigned(subject: string): { key: KeyObject; der: Buffer; forgeKey: forge.pki.rsa.PrivateKey; forgeCert: forge.pki.Certificate } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = '0badc0de';
  cert.validity.notBefore = new Date('2025-06-01T00:00:00Z');
  cert.validity.notAfter = new Date('2028-06-01T00:00:00Z');
  const attrs = [{ shortName: 'CN', value: subject }, { shortName: 'O', value: 'Fabrikam' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: `${subject}.fabrikam.com` }] }]);
  cert.sign(forgeKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { key: privateKey, der, forgeKey, forgeCert: cert };
}

/** The private key inside a PFX, read with node-forge. */
function keyOfPfx(pfxBase64: string, password = ''): KeyObject {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pfxBase64, 'base64').toString('binary')), password);
  const oid = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const bag = p12.getBags({ bagType: oid })[oid]?.[0];
  assert.ok(bag?.key, 'the PFX holds a private key');
  return createPrivateKey(forge.pki.privateKeyToPem(bag.key));
}

const webPolicy: CertificatePolicy = {
  issuerName: 'Self',
  subject: 'CN=web.contoso.com, O=Contoso',
  subjectAlternativeNames: { dnsNames: ['web.contoso.com', 'api.contoso.com'], emails: ['ops@contoso.com'], userPrincipalNames: ['svc@contoso.com'] },
  validityInMonths: 6,
  keyType: 'RSA',
  keySize: 2048,
  contentType: 'application/x-pkcs12',
  exportable: true,
  enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
  keyUsage: ['digitalSignature', 'keyEncipherment'],
};

describe('certificates data plane (CertificateClient)', function () {
  let url: string;

  before(async () => {
    url = await newVault('kv-cert', [{ name: 'seeded-versions', keyType: 'EC', versions: 3 }]);
  });

  it('creates a self-signed certificate through the poller: real X.509, key and PFX secret of the same name', async () => {
    const client = certificateClient(url);
    const name = uniqueName('web');
    const poller = await client.beginCreateCertificate(name, webPolicy, { ...FAST, tags: { env: 'it' } });
    assert.equal(poller.isDone(), false);
    const cert = await poller.pollUntilDone();

    assert.ok(cert.cer && cert.cer.length > 0);
    const x509 = new X509Certificate(Buffer.from(cert.cer));
    assert.equal(x509.subject, 'CN=web.contoso.com\nO=Contoso');
    assert.equal(x509.subjectAltName, 'DNS:web.contoso.com, DNS:api.contoso.com, email:ops@contoso.com, othername:UPN:svc@contoso.com');
    const months = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86400_000 / 30.44;
    assert.ok(months > 5.8 && months < 6.3, `validity ${months} months`);
    assert.deepEqual(x509.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(cert.properties.x509ThumbprintString, x509.fingerprint.replace(/:/g, '').toLowerCase());
    assert.equal(cert.properties.enabled, true);
    assert.deepEqual(cert.properties.tags, { env: 'it' });
    assert.equal(cert.policy?.subject, 'CN=web.contoso.com, O=Contoso');
    assert.deepEqual(cert.policy?.subjectAlternativeNames?.dnsNames, ['web.contoso.com', 'api.contoso.com']);
    assert.equal(cert.properties.notBefore?.getTime(), Date.parse(x509.validFrom));
    assert.equal(cert.properties.expiresOn?.getTime(), Date.parse(x509.validTo));

    const secret = await secretClient(url).getSecret(name);
    assert.equal(secret.properties.contentType, 'application/x-pkcs12');
    assert.equal(secret.properties.managed, true);
    assert.equal(secret.properties.certificateKeyId, cert.keyId);
    assert.equal(secret.properties.id, cert.secretId);
    assert.ok(x509.checkPrivateKey(keyOfPfx(secret.value!)), 'the PFX key matches the cer');

    const key = await keyClient(url).getKey(name);
    assert.equal(key.id, cert.keyId);
    assert.equal(key.properties.managed, true);
    const jwk = x509.publicKey.export({ format: 'jwk' });
    assert.equal(Buffer.from(key.key!.n!).toString('base64url'), jwk.n);
  });

  it('reads the operation with getCertificateOperation, deletes an operation waiting for a merge', async () => {
    const client = certificateClient(url);
    const name = uniqueName('op');
    await client.beginCreateCertificate(name, { ...webPolicy, subject: 'CN=op' }, FAST);
    const opPoller = await client.getCertificateOperation(name, FAST);
    assert.equal(opPoller.getOperationState().certificateOperation?.status, 'inProgress');
    assert.ok(opPoller.getOperationState().certificateOperation?.csr?.length);
    await opPoller.pollUntilDone();
    assert.equal(opPoller.getOperationState().certificateOperation?.status, 'completed');
    assert.ok((await client.getCertificate(name)).cer?.length);

    const manual = uniqueName('manual');
    await client.beginCreateCertificate(manual, { ...webPolicy, issuerName: 'Unknown', subject: 'CN=manual' }, FAST);
    const waiting = await client.getCertificateOperation(manual);
    assert.equal(waiting.getOperationState().certificateOperation?.status, 'inProgress');
    const deleted = await client.deleteCertificateOperation(manual);
    assert.equal(deleted.status, 'inProgress');
    await assert.rejects(client.getCertificateOperation(manual), (err: unknown) => {
      assert.equal(errorBody(err).error?.code, 'PendingCertificateNotFound');
      return true;
    });
  });

  it('imports a password-protected PFX and a PEM certificate with their keys', async () => {
    const client = certificateClient(url);
    const made = forgeSelfSigned('imported');
    const p12 = forge.pkcs12.toPkcs12Asn1(made.forgeKey, [made.forgeCert], 'pfx-pass', { algorithm: '3des' });
    const pfxName = uniqueName('pfx');
    const pfx = await client.importCertificate(pfxName, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), { password: 'pfx-pass' });
    assert.deepEqual(Buffer.from(pfx.cer!), made.der);
    assert.equal(pfx.policy?.issuerName, 'Unknown');
    assert.equal(pfx.policy?.subject, 'CN=imported, O=Fabrikam');
    assert.deepEqual(pfx.policy?.subjectAlternativeNames?.dnsNames, ['imported.fabrikam.com']);
    assert.equal(pfx.properties.expiresOn?.toISOString(), '2028-06-01T00:00:00.000Z');
    const pfxSecret = await secretClient(url).getSecret(pfxName);
    assert.ok(new X509Certificate(made.der).checkPrivateKey(keyOfPfx(pfxSecret.value!)));

    const pemName = uniqueName('pem');
    const pemText = (made.key.export({ type: 'pkcs8', format: 'pem' }) as string) + new X509Certificate(made.der).toString();
    const pem = await client.importCertificate(pemName, Buffer.from(pemText), { policy: { contentType: 'application/x-pem-file', issuerName: 'Unknown', subject: 'CN=imported' } });
    assert.deepEqual(Buffer.from(pem.cer!), made.der);
    const pemSecret = await secretClient(url).getSecret(pemName);
    assert.equal(pemSecret.properties.contentType, 'application/x-pem-file');
    assert.ok(new X509Certificate(made.der).checkPrivateKey(createPrivateKey(pemSecret.value!)));
  });

  it('lists certificates across at least three pages, and the versions of a certificate', async () => {
    const seeded = Array.from({ length: 7 }, (_, i) => ({ name: `paged-${i}`, keyType: 'EC' }));
    const client = certificateClient(await newVault('kv-cpage', seeded));
    const pages: string[][] = [];
    const options = { includePending: false, maxresults: 3 }; // the generated client passes maxresults through
    for await (const page of client.listPropertiesOfCertificates(options).byPage()) {
      pages.push(page.map((p) => p.name!));
      for (const p of page) assert.ok(p.x509Thumbprint && p.x509Thumbprint.length === 20);
    }
    assert.deepEqual(pages.map((p) => p.length), [3, 3, 1]);
    assert.deepEqual(pages.flat(), seeded.map((s) => s.name));

    const versions: string[] = [];
    for await (const v of certificateClient(url).listPropertiesOfCertificateVersions('seeded-versions')) versions.push(v.version!);
    assert.equal(versions.length, 3);
    assert.ok(versions.every((v) => /^[0-9a-f]{32}$/.test(v)));
  });

  it('updates properties (mirrored to the secret) and gets and updates the policy', async () => {
    const client = certificateClient(url);
    const name = uniqueName('upd');
    const cert = await (await client.beginCreateCertificate(name, webPolicy, FAST)).pollUntilDone();
    const updated = await client.updateCertificateProperties(name, cert.properties.version!, { enabled: false, tags: { owner: 'me' } });
    assert.equal(updated.properties.enabled, false);
    assert.deepEqual(updated.properties.tags, { owner: 'me' });
    await assert.rejects(secretClient(url).getSecret(name), (err: unknown) => {
      assert.equal((err as { statusCode?: number }).statusCode, 403);
      return true;
    });

    const policy = await client.getCertificatePolicy(name);
    assert.equal(policy.validityInMonths, 6);
    // @azure/keyvault-certificates 4.10 returns a policy built from nothing here (it never reads the response body),
    // so the change is checked by reading the policy again.
    await client.updateCertificatePolicy(name, { ...policy, validityInMonths: 3, lifetimeActions: [{ daysBeforeExpiry: 10, action: 'EmailContacts' }] });
    const changed = await client.getCertificatePolicy(name);
    assert.equal(changed.validityInMonths, 3);
    assert.equal(changed.lifetimeActions?.length, 1);
    assert.equal(changed.lifetimeActions?.[0]?.daysBeforeExpiry, 10);
    assert.equal(changed.lifetimeActions?.[0]?.action, 'EmailContacts');
    assert.equal(changed.subject, 'CN=web.contoso.com, O=Contoso');
  });

  it('deletes with a poller (key and secret too), reads and lists the deleted certificate, recovers and purges', async () => {
    const client = certificateClient(url);
    const name = uniqueName('del');
    await (await client.beginCreateCertificate(name, webPolicy, FAST)).pollUntilDone();
    const deleted = await (await client.beginDeleteCertificate(name, FAST)).pollUntilDone();
    assert.ok(deleted.recoveryId?.endsWith(`/deletedcertificates/${name}`));
    assert.equal(deleted.scheduledPurgeDate!.getTime() - deleted.deletedOn!.getTime(), 90 * 86400_000);
    assert.equal((await client.getDeletedCertificate(name)).name, name);
    const listed: string[] = [];
    for await (const d of client.listDeletedCertificates()) listed.push(d.name);
    assert.ok(listed.includes(name));
    assert.equal((await secretClient(url).getDeletedSecret(name)).name, name);

    await assert.rejects(client.beginCreateCertificate(name, webPolicy, FAST), (err: unknown) => {
      assert.equal((err as { statusCode?: number }).statusCode, 409);
      assert.equal(errorBody(err).error?.innererror?.code, 'ObjectIsDeletedButRecoverable');
      return true;
    });

    const recovered = await (await client.beginRecoverDeletedCertificate(name, FAST)).pollUntilDone();
    assert.equal(recovered.name, name);
    assert.ok((await secretClient(url).getSecret(name)).value);
    assert.equal((await keyClient(url).getKey(name)).name, name);

    await (await client.beginDeleteCertificate(name, FAST)).pollUntilDone();
    await client.purgeDeletedCertificate(name);
    await assert.rejects(client.getDeletedCertificate(name), (err: unknown) => (err as { statusCode?: number }).statusCode === 404);
    await assert.rejects(secretClient(url).getDeletedSecret(name), (err: unknown) => (err as { statusCode?: number }).statusCode === 404);
  });

  it('backs up and restores a certificate with its secret', async () => {
    const client = certificateClient(url);
    const name = uniqueName('bak');
    const made = forgeSelfSigned('backup');
    const p12 = forge.pkcs12.toPkcs12Asn1(made.forgeKey, [made.forgeCert], '', { algorithm: '3des' });
    await client.importCertificate(name, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    const backup = await client.backupCertificate(name);
    assert.ok(backup && backup.length > 0);
    await assert.rejects(client.restoreCertificateBackup(backup), (err: unknown) => (err as { statusCode?: number }).statusCode === 409);
    await (await client.beginDeleteCertificate(name, FAST)).pollUntilDone();
    await client.purgeDeletedCertificate(name);
    const restored = await client.restoreCertificateBackup(backup);
    assert.equal(restored.name, name);
    assert.deepEqual(Buffer.from(restored.cer!), made.der);
    assert.ok(new X509Certificate(made.der).checkPrivateKey(keyOfPfx((await secretClient(url).getSecret(name)).value!)));
  });

  it('answers 404 CertificateNotFound, 400 for bad names, 403 purge with purge protection, no recovery without soft delete', async () => {
    const client = certificateClient(url);
    await assert.rejects(client.getCertificate('never-existed'), (err: unknown) => {
      assert.equal((err as { statusCode?: number }).statusCode, 404);
      assert.equal(errorBody(err).error?.code, 'CertificateNotFound');
      return true;
    });
    await assert.rejects(client.getCertificate('bad_name'), (err: unknown) => (err as { statusCode?: number }).statusCode === 400);

    const made = forgeSelfSigned('prot');
    const pfx = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(made.forgeKey, [made.forgeCert], '', { algorithm: '3des' })).getBytes(), 'binary');
    const protectedClient = certificateClient('kv-test-protected');
    const name = uniqueName('prot');
    await protectedClient.importCertificate(name, pfx);
    await (await protectedClient.beginDeleteCertificate(name, FAST)).pollUntilDone();
    await assert.rejects(protectedClient.purgeDeletedCertificate(name), (err: unknown) => (err as { statusCode?: number }).statusCode === 403);

    const legacy = certificateClient('kv-test-nosoft');
    await legacy.importCertificate(name, pfx);
    const gone = await (await legacy.beginDeleteCertificate(name, FAST)).pollUntilDone();
    assert.equal(gone.recoveryId, undefined);
    assert.equal(gone.properties.recoveryLevel, 'Purgeable');
    await assert.rejects(legacy.getCertificate(name), (err: unknown) => (err as { statusCode?: number }).statusCode === 404);
  });
});
