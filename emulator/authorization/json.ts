// Microsoft.Authorization JSON shapes, as the official examples (api-version 2022-04-01) show them:
// RoleAssignments_Get.json / _CreateForResource.json / _ListForScope.json, GetRoleDefinitionById.json.
import type { RoleAssignment } from './store';

export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';

export function roleDefinitionResourceId(subscriptionId: string | undefined, roleId: string): string {
  return `${subscriptionId ? `/subscriptions/${subscriptionId}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

export function roleAssignmentId(a: Pick<RoleAssignment, 'scope' | 'name'>): string {
  return `${a.scope === '/' ? '' : a.scope}/providers/${ROLE_ASSIGNMENT_TYPE}/${a.name}`;
}

export function roleAssignmentJson(a: RoleAssignment): Record<string, unknown> {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(a.scope)?.[1];
  return {
    properties: {
      roleDefinitionId: roleDefinitionResourceId(sub, a.roleDefinitionId),
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      condition: null,
      conditionVersion: null,
      createdOn: a.createdOn,
      updatedOn: a.updatedOn,
      createdBy: a.createdBy,
      updatedBy: a.updatedBy,
      delegatedManagedIdentityResourceId: null,
      description: a.description ?? null,
    },
    id: roleAssignmentId(a),
    type: ROLE_ASSIGNMENT_TYPE,
    name: a.name,
  };
}
