// The secrets of one vault: versions, soft delete with its timings, recovery, purge, backup and restore, plus the
// "managed" secrets a certificate owns (created, deleted, recovered and purged by the certificate store).
import { backupScopeOf, type BackupCodec } from '../backup';
import { nowSeconds } from '../clock';
import {
  beingDeleted, beingRecovered, conflict, deletedButRecoverable, deletedNotFound, forbidden, objectDisabled,
  objectNotFound, purgeProtected,
} from '../errors';
import { checkName, latest, newVersionId, scheduledPurgeDate, versionOf, type AttributeInput } from '../objects';
import { page, type Page } from '../paging';
import type { SeedSecret } from '../seed';
import type { EmuRequest, VaultContext } from '../types';
import { seedEntry } from './seed';
import { SecretTable } from './table';
import {
  bundleJson, deletedBundleJson, deletedItemJson, itemJson,
  type DeletedSecretBundleJson, type SecretBundleJson, type SecretEntry, type SecretVersionRecord,
} from './model';

export interface SetSecretInput {
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  attributes?: AttributeInput;
}

export interface UpdateSecretInput {
  contentType?: string;
  tags?: Record<string, string>;
  attributes?: AttributeInput;
}

/** What a certificate store gives for the secret it owns. */
export interface ManagedSecretInput {
  value: string;
  contentType?: string;
  attributes?: AttributeInput;
  /** The id of the certificate's key (`.../keys/{name}/{version}`). */
  kid?: string;
  tags?: Record<string, string>;
  /** The certificate version; a new id when absent. */
  version?: string;
}

/** Everything needed to recreate a secret elsewhere (backups). */
export interface SecretSnapshot {
  readonly name: string;
  readonly managed: boolean;
  readonly versions: SecretVersionRecord[];
}

export class SecretStore {
  private readonly table: SecretTable;

  constructor(
    readonly ctx: VaultContext,
    private readonly codec: BackupCodec,
  ) {
    this.table = new SecretTable(ctx.clock);
  }

  // ---- state -------------------------------------------------------------------------------------------------

  private now(): number {
    return nowSeconds(this.ctx.clock);
  }

  private active(name: string): SecretEntry {
    const e = this.table.lookup(name);
    if (!e || e.state !== 'active') {
      throw objectNotFound('Secret', name);
    }
    return e;
  }

  /** The 409s for a name that is not free to be written. */
  private checkWritable(e: SecretEntry | undefined, name: string): void {
    if (!e) return;
    if (e.state === 'deleting') {
      throw beingDeleted('Secret', name);
    }
    if (e.state === 'deleted') {
      throw deletedButRecoverable('Secret', name);
    }
    if (e.state === 'recovering') {
      throw beingRecovered('Secret', name);
    }
  }

  private refuseManaged(e: SecretEntry, operation: string): void {
    if (e.managed) {
      throw forbidden(`Operation ${operation} is not allowed on a managed secret.`);
    }
  }

  private newVersion(input: SetSecretInput | ManagedSecretInput, managed: boolean, version?: string): SecretVersionRecord {
    const now = this.now();
    const a = input.attributes ?? {};
    return {
      version: version ?? newVersionId(),
      value: input.value,
      contentType: input.contentType,
      tags: input.tags,
      enabled: a.enabled ?? true,
      nbf: a.nbf,
      exp: a.exp,
      created: now,
      updated: now,
      managed,
      kid: 'kid' in input ? input.kid : undefined,
    };
  }

  // ---- operations of the REST API ------------------------------------------------------------------------------

  set(name: string, input: SetSecretInput): SecretBundleJson {
    checkName(name);
    const e = this.table.lookup(name);
    this.checkWritable(e, name);
    if (e) {
      this.refuseManaged(e, 'set');
      const v = this.newVersion(input, false);
      e.versions.push(v);
      return bundleJson(this.ctx, e, v, true);
    }
    const created: SecretEntry = { name, versions: [this.newVersion(input, false)], state: 'active', managed: false };
    this.table.insert(created);
    return bundleJson(this.ctx, created, latest(created), true);
  }

