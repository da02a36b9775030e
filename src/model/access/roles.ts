// The Azure built-in roles that matter for Key Vault, with their real ids and permissions, and which of them
// Grant Me… offers. Definitions as published in "Azure built-in roles" → Security (Key Vault *) and General
// (Owner, Contributor, Reader, User Access Administrator, Role Based Access Control Administrator):
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security and
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/general
// (control-plane actions kept to what matters here: Microsoft.Authorization and Microsoft.KeyVault).
import type { ObjectKind } from '../../azure/model';
import { ACCESS_OPERATIONS, OBJECT_KINDS, type AccessOperation } from './operations';
import { capabilitiesFromPermissions, type PermissionSet } from './rbac';

export interface KnownRole {
  /** The role definition's guid. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Offered by Grant Me… (a data-plane role for one kind, or Key Vault Reader). */
  readonly grantable: boolean;
  readonly permissions: PermissionSet;
}

const KV_READ_ACTIONS = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read',
];

const role = (id: string, name: string, description: string, grantable: boolean, permissions: PermissionSet): KnownRole => ({ id, name, description, grantable, permissions });

export const KEY_VAULT_SECRETS_USER = role('4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Secrets User', 'Read secret contents.', true, {
  dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
});
export const KEY_VAULT_SECRETS_OFFICER = role('b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'Key Vault Secrets Officer', 'Perform any action on the secrets of a key vault, except manage permissions.', true, {
  actions: KV_READ_ACTIONS,
  dataActions: ['Microsoft.KeyVault/vaults/secrets/*'],
});
export const KEY_VAULT_CRYPTO_USER = role('12338af0-0e69-4776-bea7-57ae8d297424', 'Key Vault Crypto User', 'Perform cryptographic operations using keys.', true, {
  dataActions: [
    'Microsoft.KeyVault/vaults/keys/read',
    'Microsoft.KeyVault/vaults/keys/update/action',
    'Microsoft.KeyVault/vaults/keys/backup/action',
    'Microsoft.KeyVault/vaults/keys/encrypt/action',
    'Microsoft.KeyVault/vaults/keys/decrypt/action',
    'Microsoft.KeyVault/vaults/keys/wrap/action',
    'Microsoft.KeyVault/vaults/keys/unwrap/action',
    'Microsoft.KeyVault/vaults/keys/sign/action',
    'Microsoft.KeyVault/vaults/keys/verify/action',
  ],
});
export const KEY_VAULT_CRYPTO_OFFICER = role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603', 'Key Vault Crypto Officer', 'Perform any action on the keys of a key vault, except manage permissions.', true, {
  actions: KV_READ_ACTIONS,
  dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
});
export const KEY_VAULT_CERTIFICATES_OFFICER = role('a4417e6f-fecd-4de8-b567-7b0420556985', 'Key Vault Certificates Officer', 'Perform any action on the certificates of a key vault, except manage permissions.', true, {
  actions: KV_READ_ACTIONS,
  dataActions: ['Microsoft.KeyVault/vaults/certificatecas/*', 'Microsoft.KeyVault/vaults/certificates/*', 'Microsoft.KeyVault/vaults/certificatecontacts/write'],
});
export const KEY_VAULT_READER = role('21090545-7ca7-4776-b22c-e363652d74d2', 'Key Vault Reader', 'Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material.', true, {
  actions: KV_READ_ACTIONS,
  dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
});

