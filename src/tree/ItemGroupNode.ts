import * as vscode from 'vscode';
import type { ItemProperties, ObjectKind, Page } from '../azure/model';
import { groupUri } from '../presentation/uris';
import { addState, emptyRollup, type Rollup } from '../presentation/rollup';
import { itemState } from '../presentation/format';
import { ItemNode } from './ItemNode';
import { groupLabel, groupTooltip, kindLabels } from '../model/kindWords';
import { PagedNode } from './PagedNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import type { VaultNode } from './VaultNode';
import type { NodeTarget } from '../model/targets';
import { lockItem, lockReason, withAccess } from './access';


/** The usage filter of a group (Show Only Referenced / Show Unreferenced). */
export type UsageFilter = 'referenced' | 'unreferenced';

/** "Secrets", "Keys" or "Certificates" of a vault: a paged listing (first page = one request). */
export class ItemGroupNode extends PagedNode<ItemProperties> {
  private usageFilterValue: UsageFilter | undefined;
  /** The roll-up of the rows counted so far (`nodes`: the listing they belong to; a refresh starts another). */
  private rolled: { nodes: readonly TreeNode[]; count: number; rollup: Rollup } | undefined;

  constructor(
    readonly kind: ObjectKind,
    readonly vaultNode: VaultNode,
    ctx: TreeContext,
  ) {
    super(`${vaultNode.id}/${kindLabels[kind].segment}`, vaultNode, ctx);
  }

  get target(): NodeTarget {
    return { type: 'group', vault: this.vaultNode.vault, kind: this.kind, deleted: false };
  }

  protected buildTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(groupLabel(this.kind), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(kindLabels[this.kind].icon);
    const usage = this.usageFilterValue === 'referenced' ? vscode.l10n.t('referenced only') : this.usageFilterValue === 'unreferenced' ? vscode.l10n.t('unreferenced only') : undefined;
    const parts = [this.filter ? vscode.l10n.t('filter: {0}*', this.filter) : undefined, usage];
    if (parts.some(Boolean)) item.description = parts.filter(Boolean).join(' · ');
    const facets = ['group', this.kind, ...(this.filter || this.usageFilterValue ? ['filtered'] : []), ...(this.usageFilterValue ? [this.usageFilterValue] : [])];
    item.contextValue = withAccess(this.ctx, this.vaultNode.vault.vaultUrl, facets, this.kind);
    item.resourceUri = groupUri(this.id, this.vaultNode.vault.vaultUrl, this.kind);
    // A tooltip of its own: without one VS Code shows the resource URI (an internal id).
    item.tooltip = groupTooltip(this.kind, this.vaultNode.vault.name);
    const locked = this.locked();
    if (locked) lockItem(item, locked);
    return item;
  }

  /** Why the user may not list this group, when the vault's access verdict says so (then nothing is requested). */
  locked(): string | undefined {
    return lockReason(this.ctx, this.vaultNode.vault.vaultUrl, this.kind, 'list');
  }

  /** Show Only Referenced / Show Unreferenced (undefined: every row); rows whose usage is not known yet are shown. */
  get usageFilter(): UsageFilter | undefined {
    return this.usageFilterValue;
  }

  set usageFilter(value: UsageFilter | undefined) {
    this.usageFilterValue = value;
    this.filtersChanged();
  }

  /** The workspace index changed: the rows the usage filter lets through may too. */
  usageChanged(): void {
    if (this.usageFilterValue) this.filtersChanged();
  }

  protected override rowTest(): ((node: TreeNode) => boolean) | undefined {
    const wanted = this.usageFilterValue;
    if (!wanted) return undefined;
    return (node) => {
      if (!(node instanceof ItemNode)) return true;
      const count = node.usage();
      return count === undefined || (wanted === 'referenced' ? count > 0 : count === 0);
    };
  }

  /**
   * Expiry states of every loaded item, whatever the filter (those a certificate manages excluded: the certificate
   * stands for them, and their rows are not coloured), for the decorations of this group and its vault. Reported on
   * every listing (the provider keeps the last known roll-up); computed from what is loaded: no extra request.
   * Counted as pages come (each row once), not again over every row on each page.
   */
  override async getChildren(): Promise<TreeNode[]> {
    if (this.locked()) return [];
    const children = await super.getChildren();
    // The decorations of this group and its vault follow (no row is re-rendered: see src/presentation/uris.ts).
    this.ctx.expiryLoaded(this.vaultNode.vault.vaultUrl, this.kind, this.rollup(), !this.hasMore);
    return children;
  }

  private rollup(): Rollup {
    const nodes = this.loadedNodes;
    if (this.rolled?.nodes !== nodes) this.rolled = { nodes, count: 0, rollup: emptyRollup };
    const now = this.ctx.now();
    const days = this.ctx.expiryWarningDays();
    let { rollup } = this.rolled;
    for (let i = this.rolled.count; i < nodes.length; i++) {
      const n = nodes[i];
      if (n instanceof ItemNode && !n.item.managed) rollup = addState(rollup, itemState(n.item, now, days));
    }
    this.rolled = { nodes, count: nodes.length, rollup };
    return rollup;
  }

  protected async fetchPage(continuationToken: string | undefined, abortSignal: AbortSignal): Promise<Page<ItemProperties>> {
    const { vaults } = await this.ctx.clients.get();
    const page = await vaults.listItems(this.vaultNode.vault.vaultUrl, this.kind, { continuationToken, pageSize: this.ctx.pageSize(), abortSignal });
    // One page sorted (the service lists in name order already): never the whole listing again.
    return { ...page, items: [...page.items].sort((a, b) => a.name.localeCompare(b.name)) };
  }

  protected override pageLoaded(requestToken: string | undefined, page: Page<ItemProperties>): void {
    this.ctx.listed({ vaultUrl: this.vaultNode.vault.vaultUrl, of: { kind: this.kind }, requestToken, page });
  }

  protected toNode(item: ItemProperties): TreeNode & { name: string } {
    return new ItemNode(item, this, this.ctx);
  }
}
