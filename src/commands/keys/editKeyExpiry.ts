import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { askDate } from '../prompts';
import { currentKey, updateKeyAttributes } from './keyAttributes';

/** Sets a new expiry on the current version (or the chosen version): one GET for the current value, one PATCH. */
export async function editKeyExpiry(services: Services, target: ItemTarget): Promise<{ name: string; expiresOn?: string }> {
  if (target.managed) throw new Error(vscode.l10n.t('The key "{0}" belongs to a certificate: its expiry follows the certificate. Nothing was sent to Azure.', target.name));
  const before = await currentKey(services, target);
  const expiresOn = await askDate(services, vscode.l10n.t('Expiry of key {0}', itemLabel(target)), {
    which: 'expiry',
    prompt: vscode.l10n.t('New expiry date of this version (the service keeps the date when left empty)'),
    ...(before.expiresOn ? { current: before.expiresOn } : {}),
  });
  if (!expiresOn) return { name: target.name, ...(before.expiresOn ? { expiresOn: before.expiresOn.toISOString() } : {}) };
  // Checked here rather than in the prompt so the refusal says that nothing was changed.
  if (before.notBefore && expiresOn.getTime() <= before.notBefore.getTime()) throw new Error(vscode.l10n.t('The expiry must be after the activation date. Nothing was changed.'));
  const after = await updateKeyAttributes(services, target, { expiresOn });
  services.log.info(`set the expiry of key ${itemLabel(target)} in ${target.vault.name}`);
  services.view.refreshItem(target);
  services.ui.notify(vscode.l10n.t('Key {0} expires {1}', target.name, expiresOn.toISOString().slice(0, 10)));
  return { name: target.name, ...(after.expiresOn ? { expiresOn: after.expiresOn.toISOString() } : {}) };
}
