import * as assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { loadAzureSdk } from '../../src/azure/lazy';

const noToken: TokenCredential = { getToken: (): Promise<AccessToken | null> => Promise.resolve(null) };

describe('src/azure VaultClients', () => {
  it('creates one SecretClient per vault and reuses it (one auth challenge per vault)', async () => {
    const { VaultClients } = await loadAzureSdk();
    const clients = new VaultClients(noToken);
    const a = clients.secrets('https://kv-one.vault.azure.net');
    assert.equal(clients.secrets('https://kv-one.vault.azure.net'), a);
    assert.notEqual(clients.secrets('https://kv-two.vault.azure.net'), a);
    assert.equal(a.vaultUrl, 'https://kv-one.vault.azure.net');
  });
});
