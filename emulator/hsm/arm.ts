// ARM's view of Managed HSMs (Microsoft.KeyVault/managedHSMs, api-version 2026-02-01): the resource JSON in the
// shape of the official examples ManagedHsm_Get.json / ManagedHsm_ListBySubscription.json /
// ManagedHsm_ListByResourceGroup.json, its generic-resource and Resource Graph forms, and the three GET routes
// (one, by subscription, by resource group; lists paged as the vault lists are).
import { systemData } from '../arm-model';
import type { Subscription } from '../directory';
import { EmuError } from '../errors';
import type { EmuResponse } from '../types';
import type { World } from '../world';
import type { ManagedHsmRecord } from './model';

export const MANAGED_HSM_TYPE = 'Microsoft.KeyVault/managedHSMs';
const SKU = { family: 'B', name: 'Standard_B1' } as const;

export function managedHsmId(h: ManagedHsmRecord): string {
  return `/subscriptions/${h.subscriptionId}/resourceGroups/${h.resourceGroup}/providers/${MANAGED_HSM_TYPE}/${h.name}`;
}

export function managedHsmProperties(h: ManagedHsmRecord): Record<string, unknown> {
  return {
    tenantId: h.tenantId,
    initialAdminObjectIds: [...h.initialAdminObjectIds],
    enableSoftDelete: true,
    softDeleteRetentionInDays: h.softDeleteRetentionInDays,
    enablePurgeProtection: h.enablePurgeProtection,
    hsmUri: h.url ?? '',
    provisioningState: 'Succeeded',
    statusMessage: 'ManagedHsm is functional.',
    networkAcls: h.networkAcls ?? { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] },
    publicNetworkAccess: h.publicNetworkAccess,
    regions: [{ name: h.location, isPrimary: true, provisioningState: 'Succeeded' }],
    privateEndpointConnections: [],
    securityDomainProperties: {
      activationStatus: 'Active',
      activationStatusMessage: 'Your HSM has been activated and can be used for cryptographic operations.',
    },
  };
}

/** ManagedHsms_Get / ManagedHsms_ListBySubscription / ManagedHsms_ListByResourceGroup items. */
export function managedHsmJson(h: ManagedHsmRecord): Record<string, unknown> {
  return {
    id: managedHsmId(h),
    name: h.name,
    type: MANAGED_HSM_TYPE,
    location: h.location,
    sku: { ...SKU },
    tags: { ...h.tags },
    systemData: systemData(h.createdAt),
    properties: managedHsmProperties(h),
  };
}

/** The generic resource (`/subscriptions/{id}/resources`). */
export function managedHsmResourceJson(h: ManagedHsmRecord): Record<string, unknown> {
  return { id: managedHsmId(h), name: h.name, type: MANAGED_HSM_TYPE, sku: { ...SKU }, location: h.location, tags: { ...h.tags } };
}

/** A Resource Graph row (`resources | where type =~ 'microsoft.keyvault/managedhsms'`). */
export function managedHsmRow(h: ManagedHsmRecord): Record<string, unknown> {
  return {
    id: managedHsmId(h), name: h.name, type: MANAGED_HSM_TYPE.toLowerCase(), tenantId: h.tenantId, kind: '', location: h.location,
    resourceGroup: h.resourceGroup.toLowerCase(), subscriptionId: h.subscriptionId, managedBy: '', sku: { ...SKU }, plan: null,
    properties: managedHsmProperties(h), tags: { ...h.tags }, identity: null, zones: null, extendedLocation: null,
  };
}

/** The HSMs of a subscription (and resource group), by name. */
export function managedHsmsOf(world: World, subscriptionId: string, rg?: string): ManagedHsmRecord[] {
  return [...world.managedHsms.values()]
    .filter((h) => h.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && (rg === undefined || h.resourceGroup.toLowerCase() === rg.toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface HsmArmDeps<C> {
  readonly world: World;
  /** The call's subscription, or the ARM error (404, 401 other tenant, 403 not a reader). */
  subscription(call: C, action: string): Subscription;
  page(call: C, items: readonly Record<string, unknown>[]): EmuResponse;
  /** Whether the subscription has a resource group of that name (anything in it). */
  knownResourceGroup(s: Subscription, rg: string): boolean;
}

export interface HsmArmRoute<C> {
  readonly method: string;
  readonly pattern: RegExp;
  readonly run: (call: C) => EmuResponse;
}

const READ = `${MANAGED_HSM_TYPE}/read`;

export function managedHsmArmRoutes<C extends { readonly params: Record<string, string> }>(deps: HsmArmDeps<C>): HsmArmRoute<C>[] {
  const base = '^/subscriptions/(?<sub>[^/]+)';
  const type = 'providers/Microsoft\\.KeyVault/managedHSMs';
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${base}/${type}/?$`, 'i'),
      run: (c) => deps.page(c, managedHsmsOf(deps.world, deps.subscription(c, READ).id).map(managedHsmJson)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/resourceGroups/(?<rg>[^/]+)/${type}/?$`, 'i'),
      run: (c) => {
        const s = deps.subscription(c, READ);
        const rg = c.params.rg ?? '';
        if (!deps.knownResourceGroup(s, rg)) {
          throw new EmuError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
        }
        return deps.page(c, managedHsmsOf(deps.world, s.id, rg).map(managedHsmJson));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/resourceGroups/(?<rg>[^/]+)/${type}/(?<name>[^/]+)/?$`, 'i'),
      run: (c) => {
        const s = deps.subscription(c, READ);
        const h = managedHsmsOf(deps.world, s.id, c.params.rg).find((x) => x.name.toLowerCase() === (c.params.name ?? '').toLowerCase());
        if (!h) {
          throw new EmuError(
            404,
            'ResourceNotFound',
            `The Resource '${MANAGED_HSM_TYPE}/${c.params.name}' under resource group '${c.params.rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
          );
        }
        return { status: 200, body: managedHsmJson(h) };
      },
    },
  ];
}
