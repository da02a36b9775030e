// Sync Secrets to Another Vault… (issue 21): the secrets of a source vault that the target lacks or holds otherwise
// (value, enabled, dates, content type or tags differ) are copied to the target — new versions where the name exists —
// through the bulk engine's preview → confirm → progress → report (./engine.ts: same cancel and throttling as the
// import). From Compare Vaults' "Sync…" (its comparison handed over), a vault row (the source; the target picked) or
// the palette. A multi-select pick lists the differing secrets, all ticked, and one unticked "Also soft-delete N
// secrets that exist only in the target" (soft delete only, never a purge; not offered where soft delete is off).
// A copy is the source's current value, content type, tags, activation and expiry dates, read right before its write
// and dropped after it; a secret disabled in the source is not copied (its value cannot be read).
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import { onlyInTarget, syncCandidates, type CompareRow } from '../../model/bulk/compare';
import { rowDifferences } from '../../model/bulk/compareMarkdown';
import { countRows, type ImportPlan, type PlanRow } from '../../model/bulk/plan';
import { kindsOf, type VaultTarget } from '../../model/targets';
import { ItemBusyError, itemKey } from '../../platform/operations';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { explainFailure, vaultClients } from '../failures';
import { withProgress } from '../progress';
import { pickVault } from '../targets';
import { compareVaultKinds } from './compareRead';
import { bulkReport, previewAndConfirm, showReport, writePlanned, type BulkReport, type WriteContent } from './engine';
import type { SyncTarget } from './syncTarget';

/** What a sync did: the engine's report (vault: the target, file: the source vault) and the soft-deletes. Never a value. */
export interface SyncReport extends BulkReport {
  readonly source: string;
  readonly deleted: readonly { readonly name: string; readonly outcome: 'deleted' | 'failed' | 'notSent'; readonly reason?: string }[];
}

/** The plan of copying `chosen`: only in the source → new, else → changed (a new version in the target). */
export function syncPlan(chosen: readonly CompareRow[]): ImportPlan {
  const rows: PlanRow[] = chosen.map((r, index) => ({ index, key: r.name, name: r.nameInB ?? r.name, status: r.status === 'onlyInA' ? 'new' : 'changed' }));
  return { rows, counts: countRows(rows) };
}

/** The source's current value and attributes (one GET), for the write that follows at once. */
async function copyOf(services: Services, source: VaultTarget, name: string): Promise<WriteContent> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const signal = services.operations.current()?.signal;
  const { value, properties: p } = await sdk.secretOps.getSecretValue(vaults, source.vaultUrl, name, undefined, signal ? { abortSignal: signal } : {});
  return {
    value,
    attributes: {
      ...(p.contentType !== undefined ? { contentType: p.contentType } : {}),
      ...(p.tags !== undefined ? { tags: p.tags } : {}),
      ...(p.notBefore !== undefined ? { notBefore: p.notBefore } : {}),
      ...(p.expiresOn !== undefined ? { expiresOn: p.expiresOn } : {}),
    },
  };
}

/** Soft-deletes `names` in `target` one after another under a cancellable progress (never a purge). */
async function softDelete(services: Services, target: VaultTarget, names: readonly string[]): Promise<SyncReport['deleted']> {
  const operation = services.operations.current();
  if (!operation || names.length === 0) return [];
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await withProgress(services, vscode.l10n.t('Soft-deleting {0} secrets in {1}', names.length, target.name), async (signal, report) => {
      const out: SyncReport['deleted'][number][] = [];
      for (const name of names) {
        if (signal.aborted) {
          out.push({ name, outcome: 'notSent' });
          continue;
        }
        try {
          services.operations.claim(operation, itemKey(target.vaultUrl, 'secret', name), name);
          await sdk.secretOps.deleteSecret(vaults, target.vaultUrl, name, { abortSignal: signal });
          out.push({ name, outcome: 'deleted' });
        } catch (error) {
          if (signal.aborted) out.push({ name, outcome: 'failed', reason: vscode.l10n.t('stopped while it was being deleted: refresh the vault to see whether it is gone') });
          else out.push({ name, outcome: 'failed', reason: error instanceof ItemBusyError ? error.message : explainFailure(classifyError(error), { kind: 'secret', operation: 'delete', vault: target, name }) });
        }
        report(vscode.l10n.t('{0} of {1} soft-deleted', out.filter((d) => d.outcome === 'deleted').length, names.length));
      }
      return out;
    }, target);
  } finally {
    services.view.refreshGroup(target, 'secret');
  }
}

function deleteSentence(deleted: SyncReport['deleted']): string {
  if (deleted.length === 0) return '';
  const done = deleted.filter((d) => d.outcome === 'deleted').map((d) => d.name);
  const failed = deleted.filter((d) => d.outcome === 'failed').map((d) => `${d.name} (${d.reason ?? ''})`);
  const parts = [vscode.l10n.t('Soft-deleted in the target: {0}.', done.length > 0 ? done.join(', ') : vscode.l10n.t('none'))];
  if (failed.length > 0) parts.push(vscode.l10n.t('Not deleted: {0}.', failed.join(', ')));
  const notSent = deleted.filter((d) => d.outcome === 'notSent').length;
  if (notSent > 0) parts.push(vscode.l10n.t('{0} not deleted (cancelled).', notSent));
  return parts.join(' ');
}

