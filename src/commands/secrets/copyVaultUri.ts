import * as vscode from 'vscode';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';

/** Copy Vault URI: `https://{vault}.vault.azure.net/` as the portal shows it. Returns the URI. */
export async function copyVaultUri(services: Services, vault: VaultTarget): Promise<string> {
  const uri = `${vault.vaultUrl.replace(/\/+$/, '')}/`;
  await services.clipboard.copyText(uri);
  services.ui.notify(vscode.l10n.t('Copied {0}', uri), { copied: true });
  return uri;
}
