// Azure built-in role definitions the emulator knows, with their real ids and permissions, as documented on
// "Azure built-in roles" (learn.microsoft.com/azure/role-based-access-control/built-in-roles; the General,
// Privileged and Security pages — source MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/
// {general,privileged,security}.md). Data actions are the Microsoft.KeyVault data actions of "Azure permissions for
// Security" (learn.microsoft.com/azure/role-based-access-control/permissions/security#microsoftkeyvault).

export interface RolePermission {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly dataActions: readonly string[];
  readonly notDataActions: readonly string[];
}

export interface RoleDefinition {
  readonly id: string;
  readonly roleName: string;
  readonly description: string;
  readonly permission: RolePermission;
}

const KV_CONTROL_READ = [
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

const RBAC_ONLY = " Only works for key vaults that use the 'Azure role-based access control' permission model.";

function role(id: string, roleName: string, description: string, p: Partial<RolePermission>): RoleDefinition {
  return {
    id,
    roleName,
    description,
    permission: { actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] },
  };
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', { actions: ['*'] }),
  role(
    'b24988ac-6180-42a0-ab88-20f7382dd24c',
    'Contributor',
    'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    {
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action',
        'Microsoft.Blueprint/blueprintAssignments/write', 'Microsoft.Blueprint/blueprintAssignments/delete', 'Microsoft.Compute/galleries/share/action',
        'Microsoft.Purview/consents/write', 'Microsoft.Purview/consents/delete', 'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
        'Microsoft.Subscription/cancel/action', 'Microsoft.Subscription/enable/action',
      ],
    },
  ),
  role('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', { actions: ['*/read'] }),
  role('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', 'Lets you manage user access to Azure resources.', {
    actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'],
  }),
  role(
    'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
    'Role Based Access Control Administrator',
    'Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.',
    { actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'] },
  ),
  role(
    '00482a5a-887f-4fb3-b363-3b7fe8e74483',
    'Key Vault Administrator',
    'Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments.' + RBAC_ONLY,
    { actions: KV_CONTROL_READ, dataActions: ['Microsoft.KeyVault/vaults/*'] },
  ),
  role(
    '21090545-7ca7-4776-b22c-e363652d74d2',
    'Key Vault Reader',
    'Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material.' + RBAC_ONLY,
    { actions: KV_CONTROL_READ, dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'] },
  ),
  role('f25e0fa2-a7c8-4377-a976-54943a77a395', 'Key Vault Contributor', 'Lets you manage key vaults, but not access to them.', {
    actions: ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.KeyVault/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*'],
    notActions: ['Microsoft.KeyVault/locations/deletedVaults/purge/action', 'Microsoft.KeyVault/hsmPools/*', 'Microsoft.KeyVault/managedHsms/*'],
  }),
  role(
    'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
    'Key Vault Secrets Officer',
    'Perform any action on the secrets of a key vault, except manage permissions.' + RBAC_ONLY,
    { actions: KV_CONTROL_READ, dataActions: ['Microsoft.KeyVault/vaults/secrets/*'] },
  ),
  role('4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Secrets User', 'Read secret contents.' + RBAC_ONLY, {
    dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
  }),
  role(
    '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
    'Key Vault Crypto Officer',
    'Perform any action on the keys of a key vault, except manage permissions.' + RBAC_ONLY,
    { actions: KV_CONTROL_READ, dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'] },
  ),
  role('12338af0-0e69-4776-bea7-57ae8d297424', 'Key Vault Crypto User', 'Perform cryptographic operations using keys.' + RBAC_ONLY, {
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/update/action', 'Microsoft.KeyVault/vaults/keys/backup/action',
      'Microsoft.KeyVault/vaults/keys/encrypt/action', 'Microsoft.KeyVault/vaults/keys/decrypt/action', 'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action', 'Microsoft.KeyVault/vaults/keys/sign/action', 'Microsoft.KeyVault/vaults/keys/verify/action',
    ],
  }),
  role(
    'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    'Key Vault Crypto Service Encryption User',
    'Read metadata of keys and perform wrap/unwrap operations.' + RBAC_ONLY,
    {
      actions: ['Microsoft.EventGrid/eventSubscriptions/write', 'Microsoft.EventGrid/eventSubscriptions/read', 'Microsoft.EventGrid/eventSubscriptions/delete'],
      dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
    },
  ),
  role(
    'a4417e6f-fecd-4de8-b567-7b0420556985',
    'Key Vault Certificates Officer',
    'Perform any action on the certificates of a key vault, except manage permissions.' + RBAC_ONLY,
    {
      actions: KV_CONTROL_READ,
      dataActions: ['Microsoft.KeyVault/vaults/certificatecas/*', 'Microsoft.KeyVault/vaults/certificates/*', 'Microsoft.KeyVault/vaults/certificatecontacts/write'],
    },
  ),
  role('db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', 'Key Vault Certificate User', 'Read certificate contents.' + RBAC_ONLY, {
    dataActions: [
      'Microsoft.KeyVault/vaults/certificates/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/keys/read',
    ],
  }),
];

/** A built-in role by id (guid, or a full `…/roleDefinitions/{guid}` id) or by name, case-insensitive. */
export function findRole(nameOrId: string): RoleDefinition | undefined {
  const key = nameOrId.trim().toLowerCase();
  const guid = key.split('/').pop() ?? key;
  return BUILT_IN_ROLES.find((r) => r.id === guid || r.roleName.toLowerCase() === key);
}

/** RoleDefinitions_Get / _List item, as the official examples (GetRoleDefinitionById.json) show it. */
export function roleDefinitionJson(r: RoleDefinition, subscriptionId?: string): Record<string, unknown> {
  const prefix = subscriptionId ? `/subscriptions/${subscriptionId}` : '';
  return {
    properties: {
      roleName: r.roleName,
      type: 'BuiltInRole',
      description: r.description,
      assignableScopes: ['/'],
      permissions: [permissionJson(r.permission)],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-12T16:49:52.1750000Z',
      createdBy: null,
      updatedBy: null,
    },
    id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${r.id}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: r.id,
  };
}

export function permissionJson(p: RolePermission): Record<string, string[]> {
  return { actions: [...p.actions], notActions: [...p.notActions], dataActions: [...p.dataActions], notDataActions: [...p.notDataActions] };
}

/** Whether an action (`Microsoft.KeyVault/vaults/secrets/getSecret/action`) matches a pattern with `*` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

function grants(allowed: readonly string[], denied: readonly string[], action: string): boolean {
  return allowed.some((p) => actionMatches(p, action)) && !denied.some((p) => actionMatches(p, action));
}

export function grantsAction(p: RolePermission, action: string): boolean {
  return grants(p.actions, p.notActions, action);
}

export function grantsDataAction(p: RolePermission, action: string): boolean {
  return grants(p.dataActions, p.notDataActions, action);
}
