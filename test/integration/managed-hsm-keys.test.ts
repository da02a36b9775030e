// A Managed HSM's data plane driven by the official @azure/keyvault-keys clients: its own endpoint and token audience
// (a vault token is refused there, and the other way round), local RBAC (seeded role assignments; no role → 403
// AccessDenied), HSM key types only (RSA-HSM, EC-HSM, oct-HSM; a plain RSA request becomes RSA-HSM, as the SDK
// recordings show), rotation, encrypt/decrypt round trips on RSA-HSM and oct-HSM (AES-GCM, AES-CBC-PAD) and AES key
// wrap, keys only (secrets paths 404), the HSM audience in the request log — and HSM key types in vaults: a premium
// vault creates RSA-HSM, a standard one refuses it.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretClient } from '@azure/keyvault-secrets';
import { appCredential, controlApi, errorBody, keyClient, rawRequest, uniqueName } from './emulator';
import { hsmCryptoClient, hsmInfo, hsmKeyClient, hsmUrl } from './managedHsm';

const HSM = 'hsm-test-main';
const TENANT = '11111111-1111-4111-8111-111111111111';
const status = (code: number) => (e: { statusCode?: number }) => e.statusCode === code;

describe('Managed HSM data plane (keys)', () => {
  const client = hsmKeyClient(HSM);

  it('lists the seeded HSM keys, with HSM key types only', async () => {
    const keys: string[] = [];
    for await (const k of client.listPropertiesOfKeys()) keys.push(k.name);
    for (const name of ['hsm-aes', 'hsm-ec', 'hsm-rsa']) assert.ok(keys.includes(name), name);
    assert.equal((await client.getKey('hsm-rsa')).keyType, 'RSA-HSM');
    assert.equal((await client.getKey('hsm-ec')).keyType, 'EC-HSM');
    const aes = await client.getKey('hsm-aes');
    assert.equal(aes.keyType, 'oct-HSM');
    assert.equal(aes.key?.k, undefined, 'the AES key never leaves the HSM');
    const versions: string[] = [];
    for await (const v of client.listPropertiesOfKeyVersions('hsm-aes')) versions.push(v.version!);
    assert.equal(versions.length, 2);
    assert.ok(aes.id!.startsWith(`${hsmUrl(HSM)}/keys/hsm-aes/`));
  });

  it('creates RSA-HSM, EC-HSM and oct-HSM keys; plain RSA/EC requests become HSM keys', async () => {
    const rsa = await client.createRsaKey(uniqueName('rsa'), { keySize: 2048 });
    assert.equal(rsa.keyType, 'RSA-HSM');
    assert.deepEqual([...(rsa.keyOperations ?? [])].sort(), ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey']);
    const ec = await client.createEcKey(uniqueName('ec'), { curve: 'P-384', hsm: true });
    assert.equal(ec.keyType, 'EC-HSM');
    assert.equal(ec.key?.crv, 'P-384');
    const oct = await client.createOctKey(uniqueName('aes'), { hsm: true, keySize: 128 });
    assert.equal(oct.keyType, 'oct-HSM');
    assert.deepEqual([...(oct.keyOperations ?? [])].sort(), ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey']);
    assert.equal(oct.properties.recoveryLevel, 'Recoverable+Purgeable');
    await assert.rejects(client.createOctKey(uniqueName('aes'), { hsm: true, keySize: 512 }), status(400));
  });

  it('rotates a key to a new version of the same type and size', async () => {
    const name = uniqueName('rot');
    const first = await client.createOctKey(name, { hsm: true, keySize: 256 });
    const second = await client.rotateKey(name);
    assert.notEqual(second.properties.version, first.properties.version);
    assert.equal(second.keyType, 'oct-HSM');
    assert.equal((await client.getKey(name)).properties.version, second.properties.version);
  });

  it('encrypts and decrypts on RSA-HSM and oct-HSM keys, and wraps with AES key wrap', async () => {
    const plaintext = Buffer.from('managed HSM round trip');
    const rsa = hsmCryptoClient((await client.getKey('hsm-rsa')).id!);
    const rsaEnc = await rsa.encrypt({ algorithm: 'RSA-OAEP-256', plaintext });
    assert.deepEqual(Buffer.from((await rsa.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: rsaEnc.result })).result), plaintext);

    const aes = hsmCryptoClient((await client.getKey('hsm-aes')).id!);
    const gcm = await aes.encrypt({ algorithm: 'A256GCM', plaintext, additionalAuthenticatedData: Buffer.from('aad') });
    assert.equal(gcm.iv?.length, 12);
    assert.equal(gcm.authenticationTag?.length, 16);
    const gcmBack = await aes.decrypt({ algorithm: 'A256GCM', ciphertext: gcm.result, iv: gcm.iv, authenticationTag: gcm.authenticationTag, additionalAuthenticatedData: Buffer.from('aad') });
    assert.deepEqual(Buffer.from(gcmBack.result), plaintext);
    await assert.rejects(
      aes.decrypt({ algorithm: 'A256GCM', ciphertext: gcm.result, iv: gcm.iv, authenticationTag: Buffer.alloc(16), additionalAuthenticatedData: Buffer.from('aad') }),
      status(400),
      'a wrong tag does not decrypt',
    );
    const iv = randomBytes(16);
    const cbc = await aes.encrypt({ algorithm: 'A256CBCPAD', plaintext, iv });
    assert.deepEqual(Buffer.from((await aes.decrypt({ algorithm: 'A256CBCPAD', ciphertext: cbc.result, iv })).result), plaintext);
    const cek = randomBytes(32);
    const wrapped = await aes.wrapKey('A256KW', cek);
    assert.equal(wrapped.result.length, 40);
    assert.deepEqual(Buffer.from((await aes.unwrapKey('A256KW', wrapped.result)).result), cek);
    await assert.rejects(aes.encrypt({ algorithm: 'A128GCM', plaintext }), status(400), 'the algorithm size must be the key size');
    const token = await controlApi.token({ tenantId: TENANT, objectId: 'a0a0a0a0-0000-4000-8000-000000000001', audience: hsmInfo().audiences.managedHsm });
    const sign = await rawRequest(`${hsmUrl(HSM)}/keys/hsm-aes//sign?api-version=7.5`, {
      method: 'POST', body: { alg: 'ES256', value: randomBytes(32).toString('base64url') }, headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(sign.status, 403, 'sign is not among an AES key\'s operations');
    assert.equal(sign.json.error.innererror.code, 'KeyOperationForbidden');
  });

  it('backs up and restores a key within the HSM', async () => {
    const name = uniqueName('bak');
    await client.createOctKey(name, { hsm: true });
    const blob = await client.backupKey(name);
    await (await client.beginDeleteKey(name, { intervalInMs: 50 })).pollUntilDone();
    await client.purgeDeletedKey(name);
    const restored = await client.restoreKeyBackup(blob!);
    assert.equal(restored.keyType, 'oct-HSM');
    assert.equal(restored.name, name);
  });

  it('refuses a vault token, and an HSM token on a vault; the 401 challenge names the HSM resource', async () => {
    const info = hsmInfo();
    const vaultToken = await controlApi.token({ tenantId: TENANT, objectId: 'a0a0a0a0-0000-4000-8000-000000000001', audience: info.audiences.vault });
    const onHsm = await rawRequest(`${hsmUrl(HSM)}/keys?api-version=7.5`, { headers: { authorization: `Bearer ${vaultToken}` } });
    assert.equal(onHsm.status, 401);
    assert.equal(onHsm.json.error.code, 'Unauthorized');
    assert.match(onHsm.json.error.message, new RegExp(`^Found token with aud=${info.audiences.vault}, but expected aud=${info.audiences.managedHsm}`));
    const anonymous = await rawRequest(`${hsmUrl(HSM)}/keys?api-version=7.5`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.text, '', 'the service answers the challenge with an empty body');
    assert.equal(anonymous.headers['www-authenticate'], `Bearer authorization="${info.login}/${TENANT}", resource="${info.audiences.managedHsm}"`);
    const hsmToken = await controlApi.token({ tenantId: TENANT, objectId: 'a0a0a0a0-0000-4000-8000-000000000001', audience: info.audiences.managedHsm });
    const onVault = await rawRequest(`${info.vaults['kv-test-main']}/keys?api-version=7.5`, { headers: { authorization: `Bearer ${hsmToken}` } });
    assert.equal(onVault.status, 401);
    assert.match(onVault.json.error.message, /^AKV10022: Invalid audience/);
  });

  it('applies local RBAC: no role → 403 AccessDenied; a Crypto Auditor reads but cannot create', async () => {
    const noAccess = hsmKeyClient(HSM, appCredential('test-app-no-access'));
    await assert.rejects(noAccess.getKey('hsm-rsa'), (e: unknown) => {
      const body = errorBody(e);
      return (e as { statusCode?: number }).statusCode === 403 && body.error?.code === 'AccessDenied'
        && /^Not authorized to access Microsoft\.KeyVault\/managedHsm\/keys\/read\/action on '\/keys\/hsm-rsa' \(Activity ID: [0-9a-f-]{36}\)$/.test(body.error.message ?? '');
    });
    const info = hsmInfo();
    const bobToken = await controlApi.token({ tenantId: TENANT, objectId: 'b0b0b0b0-0000-4000-8000-000000000002', audience: info.audiences.managedHsm });
    const read = await rawRequest(`${hsmUrl(HSM)}/keys/hsm-rsa?api-version=7.5`, { headers: { authorization: `Bearer ${bobToken}` } });
    assert.equal(read.status, 200);
    const create = await rawRequest(`${hsmUrl(HSM)}/keys/${uniqueName('bob')}/create?api-version=7.5`, { method: 'POST', body: { kty: 'RSA-HSM' }, headers: { authorization: `Bearer ${bobToken}` } });
    assert.equal(create.status, 403);
    assert.match(create.json.error.message, /^Not authorized to access Microsoft\.KeyVault\/managedHsm\/keys\/create on '\/keys'/);
  });

  it('serves keys only: secrets paths answer 404', async () => {
    const secrets = new SecretClient(hsmUrl(HSM), appCredential(), { disableChallengeResourceVerification: true });
    await assert.rejects(secrets.getSecret('anything'), status(404));
  });

  it('logs the HSM requests with the HSM audience', async () => {
    const since = (await controlApi.requests({ limit: 1 })).cursor;
    await client.getKey('hsm-ec');
    const logged = (await controlApi.requests({ vault: HSM, sinceId: since })).requests as { status: number; path: string; tokenAudience?: string }[];
    const ok = logged.filter((e) => e.status === 200 && e.path === '/keys/hsm-ec/');
    assert.ok(ok.length >= 1, JSON.stringify(logged));
    assert.equal(ok[0]!.tokenAudience, hsmInfo().audiences.managedHsm);
  });
});

describe('HSM key types in vaults', () => {
  it('a premium vault creates RSA-HSM and EC-HSM keys', async () => {
    const premium = keyClient('kv-test-main');
    assert.equal((await premium.createRsaKey(uniqueName('prem'), { hsm: true })).keyType, 'RSA-HSM');
    assert.equal((await premium.createEcKey(uniqueName('prem'), { hsm: true })).keyType, 'EC-HSM');
  });

  it('a standard vault refuses them with the service\'s error; no vault takes oct-HSM', async () => {
    const standard = keyClient('kv-test-protected');
    await assert.rejects(standard.createRsaKey(uniqueName('std'), { hsm: true }), (e: unknown) => {
      const body = errorBody(e);
      return (e as { statusCode?: number }).statusCode === 400 && body.error?.code === 'BadParameter' && body.error.message === 'Hardware key operation not allowed on standard vault';
    });
    assert.equal((await standard.createRsaKey(uniqueName('std'))).keyType, 'RSA', 'software keys are fine');
    await assert.rejects(keyClient('kv-test-main').createOctKey(uniqueName('oct'), { hsm: true }), status(400));
  });
});
