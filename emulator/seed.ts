// The seed file format (documented in emulator/README.md). Times accept Unix seconds, "now", "+10d"/"-2h" style
// relative strings or ISO dates; they are resolved when the seed is loaded.
import * as fs from 'node:fs';
import { findRole } from './authorization/roles';
import { checkFaultSpec, type FaultSpec } from './faults';
import { checkSeedManagedHsm, type SeedManagedHsm } from './hsm/seed';

export type SeedTime = number | string;

export interface SeedTenant {
  id: string;
  displayName?: string;
  defaultDomain?: string;
  domains?: string[];
  countryCode?: string;
  tenantBrandingLogoUrl?: string;
}

export interface SeedUser {
  username: string;
  password: string;
  objectId: string;
  displayName?: string;
  /** Home tenant id. */
  homeTenant: string;
  /** Every tenant the user belongs to (home included or not: it is added). */
  tenants?: string[];
}

export interface SeedApp {
  clientId: string;
  clientSecret: string;
  objectId: string;
  tenantId: string;
  displayName?: string;
  /** Other tenants the (multi-tenant) app has a service principal in. */
  tenants?: string[];
}

export interface SeedResource {
  type: string;
  name: string;
  resourceGroup: string;
  location?: string;
  tags?: Record<string, string>;
}

/**
 * An Azure RBAC role assignment (emulator/README.md, "Authorization"). `role`: a built-in role's name or id. `scope`:
 * relative to the vault (`""`, `/secrets/{name}`, `/keys/{name}`, `/certificates/{name}`) or to the subscription
 * (`""`, `/resourceGroups/{rg}`).
 */
export interface SeedRoleAssignment {
  principalId: string;
  role: string;
  scope?: string;
  principalType?: 'User' | 'ServicePrincipal' | 'Group';
  /** The assignment's name (a GUID); derived from scope, principal and role when absent. */
  id?: string;
}

export interface SeedSubscription {
  id: string;
  displayName?: string;
  tenantId: string;
  state?: string;
  tags?: Record<string, string>;
  managedByTenants?: string[];
  /** When given, only these object ids can read the subscription through ARM (others get no ARM view of it). */
  readers?: string[];
  /** Other (non Key Vault) resources, visible to Resource Graph and the generic resources listing. */
  resources?: SeedResource[];
  /** Role assignments at the subscription or one of its resource groups. */
  roleAssignments?: SeedRoleAssignment[];
}

export type DenyReason = 'rbac' | 'policy' | 'firewall';

export interface SeedDeny {
  objectId?: string;
  all?: boolean;
  reason: DenyReason;
}

export interface SeedSecretVersion {
  value: string;
  version?: string;
  enabled?: boolean;
  nbf?: SeedTime;
  exp?: SeedTime;
  created?: SeedTime;
  updated?: SeedTime;
  contentType?: string;
  tags?: Record<string, string>;
}

export interface SeedSecret {
  name: string;
  /** Default content type / tags for versions that do not give their own. */
  contentType?: string;
  tags?: Record<string, string>;
  versions: SeedSecretVersion[];
  deleted?: { deletedDate?: SeedTime; scheduledPurgeDate?: SeedTime };
}

export interface SeedVault {
  name: string;
  subscription: string;
  resourceGroup: string;
  location?: string;
  /** Defaults to the subscription's tenant. */
  tenant?: string;
  sku?: 'standard' | 'premium';
  enableSoftDelete?: boolean;
  softDeleteRetentionInDays?: number;
  enablePurgeProtection?: boolean;
  enableRbacAuthorization?: boolean;
  publicNetworkAccess?: string;
  networkAcls?: Record<string, unknown>;
  /** Absent on a vault without RBAC: one all-permissions policy per principal of the tenant. */
  accessPolicies?: unknown[];
  /** Absent: every principal of the tenant has Owner and Key Vault Administrator at the vault; `[]`: none. */
  roleAssignments?: SeedRoleAssignment[];
  tags?: Record<string, string>;
  createdAt?: SeedTime;
  /** A deleted vault: listed by ARM deletedVaults only, no data plane. */
  deleted?: { deletionDate?: SeedTime; scheduledPurgeDate?: SeedTime };
  deny?: SeedDeny[];
  timings?: { deleteDelayMs?: number; certificateDelayMs?: number };
  throttleLimitPer10s?: number;
  secrets?: SeedSecret[];
  /** Passed untouched to the keys store's seed(). */
  keys?: unknown[];
  /** Passed untouched to the certificates store's seed(). */
  certificates?: unknown[];
  [otherStore: string]: unknown;
}

