// What the shared delete, recover and purge flows (../items/lifecycle) need for secrets: the service calls (they
// wait with value-free polls) and the failures explained, with an "Enable" or "Recover" button where one fixes it.
import { deleteSecret, purgeSecret, recoverSecret } from '../../azure/secretOps';
import type { ItemLifecycle } from '../items/lifecycle';
import { explainFailure, secretFailure } from './errors';

export const secretLifecycle: ItemLifecycle = {
  kind: 'secret',
  changes: ['secret'],
  remove: (vaults, url, name, abortSignal) => deleteSecret(vaults, url, name, { abortSignal }),
  recover: (vaults, url, name, abortSignal) => recoverSecret(vaults, url, name, { abortSignal }),
  purge: (vaults, url, name) => purgeSecret(vaults, url, name),
  explain: (failure, operation, vault, name) => explainFailure(failure, { operation, vault, name }),
  fail: (services, error, operation, vault, name) => secretFailure(services, error, { operation, vault, name }),
};
