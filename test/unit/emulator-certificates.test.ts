// Certificate store handlers without HTTP: create (pending operation → real self-signed certificate), operations
// (get, cancel, delete, merge), and the managed key and secret a certificate owns.
import * as assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { CertificateStore } from '../../emulator/certificates';
import { parsePfx } from '../../emulator/certificates/pkcs12';
import { FakeKeys, FakeSecrets, invoke, testVault, type TestVault } from '../../emulator/certificates/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are free-form JSON
type Json = Record<string, any>;

function setup(overrides: Parameters<typeof testVault>[0] = {}): { vault: TestVault; store: CertificateStore; keys: FakeKeys; secrets: FakeSecrets } {
  const vault = testVault(overrides);
  const keys = new FakeKeys();
  const secrets = new FakeSecrets();
  return { vault, store: new CertificateStore(vault, { keys, secrets }), keys, secrets };
}

const selfPolicy = (extra: Json = {}): Json => ({
  policy: {
    key_props: { kty: 'RSA', key_size: 2048, exportable: true },
    secret_props: { contentType: 'application/x-pkcs12' },
    x509_props: {
      subject: 'cn=web.contoso.com, o=Contoso',
      sans: { dns_names: ['web.contoso.com', 'www.contoso.com'], emails: ['ops@contoso.com'], upns: ['svc@contoso.com'] },
      ekus: ['1.3.6.1.5.5.7.3.1'],
      key_usage: ['digitalSignature', 'keyEncipherment'],
      validity_months: 6,
    },
    issuer: { name: 'Self' },
    ...extra,
  },
  tags: { env: 'test' },
});

