import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { setEnabled } from './lifecycle';

/** Enable the key (current version, or the chosen version). */
export function enableKey(services: Services, node?: TreeNode) {
  return setEnabled(services, 'key', true, node);
}
