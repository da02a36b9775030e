// KeyStore crypto operations through the routes with real keys (checked against node:crypto with the public JWK),
// import, seeds, disabled keys and key_ops enforcement, and the managed-key API for the certificates store.
import * as assert from 'node:assert/strict';
import { constants, createHash, createPublicKey, generateKeyPairSync, publicEncrypt, verify, type JsonWebKey } from 'node:crypto';
import { KeyStore, parseSeedTime } from '../../emulator/keys';
import type { Clock, EmuResponse, VaultContext } from '../../emulator/types';

class TestClock implements Clock {
  t = Date.UTC(2025, 5, 1);
  now(): number {
    return this.t;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are read field by field in assertions
type Json = Record<string, any>;

function harness(): {
  store: KeyStore;
  clock: TestClock;
  call(method: string, path: string, body?: unknown): Promise<EmuResponse>;
} {
  const clock = new TestClock();
  const vault: VaultContext = {
    name: 'opsvault',
    url: 'https://127.0.0.1:4443',
    tenantId: 't',
    softDeleteEnabled: true,
    softDeleteRetentionInDays: 90,
    purgeProtectionEnabled: false,
    clock,
    timings: { deleteDelayMs: 0, certificateDelayMs: 0 },
  };
  const store = new KeyStore(vault);
  const routes = store.routes();
  const call = async (method: string, path: string, body?: unknown) => {
    for (const r of routes) {
      const m = r.method === method ? r.pattern.exec(path) : null;
      if (m) {
        const params = Object.fromEntries(Object.entries(m.groups ?? {}).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >;
        return r.handler({
          method,
          path,
          query: new URLSearchParams({ 'api-version': '2025-07-01' }),
          headers: {},
          body,
          params,
          principal: { tenantId: 't', objectId: 'o' },
        });
      }
    }
    throw new Error(`no route for ${method} ${path}`);
  };
  return { store, clock, call };
}

const body = (r: EmuResponse): Json => r.body as Json;
const b64 = (b: Buffer): string => b.toString('base64url');

function publicKeyOf(jwk: Json) {
  const { kid: _kid, key_ops: _ops, ...rest } = jwk;
  const kty = String(rest.kty).replace('-HSM', '');
  const crv = rest.crv === 'P-256K' ? 'secp256k1' : rest.crv;
  return createPublicKey({ key: { ...rest, kty, ...(crv ? { crv } : {}) } as JsonWebKey, format: 'jwk' });
}

function assertError(r: EmuResponse, status: number, code: string, inner?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(body(r).error.code, code);
  if (inner !== undefined) assert.equal(body(r).error.innererror?.code, inner);
}

describe('emulator keys: crypto operations', function () {
  // RSA key generation is CPU-bound: on a loaded 2-core machine three keys can take longer than mocha's 2 s.
  this.timeout(20_000);
  it('encrypt/decrypt and wrap/unwrap round trips with each RSA algorithm; ciphertext matches the public key', async () => {
    const h = harness();
    const key = body(await h.call('POST', '/keys/enc/create', { kty: 'RSA-HSM' })).key;
    const plain = Buffer.from('0123456789abcdef0123456789abcdef');
    for (const alg of ['RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256']) {
      const enc = body(await h.call('POST', '/keys/enc//encrypt', { alg, value: b64(plain) }));
      assert.equal(enc.kid, key.kid);
      const dec = body(await h.call('POST', '/keys/enc//decrypt', { alg, value: enc.value }));
      assert.deepEqual(Buffer.from(dec.value, 'base64url'), plain);
      const wrapped = body(await h.call('POST', `/keys/enc/${String(key.kid).split('/').pop()}/wrapkey`, { alg, value: b64(plain) }));
      const unwrapped = body(await h.call('POST', '/keys/enc//unwrapkey', { alg, value: wrapped.value }));
      assert.deepEqual(Buffer.from(unwrapped.value, 'base64url'), plain);
    }
    const local = publicEncrypt(
      { key: publicKeyOf(key), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      plain,
    );
    const dec = body(await h.call('POST', '/keys/enc//decrypt', { alg: 'RSA-OAEP-256', value: b64(local) }));
    assert.deepEqual(Buffer.from(dec.value, 'base64url'), plain);
    const bad = await h.call('POST', '/keys/enc//decrypt', { alg: 'RSA-OAEP', value: b64(local) });
    assertError(bad, 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/enc//encrypt', { alg: 'A256GCM', value: b64(plain) }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/enc//encrypt', { value: b64(plain) }), 400, 'BadParameter');
  });

  it('signs digests (RS*, PS*, ES*) verifiable with node:crypto on the message; verify agrees', async () => {
    const h = harness();
    const rsa = body(await h.call('POST', '/keys/rsa/create', { kty: 'RSA' })).key;
    const message = Buffer.from('the message that was hashed');
    const cases: Array<{ key: string; jwk: Json; alg: string; hash: string; opts: object }> = [];
    for (const [alg, hash] of [['RS256', 'sha256'], ['RS384', 'sha384'], ['RS512', 'sha512']]) {
      cases.push({ key: 'rsa', jwk: rsa, alg: alg!, hash: hash!, opts: {} });
    }
    for (const [alg, hash] of [['PS256', 'sha256'], ['PS384', 'sha384'], ['PS512', 'sha512']]) {
      const saltLength = createHash(hash!).digest().length;
      cases.push({ key: 'rsa', jwk: rsa, alg: alg!, hash: hash!, opts: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength } });
    }
    for (const [alg, hash, crv] of [['ES256', 'sha256', 'P-256'], ['ES384', 'sha384', 'P-384'], ['ES512', 'sha512', 'P-521'], ['ES256K', 'sha256', 'P-256K']]) {
      const name = `ec-${crv!}`;
      const jwk = body(await h.call('POST', `/keys/${name}/create`, { kty: 'EC', crv })).key;
      cases.push({ key: name, jwk, alg: alg!, hash: hash!, opts: { dsaEncoding: 'ieee-p1363' } });
    }
    for (const c of cases) {
      const digest = createHash(c.hash).update(message).digest();
      const signed = body(await h.call('POST', `/keys/${c.key}//sign`, { alg: c.alg, value: b64(digest) }));
      const signature = Buffer.from(signed.value, 'base64url');
      assert.ok(verify(c.hash, message, { key: publicKeyOf(c.jwk), ...c.opts }, signature), `${c.alg} verifies locally`);
      const v = body(await h.call('POST', `/keys/${c.key}//verify`, { alg: c.alg, digest: b64(digest), value: signed.value }));
      assert.equal(v.value, true, c.alg);
      const other = createHash(c.hash).update('other').digest();
      const nv = body(await h.call('POST', `/keys/${c.key}//verify`, { alg: c.alg, digest: b64(other), value: signed.value }));
      assert.equal(nv.value, false, c.alg);
    }
    const sha256 = b64(createHash('sha256').update(message).digest());
    assertError(await h.call('POST', '/keys/rsa//sign', { alg: 'RS384', value: sha256 }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/rsa//sign', { alg: 'ES256', value: sha256 }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/ec-P-384//sign', { alg: 'ES256', value: sha256 }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/ec-P-256//encrypt', { alg: 'RSA-OAEP', value: sha256 }), 403, 'Forbidden', 'KeyOperationForbidden');
  });

  it('refuses operations on disabled keys (KeyDisabled) and outside key_ops (KeyOperationForbidden)', async () => {
    const h = harness();
    await h.call('POST', '/keys/lim/create', { kty: 'RSA', key_ops: ['sign', 'verify'] });
    const digest = b64(createHash('sha256').update('x').digest());
    assertError(await h.call('POST', '/keys/lim//encrypt', { alg: 'RSA-OAEP', value: digest }), 403, 'Forbidden', 'KeyOperationForbidden');
    assert.equal((await h.call('POST', '/keys/lim//sign', { alg: 'RS256', value: digest })).status, 200);
    await h.call('PATCH', '/keys/lim/', { attributes: { enabled: false } });
    assertError(await h.call('POST', '/keys/lim//sign', { alg: 'RS256', value: digest }), 403, 'Forbidden', 'KeyDisabled');
    assertError(await h.call('POST', '/keys/none//sign', { alg: 'RS256', value: digest }), 404, 'KeyNotFound');
  });

  it('imports a JWK with private parts (RSA and EC, HSM flag) and uses it', async () => {
    const h = harness();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = rsa.privateKey.export({ format: 'jwk' });
    const imported = body(await h.call('PUT', '/keys/imp', { key: { ...jwk, key_ops: ['decrypt', 'encrypt'] }, Hsm: true, tags: { src: 'byok' } }));
    assert.equal(imported.key.kty, 'RSA-HSM');
    assert.equal(imported.key.n, jwk.n);
    assert.equal(imported.key.d, undefined);
    assert.deepEqual(imported.key.key_ops, ['decrypt', 'encrypt']);
    const ct = publicEncrypt({ key: rsa.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from('hi'));
    const dec = body(await h.call('POST', '/keys/imp//decrypt', { alg: 'RSA-OAEP', value: b64(ct) }));
    assert.equal(Buffer.from(dec.value, 'base64url').toString(), 'hi');
    const ec = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ format: 'jwk' });
    const ecImported = body(await h.call('PUT', '/keys/imp-ec', { key: { ...ec, crv: 'P-256K' } }));
    assert.equal(ecImported.key.crv, 'P-256K');
    assert.equal(ecImported.key.x, ec.x);
    const { d: _d, ...publicOnly } = ec;
    assertError(await h.call('PUT', '/keys/pub', { key: { ...publicOnly, crv: 'P-256K' } }), 400, 'BadParameter');
    assertError(await h.call('PUT', '/keys/oct', { key: { kty: 'oct', k: 'AAAA' } }), 400, 'BadParameter');
    assertError(await h.call('PUT', '/keys/nokey', {}), 400, 'BadParameter');
  });
});

describe('emulator keys: seeds and managed keys', function () {
  // RSA key generation is CPU-bound: on a loaded 2-core machine three keys can take longer than mocha's 2 s.
  this.timeout(20_000);
  it('parses seed times', () => {
    assert.equal(parseSeedTime('+10d', 1000), 1000 + 864000);
    assert.equal(parseSeedTime('-2h', 10000), 10000 - 7200);
    assert.equal(parseSeedTime(1234, 0), 1234);
    assert.equal(parseSeedTime('now', 55), 55);
    assert.equal(parseSeedTime('2025-01-01T00:00:00Z', 0), 1735689600);
    assert.throws(() => parseSeedTime('soon', 0), /not a time/);
  });

  it('seeds keys with versions, attributes, tags, rotation policy and deleted keys', async () => {
    const h = harness();
    const now = Math.floor(h.clock.t / 1000);
    h.store.seed([
      { name: 'seed-rsa', kty: 'RSA', versions: 3, tags: { a: '1' }, exp: '+10d', nbf: '-2d', enabled: false },
      { name: 'seed-ec', kty: 'EC-HSM', curve: 'P-384', ops: ['sign'] },
      {
        name: 'seed-pol',
        kty: 'EC',
        rotationPolicy: { lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'Rotate' } }] },
      },
      { name: 'seed-del', kty: 'EC', deleted: true },
    ]);
    const rsa = body(await h.call('GET', '/keys/seed-rsa'));
    assert.equal(rsa.attributes.exp, now + 10 * 86400);
    assert.equal(rsa.attributes.nbf, now - 2 * 86400);
    assert.equal(rsa.attributes.enabled, false);
    assert.deepEqual(rsa.tags, { a: '1' });
    assert.equal(body(await h.call('GET', '/keys/seed-rsa/versions')).value.length, 3);
    const ec = body(await h.call('GET', '/keys/seed-ec'));
    assert.equal(ec.key.kty, 'EC-HSM');
    assert.equal(ec.key.crv, 'P-384');
    assert.deepEqual(ec.key.key_ops, ['sign']);
    const pol = body(await h.call('GET', '/keys/seed-pol/rotationpolicy'));
    assert.equal(pol.lifetimeActions[0].trigger.timeAfterCreate, 'P90D');
    assert.equal(body(await h.call('GET', '/deletedkeys/seed-del')).recoveryId, 'https://127.0.0.1:4443/deletedkeys/seed-del');
    assert.equal(body(await h.call('GET', '/keys')).value.length, 3);
    assert.throws(() => h.store.seed([{ name: 'bad name' }]), /keys seed item 0/);
    assert.throws(() => h.store.seed([{ name: 'x', kty: 'RSA', size: 1024 }]), /size/);
    assert.throws(() => h.store.seed([{ name: 'seed-ec' }]), /already exists/);
  });

  it('putManaged creates a managed key from a private KeyObject; key APIs refuse to change it; cascades work', async () => {
    const h = harness();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const version = 'abcdef0123456789abcdef0123456789';
    const bundle = h.store.putManaged('cert1', privateKey, { version, exportable: true, tags: { c: '1' } });
    assert.equal(bundle.managed, true);
    assert.equal((bundle.key as Json).kid, `https://127.0.0.1:4443/keys/cert1/${version}`);
    assert.equal((bundle.attributes as Json).exportable, true);
    assert.equal((bundle.key as Json).n, privateKey.export({ format: 'jwk' }).n);
    const item = body(await h.call('GET', '/keys')).value[0];
    assert.equal(item.managed, true);
    assertError(await h.call('DELETE', '/keys/cert1'), 403, 'Forbidden');
    assertError(await h.call('PATCH', '/keys/cert1/', { tags: {} }), 403, 'Forbidden');
    assertError(await h.call('POST', '/keys/cert1/create', { kty: 'RSA' }), 403, 'Forbidden');
    const digest = b64(createHash('sha256').update('m').digest());
    assert.equal((await h.call('POST', '/keys/cert1//sign', { alg: 'RS256', value: digest })).status, 200);
    await h.call('POST', '/keys/plain/create', { kty: 'EC' });
    assert.throws(() => h.store.putManaged('plain', privateKey), /not managed/);

    h.store.updateManaged('cert1', '', { enabled: false, tags: { c: '2' } });
    assert.equal(body(await h.call('GET', '/keys/cert1')).attributes.enabled, false);
    h.store.deleteManaged('cert1');
    assertError(await h.call('GET', '/keys/cert1'), 404, 'KeyNotFound');
    assert.equal(body(await h.call('GET', '/deletedkeys/cert1')).managed, true);
    assertError(await h.call('POST', '/deletedkeys/cert1/recover'), 403, 'Forbidden');
    h.store.recoverManaged('cert1');
    assert.deepEqual(body(await h.call('GET', '/keys/cert1')).tags, { c: '2' });
    h.store.deleteManaged('cert1');
    h.store.purgeManaged('cert1');
    assertError(await h.call('GET', '/deletedkeys/cert1'), 404, 'KeyNotFound');
    assert.equal(h.store.keyBundle('cert1'), undefined);
  });
});
