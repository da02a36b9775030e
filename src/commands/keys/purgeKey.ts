import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { purgeItems } from '../items/lifecycle';
import { keyLifecycle } from './lifecycle';

/** Purge deleted key(s) for good (type the name; refused under purge protection). */
export function purgeKey(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) {
  return purgeItems(services, keyLifecycle, node, nodes);
}
