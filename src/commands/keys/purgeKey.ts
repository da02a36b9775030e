import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { purgeItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Purge deleted key(s) for good (type the name; refused under purge protection). */
export function purgeKey(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return purgeItems(services, keyLifecycle, target, selection);
}
