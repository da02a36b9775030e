// The report of Compare Vaults (pure): a read-only Markdown document like the bulk preview (./markdown.ts: padded
// tables that read as text too) — per kind a count per status, then one row per name with what differs. Public
// attributes only (dates, content types, tag names, key types, subjects); a secret's value is only ever "differs".
import * as l10n from '@vscode/l10n';
import { compareStatuses, sortRows, type CompareOrder, type CompareRow, type CompareStatus, type Difference, type KindComparison } from './compare';
import { cell, code, table } from '../markdownTable';
import { groupLabel } from '../kindWords';

export interface CompareHeading {
  readonly a: string;
  readonly b: string;
  readonly order: CompareOrder;
}

export function compareStatusWord(status: CompareStatus, heading: Pick<CompareHeading, 'a' | 'b'>): string {
  switch (status) {
    case 'onlyInA':
      return l10n.t('only in {0}', heading.a);
    case 'onlyInB':
      return l10n.t('only in {0}', heading.b);
    case 'differs':
      return l10n.t('differs');
    case 'unverified':
      return l10n.t('not compared');
    case 'same':
      return l10n.t('same');
  }
}

function differenceWord(d: Difference): string {
  const sides = (what: string) => (d.a !== undefined && d.b !== undefined ? `${what} (${d.a} / ${d.b})` : what);
  switch (d.what) {
    case 'enabled':
      return sides(l10n.t('enabled'));
    case 'activation':
      return sides(l10n.t('activation'));
    case 'expiry':
      return sides(l10n.t('expiry'));
    case 'contentType':
      return sides(l10n.t('content type'));
    case 'tags':
      return l10n.t('tags ({0})', d.a ?? '');
    case 'value':
      return l10n.t('value differs');
    case 'keyType':
      return sides(l10n.t('key type'));
    case 'keySize':
      return sides(l10n.t('size'));
    case 'subject':
      return sides(l10n.t('subject'));
    case 'thumbprint':
      return sides(l10n.t('thumbprint'));
  }
}

/** What differs in a row, in a few words: "value differs; tags (env)"; "not compared (disabled)" where the value was not read. */
export function rowDifferences(row: CompareRow): string {
  const parts = row.differences.map(differenceWord);
  if (row.notCompared?.reason === 'disabled') parts.push(row.kind === 'secret' ? l10n.t('value not compared (disabled)') : l10n.t('not compared (disabled)'));
  if (row.notCompared?.reason === 'unreadable') parts.push(l10n.t('not compared: {0}', row.notCompared.detail));
  return parts.join('; ');
}

function section(kind: KindComparison, heading: CompareHeading): string[] {
  const counts = table([l10n.t('Status'), groupLabel(kind.kind)], compareStatuses.map((s) => [compareStatusWord(s, heading), String(kind.counts[s])]), [false, true]);
  const rows = sortRows(kind.rows, heading.order).map((r) => [code(r.name), compareStatusWord(r.status, heading), cell(rowDifferences(r))]);
  const managed = kind.managed > 0 ? ['', l10n.t('{0} items that belong to certificates are compared with their certificates.', kind.managed)] : [];
  return [
    `## ${groupLabel(kind.kind)}`,
    '',
    ...counts,
    ...managed,
    '',
    ...(rows.length > 0 ? table([l10n.t('Name'), l10n.t('Status'), l10n.t('Differences')], rows) : [l10n.t('Neither vault holds any.')]),
    '',
  ];
}

/** The whole report: a heading, what A and B are, the order, then one section per kind compared. */
export function compareMarkdown(heading: CompareHeading, kinds: readonly KindComparison[]): string {
  const order = heading.order === 'difference' ? l10n.t('Sorted by difference (only in one vault, differs, not compared, same), then by name.') : l10n.t('Sorted by name.');
  return [
    `# ${cell(l10n.t('Compare {0} with {1}', heading.a, heading.b))}`,
    '',
    l10n.t('Values are never shown: "value differs" means the two values were compared in memory (one read per vault per secret in both) and dropped. A disabled secret\'s value cannot be read: it is "not compared".'),
    '',
    order,
    '',
    ...kinds.flatMap((k) => section(k, heading)),
  ].join('\n');
}