/** The vaults: handed over, the row's (source) and a picked target, or two picks. */
async function vaultsOf(services: Services, target: SyncTarget): Promise<{ source: VaultTarget; destination: VaultTarget }> {
  const source = target.source ?? (await pickVault(services, vscode.l10n.t('Sync secrets: copy from which vault?'), 'secret'));
  if (!kindsOf(source).includes('secret')) throw new Error(vscode.l10n.t('{0} is a Managed HSM: it holds keys only, no secrets.', source.name));
  const destination = target.target ?? (await pickVault(services, vscode.l10n.t('Copy the secrets of {0} to which vault?', source.name), 'secret'));
  if (destination.vaultUrl === source.vaultUrl) throw new Error(vscode.l10n.t('Choose another vault than {0} to copy its secrets to.', source.name));
  if (!kindsOf(destination).includes('secret')) throw new Error(vscode.l10n.t('{0} is a Managed HSM: it holds keys only, no secrets.', destination.name));
  return { source, destination };
}

export async function syncSecrets(services: Services, target: SyncTarget): Promise<SyncReport> {
  const { source, destination } = await vaultsOf(services, target);
  const rows = target.compared ?? (await compareVaultKinds(services, source, destination, ['secret']))[0]?.rows ?? [];
  const candidates = syncCandidates(rows);
  const extra = destination.info?.softDeleteEnabled === false ? [] : onlyInTarget(rows);
  const disabled = rows.filter((r) => r.kind === 'secret' && (r.status === 'onlyInA' || r.status === 'differs') && r.enabledInA === false).length;
  const nothing = (): SyncReport => ({ ...bulkReport(destination, source.name, syncPlan([]), false), source: source.name, deleted: [] });
  if (candidates.length === 0) {
    services.ui.notify(vscode.l10n.t('Nothing to copy: every enabled secret of {0} is in {1} with the same value and attributes ({2} only in {1}).', source.name, destination.name, onlyInTarget(rows).length));
    return nothing();
  }
  const deleteLabel = vscode.l10n.t('Also soft-delete {0} secrets that exist only in {1}', extra.length, destination.name);
  const items = [
    ...candidates.map((r) => ({ label: r.name, description: r.status === 'onlyInA' ? vscode.l10n.t('only in {0}', source.name) : rowDifferences(r), picked: true, row: r })),
    ...(extra.length > 0 ? [{ label: deleteLabel, description: vscode.l10n.t('recoverable until purged; never purged: {0}', extra.map((r) => r.name).join(', ')), picked: false, row: undefined }] : []),
  ];
  const picked = await services.ui.pickMany(items, {
    title: vscode.l10n.t('Copy which secrets of {0} to {1}?', source.name, destination.name),
    placeHolder: vscode.l10n.t('Ticked secrets are copied (value, content type, tags, dates) as new versions where the name exists'),
  });
  if (!picked) throw new UserCancelled();
  const chosen = picked.flatMap((p) => (p.row ? [p.row] : []));
  const deletes = picked.some((p) => !p.row) ? extra.map((r) => r.nameInB ?? r.name) : [];
  if (chosen.length === 0 && deletes.length === 0) throw new UserCancelled();
  const plan = syncPlan(chosen);
  const notes = [
    vscode.l10n.t('Source: {0}. "new": only in {0}; "changed": the value, enabled state, dates, content type or tags differ. Each is written as a new version with {0}\'s current value, content type, tags, activation and expiry dates (read right before its write, never kept).', source.name),
    ...(disabled > 0 ? [vscode.l10n.t('{0} secrets disabled in {1} are not copied: a disabled value cannot be read.', disabled, source.name)] : []),
    ...(deletes.length > 0 ? [vscode.l10n.t('Then soft-deleted in {0} (recoverable until purged; never purged): {1}.', destination.name, deletes.join(', '))] : []),
  ];
  const heading = { title: vscode.l10n.t('Sync {0} to {1}', source.name, destination.name), notes };
  const answer = chosen.length > 0 ? await previewAndConfirm(services, destination, heading, plan, `sync from ${source.name} (preview).md`) : 'nothing';
  if (answer === 'declined') return nothing();
  let confirmedDeletes: readonly string[] = [];
  if (deletes.length > 0) {
    const action = vscode.l10n.t('Soft-Delete {0} Secrets', deletes.length);
    const detail = vscode.l10n.t('{0}. They stay recoverable (Deleted Secrets) until their retention ends; this command never purges.', deletes.join(', '));
    if ((await services.ui.confirm(vscode.l10n.t('Also soft-delete {0} secrets of {1} that are not in {2}?', deletes.length, destination.name, source.name), detail, action)) === action) confirmedDeletes = deletes;
  }
  const run = answer === 'write' ? await writePlanned(services, destination, plan, (row) => copyOf(services, source, row.key)) : { outcomes: [], stopped: false };
  const deleted = run.stopped ? confirmedDeletes.map((name) => ({ name, outcome: 'notSent' as const })) : await softDelete(services, destination, confirmedDeletes);
  if (answer === 'write') await showReport(services, destination, heading, plan, run, `sync from ${source.name} (report).md`, deleteSentence(deleted));
  else if (deleted.length > 0) services.ui.notify(deleteSentence(deleted));
  return { ...bulkReport(destination, source.name, plan, answer === 'write', run), source: source.name, deleted };
}
