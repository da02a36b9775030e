// KeyStore: the keys data plane of one vault (REST semantics of keys.json, api-version 2025-07-01).
import type { KeyObject } from 'node:crypto';
import { BackupCodec, backupScopeOf, corruptBackup } from '../backup';
import { badParameter, EmuError, forbidden, objectDisabled } from '../errors';
import { asObject, checkName, checkTags, latest, newVersionId } from '../objects';
import { page } from '../paging';
import type { EmuRequest, EmuResponse, Route, SeedAttributes, VaultContext } from '../types';
import { openBackup, sealBackup } from './backup';
import { operationNotPermitted } from './errors';
import { generateKey, importPrivateJwk, publicJwkOf, specOf, type KeyType } from './material';
import {
  deletedKeyBundleJson,
  deletedKeyItemJson,
  keyBundleJson,
  keyItemJson,
  type KeyEntry,
  type KeyVersion,
} from './model';
import { runOperation, type CryptoOperation } from './operations';
import { KeyRepository } from './repository';
import { parseIsoDuration, parseRotationPolicy, rotationPolicyJson } from './rotation';
import { keyRoutes } from './routes';
import { KeySeeder } from './seed';
import { flavorOf, storedKeyType, type KeyStoreFlavor } from './flavor';
import { checkValidityWindow, defaultKeyOps, parseKeyAttributes, parseKeyOps, parseKeySpec } from './validate';

export interface KeyStoreOptions {
  /** Seals backup blobs; pass the emulator's shared codec so a backup restores into any of its vaults. */
  readonly codec?: BackupCodec;
}

/** Options of a key that backs a certificate. */
export interface ManagedKeyOptions {
  /** The certificate's version (certificate, key and secret share it); random when absent. */
  readonly version?: string;
  readonly exportable?: boolean;
  readonly attributes?: SeedAttributes;
  readonly tags?: Record<string, string>;
  /** Defaults: RSA all six operations, EC sign/verify. */
  readonly keyOps?: readonly string[];
  readonly hsm?: boolean;
}

const ok = (body: unknown): EmuResponse => ({ status: 200, body });

export class KeyStore {
  private readonly repo: KeyRepository;
  private readonly codec: BackupCodec;
  private readonly seeder: KeySeeder;
  /** A vault's (by SKU) or a Managed HSM's key types (keys/flavor.ts). */
  private readonly flavor: KeyStoreFlavor;

  constructor(
    private readonly vault: VaultContext,
    options: KeyStoreOptions = {},
  ) {
    this.flavor = flavorOf(vault);
    this.repo = new KeyRepository(vault);
    this.seeder = new KeySeeder(this.repo, vault.softDeleteEnabled, this.flavor);
    this.codec = options.codec ?? new BackupCodec();
  }

  routes(): Route[] {
    return keyRoutes(this);
  }

  /** Seed items (see README.md and `KeySeeder`): validated at once, key pairs generated in the background. */
  seed(items: unknown[]): void {
    this.seeder.seed(items);
  }

  validateSeed(items: unknown[]): void {
    this.seeder.plan(items);
  }

  /** Resolves once every key seeded so far exists; rejects when the last seed failed. */
  whenSeeded(): Promise<void> {
    return this.seeder.whenSeeded();
  }

  /** Resolves (never rejects) once the seeds given so far are loaded; the key routes wait for it. */
  settled(): Promise<void> {
    return this.seeder.settled();
  }

  private bundle(entry: KeyEntry, v: KeyVersion = latest(entry)): Record<string, unknown> {
    return keyBundleJson(this.vault, entry, v);
  }

