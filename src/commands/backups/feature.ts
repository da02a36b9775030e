// The backups area: the service's own backup blobs of secrets, keys and certificates — Download Backup… on an item
// (or a version: the backup is of the whole object), Restore from Backup… on a vault, a group or a Managed HSM.
import * as vscode from 'vscode';
import { BackupCommandIds, type CommandId } from '../../model/commandIds';
import type { ItemTarget, NodeTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { anyTarget, item } from '../targets';
import { downloadBackup } from './downloadBackup';
import { restoreBackup } from './restoreBackup';

const commands: Readonly<Record<CommandId<typeof BackupCommandIds>, Command<ItemTarget> | Command<NodeTarget>>> = {
  [BackupCommandIds.downloadSecret]: command(item('secret'), downloadBackup),
  [BackupCommandIds.downloadKey]: command(item('key'), downloadBackup),
  [BackupCommandIds.downloadCertificate]: command(item('certificate'), downloadBackup),
  [BackupCommandIds.restore]: command(anyTarget(() => vscode.l10n.t('Restore from backup: choose the vault')), restoreBackup),
};

/** Commands of the backups area (one file each in this folder). */
export const backupsFeature: Feature = { commands };
