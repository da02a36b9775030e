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
 * returns a continuation token. Pages already shown stay cached until refresh.
 */
export abstract class PagedNode<T> implements TreeNode {
  private loaded: { nodes: TreeNode[]; token: string | undefined; failure?: MessageNode } | undefined;
  private pending: Promise<void> | undefined;
  /** Name prefix filter (case-insensitive), set by the Filter… command. */
  filter: string | undefined;

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {}

  abstract getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  protected abstract fetchPage(continuationToken: string | undefined): Promise<Page<T>>;
  protected abstract toNode(item: T): TreeNode & { readonly name?: string };

  async getChildren(): Promise<TreeNode[]> {
    if (!this.loaded) await this.load();
    const { nodes, token, failure } = this.loaded!;
    const prefix = this.filter?.toLowerCase();
    const shown = prefix ? nodes.filter((n) => ((n as { name?: string }).name ?? '').toLowerCase().startsWith(prefix)) : nodes;
    return [...shown, ...(failure ? [failure] : token ? [new LoadMoreNode(this)] : [])];
  }

  /** Fetches the next page (first page when nothing is loaded) and appends it. */
  load(): Promise<void> {
    this.pending ??= this.fetchNext().finally(() => (this.pending = undefined));
    return this.pending;
  }

  async loadMore(): Promise<void> {
    await this.load();
    this.ctx.changed(this);
  }

  /** True while pages remain. */
  get hasMore(): boolean {
    return this.loaded?.token !== undefined;
  }

  reset(): void {
    this.loaded = undefined;
  }

  private async fetchNext(): Promise<void> {
    const before = this.loaded ?? { nodes: [], token: undefined };
    if (this.loaded && before.token === undefined) return;
    try {
      const page = await this.fetchPage(before.token);
      this.loaded = { nodes: [...before.nodes, ...page.items.map((i) => this.toNode(i))], token: page.continuationToken };
    } catch (error) {
      const failure = classifyError(error);
      this.ctx.log.warn(`${this.id}: ${failure.code ?? failure.kind}: ${failure.message}`);
      this.loaded = { nodes: before.nodes, token: before.token, failure: MessageNode.forFailure(this, failure) };
    }
  }
}
