// Comparing two vaults (pure, issue 21): the names of one kind listed in vault A and in vault B, matched ignoring
// case (Key Vault names do), each pair's listed attributes compared, and — for pairs the caller can look deeper into —
// what the caller's `deep` comparison found (a secret's value compared in memory, a key's type and size, a
// certificate's subject and thumbprint). A row keeps only what differs, in words and public attributes: never a value.
// Items a certificate owns (its secret and key, `managed`) are left to the certificates' comparison.
import { mapWithConcurrency } from '../../azure/concurrency';

export type CompareKind = 'secret' | 'key' | 'certificate';

/** Row statuses, in the order the report lists them ("by difference"). */
export type CompareStatus = 'onlyInA' | 'onlyInB' | 'differs' | 'unverified' | 'same';
export const compareStatuses: readonly CompareStatus[] = ['onlyInA', 'onlyInB', 'differs', 'unverified', 'same'];

export type DifferenceKind = 'enabled' | 'activation' | 'expiry' | 'contentType' | 'tags' | 'value' | 'keyType' | 'keySize' | 'subject' | 'thumbprint';

/** One difference of a pair: what, and (for public attributes) each side's value in words; never a secret's value. */
export interface Difference {
  readonly what: DifferenceKind;
  readonly a?: string;
  readonly b?: string;
}

/** What a vault's listing says of one item (no value). */
export interface ListedItem {
  readonly name: string;
  readonly enabled?: boolean;
  readonly notBefore?: Date;
  readonly expiresOn?: Date;
  readonly contentType?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly managed?: boolean;
}

/** Why a pair's deeper comparison was not made. */
export type NotCompared = { readonly reason: 'disabled' } | { readonly reason: 'unreadable'; readonly detail: string };

export interface CompareRow {
  readonly kind: CompareKind;
  /** A's spelling when the name is in A, else B's. */
  readonly name: string;
  readonly status: CompareStatus;
  readonly differences: readonly Difference[];
  readonly notCompared?: NotCompared;
  /** Whether the item is enabled in A / in B (undefined: not in that vault). */
  readonly enabledInA?: boolean;
  readonly enabledInB?: boolean;
  /** B's spelling, when it is in B. */
  readonly nameInB?: string;
}

/** The caller's deeper comparison of a pair: the differences found, or why it could not look. */
export type DeepResult = readonly Difference[] | { readonly unreadable: string };

export interface KindComparison {
  readonly kind: CompareKind;
  readonly rows: readonly CompareRow[];
  readonly counts: Readonly<Record<CompareStatus, number>>;
  /** Items a certificate owns, left out of this kind's comparison (in A, in B). */
  readonly managed: number;
}

export interface CompareOptions {
  /** Deep comparisons at a time (each is one GET per side). Default 4. */
  readonly concurrency?: number;
  /** Checked before each deep comparison: throws to stop. */
  readonly checkStopped?: () => void;
  /** Whether the pair is compared deeper when one side is disabled (keys and certificates: yes; a disabled secret's value cannot be read). */
  readonly deepWhenDisabled?: boolean;
}

/** Day precision is what the report shows; the comparison itself is by the second (what Key Vault stores). */
export function dayOf(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '—';
}

const seconds = (d: Date | undefined): number | undefined => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** Tag names whose values differ between `a` and `b` (present in one only, or with another value), sorted. */
export function tagDifferences(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): string[] {
  const names = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...names].filter((n) => (a ?? {})[n] !== (b ?? {})[n]).sort((x, y) => x.localeCompare(y));
}

const yesNo = (enabled: boolean | undefined): string => (enabled === false ? 'disabled' : 'enabled');

/** The differences the listings show: enabled, activation, expiry, content type (secrets), tags (names only). */
export function listedDifferences(kind: CompareKind, a: ListedItem, b: ListedItem): Difference[] {
  const out: Difference[] = [];
  if ((a.enabled !== false) !== (b.enabled !== false)) out.push({ what: 'enabled', a: yesNo(a.enabled), b: yesNo(b.enabled) });
  if (seconds(a.notBefore) !== seconds(b.notBefore)) out.push({ what: 'activation', a: dayOf(a.notBefore), b: dayOf(b.notBefore) });
  if (seconds(a.expiresOn) !== seconds(b.expiresOn)) out.push({ what: 'expiry', a: dayOf(a.expiresOn), b: dayOf(b.expiresOn) });
  if (kind === 'secret' && (a.contentType || undefined) !== (b.contentType || undefined)) out.push({ what: 'contentType', a: a.contentType || '—', b: b.contentType || '—' });
  const tags = tagDifferences(a.tags, b.tags);
  if (tags.length > 0) out.push({ what: 'tags', a: tags.join(', ') });
  return out;
}

/** A key as its deeper comparison sees it (one GET): kty, RSA size or EC curve. */
export interface KeyShape {
  readonly keyType: string;
  readonly keySize?: number;
  readonly curve?: string;
}

