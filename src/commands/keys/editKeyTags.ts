import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { label } from '../items/common';
import { isManaged, refreshItem } from './common';
import { currentKey, updateKeyAttributes } from './keyAttributes';
import { askTags } from './inputs';

/** Replaces the tags of the current version (or the chosen version). */
export async function editKeyTags(services: Services, node?: TreeNode): Promise<{ name: string; tags: Readonly<Record<string, string>> }> {
  const target = await resolveItem(services, 'key', node);
  if (isManaged(target.node)) throw new Error(vscode.l10n.t("The key \"{0}\" belongs to a certificate: edit the certificate's tags instead. Nothing was sent to Azure.", target.name));
  const before = await currentKey(services, target);
  const tags = await askTags(services, vscode.l10n.t('Tags of key {0}', label(target)), before.tags);
  const after = await updateKeyAttributes(services, target, { tags });
  services.log.info(`updated the tags of key ${label(target)} in ${target.vault.name}`);
  await refreshItem(services, target);
  services.ui.notify(vscode.l10n.t('Updated the tags of {0}', target.name));
  return { name: target.name, tags: after.tags };
}
