import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { deleteItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Soft-delete the selected key(s) after a confirmation. */
export function deleteKey(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return deleteItems(services, keyLifecycle, target, selection);
}
