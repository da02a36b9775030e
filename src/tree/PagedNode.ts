import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { Page } from '../azure/model';
import { CommandIds } from '../model/commandIds';
import { MessageNode } from './MessageNode';
import { nameOf, RowRanges } from './RangeNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';

/** The "Load more…" row at the end of a paged listing. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;
  private item: vscode.TreeItem | undefined;

  constructor(readonly parent: PagedNode<unknown>) {
    this.id = `${parent.id}/more`;
  }

  getTreeItem(): vscode.TreeItem {
    if (this.item) return this.item;
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: CommandIds.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] };
    item.contextValue = 'loadMore';
    return (this.item = item);
  }
}

/**
 * A node listing a paged collection: the first page after one round trip, then "Load more…" while the service
 * returns a continuation token. Pages already shown stay cached until refresh. A refresh starts a new generation:
 * a page still in flight from before it (a first page or a "Load more…") is dropped when it lands, never shown or
 * appended to the new listing.
 *
 * Large listings stay linear: a page is appended to the nodes already made (no copy, no re-sort), each row keeps
 * its TreeItem (built once, see TreeNode.getTreeItem) and builds its markdown tooltip only on hover, so a
 * "Load more…" builds the new rows only; past RANGE_SIZE rows the rows fold into ranges (RangeNode.ts), so what VS
 * Code reads again after a page is bounded too.
 */
export abstract class PagedNode<T> implements TreeNode {
  private loaded: { readonly nodes: TreeNode[]; token: string | undefined; failure?: MessageNode } | undefined;
  /** This row's TreeItem (built once; dropped when the filter or the listing changes). */
  private treeItem: vscode.TreeItem | undefined;
  private moreRow: LoadMoreNode | undefined;
  private prefix: string | undefined;
  /** The ranges long listings show their rows in. */
  private readonly ranges = new RowRanges(this);
  /** The fetch in flight for the current generation (a reset forgets it). */
  private pending: Promise<void> | undefined;
  /** Bumped by every reset: a fetch of an older generation discards its result. */
  private generation = 0;
  /** Aborts the requests of the current generation (a reset cancels what is in flight). */
  private inFlight = new AbortController();
  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {}

  /** Builds this row's TreeItem (getTreeItem keeps it). */
  protected abstract buildTreeItem(): vscode.TreeItem;
  protected abstract fetchPage(continuationToken: string | undefined, abortSignal: AbortSignal): Promise<Page<T>>;
  protected abstract toNode(item: T): TreeNode & { readonly name?: string };
  /** A page of the current generation was loaded (`requestToken`: what it was asked with; undefined for the first). */
  protected pageLoaded(_requestToken: string | undefined, _page: Page<T>): void {}

  getTreeItem(): vscode.TreeItem {
    return (this.treeItem ??= this.buildTreeItem());
  }

  /** Name prefix filter (case-insensitive), set by the Filter… command. */
  get filter(): string | undefined {
    return this.prefix;
  }

  set filter(prefix: string | undefined) {
    this.prefix = prefix;
    this.filtersChanged();
  }

  /** A filter changed (or what it decides on, such as usage counts): the row says it again, ranges are cut again. */
  protected filtersChanged(): void {
    this.treeItem = undefined;
    this.ranges.clear();
  }

  /** The row is built again on the next read (what it shows changed: a usage count). Drops no data. */
  redraw(): void {
    this.treeItem = undefined;
  }

  /** A filter besides the name prefix (ItemGroupNode: the usage filter); undefined: none (no copy of the listing). */
  protected rowTest(): ((node: TreeNode) => boolean) | undefined {
    return undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    // A reset while the first page loads drops that page: load again, for the new generation.
    while (!this.loaded) await this.load();
    const { token, failure } = this.loaded;
    const rows = this.ranges.layout(this.shownRows());
    const last = failure ?? (token ? (this.moreRow ??= new LoadMoreNode(this)) : undefined);
    if (last) rows.push(last);
    return rows;
  }

  /** The rows loaded so far that the filter lets through, in order, ranges or not (no request). */
  shownRows(): readonly TreeNode[] {
    const nodes = this.loaded?.nodes ?? [];
    const prefix = this.filter?.toLowerCase();
    const test = this.rowTest();
    if (!prefix && !test) return nodes;
    return nodes.filter((n) => (!prefix || (nameOf(n) ?? '').toLowerCase().startsWith(prefix)) && (!test || test(n)));
  }

  /** The row a child is drawn under: its range in a long listing, else this node. */
  parentOf(child: TreeNode): TreeNode {
    return this.ranges.rangeOf(child) ?? this;
  }

  /** Fetches the next page (first page when nothing is loaded) and appends it; one fetch at a time per generation. */
  load(): Promise<void> {
    if (!this.pending) {
      const pending: Promise<void> = this.fetchNext(this.generation).finally(() => {
        if (this.pending === pending) this.pending = undefined;
      });
      this.pending = pending;
    }
    return this.pending;
  }

  async loadMore(): Promise<void> {
    await this.load();
    this.ctx.changed(this);
  }

  /** Every node of the pages loaded so far, whatever the filter (none before the first page). */
  protected get loadedNodes(): readonly TreeNode[] {
    return this.loaded?.nodes ?? [];
  }

  /** True while pages remain. */
  get hasMore(): boolean {
    return this.loaded?.token !== undefined;
  }

  /** Drops the loaded pages and cancels what is still in flight (a result that lands anyway is discarded). */
  reset(): void {
    this.generation += 1;
    this.inFlight.abort();
    this.inFlight = new AbortController();
    this.loaded = undefined;
    this.pending = undefined;
    this.treeItem = undefined;
    this.ranges.clear();
  }

  private async fetchNext(generation: number): Promise<void> {
    const before = this.loaded ?? { nodes: [], token: undefined };
    if (this.loaded && before.token === undefined) return;
    try {
      const page = await this.fetchPage(before.token, this.inFlight.signal);
      if (generation !== this.generation) return;
      // Appended in place: the rows already made stay as they are (no copy of the listing per page).
      const nodes = this.loaded?.nodes ?? [];
      for (const item of page.items) nodes.push(this.toNode(item));
      this.loaded = { nodes, token: page.continuationToken };
      this.pageLoaded(before.token, page);
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = classifyError(error);
      this.ctx.log.warn(`${this.id}: ${failure.code ?? failure.kind}: ${failure.message}`);
      this.loaded = { nodes: before.nodes, token: before.token, failure: MessageNode.forFailure(this, failure) };
    }
  }
}
