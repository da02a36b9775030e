import type * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import { MessageNode } from './MessageNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';

/**
 * A node whose children come from a call: loaded once, cached until refresh, and a failure becomes one
 * message node (sign in / no access / retry) instead of an exception, so the rest of the tree keeps working.
 */
export abstract class ParentNode implements TreeNode {
  private children: Promise<TreeNode[]> | undefined;

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {}

  abstract getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  protected abstract loadChildren(): Promise<TreeNode[]>;

  getChildren(): Promise<TreeNode[]> {
    this.children ??= this.loadChildren().catch((error: unknown) => {
      const failure = classifyError(error);
      this.ctx.log.warn(`${this.id}: ${failure.code ?? failure.kind}: ${failure.message}`);
      return [MessageNode.forFailure(this, failure)];
    });
    return this.children;
  }

  reset(): void {
    this.children = undefined;
  }
}