export const KNOWN_ROLES: readonly KnownRole[] = [
  role('00482a5a-887f-4fb3-b363-3b7fe8e74483', 'Key Vault Administrator', 'Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments.', false, {
    actions: KV_READ_ACTIONS,
    dataActions: ['Microsoft.KeyVault/vaults/*'],
  }),
  KEY_VAULT_READER,
  role('f25e0fa2-a7c8-4377-a976-54943a77a395', 'Key Vault Contributor', 'Manage key vaults, but does not allow you to assign roles in Azure RBAC, and does not allow you to access secrets, keys, or certificates.', false, {
    actions: ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.KeyVault/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*'],
    notActions: ['Microsoft.KeyVault/locations/deletedVaults/purge/action', 'Microsoft.KeyVault/hsmPools/*', 'Microsoft.KeyVault/managedHsms/*'],
  }),
  KEY_VAULT_SECRETS_OFFICER,
  KEY_VAULT_SECRETS_USER,
  KEY_VAULT_CRYPTO_OFFICER,
  KEY_VAULT_CRYPTO_USER,
  role('e147488a-f6f5-4113-8e2d-b22465e65bf6', 'Key Vault Crypto Service Encryption User', 'Read metadata of keys and perform wrap/unwrap operations.', false, {
    actions: ['Microsoft.EventGrid/eventSubscriptions/write', 'Microsoft.EventGrid/eventSubscriptions/read', 'Microsoft.EventGrid/eventSubscriptions/delete'],
    dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
  }),
  KEY_VAULT_CERTIFICATES_OFFICER,
  role('db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', 'Key Vault Certificate User', 'Read certificate contents.', false, {
    dataActions: ['Microsoft.KeyVault/vaults/certificates/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/keys/read'],
  }),
  role('8b54135c-b56d-4d72-a534-26097cfdc8d8', 'Key Vault Data Access Administrator', 'Manage access to Azure Key Vault by adding or removing role assignments for the Key Vault data roles (an ABAC condition limits which roles).', false, {
    actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', 'Microsoft.Authorization/*/read', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Resources/subscriptions/read', 'Microsoft.Management/managementGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/vaults/*/read'],
  }),
  role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', false, { actions: ['*'] }),
  role('b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor', 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.', false, {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action', 'Microsoft.Blueprint/blueprintAssignments/write', 'Microsoft.Blueprint/blueprintAssignments/delete', 'Microsoft.Compute/galleries/share/action', 'Microsoft.Purview/consents/write', 'Microsoft.Purview/consents/delete'],
  }),
  role('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', false, { actions: ['*/read'] }),
  role('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', 'Lets you manage user access to Azure resources.', false, { actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'] }),
  role('f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator', 'Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.', false, {
    actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'],
  }),
];

/** The guid of a role definition id given as a guid or as `/…/providers/Microsoft.Authorization/roleDefinitions/{guid}`. */
export function roleGuid(roleDefinitionId: string): string {
  const trimmed = roleDefinitionId.trim().replace(/\/+$/, '');
  return (trimmed.split('/').pop() ?? '').toLowerCase();
}

/** By guid or full `/subscriptions/…/roleDefinitions/{guid}` id (case-insensitive). */
export function knownRole(roleDefinitionId: string): KnownRole | undefined {
  const guid = roleGuid(roleDefinitionId);
  return guid === '' ? undefined : KNOWN_ROLES.find((r) => r.id === guid);
}

/** The roles Grant Me… offers, in this order: Key Vault Secrets User, Secrets Officer, Crypto User, Crypto Officer, Certificates Officer, Reader. */
export const GRANTABLE_ROLES: readonly KnownRole[] = [
  KEY_VAULT_SECRETS_USER,
  KEY_VAULT_SECRETS_OFFICER,
  KEY_VAULT_CRYPTO_USER,
  KEY_VAULT_CRYPTO_OFFICER,
  KEY_VAULT_CERTIFICATES_OFFICER,
  KEY_VAULT_READER,
];

/**
 * How much a grantable role exposes, least first: Key Vault Reader reads no value; the Users read values (and use
 * keys); the Officers change and delete.
 */
const PRIVILEGE: ReadonlyMap<string, number> = new Map([
  [KEY_VAULT_READER.id, 1],
  [KEY_VAULT_SECRETS_USER.id, 2],
  [KEY_VAULT_CRYPTO_USER.id, 2],
  [KEY_VAULT_SECRETS_OFFICER.id, 3],
  [KEY_VAULT_CRYPTO_OFFICER.id, 3],
  [KEY_VAULT_CERTIFICATES_OFFICER.id, 3],
]);

/** How many operations a role allows in all, to break ties of privilege. */
function breadth(r: KnownRole): number {
  const caps = capabilitiesFromPermissions([r.permissions]);
  return OBJECT_KINDS.reduce((n, k) => n + ACCESS_OPERATIONS.filter((op) => caps[k][op] === true).length, 0);
}

/** The least-privileged grantable role that allows `op` on `kind`; undefined if none. */
export function leastRoleFor(kind: ObjectKind, op: AccessOperation): KnownRole | undefined {
  const fitting = GRANTABLE_ROLES.filter((r) => capabilitiesFromPermissions([r.permissions])[kind][op] === true);
  const rank = (r: KnownRole) => (PRIVILEGE.get(r.id) ?? 9) * 1000 + breadth(r);
  return [...fitting].sort((a, b) => rank(a) - rank(b))[0];
}
