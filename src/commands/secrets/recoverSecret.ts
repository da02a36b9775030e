import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { recoverItems } from '../items/lifecycle';
import { secretLifecycle } from './lifecycle';

/** Recover: the selected deleted secret(s), or one picked from the palette. Returns the recovered names. */
export function recoverSecret(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  return recoverItems(services, secretLifecycle, node, nodes);
}
