import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { recoverItems } from '../items/lifecycle';
import { certificateLifecycle } from './lifecycle';

/** Recover deleted certificate(s) (with their keys and secrets). */
export function recoverCertificate(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return recoverItems(services, certificateLifecycle, target, selection);
}
