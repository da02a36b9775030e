// The data layer never loses, doubles or hangs a write (issue 13), against the emulator: faults before the handler
// (nothing committed: the write is checked, then sent once more) and after it (committed, then a reset, a 503 or no
// answer at all: the check finds the write and the call succeeds without sending it again), a check that fails too
// (WriteOutcomeUnknownError), per-attempt timeouts, retries of reads only, Retry-After capped, bounded and
// cancellable waits for key and certificate deletes. Small limits keep it fast: 1.5 s per attempt, waits ≤ 200 ms.
import * as assert from 'node:assert/strict';
import type { AzureSdk } from '../../src/azure/lazy';
import type { VaultClients } from '../../src/azure/vaultClients';
import type { WaitEvent } from '../../src/azure/reliability';
import type { CloudEndpoints } from '../../src/azure/model';
import { appCredential, controlApi, cursor, emulatorInfo, type FaultSpec } from './emulator';
import { OPS_SUBSCRIPTION as SUB, seedOpsVaults } from './opsVaults';

const STAMP = Date.now().toString(36);
const VAULT = `kvrl${STAMP}`;
const NOSD = `kvrn${STAMP}`;
const LIMITS = { timeoutMs: 1500, retryAfterCapMs: 200, baseDelayMs: 10 };

async function fault(vault: string, method: string, pathRegex: string, spec: Omit<FaultSpec, 'match'>): Promise<void> {
  await controlApi.addFault({ match: { plane: 'vault', vault, method, pathRegex }, ...spec });
}

/** `status METHOD path [fault]` of every request to `vault` since `since`. */
async function trace(vault: string, since: number): Promise<string[]> {
  return (await controlApi.requests({ vault, sinceId: since })).requests.map((r) => `${r.status} ${r.method} ${r.path}${r.fault ? ` [${r.fault}]` : ''}`);
}

const writes = (log: string[], method: string, path: string): string[] => log.filter((l) => l.includes(` ${method} ${path}`));

