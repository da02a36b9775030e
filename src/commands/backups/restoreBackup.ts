import * as vscode from 'vscode';
import type { ObjectKind } from '../../azure/model';
import { kindsOf, vaultOfTarget, type NodeTarget, type VaultTarget } from '../../model/targets';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { revealQuietly } from '../items/common';
import { withProgress } from '../progress';
import { pickOne } from '../prompts';
import { baseName, kindOfFileName } from './backupFiles';
import { restoreFile, type FileOutcome, type RestoreJob } from './restoreFile';
import { startFolder } from '../items/ownerOnlyFile';

/** What a restore did, file by file (for tests and the report). */
export interface RestoreReport {
  readonly vault: string;
  readonly outcomes: readonly FileOutcome[];
}

/** The kind a group row stands for (Secrets, Keys, Certificates); an HSM holds keys only. */
function kindOfTarget(target: NodeTarget, vault: VaultTarget): ObjectKind | undefined {
  if (target.type === 'group' && !target.deleted && target.kind) return target.kind;
  if (target.type === 'item') return target.item.kind;
  const kinds = kindsOf(vault);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** "What does this backup hold?" for a file whose name does not say. */
async function askKind(services: Services, vault: VaultTarget, file: string): Promise<ObjectKind> {
  const items = kindsOf(vault).map((objectKind) => ({ label: kindName(objectKind), objectKind }));
  const picked = await pickOne(services, items, { title: vscode.l10n.t('What does this backup hold? ({0})', file), placeHolder: vscode.l10n.t('The kind of object backed up in {0}', file) });
  return picked.objectKind;
}

/** One line per file for the report. */
function line(outcome: FileOutcome): string {
  return outcome.ok
    ? vscode.l10n.t('{0}: the {1} "{2}"', outcome.file, kindName(outcome.kind), outcome.name)
    : `${outcome.file}: ${outcome.message}`;
}

/** The final message: what was restored where; failures listed each (one file's failure is the command's error). */
function report(services: Services, vault: VaultTarget, outcomes: readonly FileOutcome[]): void {
  const done = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok);
  if (outcomes.length === 1 && failed[0]) throw new Error(failed[0].message);
  if (failed.length === 0) {
    const first = done[0];
    if (done.length === 1 && first?.ok) {
      const checked = first.confirmedByCheck ? ` ${vscode.l10n.t('(The answer was lost on the way; the vault was checked and holds it.)')}` : '';
      services.ui.notify(vscode.l10n.t('Restored the {0} "{1}" into {2} from {3}.', kindName(first.kind), first.name, vault.name, first.file) + checked);
      return;
    }
    services.ui.notify(vscode.l10n.t('Restored {0} backups into {1}: {2}.', done.length, vault.name, done.map(line).join('; ')));
    return;
  }
  const restored = done.length > 0 ? vscode.l10n.t('Restored into {0}: {1}.', vault.name, done.map(line).join('; ')) : vscode.l10n.t('Nothing was restored into {0}.', vault.name);
  void services.ui.showErrorMessage(`${vscode.l10n.t('{0} of {1} backups could not be restored.', failed.length, outcomes.length)} ${failed.map(line).join(' ')} ${restored}`);
}

/**
 * Restore from Backup…: one or several backup files the user picks, each restored into the vault with one POST
 * …/restore. Nothing is confirmed first: a restore never overwrites (the service refuses a name in use). Several
 * files run under one cancellable progress; one file's failure does not stop the others, and the report lists each.
 * Then the groups of the restored kinds are listed again and the last restored object is revealed.
 */
export async function restoreBackup(services: Services, target: NodeTarget): Promise<RestoreReport> {
  const vault = vaultOfTarget(target);
  if (!vault) throw new UserCancelled();
  const folder = startFolder();
  const uris = await services.ui.showOpenDialog({
    title: vscode.l10n.t('Restore into {0} from backup files', vault.name),
    canSelectMany: true,
    openLabel: vscode.l10n.t('Restore'),
    ...(folder ? { defaultUri: folder } : {}),
    filters: { [vscode.l10n.t('Key Vault backups')]: ['blob'], [vscode.l10n.t('All files')]: ['*'] },
  });
  if (!uris || uris.length === 0) throw new UserCancelled();
  // Every question first (the kind of each file whose name does not say), then the requests.
  const given = kindOfTarget(target, vault);
  const jobs: RestoreJob[] = [];
  for (const uri of uris) {
    const file = baseName(uri.path);
    jobs.push({ uri, file, kind: kindOfFileName(file) ?? given ?? (await askKind(services, vault, file)) });
  }
  const outcomes: FileOutcome[] = [];
  const runAll = async (report?: (message: string) => void): Promise<void> => {
    for (const [i, job] of jobs.entries()) {
      report?.(vscode.l10n.t('{0} ({1}/{2})', job.file, i + 1, jobs.length));
      try {
        outcomes.push(await restoreFile(services, vault, job));
      } catch (error) {
        // The user's Cancel after some files: those are reported (and shown in the tree), the rest said unsent.
        const cancelled = error instanceof UserCancelled || error instanceof vscode.CancellationError;
        if (!cancelled || outcomes.length === 0 || services.operations.current()?.stopReason) throw error;
        for (const [n, left] of jobs.slice(i).entries()) {
          const message = n === 0 ? vscode.l10n.t('cancelled while it was being sent: refresh to see whether it was restored') : vscode.l10n.t('not sent: cancelled');
          outcomes.push({ ok: false, file: left.file, kind: left.kind, message });
        }
        return;
      }
    }
  };
  if (jobs.length > 1) await withProgress(services, vscode.l10n.t('Restoring {0} backups into {1}', jobs.length, vault.name), (_signal, progress) => runAll(progress), vault);
  else await runAll();
  for (const kind of new Set(outcomes.flatMap((o) => (o.ok ? [o.kind] : [])))) services.view.refreshGroup(vault, kind);
  const last = outcomes.filter((o) => o.ok).pop();
  if (last?.ok) await revealQuietly(services, { vault, kind: last.kind, name: last.name });
  report(services, vault, outcomes);
  return { vault: vault.name, outcomes };
}