export function keyDifferences(a: KeyShape, b: KeyShape): Difference[] {
  const out: Difference[] = [];
  if (a.keyType !== b.keyType) out.push({ what: 'keyType', a: a.keyType, b: b.keyType });
  const size = (k: KeyShape) => (k.keySize !== undefined ? String(k.keySize) : k.curve ?? '—');
  if (size(a) !== size(b)) out.push({ what: 'keySize', a: size(a), b: size(b) });
  return out;
}

/** A certificate as its deeper comparison sees it (one GET): the subject and the SHA-1 thumbprint of its current version. */
export interface CertificateShape {
  readonly subject?: string;
  readonly thumbprint?: string;
}

export function certificateDifferences(a: CertificateShape, b: CertificateShape): Difference[] {
  const out: Difference[] = [];
  if ((a.subject ?? '') !== (b.subject ?? '')) out.push({ what: 'subject', a: a.subject ?? '—', b: b.subject ?? '—' });
  if ((a.thumbprint ?? '').toUpperCase() !== (b.thumbprint ?? '').toUpperCase()) out.push({ what: 'thumbprint', a: a.thumbprint?.slice(0, 12) ?? '—', b: b.thumbprint?.slice(0, 12) ?? '—' });
  return out;
}

function countStatuses(rows: readonly CompareRow[]): Record<CompareStatus, number> {
  const counts = Object.fromEntries(compareStatuses.map((s) => [s, 0])) as Record<CompareStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}

/**
 * Compares the items of one kind listed in A and in B. `deep(a, b)` is called once for each pair in both (both
 * enabled unless `deepWhenDisabled`) and says what else differs; rows come sorted by difference.
 */
export async function compareKind(kind: CompareKind, listedA: readonly ListedItem[], listedB: readonly ListedItem[], deep: (a: ListedItem, b: ListedItem) => Promise<DeepResult>, options: CompareOptions = {}): Promise<KindComparison> {
  const own = (items: readonly ListedItem[]) => items.filter((i) => !i.managed);
  const inA = own(listedA);
  const inB = own(listedB);
  const managed = listedA.length - inA.length + listedB.length - inB.length;
  const byName = new Map(inB.map((b) => [b.name.toLowerCase(), b]));
  const matched = new Set<string>();
  const pairs = inA.map((a) => {
    const b = byName.get(a.name.toLowerCase());
    if (b) matched.add(b.name.toLowerCase());
    return { a, b };
  });
  const fromA = await mapWithConcurrency(pairs, options.concurrency ?? 4, async ({ a, b }): Promise<CompareRow> => {
    if (!b) return { kind, name: a.name, status: 'onlyInA', differences: [], enabledInA: a.enabled !== false };
    const base = { kind, name: a.name, nameInB: b.name, enabledInA: a.enabled !== false, enabledInB: b.enabled !== false };
    const listed = listedDifferences(kind, a, b);
    if (!options.deepWhenDisabled && (a.enabled === false || b.enabled === false)) {
      return { ...base, status: listed.length > 0 ? 'differs' : 'unverified', differences: listed, notCompared: { reason: 'disabled' } };
    }
    options.checkStopped?.();
    const found = await deep(a, b);
    if (!Array.isArray(found)) {
      const detail = (found as { readonly unreadable: string }).unreadable;
      return { ...base, status: listed.length > 0 ? 'differs' : 'unverified', differences: listed, notCompared: { reason: 'unreadable', detail } };
    }
    const differences = [...listed, ...(found as readonly Difference[])];
    return { ...base, status: differences.length > 0 ? 'differs' : 'same', differences };
  });
  const onlyB = inB.filter((b) => !matched.has(b.name.toLowerCase())).map((b): CompareRow => ({ kind, name: b.name, nameInB: b.name, status: 'onlyInB', differences: [], enabledInB: b.enabled !== false }));
  const rows = sortRows([...fromA, ...onlyB], 'difference');
  return { kind, rows, counts: countStatuses(rows), managed };
}

/** How the report orders rows: by status (then name), or by name. */
export type CompareOrder = 'difference' | 'name';

const byName = (a: CompareRow, b: CompareRow): number => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name);

export function sortRows(rows: readonly CompareRow[], order: CompareOrder): CompareRow[] {
  const rank = (r: CompareRow) => compareStatuses.indexOf(r.status);
  return [...rows].sort((a, b) => (order === 'difference' ? rank(a) - rank(b) || byName(a, b) : byName(a, b) || rank(a) - rank(b)));
}

/** The secrets a sync from A to B writes: only in A, or differing — enabled in A (a disabled value cannot be read). */
export function syncCandidates(rows: readonly CompareRow[]): CompareRow[] {
  return rows.filter((r) => r.kind === 'secret' && (r.status === 'onlyInA' || r.status === 'differs') && r.enabledInA === true);
}

/** The secrets that exist only in B (the sync's optional soft-delete). */
export function onlyInTarget(rows: readonly CompareRow[]): CompareRow[] {
  return rows.filter((r) => r.kind === 'secret' && r.status === 'onlyInB');
}
