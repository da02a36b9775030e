// Role assignments: the explicit ones (seeded or created through ARM at run time) and the synthesized defaults of
// vaults seeded without `roleAssignments` (Owner and Key Vault Administrator at the vault for every principal of the
// vault's tenant, with ids derived from vault, principal and role so they are the same on every call).
import { createHash } from 'node:crypto';
import type { Directory } from '../directory';
import type { VaultRecord } from '../world';
import { findRole } from './roles';
import { covers, normalizeScope, vaultScope } from './scope';

export type PrincipalType = 'User' | 'ServicePrincipal' | 'Group';

export interface RoleAssignment {
  /** The assignment's name (a GUID). */
  readonly name: string;
  /** Full ARM scope, e.g. `/subscriptions/…/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v/secrets/s`. */
  readonly scope: string;
  /** Role definition GUID. */
  readonly roleDefinitionId: string;
  readonly principalId: string;
  readonly principalType: PrincipalType;
  readonly description?: string | null;
  readonly createdOn: string;
  readonly updatedOn: string;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  /** Synthesized default (not stored). */
  readonly synthesized?: boolean;
}

const OWNER = findRole('Owner')!.id;
const KV_ADMIN = findRole('Key Vault Administrator')!.id;

function derivedGuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|').toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function isGuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Whether `oid` is a principal of `tenantId`: a user or app of that tenant, or an object the directory does not
 * know (a token minted for tests by the control API vouches for it). */
export function isPrincipalOf(directory: Directory, oid: string, tenantId: string): boolean {
  const user = directory.userByObjectId(oid);
  if (user) return user.tenants.some((t) => t.toLowerCase() === tenantId.toLowerCase());
  const app = directory.appByObjectId(oid);
  if (app) return app.tenants.some((t) => t.toLowerCase() === tenantId.toLowerCase());
  return true;
}

export function principalTypeOf(directory: Directory, oid: string): PrincipalType {
  return directory.userByObjectId(oid) ? 'User' : 'ServicePrincipal';
}

export interface AssignmentQuery {
  /** The caller (always offered its synthesized defaults when it is a principal of the vault's tenant). */
  readonly caller?: { readonly objectId: string; readonly tenantId: string };
  /** Only this principal's assignments. */
  readonly principalId?: string;
}

export class RoleAssignmentStore {
  private readonly explicit: RoleAssignment[] = [];
  /** Names of synthesized defaults deleted through ARM. */
  private readonly removedDefaults = new Set<string>();

  /** Adds an assignment; one with the same name is replaced (a seed loaded twice adds nothing twice). */
  add(a: RoleAssignment): void {
    const i = this.explicit.findIndex((x) => x.name.toLowerCase() === a.name.toLowerCase());
    if (i >= 0) this.explicit.splice(i, 1, a);
    else this.explicit.push(a);
  }

  remove(name: string): void {
    const i = this.explicit.findIndex((a) => a.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) this.explicit.splice(i, 1);
    else this.removedDefaults.add(name.toLowerCase());
  }

  /**
   * Every assignment (explicit and synthesized) visible for the query, in a stable order. `vaults` are the vaults
   * whose defaults to synthesize (callers pass only those related to the scope they look at).
   */
  all(directory: Directory, vaults: readonly VaultRecord[], q: AssignmentQuery = {}): RoleAssignment[] {
    const out = [...this.explicit];
    const pid = q.principalId?.toLowerCase();
    for (const v of vaults) {
      if (!v.defaultRoleAssignments || v.deleted) continue;
      for (const oid of this.defaultPrincipals(directory, v, q)) {
        if (pid !== undefined && oid.toLowerCase() !== pid) continue;
        for (const role of [OWNER, KV_ADMIN]) {
          const name = derivedGuid('kv-emulator-default', v.name, oid, role);
          if (this.removedDefaults.has(name)) continue;
          const at = new Date(v.createdAt * 1000).toISOString();
          out.push({
            name, scope: vaultScope(v), roleDefinitionId: role, principalId: oid, principalType: principalTypeOf(directory, oid),
            createdOn: at, updatedOn: at, createdBy: null, updatedBy: null, synthesized: true,
          });
        }
      }
    }
    return pid === undefined ? out : out.filter((a) => a.principalId.toLowerCase() === pid);
  }

  /** The caller's assignments that apply at `resource` (at it or above it). */
  applying(directory: Directory, vaults: readonly VaultRecord[], caller: { objectId: string; tenantId: string }, resource: string): RoleAssignment[] {
    const related = vaults.filter((v) => covers(vaultScope(v), resource));
    return this.all(directory, related, { caller, principalId: caller.objectId }).filter((a) => covers(a.scope, resource));
  }

  private defaultPrincipals(directory: Directory, v: VaultRecord, q: AssignmentQuery): string[] {
    const inTenant = (tenants: readonly string[]): boolean => tenants.some((t) => t.toLowerCase() === v.tenantId.toLowerCase());
    const ids = [
      ...[...directory.users.values()].filter((u) => inTenant(u.tenants)).map((u) => u.objectId),
      ...[...directory.apps.values()].filter((a) => inTenant(a.tenants)).map((a) => a.objectId),
    ];
    const c = q.caller;
    if (c && c.tenantId.toLowerCase() === v.tenantId.toLowerCase() && isPrincipalOf(directory, c.objectId, v.tenantId)) ids.push(c.objectId);
    return ids.filter((x, i) => ids.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);
  }
}

export function newAssignment(
  fields: { name: string; scope: string; roleDefinitionId: string; principalId: string; principalType: PrincipalType; description?: string | null; createdBy?: string | null },
  now: Date,
): RoleAssignment {
  const at = now.toISOString();
  return {
    name: fields.name, scope: normalizeScope(fields.scope), roleDefinitionId: fields.roleDefinitionId, principalId: fields.principalId,
    principalType: fields.principalType, description: fields.description ?? null, createdOn: at, updatedOn: at,
    createdBy: fields.createdBy ?? null, updatedBy: fields.createdBy ?? null,
  };
}

export { derivedGuid };
