// The secrets of one vault as a table: entries by lowercase name, their time-driven states (deleting → deleted,
// recovering → active, deleted → purged at scheduledPurgeDate) and a sorted key index for paging.
import type { Clock } from '../types';
import type { SecretEntry } from './model';

export class SecretTable {
  private readonly entries = new Map<string, SecretEntry>();
  private sortedKeys: string[] | null = null;

  constructor(private readonly clock: Clock) {}

  /** Moves time-driven states forward; returns undefined when the entry was purged by its schedule. */
  private settle(e: SecretEntry): SecretEntry | undefined {
    const nowMs = this.clock.now();
    if ((e.state === 'deleting' || e.state === 'recovering') && (e.readyAtMs ?? 0) <= nowMs) {
      if (e.state === 'deleting') {
        e.state = 'deleted';
      } else {
        e.state = 'active';
        e.deletedDate = undefined;
        e.scheduledPurgeDate = undefined;
      }
      e.readyAtMs = undefined;
    }
    if (e.state === 'deleted' && e.scheduledPurgeDate !== undefined && e.scheduledPurgeDate * 1000 <= nowMs) {
      this.remove(e.name);
      return undefined;
    }
    return e;
  }

  /** The entry of a name (any case), in its current state. */
  lookup(name: string): SecretEntry | undefined {
    const e = this.entries.get(name.toLowerCase());
    return e ? this.settle(e) : undefined;
  }

  remove(name: string): void {
    this.entries.delete(name.toLowerCase());
    this.sortedKeys = null;
  }

  insert(e: SecretEntry): void {
    this.entries.set(e.name.toLowerCase(), e);
    this.sortedKeys = null;
  }

  /** Lowercase names, ascending (the listing order). */
  keys(): string[] {
    this.sortedKeys ??= [...this.entries.keys()].sort();
    return this.sortedKeys;
  }

  /** A picker for paginate(): the entry of a key when it is in `state`. */
  pick(state: SecretEntry['state']): (key: string) => SecretEntry | undefined {
    return (key) => {
      const e = this.lookup(key);
      return e?.state === state ? e : undefined;
    };
  }

  /** Re-evaluates an entry right after a state change (a zero delay completes at once). */
  refresh(e: SecretEntry): void {
    this.settle(e);
  }
}
