// The summary of one vault's access for the signed-in user (built by the extension's per-session cache, read by the
// tree and the commands), and the tree's context facets derived from it (pure).
import type { AccessPolicyEntry } from './policies';
import type { NetworkVerdict } from './network';
import { ACCESS_OPERATIONS, OBJECT_KINDS, type Allowed, type VaultCapabilities } from './operations';

export interface AssignedRole {
  readonly roleDefinitionId: string;
  /** The role's name (a custom role's comes from Azure: escape it where it is shown). */
  readonly name?: string;
  readonly scope: string;
  readonly at: 'object' | 'vault' | 'resourceGroup' | 'subscription' | 'above';
}

export interface VaultAccess {
  readonly model: 'rbac' | 'accessPolicy' | 'unknown';
  readonly capabilities: VaultCapabilities;
  readonly roles: readonly AssignedRole[];
  readonly policies: readonly AccessPolicyEntry[];
  readonly canAssignRoles: Allowed;
  readonly network: NetworkVerdict;
  readonly principal: { readonly objectId?: string; readonly tenantId?: string; readonly name?: string; readonly kind?: 'user' | 'servicePrincipal' };
  /** Why it is unknown or partial (ARM refused the permissions call, attached by URL, Managed HSM…): one sentence. */
  readonly problem?: string;
}

const norm = (id: string) => id.trim().replace(/\/+$/, '').toLowerCase();

/** `at` from the assignment scope relative to the vault resource id. */
export function scopeLevel(scope: string, vaultResourceId: string): AssignedRole['at'] {
  const s = norm(scope);
  const v = norm(vaultResourceId);
  if (s === v) return 'vault';
  if (s.startsWith(`${v}/`)) return 'object';
  if (v.startsWith(`${s}/`)) {
    if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(s)) return 'resourceGroup';
    if (/^\/subscriptions\/[^/]+$/.test(s)) return 'subscription';
  }
  return 'above';
}

/** Tree contextValue facets for a vault's rows: `no-{kind}-{op}` for every op that is false (not unknown), plus `canGrant` when canAssignRoles is true. */
export function accessFacets(access: VaultAccess | undefined): string[] {
  if (!access) return [];
  const facets = OBJECT_KINDS.flatMap((kind) => ACCESS_OPERATIONS.filter((op) => access.capabilities[kind][op] === false).map((op) => `no-${kind}-${op}`));
  if (access.canAssignRoles === true) facets.push('canGrant');
  return facets;
}

/** Whether two verdicts (or "not checked yet") say the same: the tree redraws a vault's rows and commands only when not. */
export function sameAccess(a: VaultAccess | undefined, b: VaultAccess | undefined): boolean {
  return same(a, b);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
