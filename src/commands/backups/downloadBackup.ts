import * as vscode from 'vscode';
import type { ObjectKind } from '../../azure/model';
import { itemLabel, type ItemTarget } from '../../model/targets';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { vaultPlace } from '../explain';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { UserCancelled } from '../cancelled';
import { backupFileName, baseName } from './backupFiles';
import { startFolder, writeOwnerOnly, type FileProtection } from '../items/ownerOnlyFile';

/** What a download wrote (for tests): the file, its size and how it is protected. Never its content. */
export interface DownloadedBackup {
  readonly file: string;
  readonly bytes: number;
  readonly protection: FileProtection;
}

/** Refused before anything is asked: a certificate's own key or secret, a deleted object. */
function refusal(target: ItemTarget): string | undefined {
  const kind = kindName(target.kind);
  if (target.managed || target.properties?.managed) {
    return vscode.l10n.t('The {0} "{1}" belongs to the certificate "{1}": it cannot be backed up on its own. Back up the certificate instead (its backup holds its key and secret).', kind, target.name);
  }
  if (target.deleted) return vscode.l10n.t('The {0} "{1}" is deleted: recover it first, then download its backup.', kind, target.name);
  return undefined;
}

/** What the notification says about the file: what it holds, that Key Vault encrypted it, where it restores. */
function savedMessage(target: ItemTarget, file: string, protection: FileProtection): string {
  const kind = kindName(target.kind);
  const held = target.version
    ? vscode.l10n.t('Saved a backup of the {0} "{1}" to {2}: the whole {0} with all its versions (a backup is never of one version).', kind, target.name, file)
    : vscode.l10n.t('Saved a backup of the {0} "{1}" to {2}, with all its versions.', kind, target.name, file);
  const place = vaultPlace(target.vault);
  const rule = place
    ? vscode.l10n.t('Key Vault encrypted it: it restores only into a vault of the same subscription and Azure geography as {0} ({1}).', target.vault.name, place)
    : vscode.l10n.t('Key Vault encrypted it: it restores only into a vault of the same subscription and Azure geography as {0}.', target.vault.name);
  const care = protection === 'ownerOnly'
    ? vscode.l10n.t('Only your account can read the file; keep it as safe as the {0} itself.', kind)
    : vscode.l10n.t('Its access is what this file system gives new files: keep it as safe as the {0} itself.', kind);
  return `${held} ${rule} ${care}`;
}

const kindFilter = (kind: ObjectKind): Record<string, string[]> => ({ [vscode.l10n.t('Key Vault {0} backup', kindName(kind))]: ['blob'] });

/**
 * Download Backup…: the service's backup of the whole object (every version; a certificate with its policy, key
 * and secret) — one POST …/backup — written where the user picks, readable by the owner only where the file system
 * allows. The blob is encrypted by Key Vault; it is never logged, shown or kept anywhere else.
 */
export async function downloadBackup(services: Services, target: ItemTarget): Promise<DownloadedBackup> {
  const refused = refusal(target);
  if (refused) throw new Error(refused);
  const fileName = backupFileName(target.vault.name, target.name, target.kind, new Date());
  const folder = startFolder();
  const uri = await services.ui.showSaveDialog({
    title: vscode.l10n.t('Save a backup of the {0} {1} (all versions)', kindName(target.kind), itemLabel(target)),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    filters: kindFilter(target.kind),
  });
  if (!uri) throw new UserCancelled();
  const bytes = await request(services, contextOf(target, 'backup'), (sdk, vaults, url, options) => sdk.backupOps.backupItem(vaults, url, target.kind, target.name, options));
  const protection = await writeOwnerOnly(uri, bytes);
  services.log.info(`backed up ${target.kind} ${target.name} of ${target.vault.name} (${bytes.length} bytes) to a file the user chose (${protection})`);
  services.ui.notify(savedMessage(target, uri.scheme === 'file' ? uri.fsPath : baseName(uri.path), protection));
  return { file: uri.toString(), bytes: bytes.length, protection };
}
