import * as vscode from 'vscode';
import type { ItemProperties, Page } from '../azure/model';
import { newestFirst } from '../azure/mappers';
import { hasPortal } from '../azure/portal';
import { daysUntil, itemUri } from '../presentation/uris';
import type { ItemGroupNode } from './ItemGroupNode';
import { itemTooltip, presentItem } from '../presentation/itemPresentation';
import { PagedNode } from './PagedNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VersionNode } from './VersionNode';
import type { ItemTarget, NodeTarget } from '../model/targets';

/** How a version's value compares with the current one, when the user asked (Find Versions with the Current Value). */
export type ValueMark = 'same' | 'different' | 'unreadable';

/** A secret, key or certificate. Its versions load only when it is expanded (newest first, current marked). */
export class ItemNode extends PagedNode<ItemProperties> {
  readonly name: string;
  /** Version id → how its value compares with the current one; set on request, dropped when the versions re-load. Never a value or a hash. */
  private marks: ReadonlyMap<string, ValueMark> | undefined;

  constructor(
    readonly item: ItemProperties,
    readonly group: ItemGroupNode,
    ctx: TreeContext,
  ) {
    super(`${group.id}/${item.name}`, group, ctx);
    this.name = item.name;
  }

  get itemTarget(): ItemTarget {
    return { vault: this.group.vaultNode.vault, kind: this.item.kind, name: this.item.name, properties: this.item, ...(this.item.managed ? { managed: true } : {}) };
  }

  get target(): NodeTarget {
    return { type: 'item', item: this.itemTarget };
  }

  get vaultUrl(): string {
    return this.group.vaultNode.vault.vaultUrl;
  }

  protected buildTreeItem(): vscode.TreeItem {
    const shown = presentItem(this.item, this.ctx.now(), this.ctx.expiryWarningDays());
    const item = new vscode.TreeItem(this.item.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = shown.icon;
    item.description = shown.description;
    item.contextValue = [...shown.facets, ...(hasPortal(this.vaultUrl) ? [] : ['noPortal'])].join(';');
    // Expiry decorations (src/presentation/uris.ts, src/presentation/expiryDecorations.ts): the state travels in the URI, so decorating needs no lookup.
    item.resourceUri = itemUri(this.id, shown.decorated, daysUntil(this.item.expiresOn, this.ctx.now()));
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return itemTooltip(this.item, this.ctx.now());
  }

  /** Every version's properties, newest first, when all of them are loaded; undefined otherwise (no request). */
  listedVersions(): ItemProperties[] | undefined {
    const nodes = this.loadedNodes.filter((n): n is VersionNode => n instanceof VersionNode);
    return nodes.length > 0 && !this.hasMore ? newestFirst(nodes.map((n) => n.version)) : undefined;
  }

  /** How a version's value compares with the current one, if the user asked. */
  markOf(version: string | undefined): ValueMark | undefined {
    return version === undefined ? undefined : this.marks?.get(version.toLowerCase());
  }

  /** Marks versions (version id → mark); the version rows redraw. */
  setMarks(marks: ReadonlyMap<string, ValueMark>): void {
    this.marks = new Map([...marks].map(([v, m]) => [v.toLowerCase(), m]));
    this.ctx.changed(this);
  }

  override reset(): void {
    this.marks = undefined;
    super.reset();
  }

  protected async fetchPage(continuationToken: string | undefined, abortSignal: AbortSignal): Promise<Page<ItemProperties>> {
    const { vaults } = await this.ctx.clients.get();
    return vaults.listVersions(this.vaultUrl, this.item.kind, this.item.name, { continuationToken, pageSize: this.ctx.pageSize(), abortSignal });
  }

  protected override pageLoaded(requestToken: string | undefined, page: Page<ItemProperties>): void {
    this.ctx.listed({ vaultUrl: this.vaultUrl, of: { kind: this.item.kind, versionsOf: this.item.name }, requestToken, page });
  }

  protected toNode(version: ItemProperties): TreeNode {
    // The list entry carries the current version's attributes: its creation time identifies that version.
    const current = version.createdOn !== undefined && version.createdOn.getTime() === this.item.createdOn?.getTime();
    return new VersionNode(version, this, this.ctx, current);
  }
}
