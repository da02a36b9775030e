import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Disable the key (current version, or the chosen version): crypto operations with it are refused until enabled. */
export function disableKey(services: Services, target: ItemTarget) {
  return setEnabled(services, target, false);
}
