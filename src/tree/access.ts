// The access verdict of a vault (src/platform/vaultAccess.ts) as the rows draw it: context-value facets that hide
// the commands the user may not run (`no-secret-write`…, the manifest's menus test them), and the lock a group
// shows instead of listing what the user may not list (no data-plane call that could only fail).
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { ACCESS_OPERATIONS, accessFacets, denialReason, type AccessOperation } from '../model/access';
import type { TreeContext } from './TreeContext';

/**
 * A row's context value with its vault's access facets appended (none while the verdict is unknown): `no-{kind}-{op}`
 * per refused operation, `no-this-{op}` for the row's own kind (commands shared by kinds test those), `canGrant` where
 * Grant Me… can help (an Azure RBAC vault where the user may assign roles).
 */
export function withAccess(ctx: TreeContext, vaultUrl: string, facets: readonly string[], kind?: ObjectKind): string {
  const access = ctx.access.known(vaultUrl);
  const own = access && kind ? ACCESS_OPERATIONS.filter((op) => access.capabilities[kind][op] === false).map((op) => `no-this-${op}`) : [];
  const general = accessFacets(access).filter((f) => f !== 'canGrant' || access?.model === 'rbac');
  return [...facets, ...general, ...own].join(';');
}

/** Why `op` on `kind` is refused in the vault, when the verdict says so (undefined: allowed or unknown). */
export function lockReason(ctx: TreeContext, vaultUrl: string, kind: ObjectKind, op: AccessOperation): string | undefined {
  const access = ctx.access.known(vaultUrl);
  if (!access || access.capabilities[kind][op] !== false) return undefined;
  return denialReason(access, kind, op) ?? vscode.l10n.t('You may not do this in this vault.');
}

/** Draws a group as locked: a lock, no expander, the reason in a word and in full on hover. */
export function lockItem(item: vscode.TreeItem, reason: string): void {
  item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  // Greyed: the Secrets group's own icon is a lock too.
  item.iconPath = new vscode.ThemeIcon('lock', new vscode.ThemeColor('disabledForeground'));
  item.description = vscode.l10n.t('no access');
  item.tooltip = reason;
  item.contextValue = `${item.contextValue ?? ''};locked`;
}
