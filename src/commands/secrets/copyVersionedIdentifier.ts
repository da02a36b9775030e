import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { versionedId } from './identifiers';

/** Copy Versioned Identifier: the id pinned to the current version (or the selected one). Returns the id. */
export async function copySecretVersionedIdentifier(services: Services, target: ItemTarget): Promise<string> {
  const id = await versionedId(services, target);
  await services.clipboard.copyText(id);
  services.ui.notify(vscode.l10n.t('Copied {0}', id), { copied: true });
  return id;
}
