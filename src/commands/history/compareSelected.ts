import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { readSecretValue } from '../items/secretValue';
import { openComparison, type Opened } from './comparison';

/**
 * Compare Selected: two versions (or two secrets: their current values — staging against production, say) in the
 * diff editor, the first selected on the left. Two GETs, nothing else.
 */
export async function compareSelected(services: Services, _target: ItemTarget, selection: readonly ItemTarget[]): Promise<Opened | undefined> {
  const [left, right] = selection;
  if (!left || !right) throw new Error(vscode.l10n.t('Select two versions (or two secrets) to compare.'));
  const a = await readSecretValue(services, left);
  const b = await readSecretValue(services, right);
  const sameObject = left.name === right.name && left.vault.vaultUrl === right.vault.vaultUrl;
  if (sameObject && a.properties.version === b.properties.version) {
    services.ui.notify(vscode.l10n.t('Both are version {0} of {1}: choose two different versions.', a.properties.version?.slice(0, 8) ?? '', left.name));
    return undefined;
  }
  services.log.info(`comparing secret versions ${left.vault.name}/${left.name} ${a.properties.version?.slice(0, 8)} and ${right.vault.name}/${right.name} ${b.properties.version?.slice(0, 8)} (read-only, in memory)`);
  return openComparison(services, { target: left, secret: a }, { target: right, secret: b });
}
