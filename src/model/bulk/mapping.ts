// Configuration keys → Key Vault secret names, with what stops an entry from being written (pure). The mapping is
// src/references/secretNames.ts's (`:`/`__` → `--`, other invalid characters → `-`); an entry is invalid when its
// name is empty after mapping or longer than 127 characters, or its value is empty or over 25 KB; two entries whose
// names are the same for Key Vault (case-insensitive) collide, and neither is written until the user renames one.
import { keyVaultNameOf, MAX_OBJECT_NAME_LENGTH } from '../../references/secretNames';
import type { SourceEntry } from './source';

/** Key Vault's largest secret value: 25 KB of UTF-8. */
export const MAX_SECRET_VALUE_BYTES = 25 * 1024;

/** Why an entry cannot be written as it is. */
export type EntryProblem =
  | { readonly kind: 'emptyName' }
  | { readonly kind: 'nameTooLong'; readonly length: number }
  | { readonly kind: 'emptyValue' }
  | { readonly kind: 'valueTooLarge'; readonly bytes: number };

/** One source entry with its secret name: a problem, or the other keys it collides with. */
export interface MappedEntry {
  /** Its position in the source's entries (where the writer finds its value). */
  readonly index: number;
  readonly key: string;
  /** The mapped name ('' when nothing valid was left of the key). */
  readonly name: string;
  readonly problem?: EntryProblem;
  /** The other keys (in file order) whose names are the same for Key Vault. */
  readonly collidesWith?: readonly string[];
}

function problemOf(name: string, value: string): EntryProblem | undefined {
  if (name === '') return { kind: 'emptyName' };
  if (name.length > MAX_OBJECT_NAME_LENGTH) return { kind: 'nameTooLong', length: name.length };
  if (value === '') return { kind: 'emptyValue' };
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_SECRET_VALUE_BYTES) return { kind: 'valueTooLarge', bytes };
  return undefined;
}

/** Each entry's name and problem; entries without a problem that share a name (case-insensitive) collide. */
export function mapEntries(entries: readonly SourceEntry[]): MappedEntry[] {
  const mapped = entries.map((entry, index) => {
    const name = keyVaultNameOf(entry.key);
    const problem = problemOf(name, entry.value);
    return { index, key: entry.key, name, ...(problem ? { problem } : {}) };
  });
  const byName = new Map<string, MappedEntry[]>();
  for (const m of mapped) {
    if (m.problem) continue;
    const same = byName.get(m.name.toLowerCase()) ?? [];
    same.push(m);
    byName.set(m.name.toLowerCase(), same);
  }
  return mapped.map((m) => {
    const same = m.problem ? [] : (byName.get(m.name.toLowerCase()) ?? []);
    return same.length > 1 ? { ...m, collidesWith: same.filter((o) => o !== m).map((o) => o.key) } : m;
  });
}
