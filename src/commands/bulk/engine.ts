// The bulk write engine of the commands (issue 21; Convert .env of issue 20 too): plan against a vault → preview →
// confirm → write under a cancellable progress → report. Reusable by any bulk job that writes secrets: it takes the
// entries (key, value) and the vault, and returns what happened to each. The pure parts (mapping, plan, write pool,
// documents) are src/model/bulk; this file is their Azure and VS Code side.
//
// Requests: one listing of the vault's secrets and one of its deleted secrets (pages of 25), then one GET per
// entry whose name exists (its current value compared in memory with the entry's and dropped at once: the plan keeps
// a boolean), then one PUT per new or changed entry, at most 4 at a time (the client's per-vault gate caps every
// request anyway; its reliability policy waits out 429s). Cancel stops starting writes; the writes in flight finish,
// so the report says exactly what was written. A sign-out aborts them: their outcome is then reported unknown.
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import { allPages } from '../../azure/paging';
import type { SecretWrite } from '../../azure/secretOps';
import { sleep } from '../../azure/throttle';
import { mapEntries } from '../../model/bulk/mapping';
import { countsSentence, previewMarkdown, reportMarkdown, type DocumentHeading } from '../../model/bulk/markdown';
import { planImport, rowsToWrite, type Comparison, type ImportPlan, type PlanRow, type VaultListing } from '../../model/bulk/plan';
import type { SourceEntry } from '../../model/bulk/source';
import { runCounts, writeRows, type WriteResult, type WriteRun } from '../../model/bulk/write';
import type { VaultTarget } from '../../model/targets';
import { ItemBusyError, itemKey, type Operation } from '../../platform/operations';
import type { NoticeAction } from '../../platform/ui';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { explainFailure, isDeletedConflict, request, vaultClients } from '../failures';
import { withProgress } from '../progress';

/** Writes at a time: the per-vault gate's default. */
const WRITES_AT_ONCE = 4;
/** Resends of a write the service still throttled after the client's own backoff (a 429 is never processed). */
const THROTTLED_RESENDS = 3;
const THROTTLED_WAIT_MS = 10_000;

/** What a bulk job did (returned by the commands: the e2e suite reads it). Never a value. */
export interface BulkReport {
  readonly vault: string;
  readonly file: string;
  readonly plan: ImportPlan['counts'];
  /** Whether the user confirmed the write (false: nothing was written). */
  readonly confirmed: boolean;
  readonly stopped: boolean;
  readonly rows: readonly { readonly key: string; readonly name: string; readonly status: string; readonly outcome?: string; readonly reason?: string }[];
}

/** The vault's secrets and deleted secrets, names and states only. The deleted listing is best effort (a write to a deleted name is refused anyway). */
async function listVault(services: Services, vault: VaultTarget, signal: AbortSignal): Promise<VaultListing> {
  const active = await request(services, { kind: 'secret', operation: 'list', vault }, (_sdk, vaults, url, options) => allPages((page) => vaults.listItems(url, 'secret', page), options.abortSignal));
  let deleted: string[] = [];
  try {
    const vaults = await vaultClients(services);
    deleted = (await allPages((page) => vaults.listDeleted(vault.vaultUrl, 'secret', page), signal)).map((d) => d.name);
  } catch (error) {
    if (signal.aborted) throw new UserCancelled();
    services.log.warn(`bulk: deleted secrets of ${vault.name} not listed (${classifyError(error).kind}); a deleted name is found when it is written`);
  }
  return { active, deleted };
}

/** Compares a secret's current value with `value` in memory: same or not (the value read is dropped here). */
async function compareCurrent(services: Services, vault: VaultTarget, name: string, value: string, signal: AbortSignal): Promise<Comparison> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return (await sdk.secretOps.getSecretValue(vaults, vault.vaultUrl, name, undefined, { abortSignal: signal })).value === value;
  } catch (error) {
    if (signal.aborted) throw new UserCancelled();
    const failure = classifyError(error);
    return { unreadable: failure.message };
  }
}

