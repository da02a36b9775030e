import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { askTags } from '../prompts';
import { currentKey, updateKeyAttributes } from './keyAttributes';

/** Replaces the tags of the current version (or the chosen version). */
export async function editKeyTags(services: Services, target: ItemTarget): Promise<{ name: string; tags: Readonly<Record<string, string>> }> {
  if (target.managed) throw new Error(vscode.l10n.t("The key \"{0}\" belongs to a certificate: edit the certificate's tags instead. Nothing was sent to Azure.", target.name));
  const before = await currentKey(services, target);
  const tags = await askTags(services, vscode.l10n.t('Tags of key {0}', itemLabel(target)), before.tags);
  const after = await updateKeyAttributes(services, target, { tags });
  services.log.info(`updated the tags of key ${itemLabel(target)} in ${target.vault.name}`);
  services.view.refreshItem(target);
  services.ui.notify(vscode.l10n.t('Updated the tags of {0}', target.name));
  return { name: target.name, tags: after.tags };
}
