import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { recoverItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Recover deleted key(s). */
export function recoverKey(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return recoverItems(services, keyLifecycle, node, nodes);
}
