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
  services.ui.notify(seconds > 0 ? `Copied the value of ${shown}; clipboard clears in ${seconds} s` : `Copied the value of ${shown} (clipboard clearing is off)`);
  return { name: target.name, ...(version ? { version } : {}), clearsInSeconds: seconds };
}
