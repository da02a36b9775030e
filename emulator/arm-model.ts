// ARM JSON shapes (as in the official examples: getVault.json, GetSubscriptions.json, GetTenants.json, …); ARM
// paging (nextLink/$skiptoken) is in paging.ts.
import { armTime } from './clock';
import type { Directory, Subscription, Tenant } from './directory';
import type { SeedResource } from './seed';
import type { VaultRecord } from './world';

export const VAULT_TYPE = 'Microsoft.KeyVault/vaults';

export function vaultId(v: VaultRecord): string {
  return `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/${VAULT_TYPE}/${v.name}`;
}

export function vaultProperties(v: VaultRecord): Record<string, unknown> {
  return {
    sku: { family: 'A', name: v.sku },
    tenantId: v.tenantId,
    accessPolicies: v.accessPolicies,
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    enableSoftDelete: v.enableSoftDelete,
    softDeleteRetentionInDays: v.softDeleteRetentionInDays,
    enableRbacAuthorization: v.enableRbacAuthorization,
    ...(v.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
    ...(v.networkAcls ? { networkAcls: v.networkAcls } : {}),
    vaultUri: v.url ? `${v.url}/` : '',
    provisioningState: 'Succeeded',
    publicNetworkAccess: v.publicNetworkAccess,
  };
}

export function systemData(createdAt: number): Record<string, string> {
  const t = armTime(createdAt);
  return { createdBy: 'kv-emulator', createdByType: 'User', createdAt: t, lastModifiedBy: 'kv-emulator', lastModifiedByType: 'User', lastModifiedAt: t };
}

/** A full vault object (Vaults_Get, Vaults_ListBySubscription, Vaults_ListByResourceGroup). */
export function vaultJson(v: VaultRecord): Record<string, unknown> {
  return {
    id: vaultId(v),
    name: v.name,
    type: VAULT_TYPE,
    location: v.location,
    tags: { ...v.tags },
    systemData: systemData(v.createdAt),
    properties: vaultProperties(v),
  };
}

/** A generic resource (Vaults_List = `/resources?$filter=resourceType eq 'Microsoft.KeyVault/vaults'`). */
export function vaultResourceJson(v: VaultRecord): Record<string, unknown> {
  return { id: vaultId(v), name: v.name, type: VAULT_TYPE, location: v.location, tags: { ...v.tags } };
}

export function genericResourceId(subscriptionId: string, r: SeedResource): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${r.resourceGroup}/providers/${r.type}/${r.name}`;
}

export function genericResourceJson(subscriptionId: string, r: SeedResource): Record<string, unknown> {
  return { id: genericResourceId(subscriptionId, r), name: r.name, type: r.type, location: r.location ?? 'westus', tags: { ...(r.tags ?? {}) } };
}

export function deletedVaultJson(v: VaultRecord): Record<string, unknown> {
  const d = v.deleted ?? { deletionDate: 0, scheduledPurgeDate: 0 };
  return {
    id: `/subscriptions/${v.subscriptionId}/providers/Microsoft.KeyVault/locations/${v.location}/deletedVaults/${v.name}`,
    name: v.name,
    type: 'Microsoft.KeyVault/deletedVaults',
    properties: {
      vaultId: vaultId(v),
      location: v.location,
      deletionDate: new Date(d.deletionDate * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      scheduledPurgeDate: new Date(d.scheduledPurgeDate * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      tags: { ...v.tags },
      purgeProtectionEnabled: v.enablePurgeProtection,
    },
  };
}

export function subscriptionJson(s: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: s.managedByTenants.map((tenantId) => ({ tenantId })),
    ...(s.tags ? { tags: { ...s.tags } } : {}),
    subscriptionId: s.id,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

export function tenantJson(t: Tenant, category: string): Record<string, unknown> {
  return {
    id: `/tenants/${t.id}`,
    tenantId: t.id,
    countryCode: t.countryCode,
    displayName: t.displayName,
    domains: [...t.domains],
    tenantCategory: category,
    defaultDomain: t.defaultDomain,
    tenantType: 'AAD',
    ...(t.tenantBrandingLogoUrl ? { tenantBrandingLogoUrl: t.tenantBrandingLogoUrl } : {}),
  };
}

export function tenantsFor(directory: Directory, ids: readonly string[], home: string | undefined): Record<string, unknown>[] {
  return ids
    .map((id) => directory.findTenant(id))
    .filter((t): t is Tenant => t !== undefined)
    .map((t) => tenantJson(t, home !== undefined && t.id.toLowerCase() === home.toLowerCase() ? 'Home' : 'ProjectedBy'));
}
