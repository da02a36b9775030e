import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { capabilitiesFromPermissions, OBJECT_KINDS, ACCESS_OPERATIONS, type KnownRole, type VaultAccess } from '../../model/access';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { youAre } from './accessVault';
import { pickRole } from './requestAccess';

/** Azure applies a new role assignment within minutes: the verdict is asked again after these delays until it shows. */
const RECHECK_AFTER_MS = [15_000, 60_000, 180_000];

/** Every operation the role allows is allowed now (the assignment has reached the data plane's view of ARM). */
function applied(access: VaultAccess, role: KnownRole): boolean {
  const caps = capabilitiesFromPermissions([role.permissions]);
  return OBJECT_KINDS.every((k) => ACCESS_OPERATIONS.every((op) => caps[k][op] !== true || access.capabilities[k][op] === true));
}

/**
 * Grant Me…: assigns a Key Vault data role to the signed-in user at the vault's scope, through ARM
 * (`Microsoft.Authorization/roleAssignments`), after a confirmation naming the role, the user and the scope. Offered
 * where the access check says the user may write role assignments there (Owner, User Access Administrator, RBAC
 * Administrator). The tree asks again at once and then a few times while Azure applies it. Returns the verdict after.
 */
export async function grantMe(services: Services, vault: VaultTarget): Promise<VaultAccess> {
  const info = vault.info;
  const access = await services.access.check(vault);
  if (!info || access.model === 'unknown') throw new Error(access.problem ?? vscode.l10n.t('What you may do in {0} is unknown, so no role can be assigned from here.', vault.name));
  if (access.model === 'accessPolicy') {
    throw new Error(vscode.l10n.t('{0} uses access policies, not Azure RBAC: a role gives no access to its secrets, keys or certificates. Use Request Access… to ask an owner for a policy.', vault.name));
  }
  if (access.canAssignRoles !== true) {
    throw new Error(vscode.l10n.t('You may not assign roles on {0} (that needs Owner, User Access Administrator or Role Based Access Control Administrator). Use Request Access… to ask an owner.', vault.name));
  }
  const objectId = access.principal.objectId;
  if (!objectId) throw new Error(vscode.l10n.t('Your object id is unknown (the token does not say it), so no role can be assigned to you from here.'));
  const role = await pickRole(services, vscode.l10n.t('Grant yourself a role on {0}', vault.name), access);
  const assign = vscode.l10n.t('Assign');
  const confirmed = await services.ui.confirm(
    vscode.l10n.t('Assign {0} on {1} to {2}?', role.name, vault.name, youAre(access.principal.name)),
    vscode.l10n.t('{0}\n\nScope: {1}\nObject id: {2}\n\nThis is a role assignment in Azure: the vault\'s owners can see it, and it stays until someone removes it. Azure can take a few minutes to apply it.', role.description, info.id, objectId),
    assign,
  );
  if (confirmed !== assign) throw new UserCancelled();
  const { arm } = await services.clients.get();
  const signal = services.operations.current()?.signal;
  try {
    await arm.access.assignRole(info, role.id, objectId, access.principal.kind === 'servicePrincipal' ? 'ServicePrincipal' : 'User', signal);
    services.log.info(`grant: ${role.name} assigned on ${vault.name}`);
  } catch (error) {
    if (classifyError(error).code !== 'RoleAssignmentExists') throw error;
    services.log.info(`grant: ${role.name} was already assigned on ${vault.name}`);
  }
  const after = await services.access.check(vault, { refresh: true });
  if (applied(after, role)) {
    services.ui.notify(vscode.l10n.t('{0} is yours on {1}.', role.name, vault.name));
  } else {
    services.ui.notify(vscode.l10n.t('{0} is assigned to you on {1}. Azure can take a few minutes to apply it: the vault is checked again meanwhile.', role.name, vault.name));
    recheckLater(services, vault, role);
  }
  return after;
}

/** Asks again after each delay until the role shows (the tree redraws the vault when the verdict changes). */
function recheckLater(services: Services, vault: VaultTarget, role: KnownRole, delays: readonly number[] = RECHECK_AFTER_MS): void {
  const [next, ...rest] = delays;
  if (next === undefined) return;
  const timer = setTimeout(() => {
    void services.access.check(vault, { refresh: true }).then((access) => {
      if (!applied(access, role)) recheckLater(services, vault, role, rest);
    });
  }, next);
  timer.unref?.();
}
