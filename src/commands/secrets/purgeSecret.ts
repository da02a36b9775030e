import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { purgeItems } from '../items/lifecycle';
import { secretLifecycle } from './lifecycle';

/**
 * Purge: destroys a deleted secret for good, after a confirmation that requires typing its name. Refused
 * before any call when the vault has purge protection. Returns the purged names.
 */
export function purgeSecret(services: Services, target: ItemTarget, selection: readonly ItemTarget[]): Promise<string[]> {
  return purgeItems(services, secretLifecycle, target, selection);
}
