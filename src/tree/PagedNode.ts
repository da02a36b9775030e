import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import type { Page } from '../azure/model';
import { CommandIds } from '../model/commandIds';
import { MessageNode } from './MessageNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';

/** The "Load more…" row at the end of a paged listing. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: PagedNode<unknown>) {
    this.id = `${parent.id}/more`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: CommandIds.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] };
    item.contextValue = 'loadMore';
    return item;
  }
}

/**
 * A node listing a paged collection: the first page after one round trip, then "Load more…" while the service
 * returns a continuation token. Pages already shown stay cached until refresh. A refresh starts a new generation:
 * a page still in flight from before it (a first page or a "Load more…") is dropped when it lands, never shown or
 * appended to the new listing.
 */
export abstract class PagedNode<T> implements TreeNode {
  private loaded: { nodes: TreeNode[]; token: string | undefined; failure?: MessageNode } | undefined;
  /** The fetch in flight for the current generation (a reset forgets it). */
  private pending: Promise<void> | undefined;
  /** Bumped by every reset: a fetch of an older generation discards its result. */
  private generation = 0;
  /** Aborts the requests of the current generation (a reset cancels what is in flight). */
  private inFlight = new AbortController();
  /** Name prefix filter (case-insensitive), set by the Filter… command. */
  filter: string | undefined;

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {}

  abstract getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  protected abstract fetchPage(continuationToken: string | undefined, abortSignal: AbortSignal): Promise<Page<T>>;
  protected abstract toNode(item: T): TreeNode & { readonly name?: string };

  async getChildren(): Promise<TreeNode[]> {
    // A reset while the first page loads drops that page: load again, for the new generation.
    while (!this.loaded) await this.load();
    const { nodes, token, failure } = this.loaded;
    const prefix = this.filter?.toLowerCase();
    const shown = prefix ? nodes.filter((n) => ((n as { name?: string }).name ?? '').toLowerCase().startsWith(prefix)) : nodes;
    return [...shown, ...(failure ? [failure] : token ? [new LoadMoreNode(this)] : [])];
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
  }

  private async fetchNext(generation: number): Promise<void> {
    const before = this.loaded ?? { nodes: [], token: undefined };
    if (this.loaded && before.token === undefined) return;
    try {
      const page = await this.fetchPage(before.token, this.inFlight.signal);
      if (generation === this.generation) this.loaded = { nodes: [...before.nodes, ...page.items.map((i) => this.toNode(i))], token: page.continuationToken };
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = classifyError(error);
      this.ctx.log.warn(`${this.id}: ${failure.code ?? failure.kind}: ${failure.message}`);
      this.loaded = { nodes: before.nodes, token: before.token, failure: MessageNode.forFailure(this, failure) };
    }
  }
}
