// Why an operation is not allowed, in one line, and a few words per kind for a row (pure).
import * as l10n from '@vscode/l10n';
import type { ObjectKind } from '../../azure/model';
import type { NetworkVerdict } from './network';
import { applicable, ACCESS_OPERATIONS, type AccessOperation, type KindAccess } from './operations';
import { POLICY_PERMISSIONS } from './policies';
import { knownRole, leastRoleFor } from './roles';
import type { AssignedRole, VaultAccess } from './vaultAccess';
import { operationPhrase } from './words';
import { kindNames } from '../kindWords';

/** A role's name as held: the assignment's, else the built-in's, else its guid. */
export function roleName(role: AssignedRole): string {
  return role.name ?? knownRole(role.roleDefinitionId)?.name ?? role.roleDefinitionId.split('/').pop() ?? role.roleDefinitionId;
}

/** The access-policy permissions an operation needs, as `az keyvault set-policy` names them: "secrets: set". */
export function policyNeeds(kind: ObjectKind, op: AccessOperation): string {
  return `${kindNames(kind)}: ${POLICY_PERMISSIONS[kind][op].join(', ')}`;
}

/** One sentence when the network keeps the user out whatever their permissions; undefined otherwise. */
export function networkBlock(network: NetworkVerdict): string | undefined {
  if (network.state === 'firewall' && network.allowed === false) {
    return network.clientIp
      ? l10n.t("The vault's firewall does not allow your IP address {0}.", network.clientIp)
      : l10n.t("The vault's firewall allows no public IP address.");
  }
  return undefined;
}

function rbacReason(access: VaultAccess, kind: ObjectKind, op: AccessOperation): string {
  const what = operationPhrase(kind, op);
  const least = leastRoleFor(kind, op);
  const held = [...new Set(access.roles.map(roleName))];
  const base =
    held.length > 0
      ? l10n.t('Your roles here ({0}) do not allow you to {1}.', held.join(', '), what)
      : l10n.t('No role you hold on this vault allows you to {0}.', what);
  return least ? `${base} ${l10n.t('Needs {0}.', least.name)}` : base;
}

function policyReason(access: VaultAccess, kind: ObjectKind, op: AccessOperation): string {
  const what = operationPhrase(kind, op);
  const base =
    access.policies.length > 0
      ? l10n.t('The access policy for you does not allow you to {0}.', what)
      : l10n.t('No access policy of this vault names you (policies of your groups are not shown), so you cannot {0}.', what);
  return `${base} ${l10n.t('Needs the access policy permission {0}.', policyNeeds(kind, op))}`;
}

/**
 * One line saying why `op` on `kind` is not allowed (the roles held by name, or the policy, or the network) and what
 * would allow it ("Needs Key Vault Secrets Officer."); undefined when allowed or unknown.
 */
export function denialReason(access: VaultAccess, kind: ObjectKind, op: AccessOperation): string | undefined {
  const allowed = applicable(kind, op) ? access.capabilities[kind][op] : undefined;
  const network = networkBlock(access.network);
  if (allowed !== false) return network;
  const reason = access.model === 'accessPolicy' ? policyReason(access, kind, op) : rbacReason(access, kind, op);
  return network ? `${reason} ${network}` : reason;
}

/** A few words for a row's description or tooltip: "no access", "list only", "read-only", "read & use", "read & write", "full access", "access unknown". */
export function kindAccessSummary(access: KindAccess): string {
  const ops = ACCESS_OPERATIONS.filter((op) => op !== 'crypto' || access.crypto !== undefined);
  if (ops.every((op) => access[op] === true)) return l10n.t('full access');
  if (access.list === undefined) return l10n.t('access unknown');
  if (ops.every((op) => access[op] !== true)) return l10n.t('no access');
  if (access.write === true) return access.list === true && access.read === true ? l10n.t('read & write') : l10n.t('write only');
  if (access.crypto === true) return l10n.t('read & use');
  if (access.read === true) return access.list === true ? l10n.t('read-only') : l10n.t('read only, no list');
  return access.list === true ? l10n.t('list only') : l10n.t('limited access');
}
