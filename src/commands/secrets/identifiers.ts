// Secret identifiers for apps and references: unversioned (follows rotations) or pinned to one version. The listed
// ids are used when the command came from the tree; otherwise they are built from the vault URL, or looked up.
import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';

/** `https://{vault}/secrets/{name}`: always resolves to the latest version. */
export function unversionedId(target: ItemTarget): string {
  // An item row lists the unversioned id; a version row lists its versioned one, so it is built instead.
  if (target.properties && !target.version) return target.properties.id.replace(/\/+$/, '');
  return `${target.vault.vaultUrl.replace(/\/+$/, '')}/secrets/${target.name}`;
}

/** `https://{vault}/secrets/{name}/{version}` of the target's version, or of the current one (one listing). */
export async function versionedId(services: Services, target: ItemTarget): Promise<string> {
  if (target.version) return target.properties?.id ?? `${unversionedId(target)}/${target.version}`;
  const { vault, name } = target;
  const latest = await request(services, { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.latestSecretProperties(vaults, url, name, options));
  if (!latest) throw new Error(vscode.l10n.t('"{0}" has no versions in {1}: it may have been deleted. Refresh the view.', name, vault.name));
  return latest.id;
}