/** The plan of writing `entries` into `vault`, under a cancellable progress (listings and comparisons only: nothing is written). */
export async function planEntries(services: Services, vault: VaultTarget, entries: readonly SourceEntry[]): Promise<ImportPlan> {
  return withProgress(
    services,
    vscode.l10n.t('Comparing {0} entries with {1}', entries.length, vault.name),
    async (signal, report) => {
      report(vscode.l10n.t('Listing the secrets of {0}…', vault.name));
      const listing = await listVault(services, vault, signal);
      let compared = 0;
      report(vscode.l10n.t('Comparing values in memory…'));
      return planImport(mapEntries(entries), listing, async (m, name) => {
        const same = await compareCurrent(services, vault, name, entries[m.index]!.value, signal);
        report(vscode.l10n.t('Compared {0} existing secrets', ++compared));
        return same;
      }, {
        concurrency: WRITES_AT_ONCE,
        checkStopped: () => {
          if (signal.aborted) throw new UserCancelled();
        },
      });
    },
    vault,
  );
}

/** A read-only Markdown document at `keyvault:/{vault}/bulk/{name}` (never a value in it). */
async function showDocument(services: Services, vault: VaultTarget, name: string, markdown: string): Promise<void> {
  await services.documents.showReadOnly(`/${vault.name}/bulk/${name}`, markdown, 'markdown');
}

/** What the user said to a preview: write, or there is nothing to write, or declined. */
export type Confirmation = 'write' | 'nothing' | 'declined';

/**
 * Shows the preview and asks "Write N secrets (X new, Y changed) to V?" (modal). 'nothing' when there is nothing to
 * write (said in a notification when `sayNothing`). Nothing is written before this returns 'write'.
 */
export async function previewAndConfirm(services: Services, vault: VaultTarget, heading: DocumentHeading, plan: ImportPlan, documentName: string, sayNothing = true): Promise<Confirmation> {
  await showDocument(services, vault, documentName, previewMarkdown(heading, plan));
  const { new: created, changed, unchanged } = plan.counts;
  const count = created + changed;
  if (count === 0) {
    if (sayNothing) services.ui.notify(vscode.l10n.t('Nothing to write to {0}: {1} entries are already there with the same value, {2} cannot be written (see the preview).', vault.name, unchanged, plan.rows.length - unchanged));
    return 'nothing';
  }
  const skipped = plan.rows.length - count - unchanged;
  const detail = [
    vscode.l10n.t('New secrets are created; a changed one gets a new version (older versions stay).'),
    unchanged > 0 ? vscode.l10n.t('{0} entries already hold the same value and are not written.', unchanged) : '',
    skipped > 0 ? vscode.l10n.t('{0} entries are skipped (invalid, colliding or blocked: see the preview).', skipped) : '',
  ].filter(Boolean).join(' ');
  const action = vscode.l10n.t('Write {0} Secrets', count);
  const choice = await services.ui.confirm(vscode.l10n.t('Write {0} secrets ({1} new, {2} changed) to vault {3}?', count, created, changed, vault.name), detail, action);
  return choice === action ? 'write' : 'declined';
}

/** What one write sends: a value, or a value with the attributes of the new version (a sync copies them). */
export type WriteContent = string | { readonly value: string; readonly attributes: SecretWrite };

/**
 * One write: a new version with the row's content (asked for right before the write: a sync reads the source's value
 * then, and drops it after); a throttled answer is sent again (never processed), a failure explained.
 */
async function writeOne(services: Services, operation: Operation, vault: VaultTarget, row: PlanRow, contentOf: () => WriteContent | Promise<WriteContent>, writes: AbortSignal): Promise<WriteResult> {
  try {
    services.operations.claim(operation, itemKey(vault.vaultUrl, 'secret', row.name), row.name);
  } catch (error) {
    if (error instanceof ItemBusyError) return { status: 'failed', reason: error.message };
    throw error;
  }
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let content: WriteContent;
  try {
    content = await contentOf();
  } catch (error) {
    if (writes.aborted) return { status: 'failed', reason: vscode.l10n.t('stopped before it was sent: nothing was written') };
    return { status: 'failed', reason: vscode.l10n.t('the value to write could not be read: {0}', classifyError(error).message) };
  }
  const value = typeof content === 'string' ? content : content.value;
  const attributes = typeof content === 'string' ? {} : content.attributes;
  for (let attempt = 0; ; attempt++) {
    try {
      await sdk.secretOps.setSecret(vaults, vault.vaultUrl, row.name, value, attributes, { abortSignal: writes });
      return { status: 'written' };
    } catch (error) {
      if (writes.aborted) return { status: 'unknown', reason: vscode.l10n.t('stopped while it was being sent: run the import again to check') };
      const failure = classifyError(error);
      if (failure.kind === 'throttled' && attempt < THROTTLED_RESENDS) {
        await sleep(failure.retryAfterMs ?? THROTTLED_WAIT_MS, writes).catch(() => undefined);
        if (writes.aborted) return { status: 'unknown', reason: vscode.l10n.t('stopped while it was being sent: run the import again to check') };
        continue;
      }
      if (isDeletedConflict(failure) || failure.innerCode === 'ObjectIsBeingDeleted') return { status: 'failed', reason: vscode.l10n.t('deleted: recover or purge first') };
      const reason = explainFailure(failure, { kind: 'secret', operation: 'write', vault, name: row.name });
      services.log.warn(`bulk: write ${row.name} in ${vault.name}: ${failure.status ?? ''} ${failure.innerCode ?? failure.code ?? failure.kind}`);
      return { status: failure.kind === 'outcomeUnknown' ? 'unknown' : 'failed', reason };
    }
  }
}

