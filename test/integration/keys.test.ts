// Key management through the official KeyClient against the emulator (AZURE-FACTS.md "Objects", "Paging"):
// create RSA/EC, get, versions, update, list paging, rotate, rotation policy, delete/recover pollers, purge,
// purge protection, backup/restore and import.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { JsonWebKey, KeyProperties } from '@azure/keyvault-keys';
import { errorBody, keyClient, uniqueName } from './emulator';

const FAST = { intervalInMs: 50 };

const statusIs = (status: number) => (e: { statusCode?: number }) => e.statusCode === status;

describe('keys data plane (KeyClient)', () => {
  const client = keyClient('kv-test-main');

  it('creates RSA and EC keys with real public material, and gets them latest and by version', async () => {
    const rsaName = uniqueName('Rsa-Key');
    const rsa = await client.createRsaKey(rsaName, { keySize: 3072, tags: { app: 'tests' } });
    assert.equal(rsa.name, rsaName);
    assert.equal(rsa.keyType, 'RSA');
    assert.equal(rsa.key?.n?.length, 384);
    assert.deepEqual([...(rsa.key?.e ?? [])], [1, 0, 1]);
    assert.equal(rsa.key?.d, undefined, 'no private parts');
    assert.deepEqual(rsa.keyOperations, ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey']);
    assert.match(rsa.properties.version ?? '', /^[0-9a-f]{32}$/);
    assert.deepEqual(rsa.properties.tags, { app: 'tests' });
    assert.equal(rsa.properties.enabled, true);
    assert.equal(rsa.properties.recoveryLevel, 'Recoverable+Purgeable');
    assert.equal(rsa.properties.recoverableDays, 90);
    assert.ok(rsa.properties.createdOn instanceof Date);

    const ec = await client.createEcKey(uniqueName('ec'), { curve: 'P-384', hsm: true });
    assert.equal(ec.keyType, 'EC-HSM');
    assert.equal(ec.key?.crv, 'P-384');
    assert.equal(ec.key?.x?.length, 48);
    assert.equal(ec.key?.d, undefined);
    assert.deepEqual(ec.keyOperations, ['sign', 'verify']);

    const second = await client.createKey(rsaName, 'RSA');
    assert.notEqual(second.properties.version, rsa.properties.version);
    assert.equal((await client.getKey(rsaName.toLowerCase())).id, second.id, 'case-insensitive, latest');
    const old = await client.getKey(rsaName, { version: rsa.properties.version! });
    assert.equal(old.id, rsa.id);
    assert.deepEqual(old.key?.n, rsa.key?.n);
    await assert.rejects(client.getKey(uniqueName('missing')), (e: unknown) => errorBody(e).error?.code === 'KeyNotFound');
  });

  it('rejects invalid creates with 400 BadParameter', async () => {
    await assert.rejects(client.createRsaKey(uniqueName('small'), { keySize: 1024 }), (e: unknown) => errorBody(e).error?.code === 'BadParameter');
    await assert.rejects(client.createKey('bad_name', 'RSA'), statusIs(400));
    await assert.rejects(client.createKey(uniqueName('oct'), 'oct'), statusIs(400));
  });

  it('lists keys in pages (maxPageSize 2 → at least 3 pages, nextLink followed) and lists versions', async () => {
    const prefix = uniqueName('page');
    const names = [0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`);
    for (const n of names) await client.createEcKey(n);
    await client.createEcKey(names[0]!);
    await client.createEcKey(names[0]!);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of client.listPropertiesOfKeys().byPage({ maxPageSize: 2 })) {
      pages++;
      assert.ok(page.length <= 2, `page of ${page.length}`);
      seen.push(...page.map((p: KeyProperties) => p.name));
    }
    assert.ok(pages >= 3, `${pages} pages`);
    for (const n of names) assert.ok(seen.includes(n), n);
    assert.equal(new Set(seen).size, seen.length, 'no key listed twice');
    const listed = (await client.listPropertiesOfKeys().byPage({ maxPageSize: 25 }).next()).value as KeyProperties[];
    const one = listed.find((p) => p.name === names[1]);
    assert.equal(one?.version, undefined, 'list items carry the base id');

    const versions: KeyProperties[] = [];
    for await (const v of client.listPropertiesOfKeyVersions(names[0]!)) versions.push(v);
    assert.equal(versions.length, 3);
    for (const v of versions) assert.match(v.version ?? '', /^[0-9a-f]{32}$/);
  });

  it('updates key operations, attributes and tags; a disabled key can still be read', async () => {
    const name = uniqueName('update');
    const created = await client.createRsaKey(name);
    const expiresOn = new Date(Math.floor(Date.now() / 1000 + 86400) * 1000);
    const updated = await client.updateKeyProperties(name, created.properties.version!, {
      enabled: false,
      expiresOn,
      keyOps: ['sign', 'verify'],
      tags: { env: 'test' },
    });
    assert.equal(updated.properties.enabled, false);
    assert.equal(updated.properties.expiresOn?.getTime(), expiresOn.getTime());
    assert.deepEqual(updated.keyOperations, ['sign', 'verify']);
    assert.deepEqual(updated.properties.tags, { env: 'test' });
    const read = await client.getKey(name);
    assert.equal(read.properties.enabled, false);
    assert.ok((read.properties.updatedOn?.getTime() ?? 0) >= (read.properties.createdOn?.getTime() ?? Infinity));
  });

  it('rotates a key (new version, same type and size) and gets/sets its rotation policy', async () => {
    const name = uniqueName('rotate');
    const created = await client.createRsaKey(name, { keySize: 2048 });
    const defaults = await client.getKeyRotationPolicy(name);
    assert.deepEqual(defaults.lifetimeActions, [{ action: 'Notify', timeBeforeExpiry: 'P30D', timeAfterCreate: undefined }]);

    const policy = await client.updateKeyRotationPolicy(name, {
      lifetimeActions: [
        { action: 'Rotate', timeAfterCreate: 'P90D' },
        { action: 'Notify', timeBeforeExpiry: 'P30D' },
      ],
      expiresIn: 'P1Y',
    });
    assert.equal(policy.expiresIn, 'P1Y');
    assert.equal(policy.id, `${client.vaultUrl}/keys/${name}/rotationpolicy`);
    assert.ok(policy.createdOn instanceof Date);
    const read = await client.getKeyRotationPolicy(name);
    assert.deepEqual(read.lifetimeActions?.find((a) => a.action === 'Rotate')?.timeAfterCreate, 'P90D');
    await assert.rejects(
      client.updateKeyRotationPolicy(name, { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'ninety days' }] }),
      (e: unknown) => errorBody(e).error?.code === 'BadParameter',
    );
    await assert.rejects(client.updateKeyRotationPolicy(name, { expiresIn: 'P7D' }), statusIs(400));

    const rotated = await client.rotateKey(name);
    assert.notEqual(rotated.properties.version, created.properties.version);
    assert.equal(rotated.keyType, 'RSA');
    assert.equal(rotated.key?.n?.length, 256);
    assert.notDeepEqual(rotated.key?.n, created.key?.n);
    const expected = Date.now() + 365 * 86400 * 1000;
    assert.ok(Math.abs((rotated.properties.expiresOn?.getTime() ?? 0) - expected) < 3600 * 1000, 'exp from expiryTime');
    assert.equal((await client.getKey(name)).properties.version, rotated.properties.version);
  });

  it('deletes with the poller, lists and gets the deleted key, refuses reuse, recovers with the poller', async () => {
    const name = uniqueName('delete');
    const created = await client.createEcKey(name);
    await client.createEcKey(name);
    const deleted = await (await client.beginDeleteKey(name, FAST)).pollUntilDone();
    assert.equal(deleted.name, name);
    assert.equal(deleted.properties.recoveryId, `${client.vaultUrl}/deletedkeys/${name}`);
    assert.ok(deleted.properties.deletedOn instanceof Date);
    const days = ((deleted.properties.scheduledPurgeDate?.getTime() ?? 0) - (deleted.properties.deletedOn?.getTime() ?? 0)) / 86400000;
    assert.equal(days, 90);
    await assert.rejects(client.getKey(name), statusIs(404));
    const got = await client.getDeletedKey(name);
    assert.equal(got.properties.recoveryId, deleted.properties.recoveryId);
    const listed: string[] = [];
    for await (const d of client.listDeletedKeys()) listed.push(d.name);
    assert.ok(listed.includes(name));
    await assert.rejects(client.createEcKey(name), (e: unknown) => {
      const body = errorBody(e);
      return body.error?.code === 'Conflict' && body.error.innererror?.code === 'ObjectIsDeletedButRecoverable';
    });

    const recovered = await (await client.beginRecoverDeletedKey(name, FAST)).pollUntilDone();
    assert.equal(recovered.name, name);
    assert.deepEqual((await client.getKey(name)).key?.x, deleted.key?.x);
    const versions: KeyProperties[] = [];
    for await (const v of client.listPropertiesOfKeyVersions(name)) versions.push(v);
    assert.equal(versions.length, 2, 'all versions recovered');
    assert.ok(versions.some((v) => v.version === created.properties.version));
  });

  it('purges a deleted key (then it is gone), and purge protection refuses it', async () => {
    const name = uniqueName('purge');
    await client.createEcKey(name);
    await (await client.beginDeleteKey(name, FAST)).pollUntilDone();
    await client.purgeDeletedKey(name);
    await assert.rejects(client.getDeletedKey(name), statusIs(404));
    await client.createEcKey(name);

    const protectedClient = keyClient('kv-test-protected');
    const kept = uniqueName('kept');
    const created = await protectedClient.createEcKey(kept);
    assert.equal(created.properties.recoveryLevel, 'CustomizedRecoverable');
    assert.equal(created.properties.recoverableDays, 7);
    await (await protectedClient.beginDeleteKey(kept, FAST)).pollUntilDone();
    await assert.rejects(protectedClient.purgeDeletedKey(kept), (e: unknown) => errorBody(e).error?.code === 'Forbidden');
    assert.equal((await protectedClient.getDeletedKey(kept)).name, kept);
  });

  it('backs up and restores a key with all its versions; refuses restore over an existing key', async () => {
    const name = uniqueName('backup');
    const v1 = await client.createRsaKey(name);
    const v2 = await client.createRsaKey(name);
    const blob = await client.backupKey(name);
    assert.ok(blob instanceof Uint8Array && blob.length > 0);
    await assert.rejects(client.restoreKeyBackup(blob), statusIs(409));
    await (await client.beginDeleteKey(name, FAST)).pollUntilDone();
    await client.purgeDeletedKey(name);
    const restored = await client.restoreKeyBackup(blob);
    assert.equal(restored.id, v2.id);
    assert.deepEqual(restored.key?.n, v2.key?.n);
    assert.deepEqual((await client.getKey(name, { version: v1.properties.version! })).key?.n, v1.key?.n);
    await assert.rejects(client.restoreKeyBackup(Buffer.from('not a backup')), (e: unknown) => errorBody(e).error?.code === 'BadParameter');
  });

  it('imports a JWK with its private parts and shows only the public ones', async () => {
    const name = uniqueName('import');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const bytes = (v: unknown) => new Uint8Array(Buffer.from(String(v), 'base64url'));
    const toImport: JsonWebKey = {
      kty: 'RSA',
      keyOps: ['decrypt', 'sign'],
      n: bytes(jwk.n), e: bytes(jwk.e), d: bytes(jwk.d), p: bytes(jwk.p), q: bytes(jwk.q),
      dp: bytes(jwk.dp), dq: bytes(jwk.dq), qi: bytes(jwk.qi),
    };
    const imported = await client.importKey(name, toImport, { hardwareProtected: true, tags: { from: 'node' } });
    assert.equal(imported.keyType, 'RSA-HSM');
    assert.deepEqual(imported.keyOperations, ['decrypt', 'sign']);
    assert.deepEqual(Buffer.from(imported.key!.n!), Buffer.from(toImport.n!));
    assert.equal(imported.key?.d, undefined);
    assert.deepEqual(imported.properties.tags, { from: 'node' });
  });
});
