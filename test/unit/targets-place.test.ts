// placeOf (src/model/targets.ts): the command wrapper claims the object a write acts on, and the access gate finds the
// vault and kind a command would act in, from targets as commands receive them.
import * as assert from 'node:assert/strict';
import { placeOf, type ItemTarget, type NodeTarget, type VaultTarget } from '../../src/model/targets';

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
