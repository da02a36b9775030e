import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { recoverItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Recover deleted key(s). */
export function recoverKey(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return recoverItems(services, keyLifecycle, target, selection);
}
