import * as vscode from 'vscode';
import { latestSecretProperties } from '../../azure/secretOps';
import type { Services } from '../../services';
import { ItemNode } from '../../tree/ItemNode';
import { VersionNode } from '../../tree/VersionNode';
import type { ItemTarget } from '../targets';
import { vaultClients } from '../items/common';
import { secretFailure } from './errors';

/** `https://{vault}/secrets/{name}`: always resolves to the latest version. */
export function unversionedId(target: ItemTarget): string {
  if (target.node instanceof ItemNode) return target.node.item.id.replace(/\/+$/, '');
  return `${target.vault.vaultUrl.replace(/\/+$/, '')}/secrets/${target.name}`;
}

/** `https://{vault}/secrets/{name}/{version}` of the target's version, or of the current one (one listing). */
export async function versionedId(services: Services, target: ItemTarget): Promise<string> {
  if (target.node instanceof VersionNode) return target.node.version.id;
  if (target.version) return `${unversionedId(target)}/${target.version}`;
  let latest;
  try {
    latest = await latestSecretProperties(await vaultClients(services), target.vault.vaultUrl, target.name);
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault: target.vault, name: target.name });
  }
  if (!latest) throw new Error(vscode.l10n.t('"{0}" has no versions in {1}: it may have been deleted. Refresh the view.', target.name, target.vault.name));
  return latest.id;
}
