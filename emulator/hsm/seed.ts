// The seed file's `managedHsms` (format in emulator/README.md, "Managed HSM"): validation and the record it makes.
import { parseSeedTime, nowSeconds } from '../clock';
import type { World } from '../world';
import type { SeedTime } from '../seed';
import type { HsmRoleAssignment, ManagedHsmRecord } from './model';
import { ADMINISTRATOR_ROLE_ID, findRole, isScope } from './rbac';

export interface SeedHsmRoleAssignment {
  objectId: string;
  /** A built-in role's name ("Managed HSM Crypto User") or id. */
  role: string;
  /** `/` (default), `/keys` or `/keys/{name}`. */
  scope?: string;
}

export interface SeedManagedHsm {
  name: string;
  subscription: string;
  resourceGroup: string;
  location?: string;
  /** Defaults to the subscription's. */
  tenant?: string;
  /** Get "Managed HSM Administrator" at `/` (no key operations, as the service). */
  initialAdminObjectIds?: string[];
  roleAssignments?: SeedHsmRoleAssignment[];
  softDeleteRetentionInDays?: number;
  enablePurgeProtection?: boolean;
  publicNetworkAccess?: string;
  networkAcls?: Record<string, unknown>;
  tags?: Record<string, string>;
  createdAt?: SeedTime;
  timings?: { deleteDelayMs?: number };
  throttleLimitPer10s?: number;
  /** Passed to the HSM's key store (keys/README.md); kty RSA-HSM, EC-HSM or oct-HSM (RSA/EC/oct become *-HSM). */
  keys?: unknown[];
}

function req(cond: boolean, message: string): void {
  if (!cond) throw new Error(`seed: ${message}`);
}

/** Structural checks of one seeded HSM (the keys are checked by the key store before anything is created). */
export function checkSeedManagedHsm(h: SeedManagedHsm): void {
  req(typeof h === 'object' && h !== null, 'every managed HSM must be an object');
  req(typeof h.name === 'string' && /^[a-zA-Z][a-zA-Z0-9-]{2,23}$/.test(h.name) && !h.name.includes('--'), `invalid managed HSM name ${JSON.stringify(h.name)}`);
  req(typeof h.subscription === 'string' && typeof h.resourceGroup === 'string', `managed HSM ${h.name} needs "subscription" and "resourceGroup"`);
  const days = h.softDeleteRetentionInDays;
  req(days === undefined || (Number.isInteger(days) && days >= 7 && days <= 90), `managed HSM ${h.name}: softDeleteRetentionInDays must be 7–90`);
  req(h.initialAdminObjectIds === undefined || (Array.isArray(h.initialAdminObjectIds) && h.initialAdminObjectIds.every((x) => typeof x === 'string')), `managed HSM ${h.name}: "initialAdminObjectIds" must be an array of object ids`);
  req(h.keys === undefined || Array.isArray(h.keys), `managed HSM ${h.name}: "keys" must be an array`);
  req(h.roleAssignments === undefined || Array.isArray(h.roleAssignments), `managed HSM ${h.name}: "roleAssignments" must be an array`);
  for (const a of h.roleAssignments ?? []) {
    req(typeof a?.objectId === 'string' && typeof a.role === 'string', `managed HSM ${h.name}: every role assignment needs "objectId" and "role"`);
    req(findRole(a.role) !== undefined, `managed HSM ${h.name}: unknown role ${JSON.stringify(a.role)} (use a built-in Managed HSM role's name or id)`);
    req(a.scope === undefined || isScope(a.scope), `managed HSM ${h.name}: role assignment scope must be /, /keys or /keys/{name} (got ${JSON.stringify(a.scope)})`);
  }
}

/** The role assignments an HSM starts with: its initial administrators, then the seed's own. */
export function seedRoleAssignments(h: SeedManagedHsm): HsmRoleAssignment[] {
  return [
    ...(h.initialAdminObjectIds ?? []).map((objectId) => ({ objectId, roleId: ADMINISTRATOR_ROLE_ID, scope: '/' })),
    ...(h.roleAssignments ?? []).map((a) => ({ objectId: a.objectId, roleId: findRole(a.role)!.id, scope: a.scope ?? '/' })),
  ];
}

/** The record of a seeded HSM (no data plane yet). */
export function managedHsmRecord(world: World, h: SeedManagedHsm): ManagedHsmRecord {
  const sub = world.directory.subscriptions.get(h.subscription.toLowerCase());
  if (!sub) {
    throw new Error(`seed: managed HSM ${h.name}: unknown subscription ${h.subscription}`);
  }
  if (world.vault(h.name)) {
    throw new Error(`seed: managed HSM ${h.name}: a vault has that name (the emulator names endpoints by it)`);
  }
  const clock = world.clock;
  return {
    name: h.name,
    subscriptionId: sub.id,
    resourceGroup: h.resourceGroup,
    location: h.location ?? 'westus',
    tenantId: h.tenant ?? sub.tenantId,
    initialAdminObjectIds: [...(h.initialAdminObjectIds ?? [])],
    softDeleteRetentionInDays: h.softDeleteRetentionInDays ?? 90,
    enablePurgeProtection: h.enablePurgeProtection ?? false,
    publicNetworkAccess: h.publicNetworkAccess ?? 'Enabled',
    networkAcls: h.networkAcls,
    tags: { ...(h.tags ?? {}) },
    createdAt: h.createdAt !== undefined ? parseSeedTime(h.createdAt, clock, `${h.name}.createdAt`) : nowSeconds(clock) - 30 * 86400,
    timings: { deleteDelayMs: h.timings?.deleteDelayMs ?? world.settings.deleteDelayMs, certificateDelayMs: world.settings.certificateDelayMs },
    roleAssignments: seedRoleAssignments(h),
  };
}
