import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label } from '../items/common';
import { resolveSecret } from './common';
import { readSecretValue } from './readValue';

/**
 * Copy Value: the latest value (or the selected version's) to the clipboard, cleared again after
 * `azureKeyVault.clipboardClearSeconds` if it still holds it. Returns what was copied — never the value.
 */
export async function copySecretValue(services: Services, node?: TreeNode): Promise<{ name: string; version?: string; clearsInSeconds: number }> {
  const target = await resolveSecret(services, node);
  const secret = await readSecretValue(services, target);
  const version = secret.properties.version ?? target.version;
  const shown = label({ name: target.name, ...(version ? { version } : {}) });
  const seconds = await services.clipboard.copySecret(secret.value, `${shown} (${target.vault.name})`);
  services.ui.notify(seconds > 0 ? vscode.l10n.t('Copied the value of {0}; clipboard clears in {1} s', shown, seconds) : vscode.l10n.t('Copied the value of {0} (clipboard clearing is off)', shown));
  return { name: target.name, ...(version ? { version } : {}), clearsInSeconds: seconds };
}
