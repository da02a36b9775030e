import type * as vscode from 'vscode';
import type { NodeTarget } from '../model/targets';

/** A node of the vaults view. Each node kind is a class that builds its own item and owns its children. */
export interface TreeNode {
  /** Stable hierarchical id (`tenant/{id}/sub/{id}/vault/{name}/secrets/{name}`, `attached/{url}`). */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  /**
   * The row as VS Code draws it: built once and kept (the same object every time), rebuilt only when the node's
   * own data changes, so re-reading a listing (Load more…) costs no row a rebuild.
   */
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  /** A tooltip too costly to build for every row (markdown): built on hover (the provider's resolveTreeItem). */
  tooltip?(): string | vscode.MarkdownString;
  getChildren?(): TreeNode[] | Promise<TreeNode[]>;
  /** What the row stands for, in domain terms (commands receive this, never the node). */
  readonly target?: NodeTarget;
  /** The row a child is drawn under when it is not this node (a range of a long listing, see RangeNode.ts). */
  parentOf?(child: TreeNode): TreeNode;
  /** Forget cached children (refresh). */
  reset?(): void;
}
