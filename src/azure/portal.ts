// Azure portal links (pure). The cloud comes from the vault's own host, so a China-cloud vault opens the China
// portal even when the extension is signed in to another cloud.
import type { ObjectKind } from './model';
import { isLoopbackHost } from './tokenGuard';

const portals: readonly { suffix: string; portal: string }[] = [
  { suffix: 'vault.azure.cn', portal: 'https://portal.azure.cn' },
  { suffix: 'vault.usgovcloudapi.net', portal: 'https://portal.azure.us' },
  { suffix: 'vault.azure.net', portal: 'https://portal.azure.com' },
];

/** The portal of the cloud a vault URL belongs to, or `fallback` (the configured cloud's) for other hosts. */
export function portalForVault(vaultUrl: string, fallback: string): string {
  const host = new URL(vaultUrl).hostname.toLowerCase();
  return portals.find((p) => host.endsWith(`.${p.suffix}`))?.portal ?? fallback.replace(/\/+$/, '');
}

/** Whether a vault has an Azure portal at all: not a local emulator's (loopback) vault. */
export function hasPortal(vaultUrl: string): boolean {
  return !isLoopbackHost(new URL(vaultUrl).hostname);
}

/** The vault's blade: by ARM resource id (`/subscriptions/…/vaults/name`), in the vault's tenant when known. */
export function vaultPortalUrl(portal: string, resourceId: string, tenantId?: string): string {
  return `${portal}/#@${tenantId ?? ''}/resource${resourceId}/overview`;
}

const assetTypes: Record<ObjectKind, string> = { secret: 'Secret', key: 'Key', certificate: 'Certificate' };

/** A secret/key/certificate (version) blade: the portal addresses objects by their identifier. */
export function objectPortalUrl(portal: string, kind: ObjectKind, objectId: string, tenantId?: string): string {
  return `${portal}/#@${tenantId ?? ''}/asset/Microsoft_Azure_KeyVault/${assetTypes[kind]}/${objectId}`;
}

/** Why a vault or object has no portal link: a local (loopback) vault, or a vault attached by URL (no resource id). */
export type NoPortalLink = { readonly problem: 'local' | 'attached' };

/**
 * The portal link of a vault row (`object` absent) or of a listed secret/key/certificate (version): the portal of the
 * vault's cloud (`configuredPortal` for hosts of no known cloud), in the vault's tenant when known.
 */
export function portalLink(
  vault: { readonly vaultUrl: string; readonly info?: { readonly id: string; readonly tenantId?: string } },
  object: { readonly kind: ObjectKind; readonly id: string } | undefined,
  configuredPortal: string,
): { readonly url: string } | NoPortalLink {
  if (!hasPortal(vault.vaultUrl)) return { problem: 'local' };
  const portal = portalForVault(vault.vaultUrl, configuredPortal);
  const tenantId = vault.info?.tenantId;
  if (object) return { url: objectPortalUrl(portal, object.kind, object.id, tenantId) };
  if (vault.info) return { url: vaultPortalUrl(portal, vault.info.id, tenantId) };
  return { problem: 'attached' };
}