  get(name: string, version?: string): SecretBundleJson {
    const e = this.active(name);
    const v = versionOf('Secret', e, version);
    if (!v.enabled) {
      throw objectDisabled('Secret', 'get');
    }
    return bundleJson(this.ctx, e, v, true);
  }

  update(name: string, version: string | undefined, patch: UpdateSecretInput): SecretBundleJson {
    const e = this.active(name);
    this.refuseManaged(e, 'update');
    return this.applyUpdate(e, version, patch);
  }

  private applyUpdate(e: SecretEntry, version: string | undefined, patch: UpdateSecretInput): SecretBundleJson {
    const v = versionOf('Secret', e, version);
    const a = patch.attributes ?? {};
    if (a.enabled !== undefined) v.enabled = a.enabled;
    if (a.nbf !== undefined) v.nbf = a.nbf;
    if (a.exp !== undefined) v.exp = a.exp;
    if (patch.contentType !== undefined) v.contentType = patch.contentType;
    if (patch.tags !== undefined) v.tags = patch.tags;
    v.updated = this.now();
    return bundleJson(this.ctx, e, v, false);
  }

  /** One page of a list at the request's path over `keys` (ascending): `render` gives the item, or undefined. */
  private page<T>(req: EmuRequest, keys: readonly string[], render: (key: string) => T | undefined): Page<T> {
    return page(req.query, keys, { listUrl: `${this.ctx.url}${req.path}`, sortKey: (key) => key, render });
  }

  list(req: EmuRequest): Page<SecretBundleJson> {
    const pick = this.table.pick('active');
    return this.page(req, this.table.keys(), (key) => {
      const e = pick(key);
      return e ? itemJson(this.ctx, e, latest(e), false) : undefined;
    });
  }

  listVersions(req: EmuRequest, name: string): Page<SecretBundleJson> {
    checkName(name);
    const e = this.table.lookup(name);
    if (!e || e.state !== 'active') {
      return this.page<SecretBundleJson>(req, [], () => undefined);
    }
    const byId = new Map(e.versions.map((v) => [v.version, v]));
    return this.page(req, [...byId.keys()].sort(), (id) => {
      const v = byId.get(id);
      return v ? itemJson(this.ctx, e, v, true) : undefined;
    });
  }

  delete(name: string): DeletedSecretBundleJson {
    const e = this.active(name);
    this.refuseManaged(e, 'delete');
    return this.doDelete(e);
  }

  private doDelete(e: SecretEntry): DeletedSecretBundleJson {
    if (!this.ctx.softDeleteEnabled) {
      this.table.remove(e.name);
      return deletedBundleJson(this.ctx, e);
    }
    const now = this.now();
    e.deletedDate = now;
    e.scheduledPurgeDate = scheduledPurgeDate(this.ctx, now);
    e.state = 'deleting';
    e.readyAtMs = this.ctx.clock.now() + this.ctx.timings.deleteDelayMs;
    const result = deletedBundleJson(this.ctx, e);
    this.table.refresh(e);
    return result;
  }

  private deleted(name: string): SecretEntry {
    const e = this.table.lookup(name);
    if (!e || e.state !== 'deleted') {
      throw deletedNotFound('Secret');
    }
    return e;
  }

  getDeleted(name: string): DeletedSecretBundleJson {
    checkName(name);
    return deletedBundleJson(this.ctx, this.deleted(name));
  }

  listDeleted(req: EmuRequest): Page<DeletedSecretBundleJson> {
    const pick = this.table.pick('deleted');
    return this.page(req, this.table.keys(), (key) => {
      const e = pick(key);
      return e ? deletedItemJson(this.ctx, e) : undefined;
    });
  }

  recover(name: string): SecretBundleJson {
    checkName(name);
    const e = this.deleted(name);
    return this.doRecover(e);
  }

  private doRecover(e: SecretEntry): SecretBundleJson {
    e.state = 'recovering';
    e.readyAtMs = this.ctx.clock.now() + this.ctx.timings.deleteDelayMs;
    const result = bundleJson(this.ctx, e, latest(e), false);
    this.table.refresh(e);
    return result;
  }

  purge(name: string): void {
    checkName(name);
    const e = this.deleted(name);
    if (this.ctx.purgeProtectionEnabled && (e.scheduledPurgeDate ?? 0) > this.now()) {
      throw purgeProtected();
    }
    this.table.remove(e.name);
  }

