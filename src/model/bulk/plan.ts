// The plan of a bulk write (pure): for each mapped entry, what writing it would do to the vault — new, changed,
// unchanged — or why it is not written — invalid, collision, blocked (the name is soft-deleted, its current version
// disabled, or owned by a certificate). Built from one listing of the vault's secrets (and its deleted ones) and,
// for names that exist, a comparison of the current value with the entry's, made by the caller in memory: the plan
// keeps only whether they are the same, never a value. A re-run plans again, so what an earlier run wrote is then
// "unchanged" and nothing is written twice.
import type { EntryProblem, MappedEntry } from './mapping';
import { mapWithConcurrency } from '../../azure/concurrency';

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid' | 'collision' | 'blocked';

/** Every status, in the order previews and reports list them. */
export const rowStatuses: readonly RowStatus[] = ['new', 'changed', 'unchanged', 'invalid', 'collision', 'blocked'];

/** Why a row is blocked. */
export type BlockReason = 'deleted' | 'disabled' | 'certificate' | 'unreadable';

export interface PlanRow {
  /** The entry's position in the source (the writer reads its value there). */
  readonly index: number;
  readonly key: string;
  /** The secret name it is written as (for a name that exists in another letter case: the vault's spelling). */
  readonly name: string;
  readonly status: RowStatus;
  readonly problem?: EntryProblem;
  readonly collidesWith?: readonly string[];
  readonly blocked?: BlockReason;
  /** For `unreadable`: the failure, in words (never a value). */
  readonly detail?: string;
}

/** What the vault holds, from its listings (no values). */
export interface VaultListing {
  readonly active: readonly { readonly name: string; readonly enabled?: boolean; readonly managed?: boolean }[];
  /** Names of soft-deleted secrets (recoverable or purgeable: a write to them is refused). */
  readonly deleted: readonly string[];
}

/** The caller's in-memory comparison of a secret's current value with an entry's: same or not (or why it could not tell). */
export type Comparison = boolean | { readonly unreadable: string };

export interface ImportPlan {
  readonly rows: readonly PlanRow[];
  readonly counts: Readonly<Record<RowStatus, number>>;
}

export interface PlanOptions {
  /** Comparisons at a time (each is one GET). Default 4. */
  readonly concurrency?: number;
  /** Checked before each comparison: a cancelled plan stops (the promise rejects with what `stopped` throws). */
  readonly checkStopped?: () => void;
}

export function countRows(rows: readonly PlanRow[]): Record<RowStatus, number> {
  const counts = Object.fromEntries(rowStatuses.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}

/**
 * The plan for `mapped` against `listing`; `compare(row)` is called once for each valid entry whose name exists
 * (enabled, not a certificate's) and says whether the vault's current value equals the entry's.
 */
export async function planImport(mapped: readonly MappedEntry[], listing: VaultListing, compare: (entry: MappedEntry, vaultName: string) => Promise<Comparison>, options: PlanOptions = {}): Promise<ImportPlan> {
  const active = new Map(listing.active.map((a) => [a.name.toLowerCase(), a]));
  const deleted = new Set(listing.deleted.map((d) => d.toLowerCase()));
  const rows = await mapWithConcurrency(mapped, options.concurrency ?? 4, async (m): Promise<PlanRow> => {
    const base = { index: m.index, key: m.key, name: m.name };
    if (m.problem) return { ...base, status: 'invalid', problem: m.problem };
    if (m.collidesWith) return { ...base, status: 'collision', collidesWith: m.collidesWith };
    const lower = m.name.toLowerCase();
    const existing = active.get(lower);
    if (!existing) return deleted.has(lower) ? { ...base, status: 'blocked', blocked: 'deleted' } : { ...base, status: 'new' };
    const named = { ...base, name: existing.name };
    if (existing.managed) return { ...named, status: 'blocked', blocked: 'certificate' };
    if (existing.enabled === false) return { ...named, status: 'blocked', blocked: 'disabled' };
    options.checkStopped?.();
    const same = await compare(m, existing.name);
    if (typeof same === 'object') return { ...named, status: 'blocked', blocked: 'unreadable', detail: same.unreadable };
    return { ...named, status: same ? 'unchanged' : 'changed' };
  });
  return { rows, counts: countRows(rows) };
}

/** The rows a confirmed plan writes: new and changed. */
export function rowsToWrite(plan: ImportPlan): PlanRow[] {
  return plan.rows.filter((r) => r.status === 'new' || r.status === 'changed');
}
