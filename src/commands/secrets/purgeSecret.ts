import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { purgeItems } from '../items/lifecycle';
import { secretLifecycle } from './lifecycle';

/**
 * Purge: destroys a deleted secret for good, after a confirmation that requires typing its name. Refused
 * before any call when the vault has purge protection. Returns the purged names.
 */
export function purgeSecret(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  return purgeItems(services, secretLifecycle, node, nodes);
}
