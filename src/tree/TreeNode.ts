import type * as vscode from 'vscode';
import type { NodeTarget } from '../model/targets';

/** A node of the vaults view. Each node kind is a class that builds its own item and owns its children. */
export interface TreeNode {
  /** Stable hierarchical id (`tenant/{id}/sub/{id}/vault/{name}/secrets/{name}`, `attached/{url}`). */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(): TreeNode[] | Promise<TreeNode[]>;
  /** What the row stands for, in domain terms (commands receive this, never the node). */
  readonly target?: NodeTarget;
  /** Forget cached children (refresh). */
  reset?(): void;
}
