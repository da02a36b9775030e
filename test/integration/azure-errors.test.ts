// classifyError on what the SDK clients (through VaultClients) really throw against the emulator.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { loadAzureSdk } from '../../src/azure/lazy';
import type { AzureFailure } from '../../src/azure/model';
import { appCredential, controlApi, emulatorCloud, liveVaultUrl, seededApp } from './emulator';

const SUB_ONE = '51515151-0000-4000-8000-000000000001';
const stamp = Date.now().toString(36);
const VAULT = `kve${stamp}`;
const SLOW = `kvs${stamp}`;

async function failureOf(work: Promise<unknown>): Promise<AzureFailure> {
  const { classifyError } = await loadAzureSdk();
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error !== undefined, 'expected a failure');
  return classifyError(error);
}

describe('classifyError on real SDK errors (against the emulator)', function () {
  this.timeout(60_000);
  let url = '';
  let slow = '';

  before(async () => {
    await controlApi.seed({
      vaults: [
        {
          name: VAULT, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests',
          deny: [{ objectId: 'a0a0a0a0-0000-4000-8000-000000000002', reason: 'rbac' }],
          secrets: [
            { name: 'readable', versions: [{ value: 'r' }] },
            { name: 'off', versions: [{ value: 'cannot read', enabled: false }] },
            { name: 'gone', versions: [{ value: 'g' }], deleted: { deletedDate: '-1d' } },
          ],
        },
        { name: SLOW, subscription: SUB_ONE, resourceGroup: 'rg-azure-tests', timings: { deleteDelayMs: 3_600_000 }, secrets: [{ name: 'deleting', versions: [{ value: 'd' }] }] },
      ],
    });
    url = await liveVaultUrl(VAULT);
    slow = await liveVaultUrl(SLOW);
  });

  it('no data-plane role → forbidden/rbac', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential('test-app-no-access'), emulatorCloud());
    const f = await failureOf(clients.listItems(url, 'secret'));
    assert.equal(f.kind, 'forbidden');
    assert.equal(f.forbiddenReason, 'rbac');
    assert.equal(f.innerCode, 'ForbiddenByRbac');
    assert.match(f.message, /Key Vault Secrets User/);
  });

  for (const reason of ['firewall', 'policy'] as const) {
    it(`a ${reason} denial → forbidden/${reason}`, async () => {
      const { VaultClients } = await loadAzureSdk();
      const clients = new VaultClients(appCredential(), emulatorCloud());
      await controlApi.deny({ vault: VAULT, objectId: 'a0a0a0a0-0000-4000-8000-000000000001', reason });
      try {
        const f = await failureOf(clients.listItems(url, 'key'));
        assert.equal(f.kind, 'forbidden');
        assert.equal(f.forbiddenReason, reason);
      } finally {
        await controlApi.lift(VAULT, 'a0a0a0a0-0000-4000-8000-000000000001');
      }
      assert.ok((await clients.listItems(url, 'secret')).items.length > 0, 'readable again after the rule is lifted');
    });
  }

  it('reading a disabled secret → forbidden/disabled', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const f = await failureOf(clients.secrets(url).getSecret('off'));
    assert.equal(f.forbiddenReason, 'disabled');
    assert.equal(f.innerCode, 'SecretDisabled');
  });

  it('a missing secret → notFound', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const f = await failureOf(clients.secrets(url).getSecret('never-existed'));
    assert.equal(f.kind, 'notFound');
    assert.equal(f.code, 'SecretNotFound');
  });

  it('setting a soft-deleted name → conflict: recover or purge', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    const f = await failureOf(clients.secrets(url).setSecret('gone', 'new value'));
    assert.equal(f.kind, 'conflict');
    assert.match(f.action ?? '', /Recover or purge/);
    assert.ok(!JSON.stringify(f).includes('new value'));
  });

  it('setting a name still being deleted → conflict: wait', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    await clients.secrets(slow).beginDeleteSecret('deleting');
    const f = await failureOf(clients.secrets(slow).setSecret('deleting', 'again'));
    assert.equal(f.kind, 'conflict');
    assert.match(f.action ?? '', /Wait/);
  });

  it('an app that cannot sign in to the vault tenant → signIn', async () => {
    const { VaultClients } = await loadAzureSdk();
    const app = seededApp('fabrikam-app');
    const clients = new VaultClients(appCredential('fabrikam-app', { additionallyAllowedTenants: ['*'] }, app.tenantId), emulatorCloud());
    const f = await failureOf(clients.listItems(url, 'secret'));
    assert.equal(f.kind, 'signIn');
  });

  it('an unreachable vault → network', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(appCredential(), emulatorCloud());
    // A port nothing listens on (one just closed): port 1 would be refused by fetch itself (a "bad port").
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const f = await failureOf(clients.listItems(`https://127.0.0.1:${port}`, 'secret'));
    assert.equal(f.kind, 'network');
    assert.equal(f.code, 'ECONNREFUSED');
  });
});
