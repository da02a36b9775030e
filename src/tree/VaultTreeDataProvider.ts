import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { SubscriptionInfo } from '../azure/model';
import { CommandIds } from '../commands/ids';
import type { Settings } from '../settings';
import type { AttachedVaults } from '../state/attachedVaults';
import { AttachedVaultsNode } from './AttachedVaultsNode';
import { MessageNode } from './MessageNode';
import { subscriptionChildren, TenantNode } from './TenantNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';

/**
 * The vaults view. It owns only the roots (the account's tenants or subscriptions, and "Attached Vaults");
 * every other node loads and caches its own children.
 */
export class VaultTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  /** The account's part of the roots (tenants or subscriptions); attached vaults are rebuilt on their own. */
  private accountPart: Promise<TreeNode[]> | undefined;
  /** Told when the signed-in account is known (view description, welcome content). */
  onAccount: (label: string | undefined) => void = () => undefined;

  /** The context handed to nodes. */
  readonly nodeContext: TreeContext;

  constructor(
    ctx: Omit<TreeContext, 'changed'>,
    private readonly attached: AttachedVaults,
    private readonly settings: Settings,
  ) {
    this.nodeContext = { ...ctx, changed: (node) => this.changedEmitter.fire(node) };
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? await node.getChildren() : [];
    this.accountPart ??= this.loadAccountPart();
    const attached = this.attached.list();
    return [...(await this.accountPart), ...(attached.length ? [new AttachedVaultsNode(attached, this.nodeContext)] : [])];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Refresh one node (drops its cached children) or, without an argument, everything. */
  refresh(node?: TreeNode): void {
    if (node) node.reset?.();
    else this.accountPart = undefined;
    this.changedEmitter.fire(node);
  }

  /** The attached vaults changed: re-read the roots without calling ARM again. */
  refreshAttached(): void {
    this.changedEmitter.fire(undefined);
  }

  dispose(): void {
    this.changedEmitter.dispose();
  }

  private async loadAccountPart(): Promise<TreeNode[]> {
    const ctx = this.nodeContext;
    const cloud = ctx.session.cloud();
    if (!cloud.ok) {
      this.onAccount(undefined);
      return [
        new MessageNode('cloud/error', undefined, vscode.l10n.t('{0} — Open Settings', cloud.reason), {
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
          command: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: ['azureKeyVault.cloud'] },
        }),
      ];
    }
    const account = await ctx.session.account().catch((error: unknown) => {
      ctx.log.warn(`account: ${classifyError(error).message}`);
      return undefined;
    });
    this.onAccount(account?.label);
    if (!account) return []; // with no attached vault the tree is empty: the view shows its sign-in welcome
    return this.accountRoots();
  }

  private async accountRoots(): Promise<TreeNode[]> {
    const ctx = this.nodeContext;
    try {
      const { arm } = await ctx.clients.get();
      const tenants = await arm.listTenants();
      const selected = this.settings.subscriptions();
      const filter = (s: SubscriptionInfo) => selected.length === 0 || selected.includes(s.subscriptionId);
      if (tenants.length === 1) return await subscriptionChildren(undefined, ctx, tenants[0]!, filter);
      return tenants.map((t) => new TenantNode(t, undefined, ctx, filter));
    } catch (error) {
      const failure = classifyError(error);
      ctx.log.warn(`tenants: ${failure.code ?? failure.kind}: ${failure.message}`);
      return [
        new MessageNode('account/error', undefined, vscode.l10n.t('{0} — Retry', failure.message), {
          tooltip: failure.action,
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
          command: { command: CommandIds.refresh, title: vscode.l10n.t('Retry') },
        }),
      ];
    }
  }
}
