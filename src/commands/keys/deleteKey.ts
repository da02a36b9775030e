import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { deleteItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Soft-delete the selected key(s) after a confirmation. */
export function deleteKey(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return deleteItems(services, keyLifecycle, node, nodes);
}
