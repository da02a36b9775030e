import * as vscode from 'vscode';
import type { ObjectKind } from '../../azure/model';
import { accessRequestMessage, capabilitiesFromPermissions, GRANTABLE_ROLES, OBJECT_KINDS, roleGuid, type AccessOperation, type KnownRole, type VaultAccess } from '../../model/access';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';

/** The role to ask for (or, for an access-policy vault, the kind of access it stands for). */
export async function pickRole(services: Services, title: string, access: VaultAccess): Promise<KnownRole> {
  const held = new Set(access.roles.map((r) => roleGuid(r.roleDefinitionId)));
  const picked = await services.ui.showQuickPick(
    GRANTABLE_ROLES.map((role) => ({ label: role.name, description: held.has(role.id) ? vscode.l10n.t('you have it') : '', detail: role.description, role })),
    { title, placeHolder: vscode.l10n.t('The role you need') },
  );
  if (!picked) throw new UserCancelled();
  return picked.role;
}

/** What a role is for, as the access-policy permissions to ask for: its widest operation on its first kind. */
function roleFocus(role: KnownRole): { kind: ObjectKind; op: AccessOperation } {
  const caps = capabilitiesFromPermissions([role.permissions]);
  for (const op of ['write', 'crypto', 'read', 'list'] as const) {
    const kind = OBJECT_KINDS.find((k) => caps[k][op] === true);
    if (kind) return { kind, op };
  }
  return { kind: 'secret', op: 'list' };
}

/**
 * Request Access…: a ready-to-send message (the vault, its resource id, the role — or the access-policy permissions
 * — your name and object id, your tenant, and the Azure CLI line an admin runs) copied to the clipboard. No request
 * to Azure beyond the access check. Returns the message.
 */
export async function requestAccess(services: Services, vault: VaultTarget): Promise<string> {
  const access = await services.access.check(vault);
  const role = await pickRole(services, vscode.l10n.t('Request access to {0}', vault.name), access);
  const { kind, op } = roleFocus(role);
  const message = accessRequestMessage({
    vaultName: vault.name,
    model: access.model,
    role,
    kind,
    op,
    ...(vault.info ? { resourceId: vault.info.id } : {}),
    ...(access.principal.objectId ? { objectId: access.principal.objectId } : {}),
    ...(access.principal.name ? { principalName: access.principal.name } : {}),
    ...(access.principal.kind ? { principalKind: access.principal.kind } : {}),
    ...(access.principal.tenantId ?? vault.info?.tenantId ? { tenantId: access.principal.tenantId ?? vault.info?.tenantId } : {}),
  });
  await services.clipboard.copyText(message);
  services.ui.notify(vscode.l10n.t('Copied a request for {0} on {1}: paste it to an owner of the vault.', role.name, vault.name), { copied: true });
  return message;
}
