import * as vscode from 'vscode';
import type { TreeNode } from './TreeNode';

/**
 * A long listing shows its rows in ranges (as the debugger shows long arrays): up to RANGE_SIZE rows a listing is
 * flat; past that, each full block of RANGE_SIZE rows folds into a collapsed "1–500" row and only the rows after the
 * last full block stay at the listing's level. A "Load more…" then makes VS Code read again at most
 * RANGE_SIZE + (rows / RANGE_SIZE) rows, not every row loaded so far — what kept 10,000 secrets linear to load.
 */
export const RANGE_SIZE = 500;

/** The object name a row stands for (items, deleted items), if any. */
export const nameOf = (node: TreeNode): string | undefined => (node as { readonly name?: string }).name;

/** One block of RANGE_SIZE rows of a listing; its rows never change (a listing only grows at its end). */
export class RangeNode implements TreeNode {
  readonly id: string;
  private treeItem: vscode.TreeItem | undefined;

  constructor(
    readonly parent: TreeNode,
    /** Index of the first row in the listing as shown (0-based). */
    readonly start: number,
    private readonly rows: readonly TreeNode[],
  ) {
    // '#' is in no object name, version or other segment of the tree's ids.
    this.id = `${parent.id}/#rows-${start + 1}`;
  }

  getTreeItem(): vscode.TreeItem {
    if (this.treeItem) return this.treeItem;
    const first = String(this.start + 1);
    const last = String(this.start + this.rows.length);
    const item = new vscode.TreeItem(vscode.l10n.t('{0}–{1}', first, last), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('list-flat');
    item.contextValue = 'range';
    const from = nameOf(this.rows[0]!);
    const to = nameOf(this.rows[this.rows.length - 1]!);
    if (from !== undefined && to !== undefined) item.description = `${from} … ${to}`;
    item.tooltip = vscode.l10n.t('Rows {0} to {1} of this listing. Listings longer than {2} rows are shown in ranges of {2}.', first, last, String(RANGE_SIZE));
    return (this.treeItem = item);
  }

  getChildren(): TreeNode[] {
    return [...this.rows];
  }
}

/** The ranges of one listing, made once each and kept while the listing (and its filter) stays the same. */
export class RowRanges {
  private made: RangeNode[] = [];
  private shown: readonly TreeNode[] = [];

  constructor(private readonly owner: TreeNode) {}

  /** The listing's rows as the tree shows them: flat up to RANGE_SIZE, else the full ranges, then the rest. */
  layout(shown: readonly TreeNode[]): TreeNode[] {
    this.shown = shown;
    const full = shown.length > RANGE_SIZE ? Math.floor(shown.length / RANGE_SIZE) : 0;
    for (let i = this.made.length; i < full; i++) this.made.push(new RangeNode(this.owner, i * RANGE_SIZE, shown.slice(i * RANGE_SIZE, (i + 1) * RANGE_SIZE)));
    return [...this.made.slice(0, full), ...shown.slice(full * RANGE_SIZE)];
  }

  /** The range a row is in (undefined: the row is at the listing's own level). */
  rangeOf(row: TreeNode): RangeNode | undefined {
    if (!this.made.length || row instanceof RangeNode) return undefined;
    const index = this.shown.indexOf(row);
    return index < 0 ? undefined : this.made[Math.floor(index / RANGE_SIZE)];
  }

  /** The listing or its filter changed: ranges are cut again. */
  clear(): void {
    this.made = [];
    this.shown = [];
  }
}
