import * as vscode from 'vscode';
import { parseVaultUrl } from '../../azure/vaultUrl';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/**
 * Attaches a vault by URL: for vaults the user can use but cannot see through ARM. Lists it without any ARM
 * call. Returns the id of the vault's row (`attached/<url>`).
 */
export async function attachVault(services: Services): Promise<string> {
  const input = await services.ui.showInputBox({
    title: vscode.l10n.t('Attach a Key Vault by URL'),
    prompt: vscode.l10n.t('The vault URI, as shown on the vault’s Overview page in the portal'),
    placeHolder: 'https://contoso.vault.azure.net',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseVaultUrl(value);
      if (!parsed.ok) return parsed.reason;
      return services.attachedVaults.has(parsed.vault.url) ? vscode.l10n.t('{0} is already attached', parsed.vault.url) : undefined;
    },
  });
  if (input === undefined) throw new UserCancelled();
  const parsed = parseVaultUrl(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  await services.attachedVaults.add(parsed.vault);
  services.log.info(`attached vault ${parsed.vault.url}`);
  services.view.refreshAttached();
  await services.view.revealVault({ name: parsed.vault.name, vaultUrl: parsed.vault.url, attached: true });
  return `attached/${parsed.vault.url}`;
}
