import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { purgeItems } from '../items/lifecycle';
import { certificateLifecycle } from '../keys/lifecycle';

/** Purge deleted certificate(s) for good (type the name; refused under purge protection). */
export function purgeCertificate(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return purgeItems(services, certificateLifecycle, node, nodes);
}
