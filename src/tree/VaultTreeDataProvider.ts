import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { SubscriptionInfo } from '../azure/model';
import type { ListedPage } from '../azure/referenceLookup';
import { CommandIds } from '../model/commandIds';
import type { Settings } from '../platform/settings';
import type { AttachedVaults } from '../platform/attachedVaults';
import { AttachedVaultsNode } from './AttachedVaultsNode';
import { ItemGroupNode } from './ItemGroupNode';
import { ItemNode } from './ItemNode';
import { MessageNode } from './MessageNode';
import type { PagedNode } from './PagedNode';
import { subscriptionChildren, TenantNode } from './TenantNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VaultNode } from './VaultNode';
import { VersionNode } from './VersionNode';

/**
 * The vaults view. It owns only the roots (the account's tenants or subscriptions, and "Attached Vaults");
 * every other node loads and caches its own children.
 *
 * Two kinds of change: a redraw (`onDidChangeTreeData` alone: a page appended, a filter set — the data did not
 * change) and a reload (`refresh`: cached children dropped and read again, also announced on `onDidReload`).
 * Caches of vault data (reference lookups) follow reloads only. Rows keep their TreeItem; markdown tooltips are
 * built on hover (`resolveTreeItem`).
 */
export class VaultTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private readonly reloadEmitter = new vscode.EventEmitter<TreeNode | 'attached' | undefined>();
  /**
   * A node's data is read again (undefined: everything; 'attached': the list of attached vaults): what was cached of
   * it may be stale. Never fired on a redraw.
   */
  readonly onDidReload = this.reloadEmitter.event;
  private readonly listedEmitter = new vscode.EventEmitter<ListedPage>();
  /** A listing page the tree loaded (of the listing it shows): reference lookups take it in. */
  readonly onDidListPage = this.listedEmitter.event;
  /** The account's part of the roots (tenants or subscriptions); attached vaults are rebuilt on their own. */
  private accountPart: Promise<TreeNode[]> | undefined;
  private readonly accountEmitter = new vscode.EventEmitter<string | undefined>();
  /** Fires with the signed-in account's label (undefined: signed out) each time the roots load. */
  readonly onDidChangeAccount = this.accountEmitter.event;
  /**
   * The children handed out, by parent id ('' for the roots) and still cached: lets refreshes find a node by its
   * target without a request. One entry per listing read (not per row), so re-reading a long listing costs nothing here.
   */
  private readonly known = new Map<string, readonly TreeNode[]>();

  /** The context handed to nodes. */
  readonly nodeContext: TreeContext;

  constructor(
    ctx: Omit<TreeContext, 'changed' | 'listed'>,
    private readonly attached: AttachedVaults,
    private readonly settings: Settings,
  ) {
    this.nodeContext = { ...ctx, changed: (node) => this.changedEmitter.fire(node), listed: (page) => this.listedEmitter.fire(page) };
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  /** On hover: the tooltip a row builds only then (markdown, see TreeNode.tooltip); kept on the row's TreeItem. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (item.tooltip === undefined && node.tooltip) item.tooltip = node.tooltip();
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = node ? ((await node.getChildren?.()) ?? []) : await this.roots();
    this.known.set(node?.id ?? '', children);
    return children;
  }

  /**
   * The rows a paged listing shows, those folded into ranges too (RangeNode.ts): read as VS Code reads the listing
   * (its first page loaded if need be, its children registered), then every row the filter lets through.
   */
  async rowsOf(node: PagedNode<unknown>): Promise<readonly TreeNode[]> {
    await this.getChildren(node);
    return node.shownRows();
  }

  private async roots(): Promise<TreeNode[]> {
    this.accountPart ??= this.loadAccountPart();
    const attached = this.attached.list();
    return [...(await this.accountPart), ...(attached.length ? [new AttachedVaultsNode(attached, this.nodeContext)] : [])];
  }

  /** The row a node is drawn under: its parent, or the range of its parent's listing it is in (RangeNode.ts). */
  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent?.parentOf?.(node) ?? node.parent;
  }

  /** Refresh one node (drops its cached children) or, without an argument, everything. */
  refresh(node?: TreeNode): void {
    if (node) {
      node.reset?.();
      this.forgetBelow(node.id);
    } else {
      this.accountPart = undefined;
      this.forgetBelow(undefined);
    }
    this.reloadEmitter.fire(node);
    this.changedEmitter.fire(node);
  }

  /** The attached vaults changed: re-read the roots without calling ARM again. */
  refreshAttached(): void {
    const roots = this.known.get('') ?? [];
    this.known.set('', roots.filter((n) => n.id !== 'attached'));
    this.forgetBelow('attached');
    this.reloadEmitter.fire('attached');
    this.changedEmitter.fire(undefined);
  }

  /**
   * Forgets the rows under `id` (everything when undefined): their parent dropped its cached children. Each is reset
   * too, so a page still in flight for a row no longer shown is dropped when it lands (never offered as fresh data).
   */
  private forgetBelow(id: string | undefined): void {
    for (const [parent, children] of [...this.known]) {
      if (id !== undefined && parent !== id && !parent.startsWith(`${id}/`)) continue;
      this.known.delete(parent);
      for (const child of children) child.reset?.();
    }
  }

  /**
   * The workspace index changed: item and version rows whose usage (pin) count changed are drawn again (only those), and groups with
   * a usage filter list their rows again (from what is loaded: no request).
   */
  usageChanged(): void {
    for (const group of this.knownNodes((n): n is ItemGroupNode => n instanceof ItemGroupNode)) {
      if (group.usageFilter) {
        group.usageChanged();
        this.changedEmitter.fire(group);
      }
    }
    for (const node of this.knownNodes((n): n is ItemNode => n instanceof ItemNode)) {
      if (node.usageChanged()) {
        node.redraw();
        this.changedEmitter.fire(node);
      }
    }
    // Version rows redraw themselves when their pin count changed (getTreeItem compares); only those are fired.
    for (const node of this.knownNodes((n): n is VersionNode => n instanceof VersionNode)) {
      if (node.usageChanged()) this.changedEmitter.fire(node);
    }
  }

  /**
   * A vault's access verdict changed (undefined: every verdict was dropped): its rows are drawn again with their new
   * commands and locks (no new check: the verdict is already known).
   */
  accessChanged(vaultUrl: string | undefined): void {
    for (const node of this.vaultNodes(vaultUrl)) {
      node.accessChanged();
      this.forgetBelow(node.id);
      this.reloadEmitter.fire(node);
      this.changedEmitter.fire(node);
    }
  }

  /** Only a vault's network verdict changed: its row is drawn again (the tooltip's *Your access*), nothing below it. */
  networkChanged(vaultUrl: string): void {
    for (const node of this.vaultNodes(vaultUrl)) {
      node.redraw();
      this.changedEmitter.fire(node);
    }
  }

  /** The cached rows of a vault (its URL in lower case, no trailing slash), or of every vault. */
  private vaultNodes(vaultUrl: string | undefined): VaultNode[] {
    return this.knownNodes((n): n is VaultNode => n instanceof VaultNode).filter((node) => vaultUrl === undefined || node.vault.vaultUrl.replace(/\/+$/, '').toLowerCase() === vaultUrl);
  }

  /** The cached nodes that satisfy `test` (no request). */
  knownNodes<T extends TreeNode>(test: (node: TreeNode) => node is T): T[] {
    return [...this.known.values()].flatMap((children) => children.filter(test));
  }

  dispose(): void {
    this.changedEmitter.dispose();
    this.reloadEmitter.dispose();
    this.listedEmitter.dispose();
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
