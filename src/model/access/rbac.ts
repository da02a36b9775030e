// Azure RBAC, read purely: whether a set of permissions (a role definition's, or what ARM's
// `Microsoft.Authorization/permissions` API returns for the caller at a vault) allows an action, and which Key Vault
// data actions each operation needs.
//
// Data actions: "Azure permissions for Security" → Microsoft.KeyVault (DataAction table),
// https://learn.microsoft.com/azure/role-based-access-control/permissions/security#microsoftkeyvault
// Wildcards and NotActions / NotDataActions: "Understand Azure role definitions",
// https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions
import type { ObjectKind } from '../../azure/model';
import { buildCapabilities, type AccessOperation, type VaultCapabilities } from './operations';

/** One permission block (shape of @azure/arm-authorization's Permission; every field optional there). */
export interface PermissionSet {
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly dataActions?: readonly string[];
  readonly notDataActions?: readonly string[];
}

/** An action pattern as ARM reads it: case-insensitive, `*` matches any run of characters (slashes included). */
function matches(pattern: string, action: string): boolean {
  const body = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i').test(action.trim());
}

/**
 * Whether `action` is allowed: some set grants it by its actions (dataActions for the data plane) and does not take
 * it back by its notActions (notDataActions) — a NotAction only subtracts from its own set, as ARM computes it.
 */
export function actionAllowed(sets: readonly PermissionSet[], action: string, plane: 'control' | 'data'): boolean {
  return sets.some((set) => {
    const granted = (plane === 'data' ? set.dataActions : set.actions) ?? [];
    const removed = (plane === 'data' ? set.notDataActions : set.notActions) ?? [];
    return granted.some((p) => matches(p, action)) && !removed.some((p) => matches(p, action));
  });
}

const S = 'Microsoft.KeyVault/vaults/secrets/';
const K = 'Microsoft.KeyVault/vaults/keys/';
const C = 'Microsoft.KeyVault/vaults/certificates/';

/**
 * The data actions each operation needs, per kind (every one must be allowed). `crypto` needs nothing for secrets
 * and certificates: it does not apply to them. Deleted secrets are listed with readMetadata, deleted keys and
 * certificates with their `read`.
 */
export const DATA_ACTIONS: Readonly<Record<ObjectKind, Readonly<Record<AccessOperation, readonly string[]>>>> = {
  secret: {
    list: [`${S}readMetadata/action`],
    read: [`${S}getSecret/action`],
    write: [`${S}setSecret/action`, `${S}update/action`],
    delete: [`${S}delete`],
    listDeleted: [`${S}readMetadata/action`],
    recover: [`${S}recover/action`],
    purge: [`${S}purge/action`],
    backup: [`${S}backup/action`],
    restore: [`${S}restore/action`],
    crypto: [],
  },
  key: {
    list: [`${K}read`],
    read: [`${K}read`],
    write: [`${K}create/action`, `${K}update/action`],
    delete: [`${K}delete`],
    listDeleted: [`${K}read`],
    recover: [`${K}recover/action`],
    purge: [`${K}purge/action`],
    backup: [`${K}backup/action`],
    restore: [`${K}restore/action`],
    crypto: [`${K}encrypt/action`, `${K}decrypt/action`, `${K}sign/action`, `${K}verify/action`],
  },
  certificate: {
    list: [`${C}read`],
    read: [`${C}read`],
    write: [`${C}create/action`, `${C}update/action`],
    delete: [`${C}delete`],
    listDeleted: [`${C}read`],
    recover: [`${C}recover/action`],
    purge: [`${C}purge/action`],
    backup: [`${C}backup/action`],
    restore: [`${C}restore/action`],
    crypto: [],
  },
};

/** What the permissions allow on each kind (operations that do not apply to a kind stay undefined). */
export function capabilitiesFromPermissions(sets: readonly PermissionSet[]): VaultCapabilities {
  return buildCapabilities((kind, op) => DATA_ACTIONS[kind][op].every((a) => actionAllowed(sets, a, 'data')));
}

export const ROLE_ASSIGNMENTS_WRITE = 'Microsoft.Authorization/roleAssignments/write';

/** Microsoft.Authorization/roleAssignments/write allowed (Owner, User Access Administrator, RBAC Administrator…). */
export function canAssignRoles(sets: readonly PermissionSet[]): boolean {
  return actionAllowed(sets, ROLE_ASSIGNMENTS_WRITE, 'control');
}
