import { getSecretValue, type SecretValue } from '../../azure/secretOps';
import type { Services } from '../../services';
import type { ItemTarget } from '../targets';
import { vaultClients } from '../items/common';
import { secretFailure } from './errors';
import { setSecretEnabled } from './setEnabled';

/** Reads the value the user asked for (latest, or the target's version); explains failures (Enable button). */
export async function readSecretValue(services: Services, target: ItemTarget): Promise<SecretValue> {
  const vaults = await vaultClients(services);
  try {
    return await getSecretValue(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    return secretFailure(services, error, { operation: 'read', vault: target.vault, name: target.name }, {
      enable: () => setSecretEnabled(services, target, true),
    });
  }
}