export interface SeedFile {
  tenants?: SeedTenant[];
  users?: SeedUser[];
  apps?: SeedApp[];
  subscriptions?: SeedSubscription[];
  vaults?: SeedVault[];
  /** Managed HSMs (emulator/README.md, "Managed HSM"). */
  managedHsms?: SeedManagedHsm[];
  /** Faults in force from the start (or from `POST /control/seed`), as `POST /control/faults` takes them. */
  faults?: FaultSpec[];
}

export function readSeedFile(file: string): SeedFile {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  return asSeed(parsed);
}

function req(cond: boolean, message: string): void {
  if (!cond) {
    throw new Error(`seed: ${message}`);
  }
}

const PRINCIPAL_TYPES = ['User', 'ServicePrincipal', 'Group'];

function checkRoleAssignments(list: SeedRoleAssignment[] | undefined, where: string, scope: RegExp): void {
  req(list === undefined || Array.isArray(list), `${where}: "roleAssignments" must be an array`);
  list?.forEach((a, i) => {
    const at = `${where}: roleAssignments[${i}]`;
    req(typeof a === 'object' && a !== null && typeof a.principalId === 'string' && typeof a.role === 'string', `${at} needs "principalId" and "role"`);
    req(findRole(a.role) !== undefined, `${at}: unknown role ${JSON.stringify(a.role)} (a built-in role's name or id)`);
    req(a.scope === undefined || (typeof a.scope === 'string' && scope.test(a.scope)), `${at}: invalid scope ${JSON.stringify(a.scope)}`);
    req(a.principalType === undefined || PRINCIPAL_TYPES.includes(a.principalType), `${at}: principalType must be one of ${PRINCIPAL_TYPES.join(', ')}`);
    req(a.id === undefined || (typeof a.id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(a.id)), `${at}: "id" must be a GUID`);
  });
}

/** Light structural validation; precise errors beat silently broken state. */
export function asSeed(value: unknown): SeedFile {
  req(typeof value === 'object' && value !== null && !Array.isArray(value), 'the seed must be a JSON object');
  const seed = value as SeedFile;
  for (const key of ['tenants', 'users', 'apps', 'subscriptions', 'vaults', 'managedHsms', 'faults'] as const) {
    req(seed[key] === undefined || Array.isArray(seed[key]), `"${key}" must be an array`);
  }
  for (const t of seed.tenants ?? []) req(typeof t.id === 'string', 'every tenant needs an "id"');
  for (const u of seed.users ?? []) {
    req(typeof u.username === 'string' && typeof u.password === 'string', 'every user needs "username" and "password"');
    req(typeof u.objectId === 'string' && typeof u.homeTenant === 'string', `user ${u.username} needs "objectId" and "homeTenant"`);
  }
  for (const a of seed.apps ?? []) {
    req(typeof a.clientId === 'string' && typeof a.clientSecret === 'string', 'every app needs "clientId" and "clientSecret"');
    req(typeof a.objectId === 'string' && typeof a.tenantId === 'string', `app ${a.clientId} needs "objectId" and "tenantId"`);
  }
  for (const s of seed.subscriptions ?? []) {
    req(typeof s.id === 'string' && typeof s.tenantId === 'string', 'every subscription needs "id" and "tenantId"');
    checkRoleAssignments(s.roleAssignments, `subscription ${s.id}`, /^(\/resourceGroups\/[^/]+)?$/i);
  }
  for (const v of seed.vaults ?? []) {
    req(typeof v.name === 'string' && /^[a-zA-Z][a-zA-Z0-9-]{2,23}$/.test(v.name) && !v.name.includes('--'), `invalid vault name ${JSON.stringify(v.name)}`);
    req(typeof v.subscription === 'string' && typeof v.resourceGroup === 'string', `vault ${v.name} needs "subscription" and "resourceGroup"`);
    req(v.secrets === undefined || Array.isArray(v.secrets), `vault ${v.name}: "secrets" must be an array`);
    for (const s of v.secrets ?? []) {
      req(typeof s.name === 'string' && Array.isArray(s.versions) && s.versions.length > 0, `vault ${v.name}: every secret needs a "name" and at least one version`);
    }
    checkRoleAssignments(v.roleAssignments, `vault ${v.name}`, /^(\/(secrets|keys|certificates)\/[0-9a-zA-Z-]{1,127})?$/);
    const days = v.softDeleteRetentionInDays;
    req(days === undefined || (Number.isInteger(days) && days >= 7 && days <= 90), `vault ${v.name}: softDeleteRetentionInDays must be 7–90`);
  }
  seed.managedHsms?.forEach(checkSeedManagedHsm);
  seed.faults?.forEach((f, i) => {
    try {
      checkFaultSpec(f);
    } catch (err) {
      req(false, `faults[${i}]: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return seed;
}
