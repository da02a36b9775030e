// The vaults view as commands and editor features see it: refresh and reveal by domain target (vault, kind, item),
// the names a listing shows, and the view's own operations (load more, filter). Commands never touch node classes:
// this is the one place that turns a target back into nodes.
import * as vscode from 'vscode';
import type { ItemProperties, ObjectKind } from '../azure/model';
import { vaultOfTarget, type ItemTarget, type VaultTarget } from '../model/targets';
import { DeletedGroupNode, DeletedItemNode, DeletedKindNode } from './DeletedGroupNode';
import { ItemGroupNode, type UsageFilter } from './ItemGroupNode';
import { ItemNode, type ValueMark } from './ItemNode';
import { locateItem, locateVault } from './locate';
import { LoadMoreNode, PagedNode } from './PagedNode';
import type { TreeNode } from './TreeNode';
import { VaultNode } from './VaultNode';
import type { VaultTreeDataProvider } from './VaultTreeDataProvider';
import { VersionNode } from './VersionNode';

export type { ValueMark } from './ItemNode';
export type { UsageFilter } from './ItemGroupNode';

const sameVault = (a: VaultTarget, b: VaultTarget) => a.vaultUrl.toLowerCase() === b.vaultUrl.toLowerCase();

export class VaultView implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VaultTarget | undefined>();
  /**
   * A command changed objects of this vault (undefined: anything may have changed) — fired whether or not the tree
   * shows the vault, so caches of its objects (reference lookups) can forget them.
   */
  readonly onDidChangeVault = this.changed.event;

  constructor(
    readonly provider: VaultTreeDataProvider,
    private readonly treeView: vscode.TreeView<TreeNode>,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Re-reads everything (roots included). */
  refreshAll(): void {
    this.provider.refresh();
    this.changed.fire(undefined);
  }

  /** The attached vaults changed: re-read the roots without calling ARM again. */
  refreshAttached(): void {
    this.provider.refreshAttached();
  }

  /** Re-reads one row and its children. */
  refreshNode(node: TreeNode): void {
    this.provider.refresh(node);
    this.changed.fire(vaultOfTarget(node.target));
  }

  /** After items of a kind were added or changed: re-list the vault's group of that kind where the tree shows it. */
  refreshGroup(vault: VaultTarget, kind: ObjectKind): void {
    this.changed.fire(vault);
    for (const group of this.provider.knownNodes((n): n is ItemGroupNode => n instanceof ItemGroupNode && n.kind === kind && sameVault(n.vaultNode.vault, vault))) this.provider.refresh(group);
  }

  /** After a delete, recover or purge: the group and the Deleted group of each kind. */
  refreshGroupsAndDeleted(vault: VaultTarget, kinds: readonly ObjectKind[]): void {
    for (const kind of kinds) {
      this.refreshGroup(vault, kind);
      for (const deleted of this.provider.knownNodes((n): n is DeletedKindNode => n instanceof DeletedKindNode && n.kind === kind && sameVault(n.deletedGroup.vaultNode.vault, vault))) this.provider.refresh(deleted);
    }
  }

  /** Refreshes the vault's group of a kind and its whole Deleted group (where a fix may have moved the object). */
  refreshGroupAndAllDeleted(vault: VaultTarget, kind: ObjectKind): void {
    this.refreshGroup(vault, kind);
    for (const deleted of this.provider.knownNodes((n): n is DeletedGroupNode => n instanceof DeletedGroupNode && sameVault(n.vaultNode.vault, vault))) this.provider.refresh(deleted);
  }

  /** After one item changed: its group's row and, when it was a version, the item's versions too. */
  refreshItem(item: ItemTarget): void {
    if (item.version) {
      for (const node of this.itemNodes(item)) this.provider.refresh(node);
    }
    this.refreshGroup(item.vault, item.kind);
  }

  /**
   * Reveals and selects an item's row (loading the pages it needs; `focus` moves the keyboard focus to the view);
   * returns the row's id, or undefined when the tree cannot show it.
   */
  async reveal(item: Pick<ItemTarget, 'vault' | 'kind' | 'name' | 'version'>, options: { readonly focus?: boolean } = {}): Promise<string | undefined> {
    const node = await this.locate(item);
    if (!node) return undefined;
    await this.treeView.reveal(node, { select: true, focus: options.focus ?? false, expand: false });
    return node.id;
  }

  /** Reveals and selects a vault's row: an attached one under "Attached Vaults" (no ARM call), else under its subscription. */
  async revealVault(vault: VaultTarget): Promise<boolean> {
    let node: TreeNode | undefined;
    if (vault.attached) {
      const group = (await this.provider.getChildren()).find((n) => n.id === 'attached');
      node = group && (await this.provider.getChildren(group)).find((n) => n instanceof VaultNode && sameVault(n.vault, vault));
    } else {
      node = await locateVault(this.provider, vault);
    }
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: false, expand: false });
    return true;
  }

  /** The row of an item (or of its pinned version), loading pages as needed; undefined when the tree cannot show it. */
  private async locate(item: Pick<ItemTarget, 'vault' | 'kind' | 'name' | 'version'>): Promise<TreeNode | undefined> {
    const node = await locateItem(this.provider, item.vault, item.kind, item.name);
    if (!node || !item.version) return node;
    const wanted = item.version.toLowerCase();
    return (await this.provider.rowsOf(node)).find((v): v is VersionNode => v instanceof VersionNode && v.version.version?.toLowerCase() === wanted) ?? node;
  }

  /**
   * The names the tree lists for a kind in a vault (first pages: cached, or one request each), active and deleted.
   * Best effort: empty when the vault is not in the tree.
   */
  async listedNames(vault: VaultTarget, kind: ObjectKind): Promise<{ active: Set<string>; deleted: Set<string> }> {
    const active = new Set<string>();
    const deleted = new Set<string>();
    const vaultNode = this.provider.knownNodes((n): n is VaultNode => n instanceof VaultNode && sameVault(n.vault, vault))[0] ?? (await locateVault(this.provider, vault));
    if (!vaultNode) return { active, deleted };
    for (const group of await vaultNode.getChildren()) {
      if (group instanceof ItemGroupNode && group.kind === kind) {
        for (const n of await this.provider.rowsOf(group)) if (n instanceof ItemNode) active.add(n.name.toLowerCase());
      } else if (group instanceof DeletedGroupNode) {
        for (const kindNode of await this.provider.getChildren(group)) {
          if (!(kindNode instanceof DeletedKindNode) || kindNode.kind !== kind) continue;
          for (const n of await this.provider.rowsOf(kindNode)) if (n instanceof DeletedItemNode) deleted.add(n.name.toLowerCase());
        }
      }
    }
    return { active, deleted };
  }

  /** An item's versions (newest first) when the tree has loaded all of them; undefined otherwise (no request). */
  listedVersions(item: ItemTarget): ItemProperties[] | undefined {
    for (const node of this.itemNodes(item)) {
      const versions = node.listedVersions();
      if (versions) return versions;
    }
    return undefined;
  }

  /**
   * Marks an item's version rows with how each value compares with the current one (version id → mark) and shows
   * them: the item's row is revealed and expanded. The marks go when its versions re-load.
   */
  async markVersions(item: ItemTarget, marks: ReadonlyMap<string, ValueMark>): Promise<void> {
    const node = this.itemNodes(item)[0] ?? (await locateItem(this.provider, item.vault, item.kind, item.name));
    if (!(node instanceof ItemNode)) return;
    node.setMarks(marks);
    await this.treeView.reveal(node, { select: true, focus: false, expand: true });
  }

  /** "Load more…": the next page of its listing. */
  async loadMore(node: TreeNode): Promise<boolean> {
    if (!(node instanceof LoadMoreNode)) return false;
    await node.parent.loadMore();
    return true;
  }

  /** The name filter of a paged listing (Secrets, Keys, Certificates, Deleted …, versions); undefined when the row has none. */
  filterOf(node: TreeNode): { readonly current: string | undefined } | undefined {
    return node instanceof PagedNode ? { current: node.filter } : undefined;
  }

  /** Sets (or clears, with an empty prefix) the name filter of a paged listing; clearing clears its usage filter too. */
  setFilter(node: TreeNode, prefix: string): void {
    if (!(node instanceof PagedNode)) return;
    node.filter = prefix || undefined;
    if (!prefix && node instanceof ItemGroupNode) node.usageFilter = undefined;
    this.provider.nodeContext.changed(node);
  }

  /** The usage filter of a vault's Secrets, Keys or Certificates (null: the row is no such group). */
  usageFilterOf(node: TreeNode): UsageFilter | undefined | null {
    return node instanceof ItemGroupNode ? node.usageFilter : null;
  }

  /** Sets or clears (undefined) the usage filter of a vault's Secrets, Keys or Certificates; false: no such group. */
  setUsageFilter(node: TreeNode, filter: UsageFilter | undefined): boolean {
    if (!(node instanceof ItemGroupNode)) return false;
    node.usageFilter = filter;
    this.provider.nodeContext.changed(node);
    return true;
  }

  private itemNodes(item: ItemTarget): ItemNode[] {
    const wanted = item.name.toLowerCase();
    return this.provider.knownNodes((n): n is ItemNode => n instanceof ItemNode && n.item.kind === item.kind && n.name.toLowerCase() === wanted && sameVault(n.group.vaultNode.vault, item.vault));
  }
}
