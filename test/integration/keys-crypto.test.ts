// The crypto operations through the official CryptographyClient prove the emulator's keys are real: encrypt and
// decrypt, wrap and unwrap round trips, and signatures made in the vault verified LOCALLY with node:crypto from the
// public JWK the vault returns (AZURE-FACTS.md "Objects": crypto runs inside the vault).
import * as assert from 'node:assert/strict';
import { constants, createHash, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { CryptographyClient, type KeyVaultKey, type SignatureAlgorithm } from '@azure/keyvault-keys';
import { appCredential, errorBody, keyClient, uniqueName } from './emulator';

const b64u = (v: Uint8Array | undefined): string => Buffer.from(v ?? new Uint8Array()).toString('base64url');

/** The vault's public JWK as a node KeyObject. */
function localPublicKey(key: KeyVaultKey): KeyObject {
  const k = key.key!;
  if (key.keyType === 'RSA' || key.keyType === 'RSA-HSM') {
    return createPublicKey({ key: { kty: 'RSA', n: b64u(k.n), e: b64u(k.e) }, format: 'jwk' });
  }
  return createPublicKey({ key: { kty: 'EC', crv: k.crv, x: b64u(k.x), y: b64u(k.y) }, format: 'jwk' });
}

describe('keys crypto operations (CryptographyClient)', () => {
  const client = keyClient('kv-test-main');
  const credential = appCredential();
  const crypto = (key: KeyVaultKey | string) =>
    new CryptographyClient(key, credential, { disableChallengeResourceVerification: true });

  it('encrypts and decrypts with the vault key (RSA-OAEP, RSA-OAEP-256, RSA1_5)', async () => {
    const key = await client.createRsaKey(uniqueName('enc'), { keySize: 2048 });
    const cc = crypto(key.id!);
    const plaintext = randomBytes(32);
    for (const algorithm of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'] as const) {
      const enc = await cc.encrypt({ algorithm, plaintext });
      assert.equal(enc.result.length, 256);
      const dec = await cc.decrypt({ algorithm, ciphertext: enc.result });
      assert.deepEqual(Buffer.from(dec.result), plaintext, algorithm);
      assert.equal(dec.keyID, key.id);
    }
  });

  it('wraps and unwraps a content key with the vault key', async () => {
    const key = await client.createRsaKey(uniqueName('wrap'), { hsm: true });
    const cc = crypto(key);
    const cek = randomBytes(32);
    for (const algorithm of ['RSA-OAEP', 'RSA-OAEP-256'] as const) {
      const wrapped = await cc.wrapKey(algorithm, cek);
      assert.notDeepEqual(Buffer.from(wrapped.result), cek);
      const unwrapped = await cc.unwrapKey(algorithm, wrapped.result);
      assert.deepEqual(Buffer.from(unwrapped.result), cek, algorithm);
    }
  });

  const cases: Array<{ alg: SignatureAlgorithm; hash: string; create: (name: string) => Promise<KeyVaultKey>; opts: object }> = [
    { alg: 'RS256', hash: 'sha256', create: (n) => client.createRsaKey(n), opts: {} },
    {
      alg: 'PS256',
      hash: 'sha256',
      create: (n) => client.createRsaKey(n, { keySize: 3072 }),
      opts: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    },
    { alg: 'ES256', hash: 'sha256', create: (n) => client.createEcKey(n, { curve: 'P-256' }), opts: { dsaEncoding: 'ieee-p1363' } },
    { alg: 'ES384', hash: 'sha384', create: (n) => client.createEcKey(n, { curve: 'P-384' }), opts: { dsaEncoding: 'ieee-p1363' } },
  ];
  for (const c of cases) {
    it(`signs a digest with ${c.alg} in the vault; node:crypto verifies it locally with the public JWK`, async () => {
      const key = await c.create(uniqueName(`sign-${c.alg}`));
      const cc = crypto(key.id!);
      const message = Buffer.from(`message signed with ${c.alg}`);
      const digest = createHash(c.hash).update(message).digest();
      const signed = await cc.sign(c.alg, digest);
      assert.equal(signed.keyID, key.id);
      const pub = localPublicKey(key);
      assert.ok(verify(c.hash, message, { key: pub, ...c.opts }, signed.result), 'local verification');
      assert.equal(verify(c.hash, Buffer.from('another message'), { key: pub, ...c.opts }, signed.result), false);
      assert.equal((await cc.verify(c.alg, digest, signed.result)).result, true, 'vault verification');
      const other = createHash(c.hash).update('another message').digest();
      assert.equal((await cc.verify(c.alg, other, signed.result)).result, false);
    });
  }

  it('signData/verifyData (the SDK hashes) agree with node:crypto', async () => {
    const key = await client.createEcKey(uniqueName('signdata'), { curve: 'P-521' });
    const cc = crypto(key.id!);
    const data = Buffer.from('some data');
    const signed = await cc.signData('ES512', data);
    assert.ok(verify('sha512', data, { key: localPublicKey(key), dsaEncoding: 'ieee-p1363' }, signed.result));
    assert.equal((await cc.verifyData('ES512', data, signed.result)).result, true);
  });

  it('refuses operations on a disabled key (403 KeyDisabled) and outside key_ops (403 KeyOperationForbidden)', async () => {
    const name = uniqueName('disabled');
    const key = await client.createRsaKey(name, { keyOps: ['sign', 'verify', 'encrypt', 'decrypt'] });
    const digest = createHash('sha256').update('x').digest();
    // The client caches the key (and its key_ops) on first use, so later calls reach the vault's own checks.
    const cc = crypto(key.id!);
    const enc = await cc.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: Buffer.from('secret') });
    assert.equal(Buffer.from((await cc.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: enc.result })).result).toString(), 'secret');
    await client.updateKeyProperties(name, key.properties.version!, { keyOps: ['sign', 'verify'] });
    await assert.rejects(cc.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: enc.result }), (e: unknown) => {
      const body = errorBody(e);
      return (e as { statusCode?: number }).statusCode === 403 && body.error?.innererror?.code === 'KeyOperationForbidden';
    });
    await client.updateKeyProperties(name, key.properties.version!, { enabled: false });
    await assert.rejects(crypto(key.id!).sign('RS256', digest), (e: unknown) => {
      const body = errorBody(e);
      return (e as { statusCode?: number }).statusCode === 403 && body.error?.innererror?.code === 'KeyDisabled';
    });
  });
});
