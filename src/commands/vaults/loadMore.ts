import * as vscode from 'vscode';
import type { Services } from '../services';
import { LoadMoreNode } from '../tree/PagedNode';
import type { TreeNode } from '../tree/TreeNode';

/** "Load more…": fetches the next page of the listing it ends. */
export async function loadMore(_services: Services, node?: TreeNode): Promise<void> {
  if (!(node instanceof LoadMoreNode)) throw new Error(vscode.l10n.t('Load more works on the "Load more…" entry of a listing.'));
  await node.parent.loadMore();
}
