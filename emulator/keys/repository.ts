// The keys of one vault and their lifecycle: active keys (with versions), soft-deleted keys, the delays the service
// shows as long-running operations (a delete becomes visible, a recovery completes), and purge at retention end.
import { nowSeconds } from '../clock';
import {
  badParameter,
  beingDeleted,
  beingRecovered,
  conflict,
  deletedButRecoverable,
  deletedNotFound,
  objectNotFound,
  purgeProtected,
} from '../errors';
import { scheduledPurgeDate, versionOf } from '../objects';
import type { VaultContext } from '../types';
import { managedKeyForbidden } from './errors';
import type { DeletedEntry, KeyEntry, KeyVersion } from './model';

export class KeyRepository {
  private readonly active = new Map<string, KeyEntry>();
  private readonly deleted = new Map<string, DeletedEntry>();

  constructor(private readonly vault: VaultContext) {}

  nowMs(): number {
    return this.vault.clock.now();
  }

  nowSeconds(): number {
    return nowSeconds(this.vault.clock);
  }

  /** Drops deleted keys whose retention has ended (the service purges them itself). */
  private sweep(): void {
    const now = this.nowSeconds();
    for (const [k, d] of this.deleted) {
      if (d.scheduledPurgeDate <= now) {
        this.deleted.delete(k);
      }
    }
  }

  private isAvailable(entry: KeyEntry): boolean {
    if (entry.availableAt !== undefined && this.nowMs() < entry.availableAt) {
      return false;
    }
    entry.availableAt = undefined;
    return true;
  }

  /** A visible key, or 404 KeyNotFound. */
  find(name: string): KeyEntry {
    const entry = this.active.get(name.toLowerCase());
    if (entry === undefined || !this.isAvailable(entry)) {
      throw objectNotFound('Key', name);
    }
    return entry;
  }

  /** A key even while its recovery completes (certificate cascades), or 404. */
  findAny(name: string): KeyEntry {
    const entry = this.active.get(name.toLowerCase());
    if (entry === undefined) {
      throw objectNotFound('Key', name);
    }
    return entry;
  }

  /** Like find, but refuses keys that back a certificate. */
  findUnmanaged(name: string, operation: string): KeyEntry {
    const entry = this.find(name);
    if (entry.managed) {
      throw managedKeyForbidden(operation, entry.name);
    }
    return entry;
  }

  /** `version` empty or absent: the current version. */
  findVersion(entry: KeyEntry, version: string | undefined): KeyVersion {
    return versionOf('Key', entry, version);
  }

  /**
   * The entry a new version goes into (create, import, certificate): the existing key, or a new one when the name
   * is free. Refuses names that are deleted, being deleted or being recovered, and a managed/unmanaged mismatch.
   */
  entryForNewVersion(name: string, managed: boolean, operation: string): KeyEntry {
    this.sweep();
    const key = name.toLowerCase();
    const d = this.deleted.get(key);
    if (d !== undefined) {
      throw this.nowMs() < d.visibleAt ? beingDeleted('Key', d.entry.name) : deletedButRecoverable('Key', d.entry.name);
    }
    const existing = this.active.get(key);
    if (existing === undefined) {
      return { name, managed, versions: [], rotationPolicy: undefined, availableAt: undefined };
    }
    if (!this.isAvailable(existing)) {
      throw beingRecovered('Key', existing.name);
    }
    if (existing.managed !== managed) {
      if (existing.managed) {
        throw managedKeyForbidden(operation, existing.name);
      }
      throw conflict(`A key named ${existing.name} exists and is not managed by a certificate.`);
    }
    return existing;
  }

  /** Appends a version (and registers a new entry). */
  addVersion(entry: KeyEntry, v: KeyVersion): void {
    entry.versions.push(v);
    this.active.set(entry.name.toLowerCase(), entry);
  }

  /** Registers a whole entry (restore); the name must be free. */
  insert(entry: KeyEntry): void {
    this.checkInsertable(entry.name);
    this.active.set(entry.name.toLowerCase(), entry);
  }

