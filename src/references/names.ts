// Names, ids and URIs the formats share. The host always comes from the vault URI (sovereign clouds, custom
// clouds and a local emulator work the same way); nothing here assumes a DNS suffix.
import type { ObjectKind, ReferenceTarget } from './types';
import { field, tpl, type Template } from './template';

export const kindSegments: Record<ObjectKind, string> = { secret: 'secrets', key: 'keys', certificate: 'certificates' };

/** The object's identifier: `https://{host}/{secrets|keys|certificates}/{name}[/{version}]`. */
export function objectUri(t: ReferenceTarget, kind: ObjectKind = t.kind): string {
  return `${t.vaultUrl}/${kindSegments[kind]}/${t.name}${t.version ? `/${t.version}` : ''}`;
}

/**
 * The vault's ARM id. Vaults attached by URL have none: the subscription and resource group become fields to
 * fill in (tab stops `first` and `first + 1`).
 */
export function armIdTemplate(t: ReferenceTarget, first: number): Template {
  if (t.armId) return [t.armId];
  const sub = t.subscriptionId ?? field(first, 'subscription-id');
  const rg = t.resourceGroup ?? field(first + 1, 'resource-group');
  return tpl`/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${t.vaultName}`;
}

/** Subscription and resource group, literal when known, fields otherwise (Bicep and .bicepparam arguments). */
export function scopeParts(t: ReferenceTarget, first: number): { sub: string | Template; rg: string | Template } {
  const fromId = t.armId ? parseArmId(t.armId) : undefined;
  const sub = t.subscriptionId ?? fromId?.subscriptionId;
  const rg = t.resourceGroup ?? fromId?.resourceGroup;
  return { sub: sub ?? [field(first, 'subscription-id')], rg: rg ?? [field(first + 1, 'resource-group')] };
}

const armIdPattern = /^\/subscriptions\/([^/\s"']+)\/resourceGroups\/([^/\s"']+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/\s"']+)$/i;

/** `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/{name}` → its parts. */
export function parseArmId(id: string): { subscriptionId: string; resourceGroup: string; vaultName: string } | undefined {
  const m = armIdPattern.exec(id.trim());
  return m ? { subscriptionId: m[1]!, resourceGroup: m[2]!, vaultName: m[3]! } : undefined;
}

function words(name: string): string[] {
  return name.split(/[^0-9a-zA-Z]+/).filter(Boolean);
}

/** `kv-e2e-main` → `kvE2eMain` (Bicep symbols, parameter names); never starts with a digit. */
export function camelIdentifier(name: string): string {
  const parts = words(name);
  const id = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[a-zA-Z_]/.test(id) ? id : `_${id}`;
}

/** `db-password` → `db_password` (Terraform labels). */
export function snakeIdentifier(name: string): string {
  const id = words(name).join('_').toLowerCase();
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}

/** .NET's Key Vault configuration provider: a secret `ConnectionStrings--Db` is the key `ConnectionStrings:Db`. */
export function dotnetKeyOf(secretName: string): string {
  return secretName.replace(/--/g, ':');
}

/** The inverse: `ConnectionStrings:Db` → `ConnectionStrings--Db`. */
export function secretNameOfDotnetKey(key: string): string {
  return key.replace(/:/g, '--');
}

/** Secrets Store CSI driver `cloudName` for the vault's host; undefined for the public cloud and custom hosts. */
export function csiCloudName(vaultUrl: string): string | undefined {
  const host = new URL(vaultUrl).hostname.toLowerCase();
  if (host.endsWith('.vault.azure.cn')) return 'AzureChinaCloud';
  if (host.endsWith('.vault.usgovcloudapi.net')) return 'AzureUSGovernmentCloud';
  if (host.endsWith('.vault.microsoftazure.de')) return 'AzureGermanCloud';
  return undefined;
}
