// SDK results → the plain model (pure: type-only SDK imports). Copies fields; never keeps an SDK object and
// never reads a value.
import type { DeletedSecret, SecretProperties } from '@azure/keyvault-secrets';
import type { DeletedKey, KeyProperties } from '@azure/keyvault-keys';
import type { CertificateProperties, DeletedCertificate } from '@azure/keyvault-certificates';
import type { ManagedHsm, Vault } from '@azure/arm-keyvault';
import type { DeletedItemProperties, ItemProperties, SubscriptionInfo, VaultInfo, VaultNetworkRules } from './model';

function date(d: Date | undefined): Date | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? new Date(d.getTime()) : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function tags(t: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> | undefined {
  return t && Object.keys(t).length > 0 ? { ...t } : undefined;
}

/** Drops undefined fields, so items compare and serialise cleanly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What every kind lists alike: identity, attributes, tags (`extra` adds the kind's own fields). */
function listedItem(kind: ItemProperties['kind'], p: SecretProperties | KeyProperties | CertificateProperties, extra: Partial<ItemProperties> = {}): ItemProperties {
  const name = p.name ?? '';
  return compact({
    kind,
    name,
    id: p.id ?? `${p.vaultUrl ?? ''}/${kind}s/${name}`,
    version: p.version,
    enabled: p.enabled,
    notBefore: date(p.notBefore),
    expiresOn: date(p.expiresOn),
    createdOn: date(p.createdOn),
    updatedOn: date(p.updatedOn),
    ...extra,
    managed: 'managed' in p ? p.managed : undefined,
    tags: tags(p.tags),
    recoveryLevel: p.recoveryLevel,
  });
}

export function secretItem(p: SecretProperties): ItemProperties {
  return listedItem('secret', p, { contentType: p.contentType });
}

export function keyItem(p: KeyProperties, keyType?: string): ItemProperties {
  return listedItem('key', p, { keyType });
}

export function certificateItem(p: CertificateProperties): ItemProperties {
  return listedItem('certificate', p);
}

interface DeletedFields {
  readonly deletedOn?: Date;
  readonly scheduledPurgeDate?: Date;
  readonly recoveryId?: string;
}

function deleted(item: ItemProperties, d: DeletedFields): DeletedItemProperties {
  return compact({ ...item, deletedOn: date(d.deletedOn), scheduledPurgeDate: date(d.scheduledPurgeDate), recoveryId: d.recoveryId });
}

export function deletedSecretItem(s: DeletedSecret): DeletedItemProperties {
  return deleted(secretItem(s.properties), { ...s.properties, recoveryId: s.properties.recoveryId ?? s.recoveryId });
}

export function deletedKeyItem(k: DeletedKey): DeletedItemProperties {
  return deleted(keyItem(k.properties, k.keyType), k.properties);
}

export function deletedCertificateItem(c: DeletedCertificate): DeletedItemProperties {
  return deleted(certificateItem({ ...c.properties, name: c.properties.name ?? c.name }), c);
}

/** Newest first by creation time (items without one last), then by version for a stable order. */
export function newestFirst<T extends ItemProperties>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const ta = a.createdOn?.getTime() ?? -Infinity;
    const tb = b.createdOn?.getTime() ?? -Infinity;
    if (ta !== tb) return tb - ta;
    return (b.version ?? '').localeCompare(a.version ?? '');
  });
}

/** The resource group named in an ARM id (`/subscriptions/…/resourceGroups/{rg}/providers/…`). */
export function resourceGroupOf(armId: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(armId)?.[1] ?? '';
}

/** A vault as ARM describes it; `withPolicies`: keep its access policies (a GET of the vault: listings leave them out). */
export function vaultInfo(v: Vault, subscriptionId: string, withPolicies = false): VaultInfo {
  const p = v.properties;
  const id = v.id ?? '';
  const name = v.name ?? id.split('/').pop() ?? '';
  return compact({
    id,
    name,
    subscriptionId,
    resourceGroup: resourceGroupOf(id),
    location: v.location ?? '',
    tenantId: p.tenantId,
    vaultUrl: (p.vaultUri ?? '').replace(/\/+$/, ''),
    softDeleteEnabled: p.enableSoftDelete !== false,
    softDeleteRetentionInDays: p.softDeleteRetentionInDays,
    purgeProtectionEnabled: p.enablePurgeProtection === true,
    rbacAuthorization: p.enableRbacAuthorization === true,
    publicNetworkAccess: p.publicNetworkAccess,
    sku: p.sku?.name,
    tags: tags(v.tags),
    network: networkRules(p.networkAcls),
    accessPolicies: withPolicies ? p.accessPolicies?.map((a) => compact({
      tenantId: a.tenantId,
      objectId: a.objectId,
      applicationId: a.applicationId,
      permissions: compact({ secrets: a.permissions.secrets, keys: a.permissions.keys, certificates: a.permissions.certificates, storage: a.permissions.storage }),
    })) : undefined,
  });
}

