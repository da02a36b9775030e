// VaultClients without a network: client reuse per vault, vault keys, refusals before any request.
import * as assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { VaultClients, vaultKey } from '../../src/azure/vaultClients';
import type { CloudEndpoints } from '../../src/azure/model';

const cloud: CloudEndpoints = { resourceManagerEndpoint: 'https://management.azure.com', resourceManagerScope: 'https://management.azure.com/.default', keyVaultDnsSuffix: 'vault.azure.net' };
const noToken: TokenCredential = { getToken: (): Promise<AccessToken | null> => Promise.resolve(null) };

describe('VaultClients (no network)', () => {
  it('keys vaults by origin: case, trailing slash and path do not matter', () => {
    assert.equal(vaultKey('https://KV-One.vault.azure.net/'), 'https://kv-one.vault.azure.net');
    assert.equal(vaultKey('https://kv-one.vault.azure.net/secrets/x'), 'https://kv-one.vault.azure.net');
    assert.equal(vaultKey('https://127.0.0.1:8443'), 'https://127.0.0.1:8443');
    assert.throws(() => vaultKey('http://kv-one.vault.azure.net'), /https/);
  });

  it('creates one client per vault and kind, on first use, and reuses it', () => {
    const clients = new VaultClients(noToken, cloud);
    const s = clients.secrets('https://kv-one.vault.azure.net');
    assert.equal(clients.secrets('https://KV-ONE.vault.azure.net/'), s);
    assert.notEqual(clients.secrets('https://kv-two.vault.azure.net'), s);
    assert.equal(s.vaultUrl, 'https://kv-one.vault.azure.net');
    const k = clients.keys('https://kv-one.vault.azure.net');
    assert.equal(clients.keys('https://kv-one.vault.azure.net'), k);
    const c = clients.certificates('https://kv-one.vault.azure.net');
    assert.equal(clients.certificates('https://kv-one.vault.azure.net'), c);
  });

  it('rejects (never throws) for a URL that is not https', async () => {
    const clients = new VaultClients(noToken, cloud);
    const pending = clients.listItems('http://kv-one.vault.azure.net', 'secret');
    await assert.rejects(pending, /https/);
  });

  it('refuses a continuation token that points at another host, before sending anything', async () => {
    const clients = new VaultClients(noToken, cloud);
    for (const kind of ['secret', 'key', 'certificate'] as const) {
      await assert.rejects(
        clients.listItems('https://kv-one.vault.azure.net', kind, { continuationToken: 'https://evil.example/secrets?$skiptoken=x' }),
        /another vault/,
      );
      await assert.rejects(clients.listDeleted('https://kv-one.vault.azure.net', kind, { continuationToken: 'not a url' }), /another vault/);
    }
  });

  it('takes reliability options (and their first name, throttle) and hands out disposable wait listeners', () => {
    const clients = new VaultClients(noToken, cloud, { throttle: { maxRetries: 1 }, reliability: { timeoutMs: 5000, retryAfterCapMs: 1000 } });
    const subscription = clients.onWait(() => undefined);
    assert.equal(typeof subscription.dispose, 'function');
    subscription.dispose();
    assert.ok(clients.secrets('https://kv-one.vault.azure.net'));
  });
});
