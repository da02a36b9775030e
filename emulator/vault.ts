// One vault's data plane: the SecretStore it always has, plus the other per-vault stores (keys, certificates)
// registered in STORE_REGISTRY below. Each store exposes `routes()` and is seeded from the seed field of its kind.
import type { BackupCodec } from './backup';
import { CertificateStore } from './certificates';
import { KeyStore } from './keys';
import { secretRoutes } from './secrets/routes';
import { SecretStore } from './secrets/store';
import type { SeedVault } from './seed';
import type { Route, VaultContext } from './types';

/** A per-vault store other than secrets. */
export interface VaultStore {
  routes(): Route[];
  /** Items of the seed file's array named after the store's kind, passed through untouched (may finish later). */
  seed(items: unknown[]): void | Promise<void>;
  /** Throws when `seed(items)` would refuse the items, creating nothing (checked before any store is seeded). */
  validateSeed?(items: unknown[]): void;
  /** Resolves once everything seeded so far exists, when `seed` finishes in the background; rejects if it failed. */
  whenSeeded?(): Promise<void>;
}

/** What a store factory gets: the vault, its secrets, and the stores created before it (by kind). */
export interface StoreDeps {
  readonly context: VaultContext;
  readonly secrets: SecretStore;
  readonly codec: BackupCodec;
  store<T extends VaultStore = VaultStore>(kind: string): T | undefined;
}

export interface StoreRegistration {
  /** Also the seed field that feeds it (`keys`, `certificates`). */
  readonly kind: string;
  readonly create: (deps: StoreDeps) => VaultStore;
}

/**
 * THE registry of extra per-vault stores, in creation order (a certificate store can use the key store created
 * before it: `deps.store<KeyStore>('keys')`). One line per store.
 */
export const STORE_REGISTRY: readonly StoreRegistration[] = [
  { kind: 'keys', create: (d) => new KeyStore(d.context, { codec: d.codec }) },
  { kind: 'certificates', create: (d) => new CertificateStore(d.context, { secrets: d.secrets, keys: d.store<KeyStore>('keys')!, codec: d.codec }) },
];

export class Vault {
  readonly secrets: SecretStore;
  private readonly stores = new Map<string, VaultStore>();
  private routeCache: Route[] | undefined;
  private seeding: Promise<void> = Promise.resolve();

  constructor(
    readonly context: VaultContext,
    codec: BackupCodec,
    registry: readonly StoreRegistration[] = STORE_REGISTRY,
  ) {
    this.secrets = new SecretStore(context, codec);
    const deps: StoreDeps = {
      context,
      secrets: this.secrets,
      codec,
      store: <T extends VaultStore>(kind: string) => this.stores.get(kind) as T | undefined,
    };
    for (const reg of registry) {
      this.stores.set(reg.kind, reg.create(deps));
    }
  }

  get name(): string {
    return this.context.name;
  }

  store<T extends VaultStore = VaultStore>(kind: string): T | undefined {
    return this.stores.get(kind) as T | undefined;
  }

  kinds(): string[] {
    return ['secrets', ...this.stores.keys()];
  }

  routes(): Route[] {
    this.routeCache ??= [...secretRoutes(this.secrets), ...[...this.stores.values()].flatMap((s) => s.routes())];
    return this.routeCache;
  }

  /**
   * Loads the vault's seed: secrets here, every other array to the store of that kind. Invalid items throw at once
   * (before anything is created when a store can validate); key pairs and certificates are generated in the
   * background. The returned promise settles when every object exists; `whenSeeded()` gates this vault's requests.
   */
  seed(seed: SeedVault, warn: (message: string) => void): Promise<void> {
    const batches = [...this.stores].flatMap(([kind, store]) => {
      const items = seed[kind];
      return Array.isArray(items) ? [{ store, items: items as unknown[] }] : [];
    });
    for (const b of batches) b.store.validateSeed?.(b.items);
    if (seed.secrets) {
      this.secrets.seed(seed.secrets);
    }
    const pending = batches.map((b) => Promise.resolve(b.store.seed(b.items)).then(() => b.store.whenSeeded?.()));
    for (const kind of ['keys', 'certificates']) {
      const items = seed[kind];
      if (Array.isArray(items) && items.length > 0 && !this.stores.has(kind)) {
        warn(`vault ${seed.name}: no ${kind} store is registered yet; ${items.length} seeded ${kind} ignored`);
      }
    }
    const done = Promise.all(pending).then(() => undefined);
    this.seeding = Promise.all([
      this.seeding,
      done.catch((err: unknown) => warn(`vault ${seed.name}: seeding failed: ${err instanceof Error ? err.message : String(err)}`)),
    ]).then(() => undefined);
    return done;
  }

  /** Resolves (never rejects) once every seed given so far is loaded; the data plane waits for it. */
  whenSeeded(): Promise<void> {
    return this.seeding;
  }
}