  backup(name: string): string {
    const e = this.active(name);
    this.refuseManaged(e, 'backup');
    return this.codec.seal('Secret', backupScopeOf(this.ctx), this.snapshotOf(e));
  }

  /** Restores a backup of this subscription and geography; 409 while the name is in use or soft-deleted. */
  restore(blob: unknown): SecretBundleJson {
    const snap = this.codec.open('Secret', backupScopeOf(this.ctx), blob) as SecretSnapshot;
    const e = this.table.lookup(snap.name);
    this.checkWritable(e, snap.name);
    if (e) {
      throw conflict(`Secret ${snap.name} already exists. A backup can only be restored when no secret of that name exists.`);
    }
    const restored = this.restoreSnapshot(snap);
    return bundleJson(this.ctx, restored, latest(restored), false);
  }

  // ---- for other stores (certificates) -----------------------------------------------------------------------

  snapshot(name: string): SecretSnapshot | undefined {
    const e = this.table.lookup(name);
    return e && e.state === 'active' ? this.snapshotOf(e) : undefined;
  }

  private snapshotOf(e: SecretEntry): SecretSnapshot {
    return { name: e.name, managed: e.managed, versions: e.versions.map((v) => ({ ...v, tags: v.tags ? { ...v.tags } : undefined })) };
  }

  /** Recreates a secret from a snapshot (the caller checked that the name is free). */
  restoreSnapshot(snap: SecretSnapshot): SecretEntry {
    const entry: SecretEntry = { name: snap.name, versions: snap.versions.map((v) => ({ ...v })), state: 'active', managed: snap.managed };
    this.table.insert(entry);
    return entry;
  }

  /** Creates the managed secret of a certificate, or adds a version to it. Returns the bundle with its value. */
  putManaged(name: string, input: ManagedSecretInput): SecretBundleJson {
    checkName(name);
    const e = this.table.lookup(name);
    this.checkWritable(e, name);
    const v = this.newVersion(input, true, input.version?.toLowerCase());
    if (e) {
      if (!e.managed) {
        throw conflict(`Secret ${name} already exists and is not managed by a certificate.`, 'ObjectAlreadyExists');
      }
      e.versions = e.versions.filter((x) => x.version !== v.version);
      e.versions.push(v);
      return bundleJson(this.ctx, e, v, true);
    }
    const created: SecretEntry = { name, versions: [v], state: 'active', managed: true };
    this.table.insert(created);
    return bundleJson(this.ctx, created, v, true);
  }

  /** Mirrors a certificate update (enabled, nbf, exp, tags, content type) onto its managed secret version. */
  updateManaged(name: string, version: string | undefined, patch: UpdateSecretInput): SecretBundleJson | undefined {
    const e = this.table.lookup(name);
    return e && e.state === 'active' && e.managed ? this.applyUpdate(e, version, patch) : undefined;
  }

  /** Soft-deletes (or removes) the managed secret along with its certificate. */
  deleteManaged(name: string): DeletedSecretBundleJson | undefined {
    const e = this.table.lookup(name);
    return e && e.state === 'active' && e.managed ? this.doDelete(e) : undefined;
  }

  recoverManaged(name: string): SecretBundleJson | undefined {
    const e = this.table.lookup(name);
    return e && e.state === 'deleted' && e.managed ? this.doRecover(e) : undefined;
  }

  /** Purges the managed secret whatever its state (the certificate store enforces purge protection). */
  purgeManaged(name: string): void {
    const e = this.table.lookup(name);
    if (e?.managed) {
      this.table.remove(e.name);
    }
  }

  /** A version record of an active secret (no disabled check), for stores that need the value. */
  findVersion(name: string, version?: string): SecretVersionRecord | undefined {
    const e = this.table.lookup(name);
    if (!e || e.state !== 'active') return undefined;
    return version ? e.versions.find((v) => v.version === version.toLowerCase()) : latest(e);
  }

  // ---- seeding ---------------------------------------------------------------------------------------------

  seed(secrets: readonly SeedSecret[]): void {
    for (const s of secrets) {
      this.table.insert(seedEntry(this.ctx, s, this.table.lookup(s.name)));
    }
  }
}
