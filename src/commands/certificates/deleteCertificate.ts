import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { deleteItems } from '../items/lifecycle';
import { certificateLifecycle } from '../keys/lifecycle';

/** Soft-delete the selected certificate(s) with their keys and secrets, after a confirmation. */
export function deleteCertificate(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return deleteItems(services, certificateLifecycle, node, nodes);
}
