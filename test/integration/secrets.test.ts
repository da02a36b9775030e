// Every secrets operation through the official SecretClient against the emulator (AZURE-FACTS.md "Objects",
// "Paging"): set, get, versions, update, list paging, delete/recover pollers, purge, backup/restore.
import * as assert from 'node:assert/strict';
import type { SecretProperties } from '@azure/keyvault-secrets';
import { controlApi, errorBody, liveVaultUrl, secretClient, uniqueName } from './emulator';

const FAST = { intervalInMs: 50 };

describe('secrets data plane (SecretClient)', () => {
  const client = secretClient('kv-test-main');

  it('sets and gets a secret, latest and by version, with 32-hex versions', async () => {
    const name = uniqueName('Set-Get');
    const first = await client.setSecret(name, 'one', { contentType: 'text/plain', tags: { a: '1' } });
    const second = await client.setSecret(name, 'two');
    assert.match(first.properties.version ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(first.properties.version, second.properties.version);
    assert.equal((await client.getSecret(name)).value, 'two');
    const old = await client.getSecret(name, { version: first.properties.version! });
    assert.equal(old.value, 'one');
    assert.equal(old.properties.contentType, 'text/plain');
    assert.deepEqual(old.properties.tags, { a: '1' });
    assert.equal(old.properties.recoveryLevel, 'Recoverable+Purgeable');
    assert.equal(old.properties.recoverableDays, 90);
    assert.ok(old.properties.createdOn instanceof Date);
  });

  it('compares names case-insensitively and keeps the case they were created with', async () => {
    const name = uniqueName('CamelCase');
    await client.setSecret(name, 'x');
    const got = await client.getSecret(name.toLowerCase());
    assert.equal(got.name, name);
    await client.setSecret(name.toUpperCase(), 'y');
    assert.equal((await client.getSecret(name)).value, 'y');
    assert.equal((await client.getSecret(name)).name, name);
  });

  it('reads seeded versions with explicit ids and an expired secret', async () => {
    const versions: SecretProperties[] = [];
    for await (const p of client.listPropertiesOfSecretVersions('multi-version')) versions.push(p);
    assert.deepEqual(versions.map((v) => v.version).sort(), ['00000000000000000000000000000001', '00000000000000000000000000000002', '00000000000000000000000000000003']);
    assert.equal((await client.getSecret('multi-version')).value, 'v3');
    assert.equal((await client.getSecret('multi-version', { version: '00000000000000000000000000000001' })).value, 'v1');
    const expired = await client.getSecret('expired-secret');
    assert.equal(expired.value, 'stale');
    assert.ok(expired.properties.expiresOn && expired.properties.expiresOn.getTime() < Date.now());
  });

  it('updates attributes, tags and content type of a version', async () => {
    const name = uniqueName('update');
    const created = await client.setSecret(name, 'v');
    const exp = new Date(Math.floor(Date.now() / 1000 + 86400) * 1000);
    const updated = await client.updateSecretProperties(name, created.properties.version!, {
      enabled: false,
      expiresOn: exp,
      tags: { env: 'test' },
      contentType: 'application/json',
    });
    assert.equal(updated.enabled, false);
    assert.equal(updated.expiresOn?.getTime(), exp.getTime());
    assert.deepEqual(updated.tags, { env: 'test' });
    assert.equal(updated.contentType, 'application/json');
    await client.updateSecretProperties(name, created.properties.version!, { enabled: true });
    assert.equal((await client.getSecret(name)).value, 'v');
  });

  it('lists secrets across at least three pages without values', async () => {
    const vault = uniqueName('kv-page').slice(0, 24).replace(/-$/, 'x');
    const seed = Array.from({ length: 7 }, (_, i) => ({ name: `paged-${i}`, versions: [{ value: `v${i}` }] }));
    await controlApi.seed({ vaults: [{ name: vault, subscription: '51515151-0000-4000-8000-000000000001', resourceGroup: 'rg-test', secrets: seed }] });
    const paged = secretClient(await liveVaultUrl(vault));
    const pages: string[][] = [];
    for await (const page of paged.listPropertiesOfSecrets().byPage({ maxPageSize: 3 })) {
      pages.push(page.map((p) => p.name));
      for (const p of page) assert.equal((p as { value?: string }).value, undefined);
    }
    assert.deepEqual(pages.map((p) => p.length), [3, 3, 1]);
    assert.deepEqual(pages.flat(), seed.map((s) => s.name));
  });

  it('deletes with a poller, lists and reads the deleted secret, and recovers it with a poller', async () => {
    const name = uniqueName('del-recover');
    await client.setSecret(name, 'keep me');
    const delPoller = await client.beginDeleteSecret(name, FAST);
    const deleted = await delPoller.pollUntilDone();
    assert.equal(deleted.name, name);
    assert.ok(deleted.recoveryId?.endsWith(`/deletedsecrets/${name}`));
    assert.ok(deleted.deletedOn && deleted.scheduledPurgeDate);
    assert.equal(deleted.scheduledPurgeDate.getTime() - deleted.deletedOn.getTime(), 90 * 86400_000);
    assert.equal((await client.getDeletedSecret(name)).name, name);
    const listed: string[] = [];
    for await (const d of client.listDeletedSecrets()) listed.push(d.name);
    assert.ok(listed.includes(name));
    assert.ok(listed.includes('soft-deleted-secret'));
    await assert.rejects(client.getSecret(name), (e: { statusCode?: number }) => e.statusCode === 404);
    const recPoller = await client.beginRecoverDeletedSecret(name, FAST);
    const recovered = await recPoller.pollUntilDone();
    assert.equal(recovered.name, name);
    assert.equal((await client.getSecret(name)).value, 'keep me');
  });

  it('purges a deleted secret (204) so the name is free again', async () => {
    const name = uniqueName('purge');
    await client.setSecret(name, 'x');
    await (await client.beginDeleteSecret(name, FAST)).pollUntilDone();
    await client.purgeDeletedSecret(name);
    await assert.rejects(client.getDeletedSecret(name), (e: { statusCode?: number }) => e.statusCode === 404);
    assert.equal((await client.setSecret(name, 'again')).value, 'again');
  });

  it('backs up and restores every version; restoring over an existing name is 409', async () => {
    const name = uniqueName('backup');
    await client.setSecret(name, 'first', { contentType: 'text/plain' });
    await client.setSecret(name, 'second');
    const blob = await client.backupSecret(name);
    assert.ok(blob && blob.length > 0);
    await assert.rejects(client.restoreSecretBackup(blob), (e: { statusCode?: number }) => e.statusCode === 409);
    await (await client.beginDeleteSecret(name, FAST)).pollUntilDone();
    await client.purgeDeletedSecret(name);
    const restored = await client.restoreSecretBackup(blob);
    assert.equal(restored.name, name);
    const versions: string[] = [];
    for await (const v of client.listPropertiesOfSecretVersions(name)) versions.push(v.version!);
    assert.equal(versions.length, 2);
    assert.equal((await client.getSecret(name)).value, 'second');
    // A vault of another geography (kv-test-faults is in westus, kv-test-main in westeurope) cannot decrypt it
    // (test/integration/backups.test.ts covers the vaults that can).
    const other = secretClient('kv-test-faults');
    await assert.rejects(other.restoreSecretBackup(blob), (e: unknown) => errorBody(e).error?.message === 'Cannot decrypt backup blob.');
    await assert.rejects(client.restoreSecretBackup(Buffer.from('not a backup')), (e: unknown) => errorBody(e).error?.code === 'BadParameter');
  });

  it('deletes permanently when soft delete is off', async () => {
    const legacy = secretClient('kv-test-nosoft');
    const name = uniqueName('perm');
    await legacy.setSecret(name, 'x');
    assert.equal((await legacy.getSecret(name)).properties.recoveryLevel, 'Purgeable');
    // Without soft delete the response has no recoveryId, so the SDK's poller is done at once.
    const deleted = await (await legacy.beginDeleteSecret(name, FAST)).pollUntilDone();
    assert.equal(deleted.recoveryId, undefined);
    await assert.rejects(legacy.getSecret(name), (e: { statusCode?: number }) => e.statusCode === 404);
    await assert.rejects(legacy.getDeletedSecret(name), (e: { statusCode?: number }) => e.statusCode === 404);
    assert.equal((await legacy.setSecret(name, 'reused')).value, 'reused');
  });

  it('reports CustomizedRecoverable and a 7-day purge date on a 7-day purge-protected vault', async () => {
    const protectedClient = secretClient('kv-test-protected');
    const name = uniqueName('custom');
    const s = await protectedClient.setSecret(name, 'x');
    assert.equal(s.properties.recoveryLevel, 'CustomizedRecoverable');
    assert.equal(s.properties.recoverableDays, 7);
    const d = await (await protectedClient.beginDeleteSecret(name, FAST)).pollUntilDone();
    assert.equal(d.scheduledPurgeDate!.getTime() - d.deletedOn!.getTime(), 7 * 86400_000);
  });
});
