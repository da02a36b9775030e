// RoleAssignments_Create / _Delete: who may write, what a valid request is, and the service's refusals
// (403 AuthorizationFailed, 400 InvalidRoleAssignmentId / RoleDefinitionDoesNotExist / InvalidPrincipalId /
// PrincipalNotFound / InvalidRequestContent, 409 RoleAssignmentExists / RoleAssignmentUpdateNotPermitted).
import type { Principal } from '../directory';
import { EmuError } from '../errors';
import type { TokenClaims } from '../jwt';
import type { World } from '../world';
import { roleAssignmentId } from './json';
import { findRole, grantsAction } from './roles';
import { covers, normalizeScope, vaultScope } from './scope';
import { isGuid, newAssignment, type PrincipalType, type RoleAssignment } from './store';

const PRINCIPAL_TYPES: readonly string[] = ['User', 'ServicePrincipal', 'Group', 'ForeignGroup', 'Device'];

export interface Caller {
  readonly claims: TokenClaims;
  readonly principal: Principal;
}

/** 403 AuthorizationFailed unless one of the caller's assignments at or above `scope` grants `action`. */
export function requireAction(world: World, caller: Caller, scope: string, action: string, over: string): void {
  const mine = world.roleAssignments.applying(world.directory, world.liveVaults(), caller.principal, scope);
  if (mine.some((a) => grantsAction(findRole(a.roleDefinitionId)?.permission ?? { actions: [], notActions: [], dataActions: [], notDataActions: [] }, action))) return;
  const who = caller.claims.upn ?? caller.claims.appid ?? caller.principal.objectId;
  throw new EmuError(
    403,
    'AuthorizationFailed',
    `The client '${who}' with object id '${caller.principal.objectId}' does not have authorization to perform action '${action}' over scope '${over}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

function bad(code: string, message: string): EmuError {
  return new EmuError(400, code, message);
}

function principalKnown(world: World, oid: string, tenantId: string): boolean {
  const t = tenantId.toLowerCase();
  const user = world.directory.userByObjectId(oid);
  const app = world.directory.appByObjectId(oid);
  return (user?.tenants ?? app?.tenants ?? []).some((x) => x.toLowerCase() === t);
}

/** Validates a PUT and returns the assignment to store (or the existing one, unchanged: 200). */
export function createAssignment(world: World, caller: Caller, scopeRaw: string, name: string, body: unknown): { status: 200 | 201; assignment: RoleAssignment } {
  const scope = normalizeScope(scopeRaw);
  requireAction(world, caller, scope, 'Microsoft.Authorization/roleAssignments/write', roleAssignmentId({ scope, name }));
  if (!isGuid(name)) throw bad('InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  const props = (typeof body === 'object' && body !== null ? (body as { properties?: unknown }).properties : undefined) as Record<string, unknown> | undefined;
  if (typeof props !== 'object' || props === null) throw bad('InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  const roleRef = props.roleDefinitionId;
  if (typeof roleRef !== 'string' || roleRef === '') throw bad('InvalidRequestContent', "The request content was invalid: 'properties.roleDefinitionId' is required.");
  const roleGuid = roleRef.split('/').pop() ?? '';
  const role = isGuid(roleGuid) ? findRole(roleGuid) : undefined;
  if (!role) throw bad('RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
  const principalId = props.principalId;
  if (typeof principalId !== 'string' || !isGuid(principalId)) throw bad('InvalidPrincipalId', 'A valid principal ID must be provided for role assignment.');
  const typeRaw = props.principalType;
  if (typeRaw !== undefined && (typeof typeRaw !== 'string' || !PRINCIPAL_TYPES.includes(typeRaw))) {
    throw bad('InvalidRequestContent', `The request content was invalid: principalType ${JSON.stringify(typeRaw)} is not one of ${PRINCIPAL_TYPES.join(', ')}.`);
  }
  // Without principalType the service looks the principal up at once; with it, it accepts a principal that is still
  // replicating (the message's own advice).
  if (typeRaw === undefined && !principalKnown(world, principalId, caller.principal.tenantId)) {
    throw bad(
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${caller.principal.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    );
  }
  const principalType = (typeRaw as PrincipalType | undefined) ?? (world.directory.userByObjectId(principalId) ? 'User' : 'ServicePrincipal');
  const related = world.liveVaults().filter((v) => covers(vaultScope(v), scope) || covers(scope, vaultScope(v)));
  const all = world.roleAssignments.all(world.directory, related, { caller: caller.principal });
  const sameScope = (a: RoleAssignment): boolean => normalizeScope(a.scope).toLowerCase() === scope.toLowerCase();
  const existing = all.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    if (sameScope(existing) && existing.principalId.toLowerCase() === principalId.toLowerCase() && existing.roleDefinitionId === role.id) {
      return { status: 200, assignment: existing };
    }
    throw new EmuError(409, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
  }
  if (all.some((a) => sameScope(a) && a.principalId.toLowerCase() === principalId.toLowerCase() && a.roleDefinitionId === role.id)) {
    throw new EmuError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  }
  const description = typeof props.description === 'string' ? props.description : null;
  const assignment = newAssignment({ name, scope, roleDefinitionId: role.id, principalId, principalType, description, createdBy: caller.principal.objectId }, new Date(world.clock.now()));
  world.roleAssignments.add(assignment);
  return { status: 201, assignment };
}

/** The assignment named `name` at `scope` (exactly there), if any. */
export function findAssignment(world: World, caller: Caller, scope: string, name: string): RoleAssignment | undefined {
  const s = normalizeScope(scope).toLowerCase();
  const related = world.liveVaults().filter((v) => covers(s, vaultScope(v)));
  return world.roleAssignments
    .all(world.directory, related, { caller: caller.principal })
    .find((a) => a.name.toLowerCase() === name.toLowerCase() && normalizeScope(a.scope).toLowerCase() === s);
}

/** Assignments related to `scope`: at or above it, and (unless `atScope`) below it. */
export function assignmentsFor(world: World, caller: Caller, scope: string, atScope: boolean, principalId?: string): RoleAssignment[] {
  const related = world.liveVaults().filter((v) => covers(vaultScope(v), scope) || covers(scope, vaultScope(v)));
  return world.roleAssignments
    .all(world.directory, related, { caller: caller.principal, principalId })
    .filter((a) => covers(a.scope, scope) || (!atScope && covers(scope, a.scope)));
}
