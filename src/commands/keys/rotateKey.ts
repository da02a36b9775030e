import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { UserCancelled } from '../wrapper';

/** Rotate now: the service creates a new current version (same type and operations). Returns its version. */
export async function rotateKey(services: Services, target: ItemTarget): Promise<{ name: string; version?: string }> {
  if (target.managed) throw new Error(vscode.l10n.t('The key "{0}" belongs to a certificate: renew the certificate instead. Nothing was sent to Azure.', target.name));
  const action = vscode.l10n.t('Rotate');
  const detail = vscode.l10n.t('A new version becomes current. Apps that use the key without a version pick it up; earlier versions stay usable for decrypt and verify. The expiry of the new version comes from the rotation policy.');
  if ((await services.ui.confirm(vscode.l10n.t('Rotate key "{0}" in {1} now?', target.name, target.vault.name), detail, action)) !== action) throw new UserCancelled();
  const { version } = await request(services, contextOf(target, 'update'), (sdk, vaults, url, options) => sdk.keyOps.rotateKey(vaults, url, target.name, options));
  services.log.info(`rotated key ${target.name} in ${target.vault.name}`);
  services.view.refreshItem(target);
  services.ui.notify(vscode.l10n.t('Rotated {0}: new version {1}', target.name, version?.slice(0, 8) ?? ''));
  return { name: target.name, ...(version ? { version } : {}) };
}
