// The Managed HSM pieces of the emulator without a server: the key store's flavors (keys/flavor.ts: which key types
// a standard vault, a premium vault and a Managed HSM take), AES operations of oct-HSM keys through the routes
// (keys/aes.ts), backup of an AES key, seeds of HSM keys, and the local RBAC table (hsm/rbac.ts).
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BackupCodec } from '../../emulator/backup';
import { isAllowed, requiredAccess } from '../../emulator/hsm/rbac';
import { KeyStore } from '../../emulator/keys';
import { storedKeyType } from '../../emulator/keys/flavor';
import type { EmuResponse, VaultContext } from '../../emulator/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are read field by field in assertions
type Json = Record<string, any>;

type Call = ((method: string, path: string, body?: unknown) => Promise<EmuResponse>) & { store: KeyStore };

const codec = new BackupCodec();

function store(over: Partial<VaultContext> = {}): Call {
  const ctx: VaultContext = {
    name: 'hsm1', url: 'https://127.0.0.1:4443', tenantId: 't', softDeleteEnabled: true, softDeleteRetentionInDays: 90,
    purgeProtectionEnabled: false, clock: { now: () => Date.UTC(2026, 0, 1) }, timings: { deleteDelayMs: 0, certificateDelayMs: 0 },
    kind: 'managedHsm', ...over,
  };
  const keys = new KeyStore(ctx, { codec });
  const routes = keys.routes();
  const call = async (method: string, path: string, body?: unknown): Promise<EmuResponse> => {
    for (const r of routes) {
      const m = r.method === method ? r.pattern.exec(path) : null;
      if (m) {
        const params = Object.fromEntries(Object.entries(m.groups ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>;
        return r.handler({ method, path, query: new URLSearchParams({ 'api-version': '7.5' }), headers: {}, body, params, principal: { tenantId: 't', objectId: 'o' } });
      }
    }
    throw new Error(`no route for ${method} ${path}`);
  };
  return Object.assign(call, { store: keys });
}

const json = (r: EmuResponse): Json => r.body as Json;
const b64 = (b: Buffer): string => b.toString('base64url');

describe('emulator key store flavors (vault SKU, Managed HSM)', () => {
  it('maps key types as the service does', () => {
    const hsm = { kind: 'managedHsm' } as const;
    assert.deepEqual(['RSA', 'RSA-HSM', 'EC', 'EC-HSM', 'oct', 'oct-HSM'].map((k) => storedKeyType(hsm, k)), ['RSA-HSM', 'RSA-HSM', 'EC-HSM', 'EC-HSM', 'oct-HSM', 'oct-HSM']);
    const premium = { kind: 'vault', sku: 'premium' } as const;
    assert.deepEqual(['RSA', 'RSA-HSM', 'EC', 'EC-HSM'].map((k) => storedKeyType(premium, k)), ['RSA', 'RSA-HSM', 'EC', 'EC-HSM']);
    assert.equal(storedKeyType(premium, 'RSA', true), 'RSA-HSM', 'an import with Hsm: true');
    assert.throws(() => storedKeyType(premium, 'oct-HSM'), /only supported by Managed HSM/);
    const standard = { kind: 'vault', sku: 'standard' } as const;
    assert.equal(storedKeyType(standard, 'EC'), 'EC');
    assert.throws(() => storedKeyType(standard, 'EC-HSM'), /^Error: Hardware key operation not allowed on standard vault$/);
    assert.throws(() => storedKeyType(standard, 'RSA', true), /Hardware key operation not allowed/);
    assert.throws(() => storedKeyType(hsm, 'AES'), /use RSA-HSM, EC-HSM or oct-HSM/);
  });

  it('a standard vault refuses HSM keys on create, import and seed', async () => {
    const call = store({ kind: 'vault', sku: 'standard' });
    const created = await call('POST', '/keys/k/create', { kty: 'RSA-HSM' });
    assert.equal(created.status, 400);
    assert.equal(json(created).error.message, 'Hardware key operation not allowed on standard vault');
    const ok = await call('POST', '/keys/k/create', { kty: 'EC' });
    assert.equal(json(ok).key.kty, 'EC');
    const jwk = { kty: 'oct', k: b64(randomBytes(32)) };
    assert.equal((await call('PUT', '/keys/imp', { key: jwk })).status, 400, 'no vault takes AES keys');
    assert.throws(() => call.store.validateSeed([{ name: 's', kty: 'EC-HSM' }]), /keys seed item 0 \(s\): kty must be RSA, RSA-HSM, EC or EC-HSM \(Hardware key operation not allowed/);
  });
});

describe('emulator oct-HSM keys (AES in a Managed HSM)', () => {
  it('creates AES keys (256 bits by default) without key material in the answer', async () => {
    const call = store();
    const k = json(await call('POST', '/keys/aes/create', { kty: 'oct-HSM' }));
    assert.deepEqual(Object.keys(k.key).sort(), ['key_ops', 'kid', 'kty']);
    assert.deepEqual(k.key.key_ops, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
    assert.equal((await call('POST', '/keys/aes2/create', { kty: 'oct', key_size: 100 })).status, 400);
    assert.equal((await call('POST', '/keys/aes3/create', { kty: 'oct', key_ops: ['sign'] })).status, 400);
  });

  it('round-trips AES-GCM (with AAD), AES-CBC, AES-CBC-PAD and the key wraps', async () => {
    const call = store();
    await call('POST', '/keys/a128/create', { kty: 'oct-HSM', key_size: 128 });
    const plain = randomBytes(32);
    const gcm = json(await call('POST', '/keys/a128//encrypt', { alg: 'A128GCM', value: b64(plain), aad: b64(Buffer.from('x')) }));
    assert.equal(Buffer.from(gcm.iv, 'base64url').length, 12);
    const back = json(await call('POST', '/keys/a128//decrypt', { alg: 'A128GCM', value: gcm.value, iv: gcm.iv, tag: gcm.tag, aad: gcm.aad }));
    assert.deepEqual(Buffer.from(back.value, 'base64url'), plain);
    const iv = b64(randomBytes(16));
    for (const alg of ['A128CBC', 'A128CBCPAD']) {
      const enc = json(await call('POST', '/keys/a128//encrypt', { alg, value: b64(plain), iv }));
      assert.equal(enc.iv, iv);
      assert.deepEqual(Buffer.from(json(await call('POST', '/keys/a128//decrypt', { alg, value: enc.value, iv })).value, 'base64url'), plain, alg);
    }
    assert.equal((await call('POST', '/keys/a128//encrypt', { alg: 'A128CBC', value: b64(randomBytes(5)), iv })).status, 400, 'no padding: whole blocks only');
    assert.equal((await call('POST', '/keys/a128//encrypt', { alg: 'A128CBC', value: b64(plain) })).status, 400, 'CBC needs an iv');
    for (const [alg, input] of [['A128KW', randomBytes(24)], ['CKM_AES_KEY_WRAP_PAD', randomBytes(7)]] as const) {
      const wrapped = json(await call('POST', '/keys/a128//wrapkey', { alg, value: b64(input) }));
      assert.deepEqual(Buffer.from(json(await call('POST', '/keys/a128//unwrapkey', { alg, value: wrapped.value })).value, 'base64url'), input, alg);
    }
    assert.equal((await call('POST', '/keys/a128//encrypt', { alg: 'A256GCM', value: b64(plain) })).status, 400, 'size mismatch');
    assert.equal((await call('POST', '/keys/a128//wrapkey', { alg: 'A128GCM', value: b64(plain) })).status, 400, 'GCM does not wrap');
  });

  it('backs up and restores an AES key; a vault refuses the HSM backup', async () => {
    const call = store();
    await call('POST', '/keys/b/create', { kty: 'oct-HSM' });
    const blob = json(await call('POST', '/keys/b/backup')).value as string;
    await call('DELETE', '/keys/b');
    await call('DELETE', '/deletedkeys/b');
    const restored = await call('POST', '/keys/restore', { value: blob });
    assert.equal(json(restored).key.kty, 'oct-HSM');
    const enc = json(await call('POST', '/keys/b//encrypt', { alg: 'A256GCM', value: b64(Buffer.from('still the same key')) }));
    assert.ok(enc.value);
    const vault = store({ kind: 'vault', sku: 'premium' });
    assert.equal((await vault('POST', '/keys/restore', { value: blob })).status, 400);
  });
});

describe('emulator Managed HSM local RBAC', () => {
  it('names the data action and scope of each keys request', () => {
    assert.deepEqual(requiredAccess('GET', '/keys'), { action: 'Microsoft.KeyVault/managedHsm/keys/read/action', scope: '/keys' });
    assert.deepEqual(requiredAccess('POST', '/keys/k/create'), { action: 'Microsoft.KeyVault/managedHsm/keys/create', scope: '/keys' });
    assert.deepEqual(requiredAccess('POST', '/keys/k//unwrapkey'), { action: 'Microsoft.KeyVault/managedHsm/keys/unwrap/action', scope: '/keys/k' });
    assert.deepEqual(requiredAccess('DELETE', '/deletedkeys/k'), { action: 'Microsoft.KeyVault/managedHsm/keys/deletedKeys/delete', scope: '/keys/k' });
    assert.deepEqual(requiredAccess('PUT', '/keys/k/rotationpolicy'), { action: 'Microsoft.KeyVault/managedHsm/keys/write/action', scope: '/keys/k' });
    assert.equal(requiredAccess('GET', '/rng'), undefined);
  });

  it('grants by role and scope: the Administrator has no key operation; a per-key role covers that key only', () => {
    const user = { objectId: 'U', roleId: '21dbd100-6940-42c2-9190-5d6cb909625b', scope: '/keys/one' };
    const admin = { objectId: 'A', roleId: 'a290e904-7015-4bba-90c8-60543313cdb4', scope: '/' };
    const officer = { objectId: 'O', roleId: '515eb02d-2335-4d2d-92f2-b1cbdf9c3778', scope: '/keys' };
    const all = [user, admin, officer];
    assert.equal(isAllowed(all, 'u', requiredAccess('GET', '/keys/one')!), true, 'object ids compare case-insensitively');
    assert.equal(isAllowed(all, 'U', requiredAccess('GET', '/keys/two')!), false);
    assert.equal(isAllowed(all, 'A', requiredAccess('GET', '/keys/one')!), false);
    assert.equal(isAllowed(all, 'O', requiredAccess('DELETE', '/deletedkeys/two')!), true);
    assert.equal(isAllowed(all, 'O', requiredAccess('POST', '/keys/two/create')!), false);
    assert.equal(isAllowed(all, 'U', requiredAccess('DELETE', '/deletedkeys/one')!), false, 'a Crypto User does not purge');
  });
});
