import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveVault } from '../targets';

/** Copy Vault URI: `https://{vault}.vault.azure.net/` as the portal shows it. Returns the URI. */
export async function copyVaultUri(services: Services, node?: TreeNode): Promise<string> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Copy the URI of a key vault'));
  const uri = `${vault.vaultUrl.replace(/\/+$/, '')}/`;
  await services.clipboard.copyText(uri);
  services.ui.notify(vscode.l10n.t('Copied {0}', uri));
  return uri;
}
