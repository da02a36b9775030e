import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { setEnabled } from '../items/setEnabled';

/** Disable: a secret (its latest version) or the selected version; its value can't be read until enabled. */
export function disableSecret(services: Services, target: ItemTarget): Promise<unknown> {
  return setEnabled(services, target, false);
}
