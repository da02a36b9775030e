import * as vscode from 'vscode';
import { hasPortal } from '../azure/portal';
import { mdText } from '../presentation/markdown';
import { vaultUri } from '../presentation/uris';
import { DeletedGroupNode } from './DeletedGroupNode';
import { ItemGroupNode } from './ItemGroupNode';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { isManagedHsm, kindsOf, type NodeTarget, type VaultTarget } from '../model/targets';
import { accessTooltipLines } from '../presentation/accessWords';
import { withAccess } from './access';
import { sameAccess } from '../model/access';

/** How long expanding a vault waits for the access check before showing its groups unchecked. */
const ACCESS_WAIT_MS = 5_000;

/**
 * A key vault: its children are the Secrets, Keys, Certificates and Deleted groups (no request to show them). A
 * Managed HSM is drawn by the same node: Keys and Deleted (keys) only, its own icon and context value (`hsm;…`).
 */
export class VaultNode implements TreeNode {
  readonly id: string;
  readonly vault: VaultTarget;
  readonly target: NodeTarget;
  private groups: TreeNode[] | undefined;
  private treeItem: vscode.TreeItem | undefined;
  /** Set by a refresh of this row: the next expansion asks ARM again what the user may do here. */
  private recheck = false;

  constructor(
    vault: VaultTarget,
    readonly parent: TreeNode | undefined,
    private readonly ctx: TreeContext,
    private readonly attached = false,
  ) {
    this.vault = attached ? { ...vault, attached: true } : vault;
    this.target = { type: 'vault', vault: this.vault };
    this.id = attached ? `attached/${vault.vaultUrl}` : `${parent?.id ?? ''}/vault/${vault.name}`;
  }

  getTreeItem(): vscode.TreeItem {
    return (this.treeItem ??= this.buildTreeItem());
  }

  /** Built on hover. What ARM or the attached URL says goes into the markdown tooltip as text (no link, no image). */
  tooltip(): vscode.MarkdownString {
    const { vault } = this;
    const info = vault.info;
    const hsm = isManagedHsm(vault);
    const title = hsm ? vscode.l10n.t('**{0}** (Managed HSM)', mdText(vault.name)) : `**${mdText(vault.name)}**`;
    const lines = [this.attached ? vscode.l10n.t('{0} (attached by URL)', title) : title, '', vscode.l10n.t('URI: {0}', mdText(`${vault.vaultUrl}/`))];
    if (info) {
      lines.push(
        vscode.l10n.t('Resource group: {0} · {1}', mdText(info.resourceGroup), mdText(info.location)),
        info.softDeleteEnabled ? vscode.l10n.t('Soft delete: on, {0} days retention', info.softDeleteRetentionInDays ?? 90) : vscode.l10n.t('Soft delete: off'),
        info.purgeProtectionEnabled ? vscode.l10n.t('Purge protection: on') : vscode.l10n.t('Purge protection: off'),
        hsm ? vscode.l10n.t('Permission model: Managed HSM local RBAC') : info.rbacAuthorization ? vscode.l10n.t('Permission model: Azure RBAC') : vscode.l10n.t('Permission model: access policies'),
      );
      if (info.publicNetworkAccess) lines.push(vscode.l10n.t('Public network access: {0}', mdText(info.publicNetworkAccess)));
    }
    const access = this.ctx.access.known(vault.vaultUrl);
    if (access) lines.push('', ...accessTooltipLines(access));
    return new vscode.MarkdownString(lines.join('  \n'));
  }

  private buildTreeItem(): vscode.TreeItem {
    const { vault } = this;
    const item = new vscode.TreeItem(vault.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const hsm = isManagedHsm(vault);
    item.iconPath = new vscode.ThemeIcon(hsm ? 'circuit-board' : 'shield');
    const info = vault.info;
    const where = info ? `${info.resourceGroup} · ${info.location}` : new URL(vault.vaultUrl).host;
    item.description = hsm ? vscode.l10n.t('Managed HSM · {0}', where) : where;
    const facets = [hsm ? 'hsm' : 'vault', this.attached ? 'attached' : 'arm'];
    if (info?.softDeleteEnabled !== false) facets.push('softDeleteOn');
    if (info?.purgeProtectionEnabled) facets.push('purgeProtection');
    if (!hasPortal(vault.vaultUrl)) facets.push('noPortal');
    item.contextValue = withAccess(this.ctx, vault.vaultUrl, facets);
    // Expiry decorations: the roll-up of the groups' loaded items, held by the decoration provider (no request).
    item.resourceUri = vaultUri(this.id, vault.vaultUrl);
    return item;
  }

  /**
   * The groups, once what the user may do here is known (the access check: up to 2 ARM calls at once, once per vault
   * per session; again after a refresh of this row): a group the user may not list is drawn locked and never listed.
   */
  async getChildren(): Promise<TreeNode[]> {
    if (!this.groups) {
      const before = this.ctx.access.known(this.vault.vaultUrl);
      const checking = this.ctx.access.check(this.vault, { refresh: this.recheck });
      this.recheck = false;
      // A slow ARM does not hold the vault shut: past ACCESS_WAIT_MS the groups show as before the check (nothing
      // locked or hidden), and are drawn again from the verdict when it comes.
      const after = await Promise.race([checking, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ACCESS_WAIT_MS).unref?.())]);
      if (after === undefined) {
        void checking.then(() => {
          this.accessChanged();
          this.ctx.changed(this);
        });
      } else if (!sameAccess(before, after)) {
        // The verdict came after this row was drawn (first expansion) or changed: its commands follow.
        this.treeItem = undefined;
        this.ctx.changed(this);
      }
      this.groups ??= [...kindsOf(this.vault).map((kind) => new ItemGroupNode(kind, this, this.ctx)), new DeletedGroupNode(this, this.ctx)];
    }
    return this.groups;
  }

  /** A refresh: the groups are made again and the access check asked again. */
  reset(): void {
    this.groups = undefined;
    this.treeItem = undefined;
    this.recheck = true;
  }

  /** Drawn again (its tooltip, context value) with its groups kept. */
  redraw(): void {
    this.treeItem = undefined;
  }

  /** The verdict changed elsewhere (Grant Me…, Show My Access): rows drawn again from it, no new check. */
  accessChanged(): void {
    this.groups = undefined;
    this.treeItem = undefined;
  }
}
