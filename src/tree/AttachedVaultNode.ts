import * as vscode from 'vscode';
import type { VaultAddress } from '../azure/vaultUrl';
import type { TreeNode } from './TreeNode';

/** A vault the user attached by URL (reachable through the data plane even without ARM read rights). */
export class AttachedVaultNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly vault: VaultAddress,
    readonly parent: TreeNode | undefined = undefined,
  ) {
    this.id = `attached/${vault.url}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.vault.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.vault.host;
    item.tooltip = new vscode.MarkdownString(`**${this.vault.name}** (attached by URL)\n\n${this.vault.url}`);
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = 'vault;attached';
    return item;
  }
}
