import * as vscode from 'vscode';
import type { SubscriptionInfo } from '../azure/model';
import { MessageNode } from './MessageNode';
import { ParentNode } from './ParentNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VaultNode } from './VaultNode';
import type { NodeTarget } from '../model/targets';

/** An Azure subscription; its children are the key vaults ARM lists in it (one request per page of vaults). */
export class SubscriptionNode extends ParentNode {
  constructor(
    readonly subscription: SubscriptionInfo,
    parent: TreeNode | undefined,
    ctx: TreeContext,
  ) {
    super(`${parent ? `${parent.id}/` : `tenant/${subscription.tenantId}/`}sub/${subscription.subscriptionId}`, parent, ctx);
  }

  get target(): NodeTarget {
    return { type: 'subscription', subscription: this.subscription };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.subscription.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.tooltip = vscode.l10n.t('Subscription {0}\nID: {1}\nTenant: {2}', this.subscription.displayName, this.subscription.subscriptionId, this.subscription.tenantId);
    item.iconPath = new vscode.ThemeIcon('azure');
    item.contextValue = 'subscription';
    return item;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const { arm } = await this.ctx.clients.get();
    const vaults = await arm.listVaults(this.subscription);
    if (vaults.length === 0) return [new MessageNode(`${this.id}/none`, this, vscode.l10n.t('No key vaults in this subscription'), { icon: new vscode.ThemeIcon('info') })];
    return vaults.map((v) => new VaultNode({ name: v.name, vaultUrl: v.vaultUrl, info: v }, this, this.ctx));
  }
}
