import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Enable the key (current version, or the chosen version). */
export function enableKey(services: Services, target: ItemTarget) {
  return setEnabled(services, target, true);
}
