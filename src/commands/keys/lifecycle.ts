// What the shared delete, recover and purge flows (../items/lifecycle) need for keys: the service calls.
import type { ItemLifecycle } from '../items/lifecycle';

export const keyLifecycle: ItemLifecycle = {
  kind: 'key',
  changes: ['key'],
  remove: (sdk, vaults, url, name, abortSignal) => sdk.keyOps.deleteKey(vaults, url, name, { abortSignal }),
  recover: (sdk, vaults, url, name, abortSignal) => sdk.keyOps.recoverKey(vaults, url, name, { abortSignal }),
  purge: (sdk, vaults, url, name, abortSignal) => sdk.keyOps.purgeKey(vaults, url, name, { abortSignal }),
};