/** `networkAcls` of a vault (from the SDK or a Resource Graph row), or undefined when it has none. */
export function networkRules(acls: unknown): VaultNetworkRules | undefined {
  if (acls === null || typeof acls !== 'object') return undefined;
  const a = acls as { defaultAction?: unknown; bypass?: unknown; ipRules?: unknown; virtualNetworkRules?: unknown };
  const ipRules = Array.isArray(a.ipRules) ? a.ipRules.flatMap((r: unknown) => (r && typeof r === 'object' && typeof (r as { value?: unknown }).value === 'string' ? [(r as { value: string }).value] : [])) : [];
  return compact({
    defaultAction: text(a.defaultAction),
    bypass: text(a.bypass),
    ipRules,
    virtualNetworkRuleCount: Array.isArray(a.virtualNetworkRules) ? a.virtualNetworkRules.length : 0,
  });
}

/**
 * A Managed HSM (`managedHsms.listBySubscription`) as the tree shows it beside vaults: its `hsmUri` is the data-plane
 * URL; soft delete is always on; permissions are the HSM's local RBAC.
 */
export function managedHsmInfo(h: ManagedHsm, subscriptionId: string): VaultInfo {
  const p = h.properties ?? {};
  const id = h.id ?? '';
  return compact({
    id,
    kind: 'managedHsm' as const,
    name: h.name ?? id.split('/').pop() ?? '',
    subscriptionId,
    resourceGroup: resourceGroupOf(id),
    location: h.location ?? '',
    tenantId: p.tenantId ?? '',
    vaultUrl: (p.hsmUri ?? '').replace(/\/+$/, ''),
    softDeleteEnabled: true,
    softDeleteRetentionInDays: p.softDeleteRetentionInDays,
    purgeProtectionEnabled: p.enablePurgeProtection === true,
    rbacAuthorization: true,
    publicNetworkAccess: p.publicNetworkAccess,
    sku: h.sku?.name,
    tags: tags(h.tags),
  });
}


/**
 * A Resource Graph row of VAULTS_QUERY (resourceGraph.ts: the vault's columns and the properties VaultInfo needs,
 * projected) → the same VaultInfo vaultInfo() makes of the full ARM object of that vault.
 */
export function graphVaultInfo(row: Readonly<Record<string, unknown>>, subscription: SubscriptionInfo): VaultInfo {
  const id = text(row.id) ?? '';
  const rowTags = row.tags !== null && typeof row.tags === 'object' ? (row.tags as Record<string, string>) : undefined;
  const hsm = text(row.type)?.toLowerCase() === 'microsoft.keyvault/managedhsms';
  return compact({
    id,
    ...(hsm ? { kind: 'managedHsm' as const } : {}),
    name: text(row.name) ?? id.split('/').pop() ?? '',
    subscriptionId: subscription.subscriptionId,
    resourceGroup: resourceGroupOf(id),
    location: text(row.location) ?? '',
    tenantId: text(row.vaultTenantId) ?? text(row.tenantId) ?? subscription.tenantId,
    vaultUrl: (text(hsm ? row.hsmUri : row.vaultUri) ?? '').replace(/\/+$/, ''),
    softDeleteEnabled: hsm || row.enableSoftDelete !== false,
    softDeleteRetentionInDays: typeof row.softDeleteRetentionInDays === 'number' ? row.softDeleteRetentionInDays : undefined,
    purgeProtectionEnabled: row.enablePurgeProtection === true,
    rbacAuthorization: hsm || row.enableRbacAuthorization === true,
    publicNetworkAccess: text(row.publicNetworkAccess),
    sku: text(row.sku),
    tags: tags(rowTags),
    network: networkRules(row.networkAcls),
  });
}
