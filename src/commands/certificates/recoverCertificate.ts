import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { recoverItems } from '../items/lifecycle';
import { certificateLifecycle } from '../keys/lifecycle';

/** Recover deleted certificate(s) (with their keys and secrets). */
export function recoverCertificate(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return recoverItems(services, certificateLifecycle, node, nodes);
}
