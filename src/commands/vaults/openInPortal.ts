import * as vscode from 'vscode';
import { portalLink } from '../../azure/portal';
import { vaultOfTarget, type NodeTarget } from '../../model/targets';
import type { Services } from '../../services';
import { pickVault } from '../targets';

/** Opens the vault, or the secret/key/certificate (version), in the Azure portal of the vault's cloud. Returns the URL. */
export async function openInPortal(services: Services, target: NodeTarget): Promise<string> {
  // A row outside any vault (a subscription) falls back to a pick, as before.
  const vault = vaultOfTarget(target) ?? (await pickVault(services, vscode.l10n.t('Open a key vault in the Azure portal')));
  const cloud = services.session.cloud();
  // An item or version row carries what the listing showed (its identifier); a deleted one opens its vault.
  const listed = target.type === 'item' && !target.item.deleted ? target.item.properties : undefined;
  const link = portalLink(vault, listed, cloud.ok ? cloud.cloud.portalUrl : 'https://portal.azure.com');
  if ('problem' in link) {
    throw new Error(
      link.problem === 'local'
        ? vscode.l10n.t('{0} has no Azure portal: it is served from this machine ({1}), not from Azure.', vault.name, new URL(vault.vaultUrl).host)
        : vscode.l10n.t('{0} was attached by URL, so its Azure resource is unknown. Find it in the portal under Key vaults.', vault.name),
    );
  }
  await services.ui.openExternal(vscode.Uri.parse(link.url, true));
  return link.url;
}
