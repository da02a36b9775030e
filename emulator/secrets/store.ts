// The secrets of one vault: versions, soft delete with its timings, recovery, purge, backup and restore, plus the
// "managed" secrets a certificate owns (created, deleted, recovered and purged by the certificate store).
import type { BackupCodec } from '../backup';
import { nowSeconds } from '../clock';
import { conflict, EmuError, forbidden, notFound } from '../errors';
import { checkName, newVersionId, type AttributeInput, type Page, paginate } from '../objects';
import type { SeedSecret } from '../seed';
import type { EmuRequest, VaultContext } from '../types';
import { seedEntry } from './seed';
import { SecretTable } from './table';
import {
  bundleJson, deletedBundleJson, deletedItemJson, itemJson, latest, secretNotFound,
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

const DELETED_NOT_FOUND = 'Deleted Secret not found';

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
      throw notFound('SecretNotFound', secretNotFound(name));
    }
    return e;
  }

  private version(e: SecretEntry, version: string | undefined): SecretVersionRecord {
    if (!version) {
      return latest(e);
    }
    const v = e.versions.find((x) => x.version === version.toLowerCase());
    if (!v) {
      throw notFound('SecretNotFound', secretNotFound(e.name, version));
    }
    return v;
  }

  /** The 409s for a name that is not free to be written. */
  private checkWritable(e: SecretEntry | undefined, name: string): void {
    if (!e) return;
    if (e.state === 'deleting') {
      throw conflict(`Secret ${name} is currently being deleted.`, 'ObjectIsBeingDeleted');
    }
    if (e.state === 'deleted') {
      throw conflict(
        `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
        'ObjectIsDeletedButRecoverable',
      );
    }
    if (e.state === 'recovering') {
      throw conflict(`Secret ${name} is currently being recovered.`, 'ObjectIsBeingRecovered');
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
    const v = this.version(e, version);
    if (!v.enabled) {
      throw forbidden('Operation get is not allowed on a disabled secret.', 'SecretDisabled');
    }
    return bundleJson(this.ctx, e, v, true);
  }

  update(name: string, version: string | undefined, patch: UpdateSecretInput): SecretBundleJson {
    const e = this.active(name);
    this.refuseManaged(e, 'update');
    return this.applyUpdate(e, version, patch);
  }

  private applyUpdate(e: SecretEntry, version: string | undefined, patch: UpdateSecretInput): SecretBundleJson {
    const v = this.version(e, version);
    const a = patch.attributes ?? {};
    if (a.enabled !== undefined) v.enabled = a.enabled;
    if (a.nbf !== undefined) v.nbf = a.nbf;
    if (a.exp !== undefined) v.exp = a.exp;
    if (patch.contentType !== undefined) v.contentType = patch.contentType;
    if (patch.tags !== undefined) v.tags = patch.tags;
    v.updated = this.now();
    return bundleJson(this.ctx, e, v, false);
  }

  list(req: EmuRequest): Page<SecretBundleJson> {
    const pick = this.table.pick('active');
    return paginate(req, this.ctx, this.table.keys(), (key) => {
      const e = pick(key);
      return e ? itemJson(this.ctx, e, latest(e), false) : undefined;
    });
  }

  listVersions(req: EmuRequest, name: string): Page<SecretBundleJson> {
    checkName(name);
    const e = this.table.lookup(name);
    if (!e || e.state !== 'active') {
      return paginate<SecretBundleJson>(req, this.ctx, [], () => undefined);
    }
    const byId = new Map(e.versions.map((v) => [v.version, v]));
    return paginate(req, this.ctx, [...byId.keys()].sort(), (id) => {
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
    e.scheduledPurgeDate = now + this.ctx.softDeleteRetentionInDays * 86400;
    e.state = 'deleting';
    e.readyAtMs = this.ctx.clock.now() + this.ctx.timings.deleteDelayMs;
    const result = deletedBundleJson(this.ctx, e);
    this.table.refresh(e);
    return result;
  }

  private deleted(name: string): SecretEntry {
    const e = this.table.lookup(name);
    if (!e || e.state !== 'deleted') {
      throw notFound('SecretNotFound', DELETED_NOT_FOUND);
    }
    return e;
  }

  getDeleted(name: string): DeletedSecretBundleJson {
    checkName(name);
    return deletedBundleJson(this.ctx, this.deleted(name));
  }

  listDeleted(req: EmuRequest): Page<DeletedSecretBundleJson> {
    const pick = this.table.pick('deleted');
    return paginate(req, this.ctx, this.table.keys(), (key) => {
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
      throw forbidden(
        'Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed.',
      );
    }
    this.table.remove(e.name);
  }

  backup(name: string): string {
    const e = this.active(name);
    this.refuseManaged(e, 'backup');
    return this.codec.seal('Secret', this.snapshotOf(e));
  }

  restore(blob: unknown): SecretBundleJson {
    const snap = this.codec.open('Secret', blob) as SecretSnapshot;
    const e = this.table.lookup(snap.name);
    this.checkWritable(e, snap.name);
    if (e) {
      throw new EmuError(409, 'Conflict', `Secret ${snap.name} already exists. A backup can only be restored when no secret of that name exists.`);
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
