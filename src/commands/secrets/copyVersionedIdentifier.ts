import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveSecret } from './common';
import { versionedId } from './identifiers';

/** Copy Versioned Identifier: the id pinned to the current version (or the selected one). Returns the id. */
export async function copySecretVersionedIdentifier(services: Services, node?: TreeNode): Promise<string> {
  const id = await versionedId(services, await resolveSecret(services, node));
  await services.clipboard.copyText(id);
  services.ui.notify(vscode.l10n.t('Copied {0}', id));
  return id;
}