describe('reliability of writes (src/azure against the emulator)', function () {
  this.timeout(60_000);
  let sdk: AzureSdk;
  let vaults: VaultClients;
  let url: Record<string, string> = {};
  const waits: WaitEvent[] = [];

  before(async () => {
    ({ sdk, vaults, urls: url } = await seedOpsVaults(
      [
        {
          name: VAULT, subscription: SUB, resourceGroup: 'rg-reliability', softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 100, certificateDelayMs: 300 },
          secrets: [{ name: 'base', versions: [{ value: 'v1', created: '-1d' }] }],
          keys: [{ name: 'rot', keyType: 'RSA' }],
          certificates: [{ name: 'pem-source', subject: 'CN=pem.example.com', contentType: 'pem', keyType: 'EC' }],
        },
        { name: NOSD, subscription: SUB, resourceGroup: 'rg-reliability', enableSoftDelete: false, secrets: [{ name: 'gone', versions: [{ value: 'x' }] }] },
      ],
      { reliability: LIMITS },
    ));
    vaults.onWait((e) => waits.push(e));
    // Each client's first request takes the auth challenge (a 401 without its body); done here, so every fault below
    // acts on a real request.
    for (const name of [VAULT, NOSD]) for (const kind of ['secret', 'key', 'certificate'] as const) await vaults.listItems(url[name]!, kind);
  });

  afterEach(() => controlApi.clearFaults());

  const versions = async (kind: 'secret' | 'key' | 'certificate', name: string): Promise<number> => (await vaults.listVersions(url[VAULT]!, kind, name)).items.length;

  describe('before the handler (nothing committed): checked, then sent once more', () => {
    for (const [what, spec] of [['503', { action: 'status', status: 503 }], ['a reset', { action: 'reset' }], ['no answer', { action: 'hang' }]] as const) {
      it(`setSecret after ${what}: exactly one version`, async () => {
        const name = `before-${spec.action}`;
        await fault(VAULT, 'PUT', `^/secrets/${name}$`, { ...spec, count: 1 });
        const since = await cursor();
        const written = await sdk.secretOps.setSecret(vaults, url[VAULT]!, name, 'the value', { contentType: 'text/plain' });
        const log = await trace(VAULT, since);
        assert.equal(writes(log, 'PUT', `/secrets/${name}`).length, 2, log.join('\n'));
        assert.equal(await versions('secret', name), 1);
        assert.equal((await sdk.secretOps.getSecretValue(vaults, url[VAULT]!, name)).properties.version, written.version);
      });
    }

    it('two unclear failures in a row: sent twice, nothing written, the last error reaches the caller', async () => {
      await fault(VAULT, 'PUT', '^/secrets/twice$', { action: 'status', status: 503, count: 2 });
      const since = await cursor();
      const error = await sdk.secretOps.setSecret(vaults, url[VAULT]!, 'twice', 'x').then(() => undefined, (e: unknown) => e);
      assert.equal(sdk.classifyError(error).kind, 'service');
      assert.equal(sdk.classifyError(error).status, 503);
      assert.equal(writes(await trace(VAULT, since), 'PUT', '/secrets/twice').length, 2);
      assert.equal(await sdk.secretOps.secretExists(vaults, url[VAULT]!, 'twice'), false);
    });

    it('a 4xx is never resent and never checked', async () => {
      await fault(VAULT, 'PUT', '^/secrets/bad$', { action: 'status', status: 400, count: 1 });
      const since = await cursor();
      await assert.rejects(sdk.secretOps.setSecret(vaults, url[VAULT]!, 'bad', 'x'), (e: unknown) => (e as { statusCode?: number }).statusCode === 400);
      assert.deepEqual(await trace(VAULT, since), ['400 PUT /secrets/bad [status:400]']);
    });
  });

  describe('after the handler (committed, then no good answer): found, not sent again', () => {
    for (const [what, spec] of [['a reset', { action: 'reset' }], ['a 503', { action: 'status', status: 503 }], ['no answer', { action: 'hang' }]] as const) {
      it(`setSecret answered with ${what}: one version, no error, its properties returned`, async () => {
        const name = `after-${spec.action}`;
        await fault(VAULT, 'PUT', `^/secrets/${name}$`, { ...spec, phase: 'after', count: 1 });
        const since = await cursor();
        const written = await sdk.secretOps.setSecret(vaults, url[VAULT]!, name, 'committed', { contentType: 'text/plain', tags: { a: '1' } });
        const log = await trace(VAULT, since);
        assert.equal(writes(log, 'PUT', `/secrets/${name}`).length, 1, log.join('\n'));
        assert.match(writes(log, 'PUT', `/secrets/${name}`)[0]!, /\[after:/);
        assert.equal(await versions('secret', name), 1);
        assert.equal(written.contentType, 'text/plain');
        assert.deepEqual(written.tags, { a: '1' });
        const read = await sdk.secretOps.getSecretValue(vaults, url[VAULT]!, name);
        assert.equal(read.value, 'committed');
        assert.equal(read.properties.version, written.version);
      });

      it(`createKey answered with ${what}: one key version, no error`, async () => {
        const name = `key-${spec.action}`;
        await fault(VAULT, 'POST', `^/keys/${name}/create$`, { ...spec, phase: 'after', count: 1 });
        const since = await cursor();
        const key = await sdk.keyOps.createKey(vaults, url[VAULT]!, { name, type: 'EC', curve: 'P-256', tags: { t: 'x' } });
        assert.equal(writes(await trace(VAULT, since), 'POST', `/keys/${name}/create`).length, 1);
        assert.equal(await versions('key', name), 1);
        assert.equal(key.keyType, 'EC');
        assert.equal(key.curve, 'P-256');
      });

      it(`importCertificate answered with ${what}: one version with the file's thumbprint`, async () => {
        const name = `imp-${spec.action}`;
        const pem = await sdk.certificateOps.downloadWithPrivateKey(vaults, url[VAULT]!, 'pem-source');
        await fault(VAULT, 'POST', `^/certificates/${name}/import$`, { ...spec, phase: 'after', count: 1 });
        const since = await cursor();
        const imported = await sdk.certificateOps.importCertificate(vaults, url[VAULT]!, { name, bytes: pem.bytes, format: 'pem' });
        assert.equal(writes(await trace(VAULT, since), 'POST', `/certificates/${name}/import`).length, 1);
        assert.equal(await versions('certificate', name), 1);
        assert.equal(imported.certificate?.thumbprintSha1, sdk.certificateOps.pemThumbprints(pem.bytes)[0]);
      });

      it(`deleteSecret answered with ${what}: deleted (soft), no error`, async () => {
        const name = `del-${spec.action}`;
        await sdk.secretOps.setSecret(vaults, url[VAULT]!, name, 'bye');
        await fault(VAULT, 'DELETE', `^/secrets/${name}$`, { ...spec, phase: 'after', count: 1 });
        const since = await cursor();
        const result = await sdk.secretOps.deleteSecret(vaults, url[VAULT]!, name, { pollIntervalMs: 50 });
        assert.equal(result.deleted?.name, name);
        assert.equal(writes(await trace(VAULT, since), 'DELETE', `/secrets/${name}`).length, 1);
        assert.equal(await sdk.secretOps.secretExists(vaults, url[VAULT]!, name), false);
      });
    }

    it('rotateKey answered with a reset: exactly one new version (the current version before tells)', async () => {
      const before = await versions('key', 'rot');
      await fault(VAULT, 'POST', '^/keys/rot/rotate$', { action: 'reset', phase: 'after', count: 1 });
      const rotated = await sdk.keyOps.rotateKey(vaults, url[VAULT]!, 'rot');
      assert.equal(await versions('key', 'rot'), before + 1);
      assert.equal((await sdk.keyOps.getKeyDetails(vaults, url[VAULT]!, 'rot')).version, rotated.version);
    });

    it('createSelfSigned answered with a 503: one certificate operation, followed to completion', async () => {
      await fault(VAULT, 'POST', '^/certificates/made/create$', { action: 'status', status: 503, phase: 'after', count: 1 });
      const since = await cursor();
      const { operation, details } = await sdk.certificateOps.createSelfSigned(vaults, url[VAULT]!, {
        name: 'made', subject: 'CN=made.example.com', dnsNames: [], validityInMonths: 6, keyType: 'RSA', keySize: 2048, contentType: 'application/x-pkcs12', exportable: true,
      }, { pollIntervalMs: 50 });
      assert.equal(operation.status, 'completed');
      assert.ok(details?.version);
      assert.equal(writes(await trace(VAULT, since), 'POST', '/certificates/made/create').length, 1);
      assert.equal(await versions('certificate', 'made'), 1);
    });

    it('key delete, recover and purge answered with resets: each done once, no error', async () => {
      await sdk.keyOps.createKey(vaults, url[VAULT]!, { name: 'life', type: 'RSA', size: 2048 });
      const since = await cursor();
      await fault(VAULT, 'DELETE', '^/keys/life$', { action: 'reset', phase: 'after', count: 1 });
      const deleted = await sdk.keyOps.deleteKey(vaults, url[VAULT]!, 'life', { pollIntervalMs: 50 });
      assert.ok(deleted.recoveryId);
      await fault(VAULT, 'POST', '^/deletedkeys/life/recover$', { action: 'reset', phase: 'after', count: 1 });
      await sdk.keyOps.recoverKey(vaults, url[VAULT]!, 'life', { pollIntervalMs: 50 });
      assert.equal((await sdk.keyOps.getKeyDetails(vaults, url[VAULT]!, 'life')).name, 'life');
      await sdk.keyOps.deleteKey(vaults, url[VAULT]!, 'life', { pollIntervalMs: 50 });
      await fault(VAULT, 'DELETE', '^/deletedkeys/life$', { action: 'status', status: 500, phase: 'after', count: 1 });
      await sdk.keyOps.purgeKey(vaults, url[VAULT]!, 'life');
      const log = await trace(VAULT, since);
      assert.equal(writes(log, 'POST', '/deletedkeys/life/recover').length, 1);
      assert.equal(writes(log, 'DELETE', '/deletedkeys/life').length, 1);
      assert.equal(writes(log, 'DELETE', '/keys/life').length, 2);
    });

    it('a permanent delete (no soft delete) answered with a reset: gone, and the wait for a deleted copy is bounded (still running)', async () => {
      await fault(NOSD, 'DELETE', '^/secrets/gone$', { action: 'reset', phase: 'after', count: 1 });
      await assert.rejects(
        sdk.secretOps.deleteSecret(vaults, url[NOSD]!, 'gone', { pollIntervalMs: 50, timeoutMs: 400 }),
        (e: unknown) => sdk.classifyError(e).kind === 'stillRunning',
        'without the answer, a permanent delete cannot be told from one under way: the wait is bounded',
      );
      assert.equal(await sdk.secretOps.secretExists(vaults, url[NOSD]!, 'gone'), false);
    });
  });

  describe('the check fails too', () => {
    it('setSecret: WriteOutcomeUnknownError naming the secret (the version was in fact written)', async () => {
      await fault(VAULT, 'PUT', '^/secrets/unknown$', { action: 'reset', phase: 'after', count: 1 });
      await fault(VAULT, 'GET', '^/secrets/unknown/versions', { action: 'status', status: 500, count: 10 });
      const error = await sdk.secretOps.setSecret(vaults, url[VAULT]!, 'unknown', 'x').then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof sdk.WriteOutcomeUnknownError, String(error));
      const failure = sdk.classifyError(error);
      assert.equal(failure.kind, 'outcomeUnknown');
      assert.match(failure.message, /secret "unknown"/);
      await controlApi.clearFaults();
      assert.equal(await versions('secret', 'unknown'), 1, 'sent once: the vault holds one version');
    });
  });

  describe('bounded waits', () => {
    it('a read that hangs is sent again after the per-attempt timeout', async () => {
      await fault(VAULT, 'GET', '^/secrets$', { action: 'hang', count: 1 });
      const since = await cursor();
      waits.length = 0;
      const started = Date.now();
      await vaults.listItems(url[VAULT]!, 'secret');
      assert.ok(Date.now() - started >= 1400, 'waited for the timeout');
      assert.deepEqual((await trace(VAULT, since)).filter((l) => l.includes('GET /secrets')).map((l) => l.split(' ')[0]), ['0', '200']);
      assert.deepEqual(waits.map((w) => w.reason), ['retry']);
    });

    it('a read that never answers fails with RequestTimeoutError after the retries', async () => {
      await fault(VAULT, 'GET', '^/keys$', { action: 'hang' });
      const error = await vaults.listItems(url[VAULT]!, 'key').then(() => undefined, (e: unknown) => e);
      const failure = sdk.classifyError(error);
      assert.equal(failure.kind, 'timeout');
      assert.equal(failure.timeoutMs, 1500);
    });

    it('Retry-After: 86400 is capped (the wait event says what was asked), then the request goes through', async () => {
      await fault(VAULT, 'GET', '^/certificates$', { action: 'status', status: 429, headers: { 'Retry-After': '86400' }, count: 1 });
      waits.length = 0;
      const started = Date.now();
      await vaults.listItems(url[VAULT]!, 'certificate');
      assert.ok(Date.now() - started < 5000);
      assert.equal(waits.length, 1);
      assert.equal(waits[0]!.reason, 'throttled');
      assert.equal(waits[0]!.delayMs, 200);
      assert.equal(waits[0]!.requestedMs, 86_400_000);
    });

    it('Retry-After: 86400 twice in a row: the 429 reaches the caller with what the service asked', async () => {
      await fault(VAULT, 'GET', '^/certificates$', { action: 'status', status: 429, headers: { 'Retry-After': '86400' }, count: 2 });
      const failure = sdk.classifyError(await vaults.listItems(url[VAULT]!, 'certificate').then(() => undefined, (e: unknown) => e));
      assert.equal(failure.kind, 'throttled');
      assert.equal(failure.retryAfterMs, 86_400_000);
    });

    it('a key delete waits within its limit (OperationStillRunningError) and stops at once when cancelled', async () => {
      await sdk.keyOps.createKey(vaults, url[VAULT]!, { name: 'slow', type: 'EC' });
      await sdk.keyOps.createKey(vaults, url[VAULT]!, { name: 'slow2', type: 'EC' });
      await controlApi.timings({ vault: VAULT, deleteDelayMs: 60_000 });
      try {
        const late = await sdk.keyOps.deleteKey(vaults, url[VAULT]!, 'slow', { pollIntervalMs: 50, timeoutMs: 300 }).then(() => undefined, (e: unknown) => e);
        assert.equal(sdk.classifyError(late).kind, 'stillRunning');
        const controller = new AbortController();
        const pending = sdk.keyOps.deleteKey(vaults, url[VAULT]!, 'slow2', { pollIntervalMs: 50, abortSignal: controller.signal });
        setTimeout(() => controller.abort(), 200);
        await assert.rejects(pending, { name: 'AbortError' });
      } finally {
        await controlApi.timings({ vault: VAULT, deleteDelayMs: 100 });
      }
    });

    it('a certificate create stops waiting at its limit: reported as still in progress', async () => {
      await controlApi.timings({ vault: VAULT, certificateDelayMs: 60_000 });
      try {
        const { operation } = await sdk.certificateOps.createSelfSigned(vaults, url[VAULT]!, {
          name: 'slow-cert', subject: 'CN=slow.example.com', dnsNames: [], validityInMonths: 6, keyType: 'EC', curve: 'P-256', contentType: 'application/x-pem-file', exportable: true,
        }, { pollIntervalMs: 50, timeoutMs: 300 });
        assert.equal(operation.status, 'inProgress');
      } finally {
        await controlApi.timings({ vault: VAULT, certificateDelayMs: 300 });
      }
    });
  });

  describe('Resource Manager', () => {
    const cloud = (): CloudEndpoints => {
      const info = emulatorInfo();
      return { resourceManagerEndpoint: info.arm, resourceManagerScope: info.scopes.arm, keyVaultDnsSuffix: new URL(info.audiences.vault).hostname };
    };
    const armTrace = async (since: number): Promise<string[]> =>
      (await controlApi.requests({ plane: 'arm', sinceId: since })).requests.filter((r) => r.path === '/tenants').map((r) => `${r.status} ${r.method} ${r.path}`);

    it('a 503 is retried by our policy only (the SDK retry is off): 1 + maxTransientRetries sends, wait events on the ARM client', async () => {
      const arm = new sdk.ArmClient(appCredential(), cloud(), { reliability: LIMITS });
      const seen: WaitEvent[] = [];
      arm.onWait((e) => seen.push(e));
      await controlApi.addFault({ match: { plane: 'arm', method: 'GET', pathRegex: '^/tenants$' }, action: 'status', status: 503, count: 10 });
      const since = await cursor();
      const failure = sdk.classifyError(await arm.listTenants().then(() => undefined, (e: unknown) => e));
      assert.equal(failure.kind, 'service');
      assert.deepEqual(await armTrace(since), ['503 GET /tenants', '503 GET /tenants', '503 GET /tenants', '503 GET /tenants']);
      assert.deepEqual(seen.map((e) => e.reason), ['retry', 'retry', 'retry']);
      await controlApi.clearFaults();
      await controlApi.addFault({ match: { plane: 'arm', method: 'GET', pathRegex: '^/tenants$' }, action: 'reset', count: 1 });
      const again = await cursor();
      assert.ok((await arm.listTenants()).length > 0);
      assert.deepEqual(await armTrace(again), ['0 GET /tenants', '200 GET /tenants']);
    });
  });
});
