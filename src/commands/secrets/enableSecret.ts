import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Enable: a secret (its latest version) or the selected version. */
export function enableSecret(services: Services, target: ItemTarget): Promise<unknown> {
  return setEnabled(services, target, true);
}
