import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';

/** Refreshes one row, or the whole view from the title bar / palette. */
export function refresh(services: Services, node: TreeNode | undefined): void {
  if (node) services.view.refreshNode(node);
  else services.view.refreshAll();
}
