import * as vscode from 'vscode';
import type { ItemProperties, Page } from '../azure/model';
import { newestFirst } from '../azure/mappers';
import { hasPortal } from '../azure/portal';
import { daysUntil, itemUri } from '../presentation/uris';
import type { ItemGroupNode } from './ItemGroupNode';
import { itemTooltip, presentItem } from '../presentation/itemPresentation';
import { PagedNode } from './PagedNode';
import type { TreeContext } from './TreeContext';
import { withAccess } from './access';
import type { TreeNode } from './TreeNode';
import { VersionNode } from './VersionNode';
import type { ItemTarget, NodeTarget } from '../model/targets';
import type { ObjectQuery } from '../references/usage';

/** "used in N files": the row's description part. */
const usedIn = (count: number): string => (count === 1 ? vscode.l10n.t('used in 1 file') : vscode.l10n.t('used in {0} files', count));

/** How a version's value compares with the current one, when the user asked (Find Versions with the Current Value). */
export type ValueMark = 'same' | 'different' | 'unreadable';

/** A secret, key or certificate. Its versions load only when it is expanded (newest first, current marked). */
export class ItemNode extends PagedNode<ItemProperties> {
  readonly name: string;
  /** The usage count the row was drawn with (redrawn when the index says otherwise). */
  private drawnUsage: number | undefined;
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

  /** What the workspace index is asked about this object. */
  get usageQuery(): ObjectQuery {
    const vault = this.group.vaultNode.vault;
    return { vaultUrl: vault.vaultUrl, vaultName: vault.name, ...(vault.info ? { subscriptionId: vault.info.subscriptionId, resourceGroup: vault.info.resourceGroup } : {}), kind: this.item.kind, name: this.item.name };
  }

  /** How many files of the workspace use the object (undefined: the index is not ready). */
  usage(): number | undefined {
    return this.ctx.usage(this.usageQuery);
  }

  /**
   * True when the row's description would say another count than it shows (the caller redraws it). Only the
   * description counts: "used in N files" appears for N > 0, so an index going from "not ready" to 0 (or back)
   * redraws nothing — every row of a long listing would otherwise be drawn again; the tooltip is built on hover.
   */
  usageChanged(): boolean {
    return (this.usage() ?? 0) !== (this.drawnUsage ?? 0);
  }

  protected buildTreeItem(): vscode.TreeItem {
    const shown = presentItem(this.item, this.ctx.now(), this.ctx.expiryWarningDays());
    const item = new vscode.TreeItem(this.item.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = shown.icon;
    this.drawnUsage = this.usage();
    // Only a count above zero takes room in the row; the tooltip says it either way.
    item.description = [shown.description, this.drawnUsage ? usedIn(this.drawnUsage) : undefined].filter(Boolean).join(' · ');
    item.contextValue = withAccess(this.ctx, this.vaultUrl, [...shown.facets, ...(hasPortal(this.vaultUrl) ? [] : ['noPortal'])], this.item.kind);
    // Expiry decorations (src/presentation/uris.ts, src/presentation/expiryDecorations.ts): the state travels in the URI, so decorating needs no lookup.
    item.resourceUri = itemUri(this.id, shown.decorated, daysUntil(this.item.expiresOn, this.ctx.now()));
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const tip = itemTooltip(this.item, this.ctx.now());
    const count = this.usage();
    if (count !== undefined) tip.appendMarkdown(`  \n${count === 0 ? vscode.l10n.t('Not used in any file of the workspace') : count === 1 ? vscode.l10n.t('Used in 1 file of the workspace') : vscode.l10n.t('Used in {0} files of the workspace', count)}`);
    return tip;
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
