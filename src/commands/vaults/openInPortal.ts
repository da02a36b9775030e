import * as vscode from 'vscode';
import { objectPortalUrl, portalForVault, vaultPortalUrl } from '../azure/portal';
import type { Services } from '../services';
import { ItemNode } from '../tree/ItemNode';
import type { TreeNode } from '../tree/TreeNode';
import { VersionNode } from '../tree/VersionNode';
import { resolveVault } from './targets';

/** Opens the vault, or the secret/key/certificate (version), in the Azure portal of the vault's cloud. Returns the URL. */
export async function openInPortal(services: Services, node?: TreeNode): Promise<string> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Open a key vault in the Azure portal'));
  const cloud = services.session.cloud();
  const portal = portalForVault(vault.vaultUrl, cloud.ok ? cloud.cloud.portalUrl : 'https://portal.azure.com');
  const tenantId = vault.info?.tenantId;
  let url: string;
  if (node instanceof VersionNode) url = objectPortalUrl(portal, node.version.kind, node.version.id, tenantId);
  else if (node instanceof ItemNode) url = objectPortalUrl(portal, node.item.kind, node.item.id, tenantId);
  else if (vault.info) url = vaultPortalUrl(portal, vault.info.id, tenantId);
  else throw new Error(vscode.l10n.t('{0} was attached by URL, so its Azure resource is unknown. Find it in the portal under Key vaults.', vault.name));
  await services.ui.openExternal(vscode.Uri.parse(url, true));
  return url;
}
