import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { SubscriptionInfo } from '../azure/model';
import { CommandIds } from '../model/commandIds';
import type { Settings } from '../platform/settings';
import type { AttachedVaults } from '../platform/attachedVaults';
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
  private readonly accountEmitter = new vscode.EventEmitter<string | undefined>();
  /** Fires with the signed-in account's label (undefined: signed out) each time the roots load. */
  readonly onDidChangeAccount = this.accountEmitter.event;
  /** Every node handed out and still cached, by id: lets refreshes find a node by its target without a request. */
  private readonly known = new Map<string, TreeNode>();

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
    const children = node ? ((await node.getChildren?.()) ?? []) : await this.roots();
    for (const child of children) this.known.set(child.id, child);
    return children;
  }

  private async roots(): Promise<TreeNode[]> {
    this.accountPart ??= this.loadAccountPart();
    const attached = this.attached.list();
    return [...(await this.accountPart), ...(attached.length ? [new AttachedVaultsNode(attached, this.nodeContext)] : [])];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Refresh one node (drops its cached children) or, without an argument, everything. */
  refresh(node?: TreeNode): void {
    if (node) {
      node.reset?.();
      this.forgetBelow(node.id);
    } else {
      this.accountPart = undefined;
      this.known.clear();
    }
    this.changedEmitter.fire(node);
  }

  /** The attached vaults changed: re-read the roots without calling ARM again. */
  refreshAttached(): void {
    this.known.delete('attached');
    this.forgetBelow('attached');
    this.changedEmitter.fire(undefined);
  }

  /** Forgets the rows under `id` (their parent dropped its cached children). */
  private forgetBelow(id: string): void {
    for (const known of [...this.known.keys()]) if (known.startsWith(`${id}/`)) this.known.delete(known);
  }

  /** The cached nodes that satisfy `test` (no request). */
  knownNodes<T extends TreeNode>(test: (node: TreeNode) => node is T): T[] {
    return [...this.known.values()].filter(test);
  }

  dispose(): void {
    this.changedEmitter.dispose();
    this.accountEmitter.dispose();
  }

  private async loadAccountPart(): Promise<TreeNode[]> {
    const ctx = this.nodeContext;
    const cloud = ctx.session.cloud();
    if (!cloud.ok) {
      this.accountEmitter.fire(undefined);
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
    this.accountEmitter.fire(account?.label);
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
