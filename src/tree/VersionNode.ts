import * as vscode from 'vscode';
import type { ItemProperties } from '../azure/model';
import { hasPortal } from '../azure/portal';
import type { ItemNode, ValueMark } from './ItemNode';
import { itemTooltip, presentItem } from '../presentation/itemPresentation';
import { shortId, versionLabel } from '../presentation/format';
import type { TreeContext } from './TreeContext';
import { withAccess } from './access';
import type { TreeNode } from './TreeNode';
import type { NodeTarget } from '../model/targets';

/** One version of a secret, key or certificate. */
export class VersionNode implements TreeNode {
  readonly id: string;
  private treeItem: vscode.TreeItem | undefined;
  /** The value mark the row was drawn with (it redraws when its item's marks change). */
  private drawnMark: ValueMark | undefined;
  /** How many files pin this version, as the row was drawn (it redraws when the index says otherwise). */
  private drawnUsage: number | undefined;

  constructor(
    readonly version: ItemProperties,
    readonly parent: ItemNode,
    private readonly ctx: TreeContext,
    readonly current: boolean,
  ) {
    this.id = `${parent.id}/v/${version.version ?? version.id}`;
  }

  get target(): NodeTarget {
    const { version } = this;
    const managed = version.managed === true || this.parent.item.managed === true;
    return {
      type: 'item',
      item: { vault: this.parent.group.vaultNode.vault, kind: version.kind, name: version.name, ...(version.version ? { version: version.version } : {}), properties: version, ...(managed ? { managed } : {}) },
    };
  }

  /**
   * What a person reads leads (label: the creation date; description: "current", the state), the short id after,
   * so nothing important is cut at the view's default width; the full id is in the tooltip.
   */
  getTreeItem(): vscode.TreeItem {
    const mark = this.parent.markOf(this.version.version);
    if (this.treeItem && mark === this.drawnMark && !this.usageChanged()) return this.treeItem;
    this.drawnMark = mark;
    this.drawnUsage = this.usage();
    return (this.treeItem = this.buildTreeItem(mark, this.drawnUsage));
  }

  /** How many files of the workspace pin this version (undefined: the index is not ready, or no version id). */
  usage(): number | undefined {
    const { version } = this.version;
    return version === undefined ? undefined : this.ctx.usage({ ...this.parent.usageQuery, version });
  }

  /** True when the row's description would give another pin count than it shows (like ItemNode.usageChanged). */
  usageChanged(): boolean {
    return (this.usage() ?? 0) !== (this.drawnUsage ?? 0);
  }

  /** Built on hover: the full id is here, and how many files pin the version once the index knows. */
  tooltip(): vscode.MarkdownString {
    const tip = itemTooltip(this.version, this.ctx.now(), `${this.version.name}/${this.version.version ?? this.version.id}`);
    const count = this.usage();
    if (count !== undefined) tip.appendMarkdown(`  \n${count === 0 ? vscode.l10n.t('No file of the workspace pins this version') : count === 1 ? vscode.l10n.t('Pinned in 1 file of the workspace') : vscode.l10n.t('Pinned in {0} files of the workspace', count)}`);
    return tip;
  }

  private buildTreeItem(mark: ValueMark | undefined, usage: number | undefined): vscode.TreeItem {
    const id = this.version.version ?? this.version.id;
    const shown = presentItem(this.version, this.ctx.now(), this.ctx.expiryWarningDays(), { current: this.current });
    const item = new vscode.TreeItem(versionLabel(this.version.createdOn, id), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = this.current ? new vscode.ThemeIcon('pass-filled', shown.icon.color) : new vscode.ThemeIcon('git-commit', shown.icon.color);
    // A pin count above zero only: "pinned in N files" (a rotation leaves those files on this version).
    const pinned = usage ? (usage === 1 ? vscode.l10n.t('pinned in 1 file') : vscode.l10n.t('pinned in {0} files', usage)) : undefined;
    item.description = [markText(mark, this.current), shown.description, pinned, this.version.createdOn ? shortId(id) : undefined].filter(Boolean).join(' · ');
    item.contextValue = withAccess(this.ctx, this.parent.vaultUrl, ['version', ...shown.facets, ...(this.current ? ['current'] : []), ...(hasPortal(this.parent.vaultUrl) ? [] : ['noPortal'])], this.version.kind);
    return item;
  }
}

/** What a version row says about its value, when the user asked to compare the versions with the current one. */
function markText(mark: ValueMark | undefined, current: boolean): string | undefined {
  if (current || !mark) return undefined;
  if (mark === 'same') return vscode.l10n.t('same value as current');
  if (mark === 'different') return vscode.l10n.t('different value');
  return vscode.l10n.t('not compared (disabled)');
}
