import * as vscode from 'vscode';
import type { SubscriptionInfo, TenantInfo } from '../azure/model';
import { classifyError } from '../azure/errors';
import { CommandIds } from '../model/commandIds';
import { MessageNode } from './MessageNode';
import { ParentNode } from './ParentNode';
import { SubscriptionNode, TenantVaultListing } from './SubscriptionNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';

/** Keeps the subscriptions the user selected (empty selection: all). */
export type SubscriptionFilter = (subscription: SubscriptionInfo) => boolean;

/** A directory (tenant) of the signed-in account; shown only when the account has more than one. */
export class TenantNode extends ParentNode {
  constructor(
    readonly tenant: TenantInfo,
    parent: TreeNode | undefined,
    ctx: TreeContext,
    private readonly filter: SubscriptionFilter,
  ) {
    super(`tenant/${tenant.tenantId}`, parent, ctx);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.tenant.displayName ?? this.tenant.tenantId, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.tenant.defaultDomain;
    item.tooltip = vscode.l10n.t('Directory {0}\nTenant ID: {1}', this.tenant.displayName ?? '', this.tenant.tenantId);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'tenant';
    return item;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    return subscriptionChildren(this, this.ctx, this.tenant, this.filter);
  }
}

/**
 * The subscriptions of one tenant as nodes, sharing one listing of their vaults (TenantVaultListing), or a node that
 * signs in to that tenant when it needs its own sign-in. Called again on refresh: a new listing each time.
 */
export async function subscriptionChildren(parent: TreeNode | undefined, ctx: TreeContext, tenant: TenantInfo, filter: SubscriptionFilter): Promise<TreeNode[]> {
  const { arm } = await ctx.clients.get();
  let subscriptions: SubscriptionInfo[];
  try {
    subscriptions = await arm.listSubscriptions(tenant.tenantId);
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind !== 'signIn') throw error;
    // MFA, conditional access or a guest directory: this tenant needs its own sign-in.
    const idBase = parent?.id ?? `tenant/${tenant.tenantId}`;
    return [
      new MessageNode(`${idBase}/signIn`, parent, vscode.l10n.t('Sign in to {0}…', tenant.displayName ?? tenant.tenantId), {
        tooltip: vscode.l10n.t('This directory needs its own sign-in (multi-factor authentication or guest access).\n{0}', failure.message),
        icon: new vscode.ThemeIcon('sign-in'),
        command: { command: CommandIds.signInToTenant, title: vscode.l10n.t('Sign in'), arguments: [tenant.tenantId] },
        contextValue: 'message;signInTenant',
      }),
    ];
  }
  const shown = subscriptions.filter(filter).sort((a, b) => a.displayName.localeCompare(b.displayName));
  if (shown.length === 0) {
    const idBase = parent?.id ?? `tenant/${tenant.tenantId}`;
    const hidden = subscriptions.length - shown.length;
    return [
      new MessageNode(`${idBase}/none`, parent, hidden ? vscode.l10n.t('{0} subscription(s) hidden by the filter — Select Subscriptions…', hidden) : vscode.l10n.t('No subscriptions in this directory'), {
        icon: new vscode.ThemeIcon('info'),
        ...(hidden ? { command: { command: CommandIds.selectSubscriptions, title: vscode.l10n.t('Select Subscriptions') } } : {}),
      }),
    ];
  }
  // One listing for the vaults of every subscription shown here (one Resource Graph query when the first expands).
  const vaults = new TenantVaultListing(ctx, shown);
  return shown.map((s) => new SubscriptionNode(s, parent, ctx, vaults));
}