  private newVersion(
    kty: KeyType,
    privateKey: KeyObject,
    keyOps: string[],
    attrs: { enabled?: boolean; nbf?: number; exp?: number; exportable?: boolean; created?: number },
    tags: Record<string, string> | undefined,
    releasePolicy: unknown,
    version = newVersionId(),
  ): KeyVersion {
    const created = attrs.created ?? this.repo.nowSeconds();
    return {
      version,
      kty,
      privateKey,
      publicJwk: publicJwkOf(kty, privateKey),
      keyOps,
      attributes: {
        enabled: attrs.enabled ?? true,
        ...(attrs.nbf !== undefined ? { nbf: attrs.nbf } : {}),
        ...(attrs.exp !== undefined ? { exp: attrs.exp } : {}),
        created,
        updated: created,
        exportable: attrs.exportable ?? false,
      },
      tags,
      releasePolicy,
    };
  }

  private static exportable(attrs: { exportable?: boolean }, releasePolicy: unknown): void {
    if (attrs.exportable === true && (releasePolicy === undefined || releasePolicy === null)) {
      throw badParameter('Exportable keys must have a release policy.');
    }
  }

  async create(name: string, rawBody: unknown): Promise<EmuResponse> {
    checkName(name);
    const body = asObject(rawBody);
    const kty = storedKeyType(this.flavor, body.kty);
    const spec = parseKeySpec(kty, body);
    const keyOps = parseKeyOps(body.key_ops, kty) ?? defaultKeyOps(kty);
    const attrs = parseKeyAttributes(body.attributes);
    const tags = checkTags(body.tags);
    KeyStore.exportable(attrs, body.release_policy);
    this.repo.entryForNewVersion(name, false, 'create');
    const privateKey = await generateKey(spec);
    const entry = this.repo.entryForNewVersion(name, false, 'create');
    const v = this.newVersion(kty, privateKey, keyOps, attrs, tags, body.release_policy ?? undefined);
    this.repo.addVersion(entry, v);
    return ok(this.bundle(entry, v));
  }

