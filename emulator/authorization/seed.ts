// Seeding: role assignments of vaults and subscriptions (seed format in emulator/README.md, "Authorization") and the
// default access policies of a vault without RBAC seeded without `accessPolicies`.
import type { Directory } from '../directory';
import type { SeedRoleAssignment } from '../seed';
import type { World } from '../world';
import { findRole } from './roles';
import { derivedGuid, newAssignment, principalTypeOf } from './store';

/** Adds seeded assignments below `baseScope` (a vault's or a subscription's id). */
export function seedRoleAssignments(world: World, baseScope: string, items: readonly SeedRoleAssignment[], createdAt: number): void {
  for (const item of items) {
    const role = findRole(item.role);
    if (!role) throw new Error(`seed: ${baseScope}: unknown role ${item.role}`);
    const scope = `${baseScope}${item.scope ?? ''}`;
    world.roleAssignments.add(
      newAssignment(
        {
          name: item.id ?? derivedGuid('kv-emulator-seed', scope, item.principalId, role.id),
          scope,
          roleDefinitionId: role.id,
          principalId: item.principalId,
          principalType: item.principalType ?? principalTypeOf(world.directory, item.principalId),
        },
        new Date(createdAt * 1000),
      ),
    );
  }
}

const ALL = {
  keys: ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'decrypt', 'encrypt', 'unwrapKey', 'wrapKey', 'verify', 'sign', 'purge', 'release', 'rotate', 'getrotationpolicy', 'setrotationpolicy'],
  secrets: ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'],
  certificates: ['get', 'list', 'update', 'create', 'import', 'delete', 'recover', 'backup', 'restore', 'managecontacts', 'manageissuers', 'getissuers', 'listissuers', 'setissuers', 'deleteissuers', 'purge'],
};

/** One all-permissions access policy per user and app of the tenant (the default of a vault without RBAC). */
export function defaultAccessPolicies(directory: Directory, tenantId: string): Record<string, unknown>[] {
  const inTenant = (tenants: readonly string[]): boolean => tenants.some((t) => t.toLowerCase() === tenantId.toLowerCase());
  const oids = [
    ...[...directory.users.values()].filter((u) => inTenant(u.tenants)).map((u) => u.objectId),
    ...[...directory.apps.values()].filter((a) => inTenant(a.tenants)).map((a) => a.objectId),
  ];
  return oids.map((objectId) => ({
    tenantId,
    objectId,
    permissions: { keys: [...ALL.keys], secrets: [...ALL.secrets], certificates: [...ALL.certificates], storage: [] },
  }));
}
