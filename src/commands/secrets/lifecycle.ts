// What the shared delete, recover and purge flows (../items/lifecycle) need for secrets: the service calls (they
// wait with value-free polls). The shared failures module explains their failures; secrets add no button there.
import type { ItemLifecycle } from '../items/lifecycle';

export const secretLifecycle: ItemLifecycle = {
  kind: 'secret',
  changes: ['secret'],
  remove: (sdk, vaults, url, name, abortSignal) => sdk.secretOps.deleteSecret(vaults, url, name, { abortSignal }),
  recover: (sdk, vaults, url, name, abortSignal) => sdk.secretOps.recoverSecret(vaults, url, name, { abortSignal }),
  purge: (sdk, vaults, url, name, abortSignal) => sdk.secretOps.purgeSecret(vaults, url, name, { abortSignal }),
};
