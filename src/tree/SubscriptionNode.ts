import * as vscode from 'vscode';
import type { SubscriptionInfo, SubscriptionVaults, VaultInfo } from '../azure/model';
import { MessageNode } from './MessageNode';
import { ParentNode } from './ParentNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VaultNode } from './VaultNode';
import type { NodeTarget } from '../model/targets';

/**
 * The vaults of the subscriptions shown under one tenant, listed together when the first of them expands
 * (ArmClient.listVaultsAcross: one Resource Graph query for the tenant, in flight once) and kept until the tenant's
 * children load again (refresh): expanding the other subscriptions costs no request. Owned by the node that made
 * the subscription nodes (subscriptionChildren).
 */
export class TenantVaultListing {
  private listing: Promise<Map<string, SubscriptionVaults>> | undefined;

  constructor(
    private readonly ctx: TreeContext,
    private readonly subscriptions: readonly SubscriptionInfo[],
  ) {}

  /** The subscription's vaults or why they could not be listed; undefined for a subscription not in this listing. */
  async of(subscription: SubscriptionInfo): Promise<SubscriptionVaults | undefined> {
    this.listing ??= this.load().catch((error: unknown) => {
      this.listing = undefined; // a failure (no client yet: sign-in) is not kept
      throw error;
    });
    return (await this.listing).get(subscription.subscriptionId.toLowerCase());
  }

  private async load(): Promise<Map<string, SubscriptionVaults>> {
    const { arm } = await this.ctx.clients.get();
    const results = await arm.listVaultsAcross(this.subscriptions);
    return new Map(results.map((r) => [r.subscription.subscriptionId.toLowerCase(), r]));
  }
}

/**
 * An Azure subscription; its children are its key vaults. Under a tenant they come from the tenant's shared
 * listing (TenantVaultListing); once the subscription itself is refreshed, from ARM for this subscription alone
 * (`vaults.listBySubscription`: one request per page of vaults, and never Resource Graph's indexing delay).
 */
export class SubscriptionNode extends ParentNode {
  constructor(
    readonly subscription: SubscriptionInfo,
    parent: TreeNode | undefined,
    ctx: TreeContext,
    private shared?: TenantVaultListing,
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

  override reset(): void {
    super.reset();
    this.shared = undefined;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const listed = await this.shared?.of(this.subscription);
    let vaults: VaultInfo[];
    if (listed === undefined) {
      const { arm } = await this.ctx.clients.get();
      vaults = await arm.listVaults(this.subscription);
    } else if (!listed.ok) {
      this.ctx.log.warn(`${this.id}: ${listed.failure.code ?? listed.failure.kind}: ${listed.failure.message}`);
      return [MessageNode.forFailure(this, listed.failure)];
    } else {
      vaults = listed.vaults;
    }
    if (vaults.length === 0) return [new MessageNode(`${this.id}/none`, this, vscode.l10n.t('No key vaults in this subscription'), { icon: new vscode.ThemeIcon('info') })];
    return vaults.map((v) => new VaultNode({ name: v.name, vaultUrl: v.vaultUrl, info: v }, this, this.ctx));
  }
}