describe('emulator certificates: create', () => {
  it('answers 202 with an inProgress operation and a real CSR, then issues the certificate after the delay', async () => {
    const { vault, store, keys, secrets } = setup();
    const res = await invoke(store, 'POST', '/certificates/WebCert/create', selfPolicy());
    assert.equal(res.status, 202);
    const op = res.body as Json;
    assert.equal(op.id, `${vault.url}/certificates/WebCert/pending`);
    assert.equal(op.status, 'inProgress');
    assert.equal(op.cancellation_requested, false);
    assert.deepEqual(op.issuer, { name: 'Self' });
    assert.match(op.request_id, /^[0-9a-f]{32}$/);
    assert.ok(res.headers?.Location?.includes(`/certificates/WebCert/pending?api-version=2025-07-01&request_id=${op.request_id}`));
    const csr = new x509.Pkcs10CertificateRequest(Buffer.from(op.csr, 'base64'));
    assert.equal(csr.subject, 'CN=web.contoso.com, O=Contoso');
    assert.ok(await csr.verify());

    // before the delay: still pending; the certificate exists disabled and without cer
    const pending = await invoke(store, 'GET', '/certificates/webcert/pending');
    assert.equal((pending.body as Json).status, 'inProgress');
    const early = (await invoke(store, 'GET', '/certificates/webcert/')).body as Json;
    assert.equal(early.attributes.enabled, false);
    assert.equal(early.cer, undefined);
    assert.equal(early.policy.issuer.name, 'Self');
    assert.equal(keys.calls.length, 0);

    vault.clock.advance(1000);
    const done = (await invoke(store, 'GET', '/certificates/webcert/pending')).body as Json;
    assert.equal(done.status, 'completed');
    assert.equal(done.target, `${vault.url}/certificates/WebCert`);
    assert.equal(done.status_details, undefined);

    const got = await invoke(store, 'GET', '/certificates/WEBCERT/');
    assert.equal(got.status, 200);
    const cert = got.body as Json;
    const version = (cert.id as string).split('/').pop()!;
    assert.match(version, /^[0-9a-f]{32}$/);
    assert.equal(cert.kid, `${vault.url}/keys/WebCert/${version}`);
    assert.equal(cert.sid, `${vault.url}/secrets/WebCert/${version}`);
    assert.equal(cert.contentType, 'application/x-pkcs12');
    assert.deepEqual(cert.tags, { env: 'test' });
    assert.equal(cert.attributes.enabled, true);
    assert.equal(cert.attributes.recoveryLevel, 'CustomizedRecoverable+Purgeable');
    assert.equal(cert.attributes.recoverableDays, 7);
    const der = Buffer.from(cert.cer, 'base64');
    assert.equal(cert.x5t, createHash('sha1').update(der).digest('base64url'));
    const parsed = new X509Certificate(der);
    assert.equal(parsed.subject, 'CN=web.contoso.com\nO=Contoso');
    assert.equal(parsed.issuer, parsed.subject);
    assert.ok(parsed.verify(parsed.publicKey));
    assert.match(parsed.subjectAltName ?? '', /DNS:web\.contoso\.com, DNS:www\.contoso\.com/);
    assert.match(parsed.subjectAltName ?? '', /email:ops@contoso\.com/);
    assert.match(parsed.subjectAltName ?? '', /UPN:svc@contoso\.com/);
    assert.deepEqual(parsed.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(Math.floor(Date.parse(parsed.validFrom) / 1000), cert.attributes.nbf);
    assert.equal(Math.floor(Date.parse(parsed.validTo) / 1000), cert.attributes.exp);
    const months = (cert.attributes.exp - cert.attributes.nbf) / 86400 / 30.44;
    assert.ok(months > 5.8 && months < 6.2, `validity ${months} months`);
    assert.equal(cert.policy.x509_props.validity_months, 6);

    const key = keys.get('WebCert', version)!;
    assert.ok(parsed.checkPrivateKey(key.key));
    assert.deepEqual(key.keyOps, ['sign', 'verify', 'wrapKey', 'unwrapKey', 'encrypt', 'decrypt']);
    const secret = secrets.get('WebCert', version)!;
    assert.equal(secret.contentType, 'application/x-pkcs12');
    assert.equal(secret.kid, cert.kid);
    const pfx = parsePfx(Buffer.from(secret.value, 'base64'), '');
    assert.ok(pfx.certs[0]!.equals(der));
    assert.ok(parsed.checkPrivateKey(pfx.privateKey!));
  });

  it('issues EC certificates with a PEM secret (key + certificate) and the curve asked for', async () => {
    const { vault, store, secrets } = setup();
    const body = {
      policy: {
        key_props: { kty: 'EC', crv: 'P-384' },
        secret_props: { contentType: 'application/x-pem-file' },
        x509_props: { subject: 'CN=ec' },
        issuer: { name: 'Self' },
      },
    };
    assert.equal((await invoke(store, 'POST', '/certificates/ec-cert/create', body)).status, 202);
    vault.clock.advance(5000);
    const cert = (await invoke(store, 'GET', '/certificates/ec-cert/')).body as Json;
    assert.deepEqual(cert.policy.key_props, { exportable: true, kty: 'EC', reuse_key: false, crv: 'P-384' });
    assert.deepEqual(cert.policy.x509_props.key_usage, ['digitalSignature']);
    const version = (cert.id as string).split('/').pop()!;
    const pem = secrets.get('ec-cert', version)!.value;
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n/);
    const key = createPrivateKey(pem);
    assert.equal(key.asymmetricKeyDetails?.namedCurve, 'secp384r1');
    const parsed = new X509Certificate(pem);
    assert.ok(parsed.checkPrivateKey(key));
    assert.equal(parsed.raw.toString('base64'), cert.cer);
  });

  it('keeps the private key out of the secret of a non-exportable certificate', async () => {
    const { vault, store, secrets, keys } = setup();
    const body = selfPolicy({ key_props: { kty: 'RSA-HSM', exportable: false } });
    await invoke(store, 'POST', '/certificates/hsm/create', body);
    vault.clock.advance(1000);
    const cert = (await invoke(store, 'GET', '/certificates/hsm')).body as Json;
    const version = (cert.id as string).split('/').pop()!;
    const pfx = parsePfx(Buffer.from(secrets.get('hsm', version)!.value, 'base64'), '');
    assert.equal(pfx.privateKey, undefined);
    assert.equal(pfx.certs.length, 1);
    assert.equal(keys.get('hsm', version)!.hsm, true);
  });

  it('refuses a second create while the first is inProgress, and cancels on request', async () => {
    const { vault, store, keys } = setup();
    await invoke(store, 'POST', '/certificates/c1/create', selfPolicy());
    const again = await invoke(store, 'POST', '/certificates/c1/create', selfPolicy());
    assert.equal(again.status, 409);
    const cancel = await invoke(store, 'PATCH', '/certificates/c1/pending', { cancellation_requested: true });
    assert.equal(cancel.status, 200);
    assert.equal((cancel.body as Json).cancellation_requested, true);
    assert.equal((cancel.body as Json).status, 'inProgress');
    vault.clock.advance(1000);
    const op = (await invoke(store, 'GET', '/certificates/c1/pending')).body as Json;
    assert.equal(op.status, 'cancelled');
    assert.equal(keys.calls.length, 0);
    const late = await invoke(store, 'PATCH', '/certificates/c1/pending', { cancellation_requested: true });
    assert.equal(late.status, 400);
    // a finished operation no longer blocks a new create
    assert.equal((await invoke(store, 'POST', '/certificates/c1/create', selfPolicy())).status, 202);
  });

  it('deletes an operation: the pending request is gone (404 PendingCertificateNotFound)', async () => {
    const { store } = setup();
    await invoke(store, 'POST', '/certificates/c2/create', selfPolicy());
    const del = await invoke(store, 'DELETE', '/certificates/c2/pending');
    assert.equal(del.status, 200);
    assert.equal((del.body as Json).status, 'inProgress');
    const gone = await invoke(store, 'GET', '/certificates/c2/pending');
    assert.equal(gone.status, 404);
    assert.equal((gone.body as Json).error.code, 'PendingCertificateNotFound');
    const filtered = await invoke(store, 'GET', '/certificates/nope/pending?request_id=abc');
    assert.equal(filtered.status, 404);
  });

  it('waits for a merge with issuer Unknown and checks the merged certificate against the pending key', async () => {
    const { vault, store, keys } = setup();
    const body = selfPolicy({ issuer: { name: 'Unknown' } });
    const created = (await invoke(store, 'POST', '/certificates/manual/create', body)).body as Json;
    assert.equal(created.status_details, 'Pending certificate created. Please Perform Merge to complete the request.');
    vault.clock.advance(60_000);
    assert.equal(((await invoke(store, 'GET', '/certificates/manual/pending')).body as Json).status, 'inProgress');

    // sign the CSR's public key with a throwaway CA, as an external authority would
    const csr = new x509.Pkcs10CertificateRequest(Buffer.from(created.csr, 'base64'));
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
    const ca = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const issued = await x509.X509CertificateGenerator.create({
      serialNumber: '01',
      subject: csr.subject,
      issuer: 'CN=Test CA',
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 30 * 86400_000),
      publicKey: csr.publicKey,
      signingKey: ca.privateKey,
      signingAlgorithm: alg,
    });
    const wrongKey = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '02', name: 'CN=x', keys: ca, signingAlgorithm: alg });
    const wrong = await invoke(store, 'POST', '/certificates/manual/pending/merge', { x5c: [Buffer.from(wrongKey.rawData).toString('base64')] });
    assert.equal(wrong.status, 400);

    const merged = await invoke(store, 'POST', '/certificates/manual/pending/merge', { x5c: [Buffer.from(issued.rawData).toString('base64')] });
    assert.equal(merged.status, 201);
    const cert = merged.body as Json;
    assert.equal(cert.cer, Buffer.from(issued.rawData).toString('base64'));
    const version = (cert.id as string).split('/').pop()!;
    assert.ok(new X509Certificate(Buffer.from(issued.rawData)).checkPrivateKey(keys.get('manual', version)!.key));
    assert.equal(((await invoke(store, 'GET', '/certificates/manual/pending')).body as Json).status, 'completed');
  });

  it('fails an operation of a configured third-party issuer, refuses an unknown issuer name', async () => {
    const { vault, store } = setup();
    const unknownIssuer = await invoke(store, 'POST', '/certificates/ca1/create', selfPolicy({ issuer: { name: 'digicert1' } }));
    assert.equal(unknownIssuer.status, 400);
    assert.equal((await invoke(store, 'PUT', '/certificates/issuers/digicert1', { provider: 'DigiCert' })).status, 200);
    assert.equal((await invoke(store, 'POST', '/certificates/ca1/create', selfPolicy({ issuer: { name: 'digicert1' } }))).status, 202);
    vault.clock.advance(1000);
    const op = (await invoke(store, 'GET', '/certificates/ca1/pending')).body as Json;
    assert.equal(op.status, 'failed');
    assert.ok(op.error.message.includes('digicert1'));
  });

  it('reuses the previous key on renewal when the policy says reuse_key', async () => {
    const { vault, store } = setup();
    const body = selfPolicy({ key_props: { kty: 'RSA', reuse_key: true } });
    await invoke(store, 'POST', '/certificates/renew/create', body);
    vault.clock.advance(1000);
    const first = (await invoke(store, 'GET', '/certificates/renew/')).body as Json;
    await invoke(store, 'POST', '/certificates/renew/create', {});
    vault.clock.advance(1000);
    const second = (await invoke(store, 'GET', '/certificates/renew/')).body as Json;
    assert.notEqual(first.id, second.id);
    const pub = (b64: string): string =>
      new X509Certificate(Buffer.from(b64, 'base64')).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    assert.equal(pub(first.cer), pub(second.cer));
  });
});
