import 'reflect-metadata';
import * as assert from 'node:assert/strict';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derToPem, parseCertificate, parseSubjectAltName, pemHasPrivateKey, thumbprint } from '../../src/azure/certificateParse';
import { checkSubject, checkValidityMonths, parseDnsNames, parsePolicyJson, policyInfo, sdkPolicy, selfSignedPolicy, validatePolicy } from '../../src/azure/certificatePolicy';

async function selfSigned(subject: string, alg: webcrypto.EcKeyGenParams & { hash: string }): Promise<Buffer> {
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a1b2c',
    name: subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: alg,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'unit.example' }, { type: 'dns', value: 'www.unit.example' }, { type: 'ip', value: '10.0.0.1' }, { type: 'email', value: 'ops@unit.example' }])],
  });
  return Buffer.from(cert.rawData);
}

describe('certificate parsing (node:crypto X509Certificate) and policies (src/azure)', () => {
  it('reads subject, issuer, SANs, thumbprints, validity and key type from the DER', async () => {
    const der = await selfSigned('CN=unit.example, O=Contoso', { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' });
    const c = parseCertificate(der);
    assert.equal(c.subject, 'CN=unit.example, O=Contoso');
    assert.equal(c.issuer, c.subject);
    assert.equal(c.selfSigned, true);
    assert.equal(c.serialNumber, '0A1B2C');
    assert.deepEqual(c.subjectAlternativeNames, { dnsNames: ['unit.example', 'www.unit.example'], ipAddresses: ['10.0.0.1'], emails: ['ops@unit.example'], uris: [], other: [] });
    assert.equal(c.thumbprintSha1, new X509Certificate(der).fingerprint.replace(/:/g, ''));
    assert.equal(c.thumbprintSha256, new X509Certificate(der).fingerprint256.replace(/:/g, ''));
    assert.equal(c.validFrom.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(c.validTo.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(c.keyType, 'EC P-384');
    assert.equal(c.ca, false);
    assert.equal(thumbprint(der, 'sha1'), c.thumbprintSha1);
    assert.deepEqual(parseCertificate(derToPem(der)), c, 'PEM reads the same');
  });

  it('parses node’s subjectAltName text, quoted values included', () => {
    assert.deepEqual(parseSubjectAltName('DNS:a.example, DNS:"b,c.example", URI:https://x.example/p, othername:UPN::u@x'), {
      dnsNames: ['a.example', 'b,c.example'], ipAddresses: [], emails: [], uris: ['https://x.example/p'], other: ['othername:UPN::u@x'],
    });
    assert.deepEqual(parseSubjectAltName(undefined).dnsNames, []);
  });

  it('tells PEM files with a private key from certificate-only ones', () => {
    assert.equal(pemHasPrivateKey('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----'), true);
    assert.equal(pemHasPrivateKey('-----BEGIN ENCRYPTED PRIVATE KEY-----'), true);
    assert.equal(pemHasPrivateKey('-----BEGIN EC PRIVATE KEY-----'), true);
    assert.equal(pemHasPrivateKey('-----BEGIN CERTIFICATE-----'), false);
  });

  it('checks wizard input: subject, DNS names, validity', () => {
    assert.equal(checkSubject('CN=web.contoso.com, O=Contoso, C=US'), undefined);
    assert.match(checkSubject('web.contoso.com') ?? '', /attribute=value/);
    assert.match(checkSubject('O=Contoso') ?? '', /common name/);
    for (const forged of ['CN=web.contoso.com\nCN=login.microsoftonline.com', 'CN=a\r\nO=b', 'CN=a,\tO=b', 'CN=a\u0000b', 'CN=a\u0085b']) {
      assert.match(checkSubject(forged) ?? 'accepted', /cannot contain line breaks, tabs or other control characters/, JSON.stringify(forged));
    }
    assert.deepEqual(parseDnsNames('a.example, *.b.example  c'), { ok: true, names: ['a.example', '*.b.example', 'c'] });
    assert.deepEqual(parseDnsNames(''), { ok: true, names: [] });
    assert.equal(parseDnsNames('bad_name.example').ok, false);
    assert.equal(parseDnsNames('a.example A.example').ok, false);
    assert.equal(checkValidityMonths('12'), undefined);
    for (const bad of ['0', '1.5', '1201', 'x']) assert.ok(checkValidityMonths(bad), bad);
  });

  it('builds the self-signed policy of the wizard and maps it to the SDK and back', () => {
    const p = selfSignedPolicy({ name: 'w', subject: 'CN=w', dnsNames: ['w.example'], validityInMonths: 6, keyType: 'EC', curve: 'P-384', contentType: 'application/x-pem-file', exportable: false, autoRenewDaysBeforeExpiry: 30 });
    assert.equal(p.issuerName, 'Self');
    assert.equal(p.keyCurveName, 'P-384');
    assert.equal(p.keySize, undefined);
    assert.deepEqual(p.lifetimeActions, [{ action: 'AutoRenew', daysBeforeExpiry: 30 }]);
    assert.deepEqual(validatePolicy(p), []);
    const sdk = sdkPolicy(p);
    assert.deepEqual(sdk.subjectAlternativeNames, { dnsNames: ['w.example'] });
    assert.deepEqual(policyInfo(sdk), p);
    const rsa = selfSignedPolicy({ name: 'r', subject: 'CN=r', dnsNames: [], validityInMonths: 12, keyType: 'RSA', contentType: 'application/x-pkcs12', exportable: true });
    assert.equal(rsa.keySize, 2048);
    assert.deepEqual(rsa.lifetimeActions, [{ action: 'EmailContacts', lifetimePercentage: 80 }]);
  });

  it('parses an edited policy document: JSON, known fields, types and rules first', () => {
    assert.deepEqual(parsePolicyJson('{"validityInMonths": 3, "lifetimeActions": [{"action": "AutoRenew", "daysBeforeExpiry": 20}]}'), { validityInMonths: 3, lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 20 }] });
    assert.throws(() => parsePolicyJson('{'), /not valid JSON/);
    assert.throws(() => parsePolicyJson('[]'), /must be a JSON object/);
    assert.throws(() => parsePolicyJson('{"secret": 1}'), /Unknown policy field\(s\): secret/);
    assert.throws(() => parsePolicyJson('{"validityInMonths": "six"}'), /"validityInMonths" must be a number/);
    assert.throws(() => parsePolicyJson('{"keySize": 1024, "keyType": "RSA"}'), /keySize must be 2048, 3072 or 4096/);
    assert.throws(() => parsePolicyJson('{"lifetimeActions": [{"action": "AutoRenew"}]}'), /exactly one of daysBeforeExpiry or lifetimePercentage/);
    assert.throws(() => parsePolicyJson('{"validityInMonths": 1, "lifetimeActions": [{"action": "AutoRenew", "daysBeforeExpiry": 40}]}'), /shorter than the validity/);
  });

  it('refuses, before any request, a policy document with a forged subject or malformed names', () => {
    assert.throws(() => parsePolicyJson('{"subject": "CN=web.contoso.com\\nCN=evil"}'), /subject cannot contain line breaks/);
    assert.throws(() => parsePolicyJson('{"dnsNames": ["ok.example", 7]}'), /"dnsNames" must be an array of texts/);
    assert.throws(() => parsePolicyJson('{"lifetimeActions": ["AutoRenew"]}'), /"lifetimeActions" must be an array of objects/);
    assert.throws(() => parsePolicyJson('{"dnsNames": ["ok.example", "bad name\\n.example"]}'), /"bad name\\n\.example" is not a DNS name/);
    assert.throws(() => parsePolicyJson('{"emails": ["ops@contoso.com", "ops\\n@contoso.com"]}'), /emails: "ops\\n@contoso\.com" is not of the form name@domain/);
    assert.throws(() => parsePolicyJson('{"userPrincipalNames": ["no-at-sign"]}'), /userPrincipalNames: "no-at-sign"/);
    assert.throws(() => parsePolicyJson('{"keyUsage": ["digitalSignature", "everything"]}'), /keyUsage must be among/);
    assert.throws(() => parsePolicyJson('{"enhancedKeyUsage": ["serverAuth"]}'), /enhancedKeyUsage must be OIDs/);
    assert.throws(() => parsePolicyJson('{"issuerName": "Self\\r\\nX-Injected: 1"}'), /issuerName cannot contain line breaks/);
    const fine = '{"subject": "CN=web.contoso.com", "dnsNames": ["web.contoso.com", "*.contoso.com"], "emails": ["ops@contoso.com"], "keyUsage": ["digitalSignature", "keyEncipherment"], "enhancedKeyUsage": ["1.3.6.1.5.5.7.3.1"], "issuerName": "Self"}';
    assert.equal(parsePolicyJson(fine).subject, 'CN=web.contoso.com');
    assert.deepEqual(validatePolicy({ subject: 'CN=a\nO=b' }), ['The subject cannot contain line breaks, tabs or other control characters.']);
  });
});
