import * as vscode from 'vscode';
import type { VaultAddress } from '../azure/vaultUrl';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VaultNode } from './VaultNode';

/** "Attached Vaults": vaults added by URL, reached through the data plane only (no ARM call at all). */
export class AttachedVaultsNode implements TreeNode {
  readonly id = 'attached';
  readonly parent = undefined;
  private children: VaultNode[] | undefined;
  private treeItem: vscode.TreeItem | undefined;

  constructor(
    private readonly vaults: readonly VaultAddress[],
    private readonly ctx: TreeContext,
  ) {}

  getTreeItem(): vscode.TreeItem {
    if (this.treeItem) return this.treeItem;
    const item = new vscode.TreeItem(vscode.l10n.t('Attached Vaults'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('plug');
    item.tooltip = vscode.l10n.t('Vaults you attached by URL');
    item.contextValue = 'attachedVaults';
    return (this.treeItem = item);
  }

  getChildren(): VaultNode[] {
    this.children ??= this.vaults.map((v) => new VaultNode({ name: v.name, vaultUrl: v.url }, this, this.ctx, true));
    return this.children;
  }

  reset(): void {
    this.children = undefined;
  }
}