  import(name: string, rawBody: unknown): EmuResponse {
    checkName(name);
    const body = asObject(rawBody);
    const jwk = body.key;
    if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
      throw badParameter("The parameter 'key' (a JSON web key) is required.");
    }
    const raw = importPrivateJwk(jwk as Record<string, unknown>, body.Hsm === true);
    const kty = storedKeyType(this.flavor, raw.kty);
    const key = raw.key;
    const keyOps = parseKeyOps((jwk as Record<string, unknown>).key_ops, kty) ?? defaultKeyOps(kty);
    const attrs = parseKeyAttributes(body.attributes);
    const tags = checkTags(body.tags);
    KeyStore.exportable(attrs, body.release_policy);
    const entry = this.repo.entryForNewVersion(name, false, 'import');
    const v = this.newVersion(kty, key, keyOps, attrs, tags, body.release_policy ?? undefined);
    this.repo.addVersion(entry, v);
    return ok(this.bundle(entry, v));
  }

  get(name: string, version: string | undefined): EmuResponse {
    const entry = this.repo.find(checkName(name));
    return ok(this.bundle(entry, this.repo.findVersion(entry, version)));
  }

  list(req: EmuRequest): EmuResponse {
    return ok(
      page(req.query, this.repo.listActive(), {
        listUrl: `${this.vault.url}/keys`,
        sortKey: (e) => e.name.toLowerCase(),
        render: (e) => keyItemJson(this.vault, e, latest(e), false),
      }),
    );
  }

  listVersions(name: string, req: EmuRequest): EmuResponse {
    const entry = this.repo.find(checkName(name));
    const versions = [...entry.versions].sort((a, b) => (a.version < b.version ? -1 : 1));
    return ok(
      page(req.query, versions, {
        listUrl: `${this.vault.url}/keys/${entry.name}/versions`,
        sortKey: (v) => v.version,
        render: (v) => keyItemJson(this.vault, entry, v, true),
      }),
    );
  }

  update(name: string, version: string | undefined, rawBody: unknown): EmuResponse {
    const entry = this.repo.findUnmanaged(checkName(name), 'update');
    const v = this.repo.findVersion(entry, version);
    const body = asObject(rawBody);
    const keyOps = parseKeyOps(body.key_ops, v.kty);
    const attrs = parseKeyAttributes(body.attributes);
    const tags = checkTags(body.tags);
    const nbf = attrs.nbf ?? v.attributes.nbf;
    const exp = attrs.exp ?? v.attributes.exp;
    checkValidityWindow(nbf, exp);
    if (keyOps !== undefined) {
      v.keyOps = keyOps;
    }
    v.attributes = {
      ...v.attributes,
      enabled: attrs.enabled ?? v.attributes.enabled,
      ...(nbf !== undefined ? { nbf } : {}),
      ...(exp !== undefined ? { exp } : {}),
      updated: this.repo.nowSeconds(),
    };
    if (tags !== undefined) {
      v.tags = tags;
    }
    if (body.release_policy !== undefined && body.release_policy !== null) {
      v.releasePolicy = body.release_policy;
    }
    return ok(this.bundle(entry, v));
  }

  delete(name: string): EmuResponse {
    const entry = this.repo.findUnmanaged(checkName(name), 'delete');
    const d = this.repo.remove(entry);
    return ok(d === undefined ? this.bundle(entry) : deletedKeyBundleJson(this.vault, d));
  }

  getDeleted(name: string): EmuResponse {
    return ok(deletedKeyBundleJson(this.vault, this.repo.findDeleted(checkName(name))));
  }

  listDeleted(req: EmuRequest): EmuResponse {
    return ok(
      page(req.query, this.repo.listDeleted(), {
        listUrl: `${this.vault.url}/deletedkeys`,
        sortKey: (d) => d.entry.name.toLowerCase(),
        render: (d) => deletedKeyItemJson(this.vault, d),
      }),
    );
  }

  recover(name: string): EmuResponse {
    const d = this.repo.findDeletedForChange(checkName(name));
    if (d.entry.managed) {
      throw forbidden(`Key ${d.entry.name} is managed by a certificate: recover the certificate.`);
    }
    return ok(this.bundle(this.repo.recover(d)));
  }

  purge(name: string): EmuResponse {
    const d = this.repo.findDeletedForChange(checkName(name));
    if (d.entry.managed) {
      throw forbidden(`Key ${d.entry.name} is managed by a certificate: purge the certificate.`);
    }
    this.repo.purge(d);
    return { status: 204 };
  }

  async rotate(name: string): Promise<EmuResponse> {
    const entry = this.repo.findUnmanaged(checkName(name), 'rotate');
    const current = latest(entry);
    const privateKey = await generateKey(specOf(current.kty, current.privateKey));
    if (this.repo.find(name) !== entry) {
      throw badParameter(`Key ${entry.name} changed while it was being rotated; retry.`);
    }
    const now = this.repo.nowSeconds();
    const expiryTime = entry.rotationPolicy?.expiryTime;
    const exp = expiryTime === undefined ? undefined : now + (parseIsoDuration(expiryTime) ?? 0);
    const v = this.newVersion(
      current.kty,
      privateKey,
      [...current.keyOps],
      { exp, exportable: current.attributes.exportable, created: now },
      current.tags === undefined ? undefined : { ...current.tags },
      current.releasePolicy,
    );
    this.repo.addVersion(entry, v);
    return ok(this.bundle(entry, v));
  }

  getRotationPolicy(name: string): EmuResponse {
    const entry = this.repo.find(checkName(name));
    return ok(rotationPolicyJson(`${this.vault.url}/keys/${entry.name}/rotationpolicy`, entry.rotationPolicy));
  }

  putRotationPolicy(name: string, body: unknown): EmuResponse {
    const entry = this.repo.findUnmanaged(checkName(name), 'update rotation policy of');
    entry.rotationPolicy = parseRotationPolicy(body, this.repo.nowSeconds(), entry.rotationPolicy);
    return ok(rotationPolicyJson(`${this.vault.url}/keys/${entry.name}/rotationpolicy`, entry.rotationPolicy));
  }

  backup(name: string): EmuResponse {
    const entry = this.repo.findUnmanaged(checkName(name), 'backup');
    return ok({ value: sealBackup(entry, this.codec, backupScopeOf(this.vault)) });
  }

  /** Restores a backup of this subscription and geography; 409 while the name is in use or soft-deleted. */
  restore(rawBody: unknown): EmuResponse {
    const entry = openBackup(asObject(rawBody).value, this.codec, backupScopeOf(this.vault));
    if (entry.versions.some((v) => storedKeyType(this.flavor, v.kty) !== v.kty)) {
      throw corruptBackup();
    }
    this.repo.insert(entry);
    return ok(this.bundle(entry));
  }

  operate(name: string, version: string | undefined, op: CryptoOperation, body: unknown): EmuResponse {
    const entry = this.repo.find(checkName(name));
    const v = this.repo.findVersion(entry, version);
    if (!v.attributes.enabled) {
      throw objectDisabled('Key', op);
    }
    if (!v.keyOps.includes(op)) {
      throw operationNotPermitted(op);
    }
    const result = runOperation(op, v.kty, v.privateKey, body);
    return ok({ kid: `${this.vault.url}/keys/${entry.name}/${v.version}`, ...result });
  }

  // ---- keys that back certificates (called by the certificates store) ----

  /** Adds a version to the managed key `name` (creating it) from an existing private key. */
  putManaged(name: string, privateKey: KeyObject, options: ManagedKeyOptions = {}): Record<string, unknown> {
    checkName(name);
    const type = privateKey.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') {
      throw new Error(`putManaged: unsupported key type ${String(type)}`);
    }
    const kty: KeyType = type === 'rsa' ? (options.hsm ? 'RSA-HSM' : 'RSA') : options.hsm ? 'EC-HSM' : 'EC';
    const keyOps = options.keyOps === undefined ? defaultKeyOps(kty) : parseKeyOps([...options.keyOps], kty)!;
    const entry = this.repo.entryForNewVersion(name, true, 'create');
    const a = options.attributes ?? {};
    const v = this.newVersion(
      kty,
      privateKey,
      keyOps,
      { enabled: a.enabled, nbf: a.nbf, exp: a.exp, exportable: options.exportable, created: a.created },
      options.tags === undefined ? undefined : { ...options.tags },
      undefined,
      options.version?.toLowerCase(),
    );
    if (a.updated !== undefined) {
      v.attributes.updated = a.updated;
    }
    this.repo.addVersion(entry, v);
    return this.bundle(entry, v);
  }

  /** Mirrors a certificate update onto its key version (empty/absent version: the current one). */
  updateManaged(name: string, version: string | undefined, change: SeedAttributes & { tags?: Record<string, string> }): void {
    const entry = this.repo.findAny(name);
    const v = this.repo.findVersion(entry, version);
    v.attributes = {
      ...v.attributes,
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      ...(change.nbf !== undefined ? { nbf: change.nbf } : {}),
      ...(change.exp !== undefined ? { exp: change.exp } : {}),
      updated: change.updated ?? this.repo.nowSeconds(),
    };
    if (change.tags !== undefined) {
      v.tags = { ...change.tags };
    }
  }

  /** The bundle of a key version, or undefined; for the certificates store. */
  keyBundle(name: string, version?: string): Record<string, unknown> | undefined {
    try {
      const entry = this.repo.find(name);
      return this.bundle(entry, this.repo.findVersion(entry, version));
    } catch (err) {
      if (err instanceof EmuError) {
        return undefined;
      }
      throw err;
    }
  }

  /** `immediate`: the deleted key is listed at once (else after the vault's delete delay). */
  deleteManaged(name: string, options: { immediate?: boolean } = {}): void {
    const entry = this.repo.findAny(name);
    this.repo.remove(entry, options.immediate ? 0 : undefined);
  }

  recoverManaged(name: string): void {
    this.repo.recover(this.repo.findDeletedAny(name));
  }

  purgeManaged(name: string): void {
    this.repo.purge(this.repo.findDeletedAny(name));
  }
}
