// KeyStore through its route table with synthetic requests: bundles, lists and paging, versions, update, the soft
// delete life cycle with its delays, purge protection, rotation and rotation policy, managed (certificate) keys.
import * as assert from 'node:assert/strict';
import { KeyStore } from '../../emulator/keys';
import type { Clock, EmuResponse, VaultContext } from '../../emulator/types';

class TestClock implements Clock {
  t = Date.UTC(2025, 0, 1);
  now(): number {
    return this.t;
  }
}

interface Harness {
  store: KeyStore;
  clock: TestClock;
  vault: VaultContext;
  call(method: string, path: string, body?: unknown, query?: Record<string, string>): Promise<EmuResponse>;
}

function harness(over: Partial<VaultContext> = {}): Harness {
  const clock = new TestClock();
  const vault: VaultContext = {
    name: 'unitvault',
    url: 'https://127.0.0.1:4443',
    tenantId: '00000000-0000-0000-0000-000000000001',
    softDeleteEnabled: true,
    softDeleteRetentionInDays: 7,
    purgeProtectionEnabled: false,
    clock,
    timings: { deleteDelayMs: 2000, certificateDelayMs: 0 },
    ...over,
  };
  const store = new KeyStore(vault);
  const routes = store.routes();
  const call = async (method: string, path: string, body?: unknown, query: Record<string, string> = {}) => {
    for (const r of routes) {
      const m = r.method === method ? r.pattern.exec(path) : null;
      if (m) {
        const params: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) {
          if (v !== undefined) params[k] = v;
        }
        return r.handler({
          method,
          path,
          query: new URLSearchParams({ 'api-version': '2025-07-01', ...query }),
          headers: {},
          body,
          params,
          principal: { tenantId: vault.tenantId, objectId: 'o' },
        });
      }
    }
    throw new Error(`no route for ${method} ${path}`);
  };
  return { store, clock, vault, call };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are read field by field in assertions
type Json = Record<string, any>;
const body = (r: EmuResponse): Json => r.body as Json;

function assertError(r: EmuResponse, status: number, code: string, inner?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(body(r).error.code, code);
  assert.equal(typeof body(r).error.message, 'string');
  if (inner !== undefined) assert.equal(body(r).error.innererror?.code, inner);
}

