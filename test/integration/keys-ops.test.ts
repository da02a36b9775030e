// src/azure keyOps / keyCrypto / keyRotation against the emulator through VaultClients: details without private
// material, create, rotate, update (enable/disable, expiry, tags), delete → recover → delete → purge, rotation
// policy, public key export and the crypto round trips verified locally with node:crypto.
import * as assert from 'node:assert/strict';
import { constants, createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { AzureSdk } from '../../src/azure/lazy';
import type { VaultClients } from '../../src/azure/vaultClients';
import { OPS_SUBSCRIPTION, seedOpsVault } from './opsVaults';

const VAULT = `kvk${Date.now().toString(36)}`;

describe('keyOps (src/azure) against the emulator', function () {
  this.timeout(60_000);
  let sdk: AzureSdk;
  let vaults: VaultClients;
  let url = '';

  before(async () => {
    ({ sdk, vaults, url } = await seedOpsVault({
      name: VAULT, subscription: OPS_SUBSCRIPTION, resourceGroup: 'rg-keyops', timings: { deleteDelayMs: 100 },
      keys: [{ name: 'rsa-key', kty: 'RSA', size: 2048, versions: 2, tags: { env: 'test' } }, { name: 'ec-key', kty: 'EC', curve: 'P-384' }],
    }));
  });

  it('details: type, size, operations, dates, tags and the public JWK only', async () => {
    const rsa = await sdk.keyOps.getKeyDetails(vaults, url, 'rsa-key');
    assert.equal(rsa.keyType, 'RSA');
    assert.equal(rsa.keySize, 2048);
    assert.equal(rsa.hsm, false);
    assert.deepEqual([...rsa.operations].sort(), ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey']);
    assert.deepEqual(rsa.tags, { env: 'test' });
    assert.ok(rsa.createdOn instanceof Date);
    assert.deepEqual(Object.keys(rsa.publicJwk).sort(), ['e', 'key_ops', 'kid', 'kty', 'n']);
    const ec = await sdk.keyOps.getKeyDetails(vaults, url, 'ec-key');
    assert.equal(ec.curve, 'P-384');
    assert.deepEqual(Object.keys(ec.publicJwk).sort(), ['crv', 'key_ops', 'kid', 'kty', 'x', 'y']);
    for (const d of [rsa, ec]) assert.ok(!/"(d|p|q|dp|dq|qi)"/.test(JSON.stringify(d)), 'no private JWK member');
  });

  it('exports the public key as PEM and JWK that node:crypto reads', async () => {
    const rsa = await sdk.keyOps.getKeyDetails(vaults, url, 'rsa-key');
    const pem = sdk.keyOps.exportPublicKey(rsa.publicJwk, 'pem');
    assert.match(pem, /^-----BEGIN PUBLIC KEY-----/);
    assert.equal(createPublicKey(pem).asymmetricKeyDetails?.modulusLength, 2048);
    const jwk = JSON.parse(sdk.keyOps.exportPublicKey(rsa.publicJwk, 'jwk')) as { kty: string; n: string };
    assert.equal(jwk.kty, 'RSA');
    assert.equal(createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: 'AQAB' }, format: 'jwk' }).asymmetricKeyType, 'rsa');
  });

  it('creates RSA and EC keys with operations, expiry and tags', async () => {
    const expires = new Date(Date.now() + 90 * 86400_000);
    const rsa = await sdk.keyOps.createKey(vaults, url, { name: 'made-rsa', type: 'RSA', size: 3072, operations: ['sign', 'verify'], expiresOn: expires, tags: { team: 'x' } });
    assert.equal(rsa.keySize, 3072);
    assert.deepEqual([...rsa.operations].sort(), ['sign', 'verify']);
    assert.equal(Math.floor(rsa.expiresOn!.getTime() / 1000), Math.floor(expires.getTime() / 1000));
    assert.deepEqual(rsa.tags, { team: 'x' });
    const ec = await sdk.keyOps.createKey(vaults, url, { name: 'made-ec', type: 'EC', curve: 'P-521' });
    assert.equal(ec.curve, 'P-521');
  });

  it('rotates: a new current version', async () => {
    const before = await sdk.keyOps.getKeyDetails(vaults, url, 'made-ec');
    const rotated = await sdk.keyOps.rotateKey(vaults, url, 'made-ec');
    assert.notEqual(rotated.version, before.version);
    assert.equal((await sdk.keyOps.getKeyDetails(vaults, url, 'made-ec')).version, rotated.version);
    assert.equal((await vaults.listVersions(url, 'key', 'made-ec')).items.length, 2);
  });

  it('updates: disable, enable, new expiry, tags replaced', async () => {
    assert.equal((await sdk.keyOps.updateKey(vaults, url, 'made-rsa', undefined, { enabled: false })).enabled, false);
    assert.equal((await sdk.keyOps.getKeyDetails(vaults, url, 'made-rsa')).enabled, false);
    assert.equal((await sdk.keyOps.updateKey(vaults, url, 'made-rsa', undefined, { enabled: true })).enabled, true);
    const later = new Date(Date.now() + 200 * 86400_000);
    const updated = await sdk.keyOps.updateKey(vaults, url, 'made-rsa', undefined, { expiresOn: later, tags: { a: '1' } });
    assert.equal(Math.floor(updated.expiresOn!.getTime() / 1000), Math.floor(later.getTime() / 1000));
    assert.deepEqual(updated.tags, { a: '1' });
  });

  it('rotation policy: default, set, read back; the validator refuses what the service would', async () => {
    const policy = { lifetimeActions: [{ action: 'Rotate' as const, timeAfterCreate: 'P90D' }, { action: 'Notify' as const, timeBeforeExpiry: 'P30D' }], expiryTime: 'P1Y' };
    const { validateRotationPolicy } = await import('../../src/azure/keyRotation');
    assert.deepEqual(validateRotationPolicy(policy), []);
    const set = await sdk.keyOps.setRotationPolicy(vaults, url, 'made-ec', policy);
    assert.equal(set.expiryTime, 'P1Y');
    const read = await sdk.keyOps.getRotationPolicy(vaults, url, 'made-ec');
    assert.deepEqual(read.lifetimeActions, policy.lifetimeActions);
    assert.ok(validateRotationPolicy({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P3D' }] }).length > 0);
  });

  it('deletes (soft), recovers, deletes again and purges', async () => {
    const deleted = await sdk.keyOps.deleteKey(vaults, url, 'made-rsa');
    assert.ok(deleted.recoveryId);
    assert.ok((await vaults.listDeleted(url, 'key')).items.some((k) => k.name === 'made-rsa'));
    await sdk.keyOps.recoverKey(vaults, url, 'made-rsa');
    assert.equal((await sdk.keyOps.getKeyDetails(vaults, url, 'made-rsa')).name, 'made-rsa');
    await sdk.keyOps.deleteKey(vaults, url, 'made-rsa');
    await sdk.keyOps.purgeKey(vaults, url, 'made-rsa');
    assert.ok(!(await vaults.listDeleted(url, 'key')).items.some((k) => k.name === 'made-rsa'));
  });

  it('encrypt → decrypt round trip in the vault (RSA-OAEP-256 and RSA-OAEP)', async () => {
    const plaintext = Buffer.from('hello from the editor ✓');
    for (const alg of ['RSA-OAEP-256', 'RSA-OAEP'] as const) {
      const enc = await sdk.keyCrypto.encrypt(vaults, url, 'rsa-key', undefined, alg, plaintext);
      const dec = await sdk.keyCrypto.decrypt(vaults, url, 'rsa-key', undefined, alg, enc.result);
      assert.deepEqual(Buffer.from(dec.result), plaintext, alg);
    }
  });

  it('a signature made in the vault verifies locally with the exported public key, and fails after one byte changes', async () => {
    const message = Buffer.from('signed in the vault');
    for (const [name, alg] of [['rsa-key', 'PS256'], ['rsa-key', 'RS256'], ['ec-key', 'ES384']] as const) {
      const key = await sdk.keyOps.getKeyDetails(vaults, url, name);
      const signed = await sdk.keyCrypto.sign(vaults, url, name, undefined, alg, message);
      const pub = createPublicKey(sdk.keyOps.exportPublicKey(key.publicJwk, 'pem'));
      const opts = alg.startsWith('PS') ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : alg.startsWith('ES') ? { dsaEncoding: 'ieee-p1363' as const } : {};
      const hash = sdk.keyCrypto.hashFor(alg);
      assert.ok(nodeVerify(hash, message, { key: pub, ...opts }, signed.result), `${alg} verifies locally`);
      const changed = Buffer.from(message);
      changed[0] = changed[0]! ^ 1;
      assert.equal(nodeVerify(hash, changed, { key: pub, ...opts }, signed.result), false, `${alg} fails on a changed byte`);
      assert.equal((await sdk.keyCrypto.verify(vaults, url, name, undefined, alg, message, signed.result)).valid, true);
      assert.equal((await sdk.keyCrypto.verify(vaults, url, name, undefined, alg, changed, signed.result)).valid, false);
    }
  });
});
