import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  digestFor, encryptionAlgorithmsFor, fromBase64Url, hashFor, maxPlaintextBytes, signatureAlgorithmsFor, signatureLength, toBase64Url,
} from '../../src/azure/keyCrypto';
import { exportPublicKey, publicJwkOf, rsaKeySize } from '../../src/azure/keyOps';

describe('key crypto helpers and public key export (src/azure)', () => {
  it('offers the algorithms a key type can use', () => {
    assert.deepEqual(signatureAlgorithmsFor({ keyType: 'RSA-HSM' }), ['RS256', 'PS256', 'RS384', 'PS384', 'RS512', 'PS512']);
    assert.deepEqual(signatureAlgorithmsFor({ keyType: 'EC', curve: 'P-384' }), ['ES384']);
    assert.deepEqual(signatureAlgorithmsFor({ keyType: 'EC', curve: 'P-521' }), ['ES512']);
    assert.deepEqual(signatureAlgorithmsFor({ keyType: 'oct-HSM' }), []);
    assert.deepEqual(encryptionAlgorithmsFor({ keyType: 'RSA' }), ['RSA-OAEP-256', 'RSA-OAEP', 'RSA1_5']);
    assert.deepEqual(encryptionAlgorithmsFor({ keyType: 'EC' }), []);
  });

  it('knows RSA plaintext limits and signature lengths (RFC 8017, raw ECDSA)', () => {
    assert.equal(maxPlaintextBytes(2048, 'RSA-OAEP-256'), 190);
    assert.equal(maxPlaintextBytes(2048, 'RSA-OAEP'), 214);
    assert.equal(maxPlaintextBytes(4096, 'RSA1_5'), 501);
    assert.equal(signatureLength({ keyType: 'RSA', keySize: 3072 }), 384);
    assert.equal(signatureLength({ keyType: 'EC', curve: 'P-521' }), 132);
  });

  it('hashes locally with the algorithm’s hash', () => {
    assert.equal(hashFor('PS384'), 'sha384');
    assert.equal(digestFor('ES256', Buffer.from('abc')).toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads base64url (and standard base64) and refuses other text', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0x00, 0x10]);
    assert.equal(toBase64Url(bytes), '-_8AEA');
    assert.deepEqual(fromBase64Url('-_8AEA'), bytes);
    assert.deepEqual(fromBase64Url('+/8AEA=='), bytes);
    for (const bad of ['', 'not base64!', 'abc def', '==']) assert.equal(fromBase64Url(bad), undefined, bad);
  });

  it('keeps only the public members of a JWK and exports it as PEM or JWK', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const b = (s: string | undefined) => Buffer.from(s ?? '', 'base64url');
    const pub = publicJwkOf({ kid: 'https://v/keys/k/1', kty: 'RSA', keyOps: ['sign'], n: b(jwk.n), e: b(jwk.e), d: b(jwk.d), p: b(jwk.p), q: b(jwk.q) });
    assert.deepEqual(Object.keys(pub).sort(), ['e', 'key_ops', 'kid', 'kty', 'n']);
    assert.equal(rsaKeySize(b(jwk.n)), 2048);
    assert.equal(rsaKeySize(Buffer.concat([Buffer.from([0]), b(jwk.n)])), 2048, 'a leading zero byte is not counted');
    const pem = exportPublicKey(pub, 'pem');
    assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n/);
    assert.equal(createPublicKey(pem).export({ format: 'jwk' }).n, jwk.n);
    assert.deepEqual(JSON.parse(exportPublicKey(pub, 'jwk')), pub);
  });

  it('exports EC public keys (secp256k1 too) and refuses a key without public parameters', () => {
    for (const [crv, node] of [['P-256', 'prime256v1'], ['P-256K', 'secp256k1']] as const) {
      const jwk = generateKeyPairSync('ec', { namedCurve: node }).publicKey.export({ format: 'jwk' });
      const pem = exportPublicKey({ kty: 'EC', crv, x: jwk.x!, y: jwk.y! }, 'pem');
      assert.equal(createPublicKey(pem).export({ format: 'jwk' }).x, jwk.x);
    }
    assert.throws(() => exportPublicKey({ kty: 'oct-HSM' }, 'pem'), /no public key/);
  });
});
