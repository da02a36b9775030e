// The documents of a bulk write (pure): the preview of a plan and the report of a run, as Markdown tables — a count
// per status, then one row per entry (key → secret name, status, why). No value ever appears: only keys, names,
// statuses and sizes.
import * as l10n from '@vscode/l10n';
import type { EntryProblem } from './mapping';
import { rowStatuses, type ImportPlan, type PlanRow, type RowStatus } from './plan';
import { runCounts, type WriteOutcome, type WriteRun } from './write';
import { cell, code, table } from '../markdownTable';


export function statusWord(status: RowStatus): string {
  switch (status) {
    case 'new':
      return l10n.t('new');
    case 'changed':
      return l10n.t('changed');
    case 'unchanged':
      return l10n.t('unchanged');
    case 'invalid':
      return l10n.t('invalid');
    case 'collision':
      return l10n.t('collision');
    case 'blocked':
      return l10n.t('blocked');
  }
}

function problemText(problem: EntryProblem): string {
  switch (problem.kind) {
    case 'emptyName':
      return l10n.t('no valid character is left of the key (names take letters, digits and -)');
    case 'nameTooLong':
      return l10n.t('the name is {0} characters long; Key Vault allows 127', problem.length);
    case 'emptyValue':
      return l10n.t('the value is empty');
    case 'valueTooLarge':
      return l10n.t('the value is {0} bytes; Key Vault allows 25,600 (25 KB)', problem.bytes);
  }
}

/** Why a row is (not) written, in a few words; '' for a new or unchanged row. */
export function rowReason(row: PlanRow): string {
  if (row.problem) return problemText(row.problem);
  if (row.collidesWith) return l10n.t('the same secret name as {0} (Key Vault names ignore case): rename one of them', row.collidesWith.join(', '));
  switch (row.blocked) {
    case 'deleted':
      return l10n.t('deleted: recover or purge first');
    case 'disabled':
      return l10n.t('its current version is disabled: enable it first');
    case 'certificate':
      return l10n.t('belongs to the certificate of the same name');
    case 'unreadable':
      return l10n.t('its current value could not be read to compare: {0}', row.detail ?? '');
    case undefined:
      break;
  }
  return row.status === 'changed' ? l10n.t('the value differs from the vault\'s') : '';
}

function countsTable(counts: Readonly<Record<RowStatus, number>>): string[] {
  return table([l10n.t('Status'), l10n.t('Entries')], rowStatuses.map((s) => [statusWord(s), String(counts[s])]), [false, true]);
}

export interface DocumentHeading {
  /** `Import into kv-prod from .env`. */
  readonly title: string;
  /** Entries the reader passed over (references, unreadable lines), with why. */
  readonly passedOver?: readonly { readonly key: string; readonly reason: string }[];
  /** Paragraphs of the job's own (a sync: where the values come from, what else it does), after the first one. */
  readonly notes?: readonly string[];
}

function noteLines(heading: DocumentHeading): string[] {
  return (heading.notes ?? []).flatMap((n) => [cell(n), '']);
}

function passedOverLines(heading: DocumentHeading): string[] {
  const passed = heading.passedOver ?? [];
  if (passed.length === 0) return [];
  return ['', l10n.t('Passed over ({0}):', passed.length), '', ...passed.map((p) => `- ${code(p.key)}: ${cell(p.reason)}`)];
}

/** The preview: nothing written yet; counts per status and one row per entry. */
export function previewMarkdown(heading: DocumentHeading, plan: ImportPlan): string {
  const lines = [
    `# ${cell(heading.title)}`,
    '',
    l10n.t('Nothing has been written yet. Values are never shown: "changed" means the value in the vault differs from the file\'s (compared in memory).'),
    '',
    ...noteLines(heading),
    ...countsTable(plan.counts),
    ...passedOverLines(heading),
    '',
    ...table([l10n.t('Key'), l10n.t('Secret name'), l10n.t('Status'), l10n.t('Reason')], plan.rows.map((r) => [code(r.key), code(r.name), statusWord(r.status), cell(rowReason(r))])),
    '',
  ];
  return lines.join('\n');
}

function outcomeWord(outcome: WriteOutcome | undefined, row: PlanRow): string {
  if (!outcome) return row.status === 'unchanged' ? l10n.t('unchanged') : l10n.t('skipped');
  switch (outcome.status) {
    case 'written':
      return row.status === 'new' ? l10n.t('written (new)') : l10n.t('written (new version)');
    case 'failed':
      return l10n.t('failed');
    case 'unknown':
      return l10n.t('unknown');
    case 'notSent':
      return l10n.t('not sent (cancelled)');
  }
}

/** One sentence of counts: "Written 180, unchanged 3, skipped 5, failed 1." (with cancelled/unknown when there are some). */
export function countsSentence(plan: ImportPlan, run: WriteRun): string {
  const c = runCounts(plan.rows, run.outcomes);
  const parts = [l10n.t('written {0}', c.written), l10n.t('unchanged {0}', c.unchanged), l10n.t('skipped {0}', c.skipped), l10n.t('failed {0}', c.failed)];
  if (c.unknown > 0) parts.push(l10n.t('outcome unknown {0}', c.unknown));
  if (c.notSent > 0) parts.push(l10n.t('not sent {0}', c.notSent));
  return parts.join(', ');
}

/** The report: what the run did to each entry (the plan's reason for those it did not write, the failure for those that failed). */
export function reportMarkdown(heading: DocumentHeading, plan: ImportPlan, run: WriteRun): string {
  const byIndex = new Map(run.outcomes.map((o) => [o.row.index, o]));
  const c = runCounts(plan.rows, run.outcomes);
  const summary = table(
    [l10n.t('Outcome'), l10n.t('Entries')],
    [
      [l10n.t('written'), String(c.written)],
      [l10n.t('unchanged'), String(c.unchanged)],
      [l10n.t('skipped'), String(c.skipped)],
      [l10n.t('failed'), String(c.failed)],
      ...(c.unknown > 0 ? [[l10n.t('unknown'), String(c.unknown)]] : []),
      ...(c.notSent > 0 ? [[l10n.t('not sent (cancelled)'), String(c.notSent)]] : []),
    ],
    [false, true],
  );
  const note = run.stopped
    ? l10n.t('The run stopped before every entry was sent. Everything marked "written" is in the vault; run the import again to write the rest (what is already there is then "unchanged" and not written again).')
    : l10n.t('Run the import again at any time: what is already in the vault is "unchanged" and not written again.');
  const lines = [
    `# ${cell(heading.title)}`,
    '',
    note,
    '',
    ...noteLines(heading),
    ...summary,
    ...passedOverLines(heading),
    '',
    ...table(
      [l10n.t('Key'), l10n.t('Secret name'), l10n.t('Outcome'), l10n.t('Reason')],
      plan.rows.map((r) => {
        const o = byIndex.get(r.index);
        return [code(r.key), code(r.name), outcomeWord(o, r), cell(o?.reason ?? (o ? '' : rowReason(r)))];
      }),
    ),
    '',
  ];
  return lines.join('\n');
}
