import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { unversionedId, versionedId } from './identifiers';

/**
 * Copy Identifier: on a secret the unversioned id (follows the latest version), on a version its versioned id;
 * from the palette, a choice of both. Identifiers are not secret: the clipboard is not cleared. Returns the id.
 */
export async function copySecretIdentifier(services: Services, target: ItemTarget): Promise<string> {
  let id: string;
  // A version (its row, or a pinned reference) has one id; a listed secret's row means "the secret" (unversioned).
  if (target.version) id = await versionedId(services, target);
  else if (target.properties) id = unversionedId(target);
  else {
    const picked = await services.ui.showQuickPick(
      [
        { label: vscode.l10n.t('Unversioned'), description: unversionedId(target), detail: vscode.l10n.t('Always resolves to the latest version (App Service and Functions references pick up rotations).'), versioned: false },
        { label: vscode.l10n.t('Current version'), description: vscode.l10n.t('pinned to the version that is current now'), detail: vscode.l10n.t('Resolves to this version even after a rotation.'), versioned: true },
      ],
      { title: vscode.l10n.t('Copy the identifier of {0}', target.name) },
    );
    if (!picked) throw new UserCancelled();
    id = picked.versioned ? await versionedId(services, target) : unversionedId(target);
  }
  await services.clipboard.copyText(id);
  services.ui.notify(vscode.l10n.t('Copied {0}', id), { copied: true });
  return id;
}
