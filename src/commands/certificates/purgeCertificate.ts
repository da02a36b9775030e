import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { purgeItems } from '../items/lifecycle';
import { certificateLifecycle } from './lifecycle';

/** Purge deleted certificate(s) for good (type the name; refused under purge protection). */
export function purgeCertificate(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return purgeItems(services, certificateLifecycle, target, selection);
}
