import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { label } from '../items/common';
import { isManaged, refreshItem } from './common';
import { currentKey, updateKeyAttributes } from './keyAttributes';
import { askDate } from './inputs';

/** Sets a new expiry on the current version (or the chosen version): one GET for the current value, one PATCH. */
export async function editKeyExpiry(services: Services, node?: TreeNode): Promise<{ name: string; expiresOn?: string }> {
  const target = await resolveItem(services, 'key', node);
  if (isManaged(target.node)) throw new Error(vscode.l10n.t('The key "{0}" belongs to a certificate: its expiry follows the certificate. Nothing was sent to Azure.', target.name));
  const before = await currentKey(services, target);
  const expiresOn = await askDate(services, vscode.l10n.t('Expiry of key {0}', label(target)), vscode.l10n.t('New expiry date of this version (the service keeps the date when left empty)'), before.expiresOn);
  if (!expiresOn) return { name: target.name, ...(before.expiresOn ? { expiresOn: before.expiresOn.toISOString() } : {}) };
  if (before.notBefore && expiresOn.getTime() <= before.notBefore.getTime()) throw new Error(vscode.l10n.t('The expiry must be after the activation date. Nothing was changed.'));
  const after = await updateKeyAttributes(services, target, { expiresOn });
  services.log.info(`set the expiry of key ${label(target)} in ${target.vault.name}`);
  await refreshItem(services, target);
  services.ui.notify(vscode.l10n.t('Key {0} expires {1}', target.name, expiresOn.toISOString().slice(0, 10)));
  return { name: target.name, ...(after.expiresOn ? { expiresOn: after.expiresOn.toISOString() } : {}) };
}

