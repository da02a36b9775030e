import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { recoverItems } from './lifecycle';

/** Recover deleted key(s). */
export function recoverKey(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return recoverItems(services, 'key', node, nodes);
}