/**
 * Writes the plan's new and changed rows (content of row r: `contentOf(r)`, a value or a value with attributes)
 * under a cancellable progress. Cancel starts no further write and lets those in flight finish; a sign-out aborts them.
 */
export async function writePlanned(services: Services, vault: VaultTarget, plan: ImportPlan, contentOf: (row: PlanRow) => WriteContent | Promise<WriteContent>): Promise<WriteRun> {
  const rows = rowsToWrite(plan);
  const operation = services.operations.current();
  if (!operation) throw new Error('a bulk write runs inside a command');
  const writes = new AbortController();
  const stopWrites = (): void => {
    if (operation.stopReason) writes.abort();
  };
  operation.signal.addEventListener('abort', stopWrites);
  try {
    return await withProgress(
      services,
      vscode.l10n.t('Writing {0} secrets to {1}', rows.length, vault.name),
      (signal, report) => {
        report(vscode.l10n.t('{0} of {1} written', 0, rows.length));
        return writeRows(rows, (row) => writeOne(services, operation, vault, row, () => contentOf(row), writes.signal), {
          concurrency: WRITES_AT_ONCE,
          shouldStop: () => signal.aborted || writes.signal.aborted,
          onProgress: (done, total) => report(signal.aborted ? vscode.l10n.t('Stopping: waiting for the writes in flight ({0} of {1} done)', done, total) : vscode.l10n.t('{0} of {1} written', done, total)),
        });
      },
      vault,
    );
  } finally {
    operation.signal.removeEventListener('abort', stopWrites);
    services.view.refreshGroup(vault, 'secret');
  }
}

/** The report: a notification with the counts (and *Show Report*), and the same report as a document. */
export async function showReport(services: Services, vault: VaultTarget, heading: DocumentHeading, plan: ImportPlan, run: WriteRun, documentName: string, extra = '', actions: readonly NoticeAction[] = []): Promise<void> {
  const counts = runCounts(plan.rows, run.outcomes);
  await showDocument(services, vault, documentName, reportMarkdown(heading, plan, run));
  const head = run.stopped ? vscode.l10n.t('{0}: cancelled after {1} written.', heading.title, counts.written) : vscode.l10n.t('{0}: done.', heading.title);
  const sentence = `${head} ${countsSentence(plan, run)}.${extra ? ` ${extra}` : ''}`;
  if (counts.failed > 0 || counts.unknown > 0) {
    const chosen = await services.ui.showErrorMessage(sentence, ...actions.map((a) => a.title));
    await actions.find((a) => a.title === chosen)?.run();
  } else {
    services.ui.notify(sentence, { actions });
  }
}

/** The report a command returns. */
export function bulkReport(vault: VaultTarget, file: string, plan: ImportPlan, confirmed: boolean, run?: WriteRun): BulkReport {
  const outcomes = new Map((run?.outcomes ?? []).map((o) => [o.row.index, o]));
  return {
    vault: vault.name,
    file,
    plan: plan.counts,
    confirmed,
    stopped: run?.stopped ?? false,
    rows: plan.rows.map((r) => {
      const o = outcomes.get(r.index);
      return { key: r.key, name: r.name, status: r.status, ...(o ? { outcome: o.status } : {}), ...(o?.reason ? { reason: o.reason } : {}) };
    }),
  };
}
