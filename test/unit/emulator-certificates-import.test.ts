// Certificate import without HTTP: PFX (made by node-forge, with a password) and PEM (EC key, chain out of order,
// encrypted key), the policy derived from the certificate, the managed key and secret, and the refusals.
import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as forge from 'node-forge';
import { CertificateStore } from '../../emulator/certificates';
import { buildPfx, parsePfx } from '../../emulator/certificates/pkcs12';
import { EmuError } from '../../emulator/errors';
import { FakeKeys, FakeSecrets, invoke, testVault } from '../../emulator/certificates/testing';
import type { ManagedSecretInput } from '../../emulator/certificates/sinks';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are free-form JSON
type Json = Record<string, any>;

function setup(): { store: CertificateStore; keys: FakeKeys; secrets: FakeSecrets } {
  const keys = new FakeKeys();
  const secrets = new FakeSecrets();
  return { store: new CertificateStore(testVault(), { keys, secrets }), keys, secrets };
}

/** A certificate for `subject` over the public half of `key`, signed by `signer` (self-signed when absent). */
async function certificate(key: KeyObject, subject: string, signer?: { key: KeyObject; name: string }): Promise<Buffer> {
  const ec = key.asymmetricKeyType === 'ec';
  const alg = ec ? { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const imp = async (k: KeyObject, pub: boolean): Promise<webcrypto.CryptoKey> => {
    const isEc = k.asymmetricKeyType === 'ec';
    const a = isEc ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return pub
      ? webcrypto.subtle.importKey('spki', k.export({ type: 'spki', format: 'der' }), a, true, ['verify'])
      : webcrypto.subtle.importKey('pkcs8', k.export({ type: 'pkcs8', format: 'der' }), a, true, ['sign']);
  };
  const publicKey = await imp(createPublicKey(key), true);
  const signing = signer ?? { key, name: subject };
  const signerEc = signing.key.asymmetricKeyType === 'ec';
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: '0a1b2c',
      subject,
      issuer: signing.name,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      publicKey,
      signingKey: await imp(signing.key, false),
      signingAlgorithm: signerEc ? { name: 'ECDSA', hash: 'SHA-256' } : alg,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2']),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'import.contoso.com' }]),
      ],
    },
    webcrypto,
  );
  return Buffer.from(cert.rawData);
}

const pem = (der: Buffer): string => new X509Certificate(der).toString();

