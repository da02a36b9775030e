import * as vscode from 'vscode';
import type { ItemProperties, Page } from '../azure/model';
import { hasPortal } from '../azure/portal';
import { daysUntil, itemUri } from '../presentation/uris';
import type { ItemGroupNode } from './ItemGroupNode';
import { itemTooltip, presentItem } from '../presentation/itemPresentation';
import { PagedNode } from './PagedNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { VersionNode } from './VersionNode';
import type { ItemTarget, NodeTarget } from '../model/targets';

/** A secret, key or certificate. Its versions load only when it is expanded (newest first, current marked). */
export class ItemNode extends PagedNode<ItemProperties> {
  readonly name: string;

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
