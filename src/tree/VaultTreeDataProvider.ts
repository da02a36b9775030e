import * as vscode from 'vscode';
import type { AttachedVaults } from '../state/attachedVaults';
import { AttachedVaultNode } from './AttachedVaultNode';
import type { TreeNode } from './TreeNode';

/** Delegates to the nodes: the provider itself knows only the roots. */
export class VaultTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly attached: AttachedVaults) {}

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? await node.getChildren() : [];
    return this.attached.list().map((vault) => new AttachedVaultNode(vault));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Refresh one node (and its children) or, without an argument, the whole view. */
  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
