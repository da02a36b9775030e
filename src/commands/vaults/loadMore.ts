import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';

/** "Load more…": fetches the next page of the listing it ends. */
export async function loadMore(services: Services, node: TreeNode | undefined): Promise<void> {
  if (!node || !(await services.view.loadMore(node))) throw new Error(vscode.l10n.t('Load more works on the "Load more…" entry of a listing.'));
}