describe('emulator certificates: import', () => {
  it('imports a password-protected PFX made by node-forge and derives the policy from the certificate', async () => {
    const { store, keys, secrets } = setup();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = await certificate(privateKey, 'CN=imported, O=Contoso');
    const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const forgeCert = forge.pki.certificateFromPem(pem(der));
    const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [forgeCert], 'pa55word', { algorithm: 'aes256' });
    const value = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64');

    const res = await invoke(store, 'POST', '/certificates/Imported/import', { value, pwd: 'pa55word', tags: { from: 'pfx' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const cert = res.body as Json;
    assert.equal(cert.cer, der.toString('base64'));
    assert.equal(cert.contentType, 'application/x-pkcs12');
    assert.deepEqual(cert.tags, { from: 'pfx' });
    assert.equal(cert.attributes.enabled, true);
    assert.equal(cert.attributes.nbf, Date.parse('2025-01-01T00:00:00Z') / 1000);
    assert.equal(cert.attributes.exp, Date.parse('2027-01-01T00:00:00Z') / 1000);
    assert.equal(cert.policy.issuer.name, 'Unknown');
    assert.deepEqual(cert.policy.key_props, { exportable: true, kty: 'RSA', reuse_key: false, key_size: 2048 });
    assert.equal(cert.policy.x509_props.subject, 'CN=imported, O=Contoso');
    assert.deepEqual(cert.policy.x509_props.sans, { dns_names: ['import.contoso.com'] });
    assert.deepEqual(cert.policy.x509_props.ekus, ['1.3.6.1.5.5.7.3.2']);
    assert.deepEqual(cert.policy.x509_props.key_usage, ['digitalSignature']);
    assert.equal(cert.policy.x509_props.validity_months, 24);
    assert.equal(cert.policy.lifetime_actions[0].action.action_type, 'EmailContacts');

    const version = (cert.id as string).split('/').pop()!;
    assert.ok(new X509Certificate(der).checkPrivateKey(keys.get('Imported', version)!.key));
    const stored = parsePfx(Buffer.from(secrets.get('Imported', version)!.value, 'base64'), '');
    assert.ok(stored.certs[0]!.equals(der));
    assert.ok(new X509Certificate(der).checkPrivateKey(stored.privateKey!));
  });

  it('imports PEM text with an EC key and a chain in any order; the leaf comes first', async () => {
    const { store, secrets } = setup();
    const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const leafKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const caDer = await certificate(ca, 'CN=Contoso CA');
    const leafDer = await certificate(leafKey, 'CN=leaf', { key: ca, name: 'CN=Contoso CA' });
    const value = pem(caDer) + pem(leafDer) + (leafKey.export({ type: 'pkcs8', format: 'pem' }) as string);

    const res = await invoke(store, 'POST', '/certificates/pem-chain/import', {
      value,
      policy: { secret_props: { contentType: 'application/x-pem-file' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const cert = res.body as Json;
    assert.equal(cert.cer, leafDer.toString('base64'));
    assert.deepEqual(cert.policy.key_props, { exportable: true, kty: 'EC', reuse_key: false, crv: 'P-256' });
    const version = (cert.id as string).split('/').pop()!;
    const secret = secrets.get('pem-chain', version)!;
    assert.equal(secret.contentType, 'application/x-pem-file');
    const blocks = secret.value.match(/-----BEGIN [A-Z ]+-----/g);
    assert.deepEqual(blocks, ['-----BEGIN PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----', '-----BEGIN CERTIFICATE-----']);
    assert.ok(secret.value.indexOf(pem(leafDer).trim()) < secret.value.indexOf(pem(caDer).trim()));
  });

  it('reads an encrypted PEM key with pwd, and base64 of PEM text; converts a PEM import to a PFX secret', async () => {
    const { store, secrets } = setup();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = await certificate(privateKey, 'CN=enc');
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 's3cret' }) as string;
    const value = Buffer.from(encrypted + pem(der)).toString('base64');
    const res = await invoke(store, 'POST', '/certificates/enc/import', { value, pwd: 's3cret', policy: { secret_props: { contentType: 'application/x-pkcs12' } } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const cert = res.body as Json;
    const version = (cert.id as string).split('/').pop()!;
    const pfx = parsePfx(Buffer.from(secrets.get('enc', version)!.value, 'base64'), '');
    assert.ok(new X509Certificate(der).checkPrivateKey(pfx.privateKey!));
  });

  it('refuses content without a private key, garbage, a wrong password and a mismatched key', async () => {
    const { store } = setup();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const der = await certificate(privateKey, 'CN=x');
    const cases: Array<[string, Json]> = [
      ['certificate only', { value: pem(der) }],
      ['garbage', { value: 'bm90IGEgY2VydGlmaWNhdGU=' }],
      ['wrong password', { value: buildPfx(privateKey.export({ type: 'pkcs8', format: 'der' }), [der], 'right').toString('base64'), pwd: 'wrong' }],
      ['mismatched key', { value: pem(der) + (other.export({ type: 'pkcs8', format: 'pem' }) as string) }],
      ['no value', {}],
    ];
    for (const [what, body] of cases) {
      const res = await invoke(store, 'POST', '/certificates/bad/import', body);
      assert.equal(res.status, 400, what);
      assert.equal((res.body as Json).error.code, 'BadParameter', what);
    }
    assert.equal((await invoke(store, 'GET', '/certificates/bad/')).status, 404);
  });

  it('leaves no certificate behind when its secret cannot be written (a plain secret of that name exists)', async () => {
    class TakenSecrets extends FakeSecrets {
      override putManaged(name: string, input: ManagedSecretInput): void {
        if (name === 'taken') {
          throw new EmuError(409, 'Conflict', 'Secret taken already exists and is not managed by a certificate.', 'ObjectAlreadyExists');
        }
        super.putManaged(name, input);
      }
    }
    const keys = new FakeKeys();
    const store = new CertificateStore(testVault(), { keys, secrets: new TakenSecrets() });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const value = pem(await certificate(privateKey, 'CN=taken')) + (privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const res = await invoke(store, 'POST', '/certificates/taken/import', { value });
    assert.equal(res.status, 409);
    assert.equal((await invoke(store, 'GET', '/certificates/taken/')).status, 404);
    assert.equal(keys.calls.length, 0);
  });
});
