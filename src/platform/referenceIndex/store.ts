// What the index holds: each indexed file's references (files without any too, so they count as indexed), with
// a by-name view built on demand, so a query (a tree row's usage) looks at one name's references only.
import type { IndexedReference, ObjectQuery, References } from './types';

export class ReferenceStore {
  private readonly files = new Map<string, readonly IndexedReference[]>();
  private byName: Map<string, IndexedReference[]> | undefined;
  private sorted: IndexedReference[] | undefined;
  private count = 0;

  constructor(private readonly refs: () => References | undefined) {}

  has(file: string): boolean {
    return this.files.has(file);
  }

  fileKeys(): string[] {
    return [...this.files.keys()];
  }

  /** Sets a file's references; true when they differ from what was held (positions, previews or targets). */
  set(file: string, references: readonly IndexedReference[]): boolean {
    const before = this.files.get(file);
    if (before && sameReferences(before, references)) return false;
    this.count += references.length - (before?.length ?? 0);
    this.files.set(file, references);
    this.changed();
    return true;
  }

  /** Drops a file (and, for a folder, every file below it); true when something was dropped. */
  delete(file: string): boolean {
    let dropped = false;
    for (const key of this.files.keys()) {
      if (key === file || key.startsWith(`${file}/`)) {
        this.count -= this.files.get(key)!.length;
        this.files.delete(key);
        dropped = true;
      }
    }
    if (dropped) this.changed();
    return dropped;
  }

  clear(): void {
    this.files.clear();
    this.count = 0;
    this.changed();
  }

  get size(): { files: number; references: number } {
    return { files: this.files.size, references: this.count };
  }

  all(): readonly IndexedReference[] {
    if (!this.sorted) {
      const refs = this.refs();
      this.sorted = [...this.files.values()].flat();
      if (refs) this.sorted.sort(refs.byFileAndPosition);
    }
    return this.sorted;
  }

  referencesTo(query: ObjectQuery): IndexedReference[] {
    const refs = this.refs();
    return refs ? refs.referencesTo(this.named(query.name), query) : [];
  }

  filesUsing(query: ObjectQuery): number {
    const refs = this.refs();
    const named = this.named(query.name);
    // Asked for every item row drawn: most names have no reference at all.
    return refs && named.length > 0 ? refs.filesUsing(named, query) : 0;
  }

  private named(name: string): readonly IndexedReference[] {
    if (!this.byName) {
      const byName = new Map<string, IndexedReference[]>();
      for (const list of this.files.values()) {
        for (const r of list) {
          const key = r.ref.name.toLowerCase();
          const bucket = byName.get(key);
          if (bucket) bucket.push(r);
          else byName.set(key, [r]);
        }
      }
      this.byName = byName;
    }
    return this.byName.get(name.toLowerCase()) ?? [];
  }

  private changed(): void {
    this.byName = undefined;
    this.sorted = undefined;
  }
}

function sameReferences(a: readonly IndexedReference[], b: readonly IndexedReference[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
}