  /** Throws the error `insert` would throw for this name (a deleted or an existing key holds it). */
  checkInsertable(name: string): void {
    const key = name.toLowerCase();
    this.sweep();
    const d = this.deleted.get(key);
    if (d !== undefined) {
      throw this.nowMs() < d.visibleAt ? beingDeleted('Key', d.entry.name) : deletedButRecoverable('Key', d.entry.name);
    }
    if (this.active.has(key)) {
      throw conflict(`There was a conflict restoring the key ${name}: a key with the same name already exists in this vault.`);
    }
  }

  /** Visible keys, sorted by name (case-insensitive). */
  listActive(): KeyEntry[] {
    return [...this.active.values()]
      .filter((e) => this.isAvailable(e))
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  }

  /**
   * Deletes a key (all versions). With soft delete the key moves to the deleted set and shows there after the
   * vault's delete delay; without it the key is gone. Returns the deleted entry, or undefined without soft delete.
   */
  remove(entry: KeyEntry, delayMs = this.vault.timings.deleteDelayMs): DeletedEntry | undefined {
    const key = entry.name.toLowerCase();
    this.active.delete(key);
    if (!this.vault.softDeleteEnabled) {
      return undefined;
    }
    const now = this.nowSeconds();
    const d: DeletedEntry = {
      entry,
      deletedDate: now,
      scheduledPurgeDate: scheduledPurgeDate(this.vault, now),
      visibleAt: this.nowMs() + delayMs,
    };
    this.deleted.set(key, d);
    return d;
  }

  /** Adds an already-deleted entry (seed); visible at once. */
  insertDeleted(entry: KeyEntry): DeletedEntry {
    const now = this.nowSeconds();
    const d: DeletedEntry = {
      entry,
      deletedDate: now,
      scheduledPurgeDate: scheduledPurgeDate(this.vault, now),
      visibleAt: this.nowMs(),
    };
    this.deleted.set(entry.name.toLowerCase(), d);
    return d;
  }

  private requireSoftDelete(): void {
    if (!this.vault.softDeleteEnabled) {
      throw badParameter('Soft delete is not enabled on this vault: there are no deleted keys.');
    }
  }

  /** A deleted key whose deletion has completed, or 404 (also while the delete is still in progress). */
  findDeleted(name: string): DeletedEntry {
    this.requireSoftDelete();
    this.sweep();
    const d = this.deleted.get(name.toLowerCase());
    if (d === undefined || this.nowMs() < d.visibleAt) {
      throw deletedNotFound('Key', name);
    }
    return d;
  }

  /** For recover and purge: 409 while the delete is in progress. */
  findDeletedForChange(name: string): DeletedEntry {
    this.requireSoftDelete();
    this.sweep();
    const d = this.deleted.get(name.toLowerCase());
    if (d === undefined) {
      throw deletedNotFound('Key', name);
    }
    if (this.nowMs() < d.visibleAt) {
      throw beingDeleted('Key', d.entry.name);
    }
    return d;
  }

  /** A deleted key whether or not its deletion has completed (cascades from a certificate). */
  findDeletedAny(name: string): DeletedEntry {
    this.sweep();
    const d = this.deleted.get(name.toLowerCase());
    if (d === undefined) {
      throw deletedNotFound('Key', name);
    }
    return d;
  }

  listDeleted(): DeletedEntry[] {
    this.requireSoftDelete();
    this.sweep();
    const now = this.nowMs();
    return [...this.deleted.values()]
      .filter((d) => now >= d.visibleAt)
      .sort((a, b) => (a.entry.name.toLowerCase() < b.entry.name.toLowerCase() ? -1 : 1));
  }

  /** Moves a deleted key back; it becomes visible after the vault's delete delay (recovery in progress). */
  recover(d: DeletedEntry): KeyEntry {
    const key = d.entry.name.toLowerCase();
    this.deleted.delete(key);
    const delay = this.vault.timings.deleteDelayMs;
    d.entry.availableAt = delay > 0 ? this.nowMs() + delay : undefined;
    this.active.set(key, d.entry);
    return d.entry;
  }

  purge(d: DeletedEntry): void {
    if (this.vault.purgeProtectionEnabled) {
      throw purgeProtected();
    }
    this.deleted.delete(d.entry.name.toLowerCase());
  }
}
