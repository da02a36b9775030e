// What the shared delete, recover and purge flows (../items/lifecycle) need for keys: the service calls.
import type { ItemLifecycle } from '../items/lifecycle';

export const keyLifecycle: ItemLifecycle = {
  kind: 'key',
  changes: ['key'],
  remove: (sdk, vaults, url, name) => sdk.keyOps.deleteKey(vaults, url, name),
  recover: (sdk, vaults, url, name) => sdk.keyOps.recoverKey(vaults, url, name),
  purge: (sdk, vaults, url, name) => sdk.keyOps.purgeKey(vaults, url, name),
};
