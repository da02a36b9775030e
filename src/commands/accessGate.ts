// The palette's side of the access verdict (src/platform/vaultAccess.ts): a command the tree hides because the
// user may not run it in that vault (its context keys) can still be run from the palette or a keybinding — then it
// is refused here, before any request, with the reason and the ways out (Grant Me…, Request Access…, Show My
// Access). Only a known verdict refuses: while it is unknown the command runs and the service answers.
import * as vscode from 'vscode';
import { commandAccess, denialReason } from '../model/access';
import { AccessCommandIds } from '../model/commandIds';
import { placeOf, type VaultTarget } from '../model/targets';
import type { Services } from '../services';

/**
 * Why the user may not run `commandId` on `target` (the vault's verdict is known and refuses it), with the vault;
 * undefined when it may run (allowed, unknown, or a command no role blocks).
 */
export function refusal(services: Services, commandId: string, target: unknown): { vault: VaultTarget; reason: string } | undefined {
  const need = commandAccess(commandId);
  const place = need && placeOf(target);
  if (!need || !place) return undefined;
  const kind = need.kind === 'row' ? place.kind : need.kind;
  const access = services.access.known(place.vault.vaultUrl);
  if (!kind || !access || access.capabilities[kind][need.op] !== false) return undefined;
  return { vault: place.vault, reason: denialReason(access, kind, need.op) ?? vscode.l10n.t('You may not do this in {0}.', place.vault.name) };
}

/** Says why, with the ways out as buttons (each runs its command on this vault). */
export function showRefusal(services: Services, title: string, refused: { vault: VaultTarget; reason: string }): void {
  const access = services.access.known(refused.vault.vaultUrl);
  const grant = vscode.l10n.t('Grant Me…');
  const ask = vscode.l10n.t('Request Access…');
  const show = vscode.l10n.t('Show My Access');
  const buttons = [...(access?.canAssignRoles && access.model === 'rbac' ? [grant] : []), ask, show];
  void Promise.resolve(services.ui.showErrorMessage(vscode.l10n.t('{0}: not allowed in {1}. {2}', title, refused.vault.name, refused.reason), ...buttons)).then((chosen) => {
    const id = chosen === grant ? AccessCommandIds.grantMe : chosen === ask ? AccessCommandIds.requestAccess : chosen === show ? AccessCommandIds.showMyAccess : undefined;
    if (id) void vscode.commands.executeCommand(id, refused.vault.vaultUrl);
  });
}
