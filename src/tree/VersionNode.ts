import * as vscode from 'vscode';
import type { ItemProperties } from '../azure/model';
import { hasPortal } from '../azure/portal';
import type { ItemNode, ValueMark } from './ItemNode';
import { itemTooltip, presentItem } from '../presentation/itemPresentation';
import { shortId, versionLabel } from '../presentation/format';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import type { NodeTarget } from '../model/targets';

/** One version of a secret, key or certificate. */
export class VersionNode implements TreeNode {
  readonly id: string;
  private treeItem: vscode.TreeItem | undefined;
  /** The value mark the row was drawn with (it redraws when its item's marks change). */
  private drawnMark: ValueMark | undefined;

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
    if (this.treeItem && mark === this.drawnMark) return this.treeItem;
    this.drawnMark = mark;
    return (this.treeItem = this.buildTreeItem(mark));
  }

  /** Built on hover: the full id is here. */
  tooltip(): vscode.MarkdownString {
    return itemTooltip(this.version, this.ctx.now(), `${this.version.name}/${this.version.version ?? this.version.id}`);
  }

  private buildTreeItem(mark: ValueMark | undefined): vscode.TreeItem {
    const id = this.version.version ?? this.version.id;
    const shown = presentItem(this.version, this.ctx.now(), this.ctx.expiryWarningDays(), { current: this.current });
    const item = new vscode.TreeItem(versionLabel(this.version.createdOn, id), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = this.current ? new vscode.ThemeIcon('pass-filled', shown.icon.color) : new vscode.ThemeIcon('git-commit', shown.icon.color);
    item.description = [markText(mark, this.current), shown.description, this.version.createdOn ? shortId(id) : undefined].filter(Boolean).join(' · ');
    item.contextValue = ['version', ...shown.facets, ...(this.current ? ['current'] : []), ...(hasPortal(this.parent.vaultUrl) ? [] : ['noPortal'])].join(';');
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
