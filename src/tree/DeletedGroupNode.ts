import * as vscode from 'vscode';
import type { DeletedItemProperties, ObjectKind, Page } from '../azure/model';
import { kindLabels } from '../model/kindWords';
import { deletedTooltip, presentDeleted } from '../presentation/itemPresentation';
import { deletedGroupLabel } from '../model/kindWords';
import { PagedNode } from './PagedNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import type { VaultNode } from './VaultNode';
import { kindsOf, type NodeTarget } from '../model/targets';
import { lockItem, lockReason, withAccess } from './access';

/** "Deleted": soft-deleted secrets, keys and certificates of a vault, one sub-group per kind. */
export class DeletedGroupNode implements TreeNode {
  readonly id: string;
  private groups: DeletedKindNode[] | undefined;
  private treeItem: vscode.TreeItem | undefined;

  constructor(
    readonly vaultNode: VaultNode,
    private readonly ctx: TreeContext,
  ) {
    this.id = `${vaultNode.id}/deleted`;
  }

  get parent(): TreeNode {
    return this.vaultNode;
  }

  get target(): NodeTarget {
    return { type: 'group', vault: this.vaultNode.vault, deleted: true };
  }

  getTreeItem(): vscode.TreeItem {
    if (this.treeItem) return this.treeItem;
    const item = new vscode.TreeItem(vscode.l10n.t('Deleted'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('trash');
    item.tooltip = vscode.l10n.t('Soft-deleted objects: recover them, or purge them for good');
    item.contextValue = withAccess(this.ctx, this.vaultNode.vault.vaultUrl, ['group', 'deleted']);
    return (this.treeItem = item);
  }

  getChildren(): TreeNode[] {
    this.groups ??= kindsOf(this.vaultNode.vault).map((kind) => new DeletedKindNode(kind, this, this.ctx));
    return this.groups;
  }

  reset(): void {
    this.groups = undefined;
    this.treeItem = undefined;
  }
}

/** Deleted objects of one kind: paged (deleted lists hold at most 25 a page). */
export class DeletedKindNode extends PagedNode<DeletedItemProperties> {
  constructor(
    readonly kind: ObjectKind,
    readonly deletedGroup: DeletedGroupNode,
    ctx: TreeContext,
  ) {
    super(`${deletedGroup.id}/${kindLabels[kind].segment}`, deletedGroup, ctx);
  }

  get target(): NodeTarget {
    return { type: 'group', vault: this.deletedGroup.vaultNode.vault, kind: this.kind, deleted: true };
  }

  protected buildTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(deletedGroupLabel(this.kind), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(kindLabels[this.kind].icon);
    item.contextValue = withAccess(this.ctx, this.deletedGroup.vaultNode.vault.vaultUrl, ['group', 'deleted', this.kind], this.kind);
    const locked = this.locked();
    if (locked) lockItem(item, locked);
    return item;
  }

  /** Why the user may not list these deleted objects, when the verdict says so (then nothing is requested). */
  locked(): string | undefined {
    return lockReason(this.ctx, this.deletedGroup.vaultNode.vault.vaultUrl, this.kind, 'listDeleted');
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.locked() ? Promise.resolve([]) : super.getChildren();
  }

  protected async fetchPage(continuationToken: string | undefined, abortSignal: AbortSignal): Promise<Page<DeletedItemProperties>> {
    const { vaults } = await this.ctx.clients.get();
    return vaults.listDeleted(this.deletedGroup.vaultNode.vault.vaultUrl, this.kind, { continuationToken, pageSize: this.ctx.pageSize(), abortSignal });
  }

  protected override pageLoaded(requestToken: string | undefined, page: Page<DeletedItemProperties>): void {
    this.ctx.listed({ vaultUrl: this.deletedGroup.vaultNode.vault.vaultUrl, of: { kind: this.kind, deleted: true }, requestToken, page });
  }

  protected toNode(item: DeletedItemProperties): TreeNode & { name: string } {
    return new DeletedItemNode(item, this, this.ctx);
  }
}

export class DeletedItemNode implements TreeNode {
  readonly id: string;
  readonly name: string;
  private treeItem: vscode.TreeItem | undefined;

  constructor(
    readonly item: DeletedItemProperties,
    readonly parent: DeletedKindNode,
    private readonly ctx: TreeContext,
  ) {
    this.id = `${parent.id}/${item.name}`;
    this.name = item.name;
  }

  get target(): NodeTarget {
    const { item } = this;
    return { type: 'item', item: { vault: this.parent.deletedGroup.vaultNode.vault, kind: item.kind, name: item.name, deleted: item, ...(item.managed ? { managed: true } : {}) } };
  }

  getTreeItem(): vscode.TreeItem {
    if (this.treeItem) return this.treeItem;
    const shown = presentDeleted(this.item, this.ctx.now());
    const item = new vscode.TreeItem(this.item.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = shown.icon;
    item.description = shown.description;
    item.contextValue = withAccess(this.ctx, this.parent.deletedGroup.vaultNode.vault.vaultUrl, ['deleted', this.item.kind], this.item.kind);
    return (this.treeItem = item);
  }

  /** Built on hover. */
  tooltip(): vscode.MarkdownString {
    return deletedTooltip(this.item);
  }
}
