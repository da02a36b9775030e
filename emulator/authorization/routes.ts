// Microsoft.Authorization on the ARM listener (api-version 2022-04-01, what @azure/arm-authorization 9.0.0 sends):
// Permissions_ListForResourceGroup / _ListForResource, RoleAssignments_ListForScope (and the subscription, resource
// group and resource lists, which are the same path shape) / _Get / _Create / _Delete, RoleDefinitions_List / _Get.
// Scopes are taken as the SDK sends them (`//subscriptions/…` from a scope with a leading slash, `Microsoft.KeyVault//vaults`
// from an empty parentResourcePath) and normalised.
import type { Principal, Subscription } from '../directory';
import { EmuError } from '../errors';
import { parseJsonBody, type HttpInput } from '../httpio';
import type { TokenClaims } from '../jwt';
import type { EmuResponse } from '../types';
import type { World } from '../world';
import { assignmentsFor, createAssignment, findAssignment, requireAction } from './assign';
import { parseAssignmentFilter, parseDefinitionFilter } from './filters';
import { roleAssignmentId, roleAssignmentJson } from './json';
import { BUILT_IN_ROLES, findRole, permissionJson, roleDefinitionJson } from './roles';
import { normalizeScope, subscriptionOf, vaultScope } from './scope';

interface Call {
  readonly input: HttpInput;
  readonly params: Record<string, string>;
  readonly claims: TokenClaims;
  readonly principal: Principal;
}

export interface AuthorizationArmDeps<C extends Call> {
  readonly world: World;
  /** The call's subscription (`params.sub`), or the ARM error (404, 401 other tenant, 403 not a reader). */
  subscription(call: C, action: string): Subscription;
  page(call: C, items: readonly Record<string, unknown>[]): EmuResponse;
}

export interface AuthorizationArmRoute<C> {
  readonly method: string;
  readonly pattern: RegExp;
  readonly run: (call: C) => EmuResponse;
}

const AUTH = 'providers/Microsoft\\.Authorization';
const SCOPE = '(?<scope>(?:/+[^?]*?)?)';

export function authorizationArmRoutes<C extends Call>(deps: AuthorizationArmDeps<C>): AuthorizationArmRoute<C>[] {
  const w = deps.world;
  /** Checks the scope's subscription like every ARM call (scopes without one: the root, nothing to check). */
  const inSubscription = (c: C, scope: string, action: string): Subscription | undefined => {
    const sub = subscriptionOf(scope);
    return sub === undefined ? undefined : deps.subscription({ ...c, params: { ...c.params, sub } }, action);
  };
  const permissions = (c: C, resource: string): EmuResponse => {
    inSubscription(c, resource, 'Microsoft.Authorization/permissions/read');
    const mine = w.roleAssignments.applying(w.directory, w.liveVaults(), c.principal, resource);
    return deps.page(c, mine.flatMap((a) => { const role = findRole(a.roleDefinitionId); return role ? [permissionJson(role.permission)] : []; }));
  };
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/+subscriptions/(?<sub>[^/]+)/resourcegroups/(?<rg>[^/]+)/${AUTH}/permissions/?$`, 'i'),
      run: (c) => permissions(c, `/subscriptions/${c.params.sub}/resourceGroups/${c.params.rg}`),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/+subscriptions/(?<sub>[^/]+)/resourcegroups/(?<rg>[^/]+)/providers/(?<rest>.+?)/${AUTH}/permissions/?$`, 'i'),
      run: (c) => {
        const resource = normalizeScope(`/subscriptions/${c.params.sub}/resourceGroups/${c.params.rg}/providers/${c.params.rest}`);
        const kv = /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(resource);
        if (kv) {
          inSubscription(c, resource, 'Microsoft.Authorization/permissions/read');
          const v = w.liveVaults().find((x) => vaultScope(x).toLowerCase() === resource.toLowerCase());
          if (!v) {
            throw new EmuError(404, 'ResourceNotFound', `The Resource 'Microsoft.KeyVault/vaults/${kv[1]}' under resource group '${c.params.rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
          }
          return permissions(c, vaultScope(v));
        }
        return permissions(c, resource);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleAssignments/?$`, 'i'),
      run: (c) => {
        const scope = normalizeScope(c.params.scope ?? '');
        const filter = parseAssignmentFilter(c.input.query.get('$filter'));
        if (!inSubscription(c, scope, 'Microsoft.Authorization/roleAssignments/read')) return deps.page(c, []);
        return deps.page(c, assignmentsFor(w, c, scope, filter.atScope, filter.principalId).map(roleAssignmentJson));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleAssignments/(?<name>[^/]+)/?$`, 'i'),
      run: (c) => {
        const scope = normalizeScope(c.params.scope ?? '');
        inSubscription(c, scope, 'Microsoft.Authorization/roleAssignments/read');
        const found = findAssignment(w, c, scope, c.params.name ?? '');
        if (!found) throw new EmuError(404, 'RoleAssignmentNotFound', `The role assignment '${c.params.name}' is not found.`);
        return { status: 200, body: roleAssignmentJson(found) };
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleAssignments/(?<name>[^/]+)/?$`, 'i'),
      run: (c) => {
        const scope = normalizeScope(c.params.scope ?? '');
        inSubscription(c, scope, 'Microsoft.Authorization/roleAssignments/write');
        const body: unknown = parseJsonBody(c.input.body);
        const { status, assignment } = createAssignment(w, c, scope, c.params.name ?? '', body);
        return { status, body: roleAssignmentJson(assignment) };
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleAssignments/(?<name>[^/]+)/?$`, 'i'),
      run: (c) => {
        const scope = normalizeScope(c.params.scope ?? '');
        inSubscription(c, scope, 'Microsoft.Authorization/roleAssignments/delete');
        const name = c.params.name ?? '';
        requireAction(w, c, scope, 'Microsoft.Authorization/roleAssignments/delete', roleAssignmentId({ scope, name }));
        const found = findAssignment(w, c, scope, name);
        if (!found) return { status: 204 };
        w.roleAssignments.remove(found.name);
        return { status: 200, body: roleAssignmentJson(found) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleDefinitions/?$`, 'i'),
      run: (c) => {
        const scope = normalizeScope(c.params.scope ?? '');
        const sub = inSubscription(c, scope, 'Microsoft.Authorization/roleDefinitions/read');
        const f = parseDefinitionFilter(c.input.query.get('$filter'));
        const roles = BUILT_IN_ROLES.filter(
          (r) => (f.roleName === undefined || r.roleName.toLowerCase() === f.roleName.toLowerCase()) && (f.type === undefined || f.type.toLowerCase() === 'builtinrole'),
        );
        return deps.page(c, roles.map((r) => roleDefinitionJson(r, sub?.id)));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${SCOPE}/${AUTH}/roleDefinitions/(?<id>[^/]+)/?$`, 'i'),
      run: (c) => {
        const sub = inSubscription(c, normalizeScope(c.params.scope ?? ''), 'Microsoft.Authorization/roleDefinitions/read');
        const role = findRole(c.params.id ?? '');
        if (!role || role.id !== (c.params.id ?? '').toLowerCase()) {
          throw new EmuError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${c.params.id}' does not exist.`);
        }
        return { status: 200, body: roleDefinitionJson(role, sub?.id) };
      },
    },
  ];
}
