// The certificates of one vault: state, time-driven transitions (operations completing, deletions showing, purges
// due), lookups with the service's errors, and the lifecycle shared by every way a version gets issued.
import type { KeyObject } from 'node:crypto';
import { BackupCodec } from '../backup';
import { nowSeconds } from '../clock';
import { beingDeleted, beingRecovered, deletedButRecoverable, deletedNotFound, objectNotFound, purgeProtected } from '../errors';
import { checkName, scheduledPurgeDate, versionOf } from '../objects';
import type { Route, VaultContext } from '../types';
import { certificateExists, operationInProgress } from './errors';
import { issuerRoutes, IssuerStore } from './issuers';
import { keyOpsFor, secretValue } from './material';
import { BACKDATE_SECONDS, hasManaged, type CertEntry, type DeletedEntry, type PendingOperation, type StoredVersion } from './model';
import { certificateRoutes } from './routes';
import { issueCertificates, planCertificates, type CertSeedPlan } from './seed';
import type { CertificateStoreDeps } from './sinks';
import { addMonths, createSelfSigned } from './x509gen';

export class CertificateStore {
  private readonly entries = new Map<string, CertEntry>();
  private readonly deleted = new Map<string, DeletedEntry>();
  readonly issuers: IssuerStore;
  readonly codec: BackupCodec;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    readonly vault: VaultContext,
    readonly deps: CertificateStoreDeps,
  ) {
    this.issuers = new IssuerStore(vault);
    this.codec = deps.codec ?? new BackupCodec();
  }

  routes(): Route[] {
    return [...issuerRoutes(this.issuers), ...certificateRoutes(this)];
  }

  /**
   * Loads seed items (format: README.md): validated at once (a bad item rejects before anything is created), then
   * issued in order. Resolves when every seeded certificate, key and secret exists.
   */
  seed(items: unknown[]): Promise<void> {
    let plans: CertSeedPlan[];
    try {
      plans = planCertificates(this, items);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const run = this.ready.then(() => issueCertificates(this, plans));
    this.ready = run.catch(() => undefined);
    return run;
  }

  /** Throws when a seed item is invalid (the check `seed` starts with), creating nothing. */
  validateSeed(items: unknown[]): void {
    planCertificates(this, items);
  }

  nowMs(): number {
    return this.vault.clock.now();
  }

  nowSeconds(): number {
    return nowSeconds(this.vault.clock);
  }

  /** Brings the state up to the clock: due operations complete, overdue deleted certificates are purged. */
  async settle(): Promise<void> {
    await this.ready;
    const now = this.nowMs();
    const pending: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      const op = entry.operation;
      if (op && op.status === 'inProgress' && op.dueAtMs !== undefined && op.dueAtMs <= now) {
        op.completing ??= this.completeOperation(entry, op);
        pending.push(op.completing);
      }
      if (entry.hiddenUntilMs !== undefined && entry.hiddenUntilMs <= now) {
        delete entry.hiddenUntilMs;
      }
    }
    await Promise.all(pending);
    const nowS = this.nowSeconds();
    for (const [key, d] of this.deleted) {
      if (d.scheduledPurgeDate <= nowS) {
        this.deleted.delete(key);
      }
    }
  }

  /** Settles when `delayMs` has passed, so managed keys and secrets appear without anyone polling. */
  wakeAfter(delayMs: number): void {
    const timer = setTimeout(() => {
      this.settle().catch((err: unknown) => {
        console.error(`[kv-emulator] certificate operation failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    }, delayMs + 5);
    timer.unref();
  }

  /** A certificate the caller can see (not deleted, not still recovering). */
  find(name: string): CertEntry | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry || (entry.hiddenUntilMs !== undefined && entry.hiddenUntilMs > this.nowMs())) {
      return undefined;
    }
    return entry;
  }

  get(name: string): CertEntry {
    checkName(name);
    const entry = this.find(name);
    if (!entry) {
      throw objectNotFound('Certificate', name);
    }
    return entry;
  }

  version(entry: CertEntry, version: string): StoredVersion {
    return versionOf('Certificate', entry, version);
  }

  visible(): CertEntry[] {
    return [...this.entries.values()].filter((e) => this.find(e.name) === e).sort((a, b) => compareNames(a.name, b.name));
  }

  /** The deleted certificate, once its deletion has completed. */
  findDeleted(name: string): DeletedEntry | undefined {
    const d = this.deleted.get(name.toLowerCase());
    return d && d.visibleAtMs <= this.nowMs() ? d : undefined;
  }

  visibleDeleted(): DeletedEntry[] {
    return [...this.deleted.values()]
      .filter((d) => d.visibleAtMs <= this.nowMs())
      .sort((a, b) => compareNames(a.entry.name, b.entry.name));
  }

  /** Refuses a create, import or restore of `name` in the states the service refuses it. */
  checkWritable(name: string, forRestore = false): CertEntry | undefined {
    checkName(name);
    const key = name.toLowerCase();
    const d = this.deleted.get(key);
    if (d) {
      throw d.visibleAtMs > this.nowMs() ? beingDeleted('Certificate', name) : deletedButRecoverable('Certificate', name);
    }
    const entry = this.entries.get(key);
    if (entry?.hiddenUntilMs !== undefined && entry.hiddenUntilMs > this.nowMs()) {
      throw beingRecovered('Certificate', name);
    }
    if (entry && forRestore) {
      throw certificateExists(entry.name);
    }
    if (entry?.operation?.status === 'inProgress') {
      throw operationInProgress();
    }
    return entry;
  }

  /** Stores a new or changed certificate. */
  put(entry: CertEntry): void {
    this.entries.set(entry.name.toLowerCase(), entry);
  }

  /** Forgets a certificate whose first version could not be written. */
  drop(entry: CertEntry): void {
    if (this.entries.get(entry.name.toLowerCase()) === entry) {
      this.entries.delete(entry.name.toLowerCase());
    }
  }

  /** Makes `v` an issued version: certificate chain and key on the certificate, managed key and secret written. */
  async issue(entry: CertEntry, v: StoredVersion, chain: Buffer[], privateKey: KeyObject): Promise<void> {
    v.chain = chain;
    v.keyPkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
    await this.writeManaged(entry, v, privateKey);
  }

  async writeManaged(entry: CertEntry, v: StoredVersion, privateKey: KeyObject): Promise<void> {
    if (!v.chain || !v.keyPkcs8) {
      return;
    }
    const policy = entry.policy;
    const attributes = { enabled: v.enabled, nbf: v.nbf, exp: v.exp };
    const kty = policy.key_props.kty;
    await this.deps.secrets.putManaged(entry.name, {
      value: secretValue(v.contentType, policy.key_props.exportable ? v.keyPkcs8 : undefined, v.chain),
      contentType: v.contentType,
      kid: `${this.vault.url}/keys/${entry.name}/${v.version}`,
      attributes,
      version: v.version,
    });
    await this.deps.keys.putManaged(entry.name, privateKey, {
      version: v.version,
      keyOps: keyOpsFor(kty, policy.x509_props.key_usage),
      hsm: kty.endsWith('-HSM'),
      exportable: policy.key_props.exportable,
      attributes,
    });
  }

  /** Mirrors `enabled` of an issued version onto its key and secret. */
  async mirrorEnabled(entry: CertEntry, v: StoredVersion): Promise<void> {
    if (v.chain) {
      await this.deps.keys.updateManaged(entry.name, v.version, { enabled: v.enabled });
      await this.deps.secrets.updateManaged(entry.name, v.version, { attributes: { enabled: v.enabled } });
    }
  }

  private async completeOperation(entry: CertEntry, op: PendingOperation): Promise<void> {
    try {
      await this.issueOperation(entry, op);
    } catch (err) {
      op.status = 'failed';
      op.error = { code: 'InternalError', message: `The certificate could not be issued: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  private async issueOperation(entry: CertEntry, op: PendingOperation): Promise<void> {
    const v = entry.versions.find((x) => x.version === op.version);
    if (!v || op.status !== 'inProgress') {
      return;
    }
    if (op.cancellationRequested) {
      op.status = 'cancelled';
      return;
    }
    if (op.issuer.name.toLowerCase() !== 'self') {
      op.status = 'failed';
      op.error = {
        code: 'Certificate issuer error',
        message: `The emulator does not contact certificate authorities (issuer ${op.issuer.name}).`,
      };
      return;
    }
    const now = this.nowSeconds();
    const nbf = now - BACKDATE_SECONDS;
    const exp = addMonths(now, entry.policy.x509_props.validity_months);
    const der = await createSelfSigned(entry.policy, op.key, nbf, exp);
    if (this.entries.get(entry.name.toLowerCase()) !== entry || entry.operation !== op) {
      return; // deleted (or the operation deleted) while signing
    }
    Object.assign(v, { created: now, updated: now, nbf, exp, enabled: op.enabled });
    await this.issue(entry, v, [der], op.key.privateKey);
    op.status = 'completed';
  }

  /**
   * Soft-deletes (or, without soft delete, removes) the certificate with its key and secret. The deleted certificate
   * shows after the vault's delete delay, or at once when `immediate` (seeds).
   */
  async remove(entry: CertEntry, immediate = false): Promise<DeletedEntry> {
    const nowS = this.nowSeconds();
    this.entries.delete(entry.name.toLowerCase());
    if (entry.operation?.status === 'inProgress') {
      delete entry.operation;
    }
    const d: DeletedEntry = {
      entry,
      deletedDate: nowS,
      scheduledPurgeDate: scheduledPurgeDate(this.vault, nowS),
      visibleAtMs: this.nowMs() + (immediate ? 0 : this.vault.timings.deleteDelayMs),
    };
    if (this.vault.softDeleteEnabled) {
      this.deleted.set(entry.name.toLowerCase(), d);
    }
    if (hasManaged(entry)) {
      await this.deps.keys.deleteManaged(entry.name);
      await this.deps.secrets.deleteManaged(entry.name);
    }
    return d;
  }

  /** Puts a deleted certificate back; it shows again once the recovery completes. */
  async recover(name: string): Promise<CertEntry> {
    const d = this.requireDeleted(name);
    this.deleted.delete(name.toLowerCase());
    const entry = d.entry;
    entry.hiddenUntilMs = this.nowMs() + this.vault.timings.deleteDelayMs;
    this.put(entry);
    if (hasManaged(entry)) {
      await this.deps.keys.recoverManaged(entry.name);
      await this.deps.secrets.recoverManaged(entry.name);
    }
    return entry;
  }

  async purge(name: string): Promise<void> {
    const d = this.requireDeleted(name);
    if (this.vault.purgeProtectionEnabled) {
      throw purgeProtected();
    }
    this.deleted.delete(name.toLowerCase());
    if (hasManaged(d.entry)) {
      await this.deps.keys.purgeManaged(d.entry.name);
      await this.deps.secrets.purgeManaged(d.entry.name);
    }
  }

  requireDeleted(name: string): DeletedEntry {
    checkName(name);
    const d = this.findDeleted(name);
    if (!d) {
      throw deletedNotFound('Certificate', name);
    }
    return d;
  }
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
