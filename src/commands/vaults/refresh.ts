import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';

/** Refreshes one node, or the whole view from the title bar / palette. */
export function refresh(services: Services, node?: TreeNode): void {
  services.tree.refresh(node);
}
