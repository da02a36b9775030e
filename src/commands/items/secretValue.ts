import type { SecretValue } from '../../azure/secretOps';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { setEnabled } from '../items/setEnabled';

/** Reads the value the user asked for (latest, or the target's version); explains failures (Enable button). */
export function readSecretValue(services: Services, target: ItemTarget): Promise<SecretValue> {
  const { vault, name, version } = target;
  return request(services, { kind: 'secret', operation: 'read', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.getSecretValue(vaults, url, name, version, options), {
    enable: () => setEnabled(services, target, true),
  });
}
