// The emulator's key primitives against node:crypto: raw-digest ECDSA and RSA signatures must verify with the
// ordinary hash-then-verify of node:crypto on the message, and node's signatures must verify here.
import * as assert from 'node:assert/strict';
import { constants, createHash, generateKeyPairSync, publicEncrypt, sign, verify } from 'node:crypto';
import { ecdsaSignDigest, ecdsaVerifyDigest, publicPoint, type CurveName } from '../../emulator/keys/ecdsa';
import {
  rsaDecrypt,
  rsaEncrypt,
  rsaPkcs1SignDigest,
  rsaPkcs1VerifyDigest,
  rsaPssSignDigest,
  rsaPssVerifyDigest,
  type RsaHash,
} from '../../emulator/keys/rsa';

const CURVES: ReadonlyArray<{ crv: CurveName; node: string; hash: string }> = [
  { crv: 'P-256', node: 'prime256v1', hash: 'sha256' },
  { crv: 'P-384', node: 'secp384r1', hash: 'sha384' },
  { crv: 'P-521', node: 'secp521r1', hash: 'sha512' },
  { crv: 'P-256K', node: 'secp256k1', hash: 'sha256' },
];

describe('emulator keys: ECDSA over a digest', () => {
  for (const { crv, node, hash } of CURVES) {
    it(`${crv}: curve constants give node's public point, and signatures cross-verify with node`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: node });
      const jwk = privateKey.export({ format: 'jwk' });
      const d = Buffer.from(String(jwk.d), 'base64url');
      const x = Buffer.from(String(jwk.x), 'base64url');
      const y = Buffer.from(String(jwk.y), 'base64url');
      const point = publicPoint(crv, d);
      assert.deepEqual(point.x, x);
      assert.deepEqual(point.y, y);

      const message = Buffer.from(`message for ${crv}`);
      const digest = createHash(hash).update(message).digest();
      const ours = ecdsaSignDigest(crv, d, digest);
      assert.ok(verify(hash, message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, ours), 'node verifies ours');
      assert.ok(ecdsaVerifyDigest(crv, x, y, digest, ours));

      const theirs = sign(hash, message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      assert.ok(ecdsaVerifyDigest(crv, x, y, digest, theirs), 'we verify node');

      const tampered = Buffer.from(ours);
      tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
      assert.equal(ecdsaVerifyDigest(crv, x, y, digest, tampered), false);
      const otherDigest = createHash(hash).update('other').digest();
      assert.equal(ecdsaVerifyDigest(crv, x, y, otherDigest, ours), false);
    });
  }
});

describe('emulator keys: RSA over a digest', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const hashes: RsaHash[] = ['sha256', 'sha384', 'sha512'];

  for (const hash of hashes) {
    it(`PKCS#1 v1.5 and PSS with ${hash} agree with node's verify of the message`, () => {
      const message = Buffer.from(`rsa message ${hash}`);
      const digest = createHash(hash).update(message).digest();

      const pkcs1 = rsaPkcs1SignDigest(privateKey, hash, digest);
      assert.ok(verify(hash, message, publicKey, pkcs1));
      assert.ok(rsaPkcs1VerifyDigest(publicKey, hash, digest, pkcs1));
      assert.ok(rsaPkcs1VerifyDigest(publicKey, hash, digest, sign(hash, message, privateKey)));

      const pss = rsaPssSignDigest(privateKey, hash, digest);
      const saltLength = digest.length;
      assert.ok(verify(hash, message, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, pss));
      assert.ok(rsaPssVerifyDigest(publicKey, hash, digest, pss));
      const nodePss = sign(hash, message, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
      assert.ok(rsaPssVerifyDigest(publicKey, hash, digest, nodePss));

      const wrong = createHash(hash).update('other').digest();
      assert.equal(rsaPkcs1VerifyDigest(publicKey, hash, wrong, pkcs1), false);
      assert.equal(rsaPssVerifyDigest(publicKey, hash, wrong, pss), false);
    });
  }

  it('PSS works with a modulus that is not a multiple of 8 bits', () => {
    const odd = generateKeyPairSync('rsa', { modulusLength: 2049 });
    const message = Buffer.from('odd modulus');
    const digest = createHash('sha256').update(message).digest();
    const pss = rsaPssSignDigest(odd.privateKey, 'sha256', digest);
    assert.ok(
      verify('sha256', message, { key: odd.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss),
    );
    assert.ok(rsaPssVerifyDigest(odd.publicKey, 'sha256', digest, pss));
  });

  it('decrypts RSA1_5, RSA-OAEP and RSA-OAEP-256 ciphertexts made by node', () => {
    const plain = Buffer.from('a 32 byte content-encryption key');
    const rsa15 = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, plain);
    assert.deepEqual(rsaDecrypt(privateKey, 'RSA1_5', rsa15), plain);
    const oaep = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, plain);
    assert.deepEqual(rsaDecrypt(privateKey, 'RSA-OAEP', oaep), plain);
    const oaep256 = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      plain,
    );
    assert.deepEqual(rsaDecrypt(privateKey, 'RSA-OAEP-256', oaep256), plain);
    assert.deepEqual(rsaDecrypt(privateKey, 'RSA-OAEP-256', rsaEncrypt(publicKey, 'RSA-OAEP-256', plain)), plain);
    assert.throws(() => rsaDecrypt(privateKey, 'RSA-OAEP-256', oaep));
    assert.throws(() => rsaDecrypt(privateKey, 'RSA1_5', oaep256));
  });
});
