// What the editor needs to know about referenced objects — properties only, never a value. One listing per
// vault and kind answers every reference to that vault (no request per reference); deleted objects are listed
// only when a name is missing; versions only for references that pin one. Results are cached for `ttlMs` and
// dropped on `invalidate`. Pure at load time: type-only SDK imports.
import { classifyError } from './errors';
import { newestFirst } from './mappers';
import type { AzureFailure, DeletedItemProperties, ItemProperties, ObjectKind, Page, PageRequest } from './model';
import type { VaultClients } from './vaultClients';

/** The state of a referenced object as the editor reports it. */
export type ReferenceStatus =
  | { readonly state: 'ok' | 'disabled' | 'expired' | 'notYetActive'; readonly properties: ItemProperties }
  | { readonly state: 'deleted'; readonly deleted: DeletedItemProperties }
  | { readonly state: 'missing' }
  | { readonly state: 'versionMissing'; readonly properties: ItemProperties }
  /** The vault could not be read (no access, network) or is too large to list: say nothing about the object. */
  | { readonly state: 'unknown'; readonly failure?: AzureFailure };

/** The listing calls the index needs (VaultClients has them). */
export type ListingClient = Pick<VaultClients, 'listItems' | 'listDeleted' | 'listVersions'>;

export interface ReferenceIndexOptions {
  /** How long a listing answers before it is fetched again. Default 60 s. */
  readonly ttlMs?: number;
  /** At most this many pages per listing (25 items a page); a larger vault answers `unknown`. Default 40. */
  readonly maxPages?: number;
  readonly now?: () => number;
}

interface Listing<T> {
  readonly items: Map<string, T>;
  /** False when the listing stopped at maxPages. */
  readonly complete: boolean;
}

interface Entry<T> {
  readonly at: number;
  readonly value: Promise<T>;
}

export class ReferenceIndex {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly ttlMs: number;
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(
    private readonly client: () => Promise<ListingClient>,
    options: ReferenceIndexOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxPages = options.maxPages ?? 40;
    this.now = options.now ?? Date.now;
  }

  /** Every object of a kind in the vault (list properties; completions). */
  async list(vaultUrl: string, kind: ObjectKind): Promise<ItemProperties[]> {
    return [...(await this.items(vaultUrl, kind)).items.values()];
  }

  /** The state of one referenced object (and its version, when the reference pins one). */
  async status(vaultUrl: string, kind: ObjectKind, name: string, version?: string, now = this.now()): Promise<ReferenceStatus> {
    let listing: Listing<ItemProperties>;
    try {
      listing = await this.items(vaultUrl, kind);
    } catch (error) {
      return { state: 'unknown', failure: classifyError(error) };
    }
    const item = listing.items.get(name.toLowerCase());
    if (!item) {
      if (!listing.complete) return { state: 'unknown' };
      const deleted = await this.deleted(vaultUrl, kind).catch(() => undefined);
      const gone = deleted?.items.get(name.toLowerCase());
      return gone ? { state: 'deleted', deleted: gone } : { state: 'missing' };
    }
    let properties = item;
    if (version) {
      let versions: ItemProperties[];
      try {
        versions = await this.versions(vaultUrl, kind, item.name);
      } catch (error) {
        return { state: 'unknown', failure: classifyError(error) };
      }
      const pinned = versions.find((v) => v.version?.toLowerCase() === version.toLowerCase());
      if (!pinned) return { state: 'versionMissing', properties: item };
      properties = pinned;
    }
    return { state: stateOf(properties, now), properties };
  }

  /** The current version of an object (its newest version's properties, with the version id). */
  async currentVersion(vaultUrl: string, kind: ObjectKind, name: string): Promise<ItemProperties | undefined> {
    const item = (await this.items(vaultUrl, kind)).items.get(name.toLowerCase());
    const versions = await this.versions(vaultUrl, kind, item?.name ?? name);
    return versions.find((v) => item?.createdOn !== undefined && v.createdOn?.getTime() === item.createdOn.getTime()) ?? versions[0];
  }

  /** Forgets what is cached for one vault (after a change), or everything. */
  invalidate(vaultUrl?: string): void {
    if (!vaultUrl) {
      this.entries.clear();
      return;
    }
    const prefix = `${safeKey(vaultUrl)}|`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private items(vaultUrl: string, kind: ObjectKind): Promise<Listing<ItemProperties>> {
    return this.cached(`${safeKey(vaultUrl)}|${kind}`, async () => {
      const client = await this.client();
      return this.listAll((req) => client.listItems(vaultUrl, kind, req));
    });
  }

  private deleted(vaultUrl: string, kind: ObjectKind): Promise<Listing<DeletedItemProperties>> {
    return this.cached(`${safeKey(vaultUrl)}|${kind}|deleted`, async () => {
      const client = await this.client();
      return this.listAll((req) => client.listDeleted(vaultUrl, kind, req));
    });
  }

  private versions(vaultUrl: string, kind: ObjectKind, name: string): Promise<ItemProperties[]> {
    return this.cached(`${safeKey(vaultUrl)}|${kind}|versions|${name.toLowerCase()}`, async () => {
      const client = await this.client();
      const listing = await this.listAll((req) => client.listVersions(vaultUrl, kind, name, req), (v) => v.version ?? v.id);
      return newestFirst([...listing.items.values()]);
    });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failure is not cached: the next check asks again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private async listAll<T extends ItemProperties>(page: (req: PageRequest) => Promise<Page<T>>, keyOf: (item: T) => string = (i) => i.name): Promise<Listing<T>> {
    const items = new Map<string, T>();
    let token: string | undefined;
    for (let i = 0; i < this.maxPages; i++) {
      const result = await page({ pageSize: 25, ...(token ? { continuationToken: token } : {}) });
      for (const item of result.items) items.set(keyOf(item).toLowerCase(), item);
      token = result.continuationToken;
      if (!token) return { items, complete: true };
    }
    return { items, complete: false };
  }
}

/** `https://host[:port]` in lower case (vaultClients' vaultKey, without loading the SDK). */
function safeKey(vaultUrl: string): string {
  try {
    return new URL(vaultUrl).origin.toLowerCase();
  } catch {
    return vaultUrl.toLowerCase();
  }
}

function stateOf(p: ItemProperties, now: number): 'ok' | 'disabled' | 'expired' | 'notYetActive' {
  if (p.enabled === false) return 'disabled';
  if (p.expiresOn && p.expiresOn.getTime() <= now) return 'expired';
  if (p.notBefore && p.notBefore.getTime() > now) return 'notYetActive';
  return 'ok';
}
