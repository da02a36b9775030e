// src/azure/secretOps.ts against the emulator through the extension's own VaultClients: set, read, update,
// versions, delete (soft and permanent), recover, purge (and purge protection), copy, 429 backoff on set.
import * as assert from 'node:assert/strict';
import type { VaultClients } from '../../src/azure/sdk';
import * as ops from '../../src/azure/secretOps';
import { controlApi } from './emulator';
import { OPS_SUBSCRIPTION as SUB, seedOpsVaults } from './opsVaults';

const STAMP = Date.now().toString(36);
const MAIN = `kvso${STAMP}`;
const NOSD = `kvsn${STAMP}`;
const PP = `kvsp${STAMP}`;
const THROTTLED = { error: { code: 'Throttled', message: 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached' } };

async function methodsSince(vault: string, since: number): Promise<string[]> {
  return (await controlApi.requests({ vault, sinceId: since })).requests.map((r) => `${r.status} ${r.method} ${r.path}`);
}

describe('secret operations (src/azure/secretOps against the emulator)', function () {
  this.timeout(60_000);
  let vaults: VaultClients;
  let url: Record<string, string> = {};
  const delays: number[] = [];

  before(async () => {
    ({ vaults, urls: url } = await seedOpsVaults(
      [
        { name: MAIN, subscription: SUB, resourceGroup: 'rg-secret-ops', softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 150 }, secrets: [{ name: 'base', contentType: 'text/plain', tags: { env: 'test' }, versions: [{ value: 'v1', created: '-2d' }, { value: 'v2', created: '-1d' }] }] },
        { name: NOSD, subscription: SUB, resourceGroup: 'rg-secret-ops', enableSoftDelete: false, secrets: [{ name: 'gone', versions: [{ value: 'x' }] }] },
        { name: PP, subscription: SUB, resourceGroup: 'rg-secret-ops', enablePurgeProtection: true, softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 100 }, secrets: [{ name: 'kept', versions: [{ value: 'y' }] }] },
      ],
      { throttle: { baseDelayMs: 50, sleep: (ms) => (delays.push(ms), Promise.resolve()) } },
    ));
  });

  afterEach(() => controlApi.clearFaults());

  it('sets a new secret with content type, tags and expiry, and reads its value back', async () => {
    const expiresOn = new Date(Date.now() + 30 * 86_400_000);
    const created = await ops.setSecret(vaults, url[MAIN]!, 'new-one', 'the-value', { contentType: 'application/json', tags: { a: '1' }, expiresOn });
    assert.match(created.version ?? '', /^[0-9a-f]{32}$/);
    const read = await ops.getSecretValue(vaults, url[MAIN]!, 'new-one');
    assert.equal(read.value, 'the-value');
    assert.equal(read.properties.contentType, 'application/json');
    assert.deepEqual(read.properties.tags, { a: '1' });
    assert.equal(read.properties.expiresOn?.getTime(), Math.floor(expiresOn.getTime() / 1000) * 1000);
    assert.equal(read.properties.recoverableDays, 7);
  });

  it('lists versions newest first and finds the latest without reading a value', async () => {
    const v3 = await ops.setSecret(vaults, url[MAIN]!, 'base', 'v3', { contentType: 'text/plain' });
    const versions = await ops.listSecretVersions(vaults, url[MAIN]!, 'base');
    assert.equal(versions.length, 3);
    assert.equal(versions[0]!.version, v3.version);
    assert.equal((await ops.latestSecretProperties(vaults, url[MAIN]!, 'base'))?.version, v3.version);
    assert.equal(await ops.latestSecretProperties(vaults, url[MAIN]!, 'no-such-secret'), undefined);
    assert.equal(await ops.secretExists(vaults, url[MAIN]!, 'base'), true);
    assert.equal(await ops.secretExists(vaults, url[MAIN]!, 'no-such-secret'), false);
  });

  it('updates the latest version (no version given) and a chosen version', async () => {
    const versions = await ops.listSecretVersions(vaults, url[MAIN]!, 'base');
    const latest = await ops.updateSecret(vaults, url[MAIN]!, 'base', undefined, { tags: { env: 'prod', team: 'x' }, contentType: 'text/csv' });
    assert.equal(latest.version, versions[0]!.version);
    assert.deepEqual(latest.tags, { env: 'prod', team: 'x' });
    const old = await ops.updateSecret(vaults, url[MAIN]!, 'base', versions[2]!.version, { enabled: false });
    assert.equal(old.enabled, false);
    await assert.rejects(ops.getSecretValue(vaults, url[MAIN]!, 'base', versions[2]!.version), (e: unknown) => (e as { statusCode?: number }).statusCode === 403);
  });

  it('soft-deletes (waits until listed as deleted), recovers (waits until readable) and purges', async () => {
    await ops.setSecret(vaults, url[MAIN]!, 'to-delete', 'bye');
    const result = await ops.deleteSecret(vaults, url[MAIN]!, 'to-delete', { pollIntervalMs: 50 });
    assert.ok(result.deleted);
    assert.ok(result.deleted.scheduledPurgeDate);
    assert.equal((await ops.getDeletedSecret(vaults, url[MAIN]!, 'to-delete'))?.name, 'to-delete');
    assert.equal(await ops.secretExists(vaults, url[MAIN]!, 'to-delete'), false);
    await ops.recoverSecret(vaults, url[MAIN]!, 'to-delete', { pollIntervalMs: 50 });
    assert.equal(await ops.secretExists(vaults, url[MAIN]!, 'to-delete'), true);
    assert.equal(await ops.getDeletedSecret(vaults, url[MAIN]!, 'to-delete'), undefined);
    await ops.deleteSecret(vaults, url[MAIN]!, 'to-delete', { pollIntervalMs: 50 });
    await ops.purgeSecret(vaults, url[MAIN]!, 'to-delete');
    assert.equal(await ops.getDeletedSecret(vaults, url[MAIN]!, 'to-delete'), undefined);
  });

  it('deletes permanently when the vault has no soft delete', async () => {
    const result = await ops.deleteSecret(vaults, url[NOSD]!, 'gone', { pollIntervalMs: 50 });
    assert.equal(result.deleted, undefined);
    assert.equal(await ops.secretExists(vaults, url[NOSD]!, 'gone'), false);
    assert.equal(await ops.getDeletedSecret(vaults, url[NOSD]!, 'gone'), undefined);
  });

  it('reports the recovery level that tells purge protection (the service refuses the purge)', async () => {
    const result = await ops.deleteSecret(vaults, url[PP]!, 'kept', { pollIntervalMs: 50 });
    assert.equal(result.deleted?.recoveryLevel, 'CustomizedRecoverable');
    await assert.rejects(ops.purgeSecret(vaults, url[PP]!, 'kept'), (e: unknown) => (e as { statusCode?: number }).statusCode === 403);
  });

  it('copies a value with its content type and tags to another vault', async () => {
    await ops.setSecret(vaults, url[MAIN]!, 'copy-me', 'copied', { contentType: 'text/plain', tags: { from: 'main' } });
    const copied = await ops.copySecret(vaults, { vaultUrl: url[MAIN]!, name: 'copy-me' }, { vaultUrl: url[PP]!, name: 'copy-me-too' });
    assert.equal(copied.contentType, 'text/plain');
    const read = await ops.getSecretValue(vaults, url[PP]!, 'copy-me-too');
    assert.equal(read.value, 'copied');
    assert.deepEqual(read.properties.tags, { from: 'main' });
  });

  it('a set survives a burst of bare 429s (throttle backoff inside the pipeline)', async () => {
    await controlApi.addFault({ match: { plane: 'vault', vault: MAIN, method: 'PUT' }, action: 'status', status: 429, body: THROTTLED, count: 3 });
    const since = (await controlApi.requests({ limit: 1 })).cursor;
    delays.length = 0;
    await ops.setSecret(vaults, url[MAIN]!, 'throttled-set', 'ok');
    assert.deepEqual(await methodsSince(MAIN, since), ['429 PUT /secrets/throttled-set', '429 PUT /secrets/throttled-set', '429 PUT /secrets/throttled-set', '200 PUT /secrets/throttled-set']);
    assert.equal(delays.length, 3);
  });

  it('delete polling stops when aborted', async () => {
    await ops.setSecret(vaults, url[MAIN]!, 'slow-delete', 'x');
    await controlApi.timings({ vault: MAIN, deleteDelayMs: 60_000 });
    const controller = new AbortController();
    const pending = ops.deleteSecret(vaults, url[MAIN]!, 'slow-delete', { pollIntervalMs: 50, abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
    await controlApi.timings({ vault: MAIN, deleteDelayMs: 150 });
  });
});