describe('emulator keys: KeyStore', () => {
  it('creates an RSA key: public JWK only, ids, attributes, default key_ops', async () => {
    const h = harness();
    const r = await h.call('POST', '/keys/Rsa-1/create', { kty: 'RSA', key_size: 2048, tags: { env: 'dev' } });
    assert.equal(r.status, 200);
    const b = body(r);
    assert.match(b.key.kid, /^https:\/\/127\.0\.0\.1:4443\/keys\/Rsa-1\/[0-9a-f]{32}$/);
    assert.equal(b.key.kty, 'RSA');
    assert.deepEqual(b.key.key_ops, ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey']);
    assert.equal(Buffer.from(b.key.n, 'base64url').length, 256);
    assert.equal(b.key.e, 'AQAB');
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(b.key[priv], undefined, priv);
    assert.deepEqual(b.tags, { env: 'dev' });
    assert.equal(b.managed, undefined);
    const now = Math.floor(h.clock.t / 1000);
    assert.deepEqual(b.attributes, {
      enabled: true,
      created: now,
      updated: now,
      recoveryLevel: 'CustomizedRecoverable+Purgeable',
      recoverableDays: 7,
      exportable: false,
    });
  });

  it('creates EC and HSM keys with the requested curve, and rejects bad requests', async () => {
    const h = harness();
    const ec = body(await h.call('POST', '/keys/ec/create', { kty: 'EC-HSM', crv: 'P-384' }));
    assert.equal(ec.key.kty, 'EC-HSM');
    assert.equal(ec.key.crv, 'P-384');
    assert.equal(Buffer.from(ec.key.x, 'base64url').length, 48);
    assert.deepEqual(ec.key.key_ops, ['sign', 'verify']);
    assert.equal(ec.key.d, undefined);
    assertError(await h.call('POST', '/keys/bad_name/create', { kty: 'RSA' }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/x/create', { kty: 'oct' }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/x/create', { kty: 'RSA', key_size: 1024 }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/x/create', { kty: 'EC', crv: 'P-192' }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/x/create', { kty: 'EC', key_ops: ['encrypt'] }), 400, 'BadParameter');
    assertError(await h.call('POST', '/keys/x/create', { kty: 'RSA', key_ops: ['fly'] }), 400, 'BadParameter');
    const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
    assertError(await h.call('POST', '/keys/x/create', { kty: 'EC', tags }), 400, 'BadParameter');
  });

  it('gets latest and specific versions case-insensitively; 404 KeyNotFound otherwise', async () => {
    const h = harness();
    const v1 = body(await h.call('POST', '/keys/multi/create', { kty: 'EC' }));
    h.clock.t += 1000;
    const v2 = body(await h.call('POST', '/keys/MULTI/create', { kty: 'EC' }));
    assert.match(v2.key.kid, /\/keys\/multi\//, 'keeps the name as first created');
    assert.equal(body(await h.call('GET', '/keys/Multi/')).key.kid, v2.key.kid);
    assert.equal(body(await h.call('GET', '/keys/multi')).key.kid, v2.key.kid);
    const version1 = String(v1.key.kid).split('/').pop()!;
    assert.equal(body(await h.call('GET', `/keys/multi/${version1}`)).key.kid, v1.key.kid);
    assertError(await h.call('GET', '/keys/multi/0123456789abcdef0123456789abcdef'), 404, 'KeyNotFound');
    assertError(await h.call('GET', '/keys/nothere/'), 404, 'KeyNotFound');
    const versions = body(await h.call('GET', '/keys/multi/versions'));
    assert.equal(versions.value.length, 2);
    assert.equal(versions.nextLink, null);
    assert.deepEqual(
      versions.value.map((i: Json) => i.kid).sort(),
      [v1.key.kid, v2.key.kid].sort(),
    );
  });

  it('lists keys in pages of maxresults with a $skiptoken nextLink; last page has nextLink null', async () => {
    const h = harness();
    for (const n of ['e', 'a', 'c', 'b', 'd']) await h.call('POST', `/keys/${n}/create`, { kty: 'EC' });
    const names: string[] = [];
    let res = body(await h.call('GET', '/keys', undefined, { maxresults: '2' }));
    let pages = 1;
    names.push(...res.value.map((i: Json) => String(i.kid).split('/').pop()));
    while (res.nextLink) {
      const next = new URL(String(res.nextLink));
      assert.equal(next.pathname, '/keys');
      assert.equal(next.searchParams.get('api-version'), '2025-07-01');
      assert.equal(next.searchParams.get('maxresults'), '2');
      assert.ok(String(res.nextLink).includes('$skiptoken='));
      res = body(await h.call('GET', '/keys', undefined, Object.fromEntries(next.searchParams)));
      names.push(...res.value.map((i: Json) => String(i.kid).split('/').pop()));
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(res.nextLink, null);
    assert.deepEqual(names, ['a', 'b', 'c', 'd', 'e']);
    const item = body(await h.call('GET', '/keys', undefined, { maxresults: '1' })).value[0];
    assert.deepEqual(Object.keys(item).sort(), ['attributes', 'kid']);
    assertError(await h.call('GET', '/keys', undefined, { maxresults: '26' }), 400, 'BadParameter');
    assertError(await h.call('GET', '/keys', undefined, { maxresults: '0' }), 400, 'BadParameter');
    assertError(await h.call('GET', '/keys', undefined, { $skiptoken: 'garbage' }), 400, 'BadParameter');
  });

  it('updates key_ops, attributes and tags of one version', async () => {
    const h = harness();
    const created = body(await h.call('POST', '/keys/upd/create', { kty: 'EC' }));
    h.clock.t += 5000;
    const r = await h.call('PATCH', '/keys/upd/', {
      key_ops: ['verify'],
      attributes: { enabled: false, exp: 2000000000, nbf: 1700000000 },
      tags: { a: 'b' },
    });
    assert.equal(r.status, 200);
    const b = body(r);
    assert.equal(b.key.kid, created.key.kid);
    assert.deepEqual(b.key.key_ops, ['verify']);
    assert.equal(b.attributes.enabled, false);
    assert.equal(b.attributes.exp, 2000000000);
    assert.equal(b.attributes.nbf, 1700000000);
    assert.equal(b.attributes.updated, b.attributes.created + 5);
    assert.deepEqual(b.tags, { a: 'b' });
    assert.equal(body(await h.call('GET', '/keys/upd')).attributes.enabled, false, 'a disabled key can be read');
    assertError(await h.call('PATCH', '/keys/upd/', { attributes: { nbf: 2100000000 } }), 400, 'BadParameter');
  });

  it('soft delete: delayed visibility, conflicts, recover with delay, purge', async () => {
    const h = harness();
    await h.call('POST', '/keys/gone/create', { kty: 'EC', tags: { t: '1' } });
    await h.call('POST', '/keys/gone/create', { kty: 'EC' });
    const del = await h.call('DELETE', '/keys/gone');
    assert.equal(del.status, 200);
    const d = body(del);
    const now = Math.floor(h.clock.t / 1000);
    assert.equal(d.recoveryId, 'https://127.0.0.1:4443/deletedkeys/gone');
    assert.equal(d.deletedDate, now);
    assert.equal(d.scheduledPurgeDate, now + 7 * 86400);
    assert.equal(d.key.kty, 'EC');
    assertError(await h.call('GET', '/keys/gone'), 404, 'KeyNotFound');
    assertError(await h.call('GET', '/deletedkeys/gone'), 404, 'KeyNotFound');
    assert.deepEqual(body(await h.call('GET', '/deletedkeys')).value, []);
    assertError(await h.call('POST', '/keys/gone/create', { kty: 'EC' }), 409, 'Conflict', 'ObjectIsBeingDeleted');

    h.clock.t += 2000;
    const got = body(await h.call('GET', '/deletedkeys/gone'));
    assert.equal(got.recoveryId, d.recoveryId);
    const list = body(await h.call('GET', '/deletedkeys'));
    assert.equal(list.value.length, 1);
    assert.equal(list.value[0].kid, 'https://127.0.0.1:4443/keys/gone');
    assert.equal(list.value[0].recoveryId, d.recoveryId);
    assert.equal(list.nextLink, null);
    assertError(await h.call('POST', '/keys/gone/create', { kty: 'EC' }), 409, 'Conflict', 'ObjectIsDeletedButRecoverable');

    const rec = await h.call('POST', '/deletedkeys/gone/recover');
    assert.equal(rec.status, 200);
    assert.equal(body(rec).key.kid, d.key.kid);
    assertError(await h.call('GET', '/keys/gone'), 404, 'KeyNotFound');
    h.clock.t += 2000;
    assert.equal(body(await h.call('GET', '/keys/gone')).key.kid, d.key.kid);
    assert.equal(body(await h.call('GET', '/keys/gone/versions')).value.length, 2, 'all versions come back');

    await h.call('DELETE', '/keys/gone');
    assertError(await h.call('DELETE', '/deletedkeys/gone'), 409, 'Conflict', 'ObjectIsBeingDeleted');
    h.clock.t += 2000;
    const purge = await h.call('DELETE', '/deletedkeys/gone');
    assert.equal(purge.status, 204);
    assert.equal(purge.body, undefined);
    assertError(await h.call('GET', '/deletedkeys/gone'), 404, 'KeyNotFound');
    assert.equal((await h.call('POST', '/keys/gone/create', { kty: 'EC' })).status, 200, 'name free after purge');
  });

  it('refuses purge under purge protection; the retention end purges by itself', async () => {
    const h = harness({ purgeProtectionEnabled: true, softDeleteRetentionInDays: 90 });
    const created = body(await h.call('POST', '/keys/kept/create', { kty: 'EC' }));
    assert.equal(created.attributes.recoveryLevel, 'Recoverable');
    assert.equal(created.attributes.recoverableDays, 90);
    await h.call('DELETE', '/keys/kept');
    h.clock.t += 2000;
    assertError(await h.call('DELETE', '/deletedkeys/kept'), 403, 'Forbidden');
    h.clock.t += 90 * 86400 * 1000;
    assertError(await h.call('GET', '/deletedkeys/kept'), 404, 'KeyNotFound');
  });

  it('without soft delete, delete removes the key at once and returns a plain bundle', async () => {
    const h = harness({ softDeleteEnabled: false });
    const created = body(await h.call('POST', '/keys/k/create', { kty: 'EC' }));
    assert.equal(created.attributes.recoveryLevel, 'Purgeable');
    const del = body(await h.call('DELETE', '/keys/k'));
    assert.equal(del.recoveryId, undefined);
    assert.equal((await h.call('POST', '/keys/k/create', { kty: 'EC' })).status, 200);
  });

  it('rotation policy: default shape, validation, stored policy; rotate uses expiryTime', async () => {
    const h = harness();
    const first = body(await h.call('POST', '/keys/rot/create', { kty: 'RSA', key_size: 3072, tags: { x: 'y' } }));
    assert.deepEqual(body(await h.call('GET', '/keys/rot/rotationpolicy')), {
      id: 'https://127.0.0.1:4443/keys/rot/rotationpolicy',
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: {},
    });
    for (const bad of [
      { lifetimeActions: [{ trigger: { timeAfterCreate: '90 days' }, action: { type: 'Rotate' } }] },
      { lifetimeActions: [{ trigger: { timeAfterCreate: 'P1D' }, action: { type: 'Rotate' } }] },
      { lifetimeActions: [{ trigger: { timeAfterCreate: 'P30D', timeBeforeExpiry: 'P30D' }, action: { type: 'Rotate' } }] },
      { lifetimeActions: [{ trigger: { timeAfterCreate: 'P30D' }, action: { type: 'Notify' } }] },
      { lifetimeActions: [{ trigger: { timeAfterCreate: 'P30D' }, action: { type: 'Explode' } }] },
      { attributes: { expiryTime: 'P27D' } },
      { attributes: { expiryTime: 'PT' } },
    ]) {
      assertError(await h.call('PUT', '/keys/rot/rotationpolicy', bad), 400, 'BadParameter');
    }
    const put = await h.call('PUT', '/keys/rot/rotationpolicy', {
      lifetimeActions: [
        { trigger: { timeAfterCreate: 'P1Y2M' }, action: { type: 'rotate' } },
        { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } },
      ],
      attributes: { expiryTime: 'P2Y' },
    });
    assert.equal(put.status, 200);
    const now = Math.floor(h.clock.t / 1000);
    assert.deepEqual(body(put), {
      id: 'https://127.0.0.1:4443/keys/rot/rotationpolicy',
      lifetimeActions: [
        { trigger: { timeAfterCreate: 'P1Y2M' }, action: { type: 'Rotate' } },
        { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } },
      ],
      attributes: { expiryTime: 'P2Y', created: now, updated: now },
    });
    assert.deepEqual(body(await h.call('GET', '/keys/rot/rotationpolicy')), body(put));

    const rotated = body(await h.call('POST', '/keys/rot/rotate'));
    assert.notEqual(rotated.key.kid, first.key.kid);
    assert.notEqual(rotated.key.n, first.key.n);
    assert.equal(Buffer.from(rotated.key.n, 'base64url').length, 384, 'same size');
    assert.equal(rotated.attributes.exp, now + 730 * 86400);
    assert.deepEqual(rotated.tags, { x: 'y' });
    assert.equal(body(await h.call('GET', '/keys/rot')).key.kid, rotated.key.kid);
  });

  it('backs up and restores all versions; refuses restore over an existing key and corrupt blobs', async () => {
    const h = harness();
    await h.call('POST', '/keys/bk/create', { kty: 'EC' });
    const v2 = body(await h.call('POST', '/keys/bk/create', { kty: 'EC', crv: 'P-521' }));
    const backup = body(await h.call('POST', '/keys/bk/backup'));
    assert.equal(typeof backup.value, 'string');
    assertError(await h.call('POST', '/keys/restore', { value: backup.value }), 409, 'Conflict');
    await h.call('DELETE', '/keys/bk');
    h.clock.t += 2000;
    await h.call('DELETE', '/deletedkeys/bk');
    const restored = await h.call('POST', '/keys/restore', { value: backup.value });
    assert.equal(restored.status, 200);
    assert.equal(body(restored).key.kid, v2.key.kid);
    assert.equal(body(restored).key.x, v2.key.x);
    assert.equal(body(await h.call('GET', '/keys/bk/versions')).value.length, 2);
    assertError(await h.call('POST', '/keys/restore', { value: 'AAAA' }), 400, 'BadParameter');
    // A byte inside the sealed part (the last character of a base64 text may only carry padding bits).
    const flipped = Buffer.from(String(backup.value), 'base64url');
    const middle = Math.floor(flipped.length * 0.75);
    flipped[middle] = flipped[middle]! ^ 1;
    assertError(await h.call('POST', '/keys/restore', { value: flipped.toString('base64url') }), 400, 'BadParameter');
  });
});
