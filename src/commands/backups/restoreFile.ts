import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import type { ObjectKind } from '../../azure/model';
import { kindsOf, type VaultTarget } from '../../model/targets';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { explainFailure, request, type FailureContext } from '../failures';
import { nameHintOf } from './backupFiles';

/** One file to restore: where it is, what it is called, the kind it holds. */
export interface RestoreJob {
  readonly uri: vscode.Uri;
  readonly file: string;
  readonly kind: ObjectKind;
}

/** What became of one file: restored (the object's name), or why not (a whole sentence, never a value). */
export type FileOutcome =
  | { readonly ok: true; readonly file: string; readonly kind: ObjectKind; readonly name: string; readonly confirmedByCheck: boolean }
  | { readonly ok: false; readonly file: string; readonly kind: ObjectKind; readonly message: string };

const failed = (job: RestoreJob, message: string): FileOutcome => ({ ok: false, file: job.file, kind: job.kind, message });

/** The file's bytes, or why they cannot be restored (unreadable, empty, a kind the vault cannot hold). */
async function readJob(services: Services, vault: VaultTarget, job: RestoreJob): Promise<Uint8Array | string> {
  if (!kindsOf(vault).includes(job.kind)) {
    return vscode.l10n.t('A {0} backup cannot be restored into {1}: a Managed HSM holds keys only.', kindName(job.kind), vault.name);
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(job.uri);
  } catch (error) {
    services.log.warn(`restore: a backup file could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return vscode.l10n.t('Could not read {0}.', job.file);
  }
  return bytes.length > 0 ? bytes : vscode.l10n.t('{0} is empty: it is not a Key Vault backup.', job.file);
}

/**
 * Restores one file with one POST …/restore (a restore whose answer was lost is settled by backupOps). A refusal
 * is explained (./explain: another subscription or geography, a name in use or deleted, a missing role) and
 * returned, not thrown: the other files go on. Cancel and a sign-out end the whole command.
 */
export async function restoreFile(services: Services, vault: VaultTarget, job: RestoreJob): Promise<FileOutcome> {
  const bytes = await readJob(services, vault, job);
  if (typeof bytes === 'string') return failed(job, bytes);
  const nameHint = nameHintOf(job.file, vault.name);
  const ctx: FailureContext = { kind: job.kind, operation: 'restore', vault, ...(nameHint ? { name: nameHint } : {}) };
  try {
    const outcome = await request(services, ctx, async (sdk, vaults, url, options) => {
      try {
        return { ok: true as const, restored: await sdk.backupOps.restoreItem(vaults, url, job.kind, bytes, { ...options, ...(nameHint ? { nameHint } : {}) }) };
      } catch (error) {
        if (sdk.classifyError(error).kind === 'cancelled') throw error;
        return { ok: false as const, error, name: sdk.backupOps.conflictName(error) };
      }
    });
    if (outcome.ok) {
      const { name } = outcome.restored.properties;
      services.log.info(`restored ${job.kind} ${name} into ${vault.name}${outcome.restored.confirmedByCheck ? ' (confirmed by checking the vault)' : ''}`);
      return { ok: true, file: job.file, kind: job.kind, name, confirmedByCheck: outcome.restored.confirmedByCheck ?? false };
    }
    if (services.operations.current()?.stopReason) throw new UserCancelled();
    const failure = classifyError(outcome.error);
    const name = outcome.name ?? nameHint;
    services.log.error(`restore ${job.kind} ${name ?? '(unknown name)'} into ${vault.name}: ${failure.status ?? ''} ${failure.innerCode ?? failure.code ?? failure.kind}`);
    return failed(job, explainFailure(failure, { ...ctx, ...(name ? { name } : {}) }));
  } catch (error) {
    if (error instanceof UserCancelled || error instanceof vscode.CancellationError) throw error;
    return failed(job, error instanceof Error ? error.message : String(error));
  }
}
