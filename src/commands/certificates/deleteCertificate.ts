import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { deleteItems } from '../items/lifecycle';
import { certificateLifecycle } from './lifecycle';

/** Soft-delete the selected certificate(s) with their keys and secrets, after a confirmation. */
export function deleteCertificate(services: Services, target: ItemTarget, selection: readonly ItemTarget[]) {
  return deleteItems(services, certificateLifecycle, target, selection);
}
