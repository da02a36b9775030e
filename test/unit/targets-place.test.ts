// placeOf (src/model/targets.ts): the command wrapper claims the object a write acts on, and the access gate finds the
// vault and kind a command would act in, from targets as commands receive them. vaultsLocated: the vaults a
// reference names (the editor's lookups take the first, a run refuses more than one).
import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../src/azure/model';
import { placeOf, vaultsLocated, type ItemTarget, type NodeTarget, type VaultTarget } from '../../src/model/targets';

const vault: VaultTarget = { name: 'kv-app', vaultUrl: 'https://kv-app.vault.azure.net' };
const item: ItemTarget = { vault, kind: 'secret', name: 'db-password', version: 'abc' };

describe('targets: placeOf', () => {
  it('an item target: its vault, kind and name', () => {
    assert.deepEqual(placeOf(item), { vault, kind: 'secret', name: 'db-password' });
  });
  it('a tree row: item, group (kind, no name), vault (neither)', () => {
    assert.deepEqual(placeOf({ type: 'item', item } satisfies NodeTarget), { vault, kind: 'secret', name: 'db-password' });
    assert.deepEqual(placeOf({ type: 'group', vault, kind: 'key', deleted: false } satisfies NodeTarget), { vault, kind: 'key' });
    assert.deepEqual(placeOf({ type: 'vault', vault } satisfies NodeTarget), { vault });
  });
  it('a vault given alone', () => {
    assert.deepEqual(placeOf(vault), { vault });
  });
  it('nothing placeable: a subscription row, a string, undefined, a vault-like object without a URL', () => {
    assert.equal(placeOf({ type: 'subscription', subscription: { subscriptionId: 's', displayName: 'S', tenantId: 't' } }), undefined);
    assert.equal(placeOf('https://kv-app.vault.azure.net'), undefined);
    assert.equal(placeOf(undefined), undefined);
    assert.equal(placeOf({ vault: { name: 'x' }, kind: 'secret', name: 'n' }), undefined);
  });
});

describe('targets: vaultsLocated', () => {
  const armVault = (name: string, host: string, subscriptionId: string, resourceGroup: string): VaultTarget => ({
    name, vaultUrl: `https://${host}`, info: { subscriptionId, resourceGroup } as VaultInfo,
  });
  const prod = armVault('kv-app', 'kv-app.vault.azure.net', 'sub-prod', 'rg-app');
  const china = armVault('kv-app', 'kv-app.vault.azure.cn', 'sub-cn', 'RG-App');
  const attached: VaultTarget = { name: 'kv-other', vaultUrl: 'https://kv-other.vault.azure.net:443/', attached: true };
  const all = [prod, china, attached];

  it('by URL: the vault at that origin (port and trailing slash aside), at most one', () => {
    assert.deepEqual(vaultsLocated({ by: 'url', url: 'https://KV-OTHER.vault.azure.net/' }, all), [attached]);
    assert.deepEqual(vaultsLocated({ by: 'url', url: 'https://kv-app.vault.azure.net:8443' }, all), []);
  });
  it('by name: every vault of that name, narrowed by the subscription and resource group given', () => {
    assert.deepEqual(vaultsLocated({ by: 'name', name: 'KV-APP' }, all), [prod, china]);
    assert.deepEqual(vaultsLocated({ by: 'name', name: 'kv-app', subscriptionId: 'sub-cn' }, all), [china]);
    assert.deepEqual(vaultsLocated({ by: 'name', name: 'kv-app', resourceGroup: 'rg-app' }, all), [prod, china], 'resource group names compare case-insensitively');
    assert.deepEqual(vaultsLocated({ by: 'name', name: 'kv-app', subscriptionId: 'sub-none' }, all), [prod, china], 'no vault in that subscription: all of that name');
  });
  it('an attached vault is found by name too', () => {
    assert.deepEqual(vaultsLocated({ by: 'name', name: 'kv-other' }, all), [attached]);
  });
});
