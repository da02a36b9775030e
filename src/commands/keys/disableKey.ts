import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { setEnabled } from './lifecycle';

/** Disable the key (current version, or the chosen version): crypto operations with it are refused until enabled. */
export function disableKey(services: Services, node?: TreeNode) {
  return setEnabled(services, 'key', false, node);
}
