import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { readSecretValue } from '../items/secretValue';

/**
 * Copy Value: the latest value (or the selected version's) to the clipboard, cleared again after
 * `azureKeyVault.clipboardClearSeconds` if it still holds it. Returns what was copied — never the value.
 */
export async function copySecretValue(services: Services, target: ItemTarget): Promise<{ name: string; version?: string; clearsInSeconds: number }> {
  const secret = await readSecretValue(services, target);
  const version = secret.properties.version ?? target.version;
  const shown = itemLabel({ name: target.name, ...(version ? { version } : {}) });
  const seconds = await services.clipboard.copySecret(secret.value, `${shown} (${target.vault.name})`);
  services.ui.notify(seconds > 0 ? vscode.l10n.t('Copied the value of {0}; clipboard clears in {1} s', shown, seconds) : vscode.l10n.t('Copied the value of {0} (clipboard clearing is off)', shown), { copied: true });
  return { name: target.name, ...(version ? { version } : {}), clearsInSeconds: seconds };
}
