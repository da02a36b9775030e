// What the editor needs to know about referenced objects — properties only, never a value. One listing per
// vault and kind answers every reference to that vault (no request per reference), read only as far as the
// question needs: a name on the first page costs one request, a missing name the whole listing (./pagedListing.ts).
// Deleted objects are listed only when a name is missing; versions only for references that pin one. Pages the
// tree listed are offered (`offer`) and taken in when they continue a listing, so a vault whose pages the tree
// showed is not listed again for the editor. Results are cached for `ttlMs` and dropped on `invalidate`. Pure at
// load time: type-only SDK imports.
import { classifyError } from './errors';
import { newestFirst } from './mappers';
import type { AzureFailure, DeletedItemProperties, ItemProperties, ObjectKind, Page } from './model';
import { PagedListing } from './pagedListing';
import type { VaultClients } from './vaultClients';
import { vaultOrigin } from './vaultUrl';

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

/** Which listing of a vault a page belongs to: the objects of a kind, the deleted ones, or one object's versions. */
export type ListingOf = { readonly kind: ObjectKind; readonly deleted?: boolean; readonly versionsOf?: undefined } | { readonly kind: ObjectKind; readonly versionsOf: string };

/** A page listed elsewhere (the tree), as asked (`requestToken`: undefined for a first page) and as answered. */
export interface ListedPage {
  readonly vaultUrl: string;
  readonly of: ListingOf;
  readonly requestToken: string | undefined;
  readonly page: Page<ItemProperties | DeletedItemProperties>;
}

export interface ReferenceIndexOptions {
  /** How long a listing answers before it is fetched again. Default 60 s. */
  readonly ttlMs?: number;
  /** At most this many pages fetched per listing (25 items a page); a larger vault answers `unknown`. Default 40. */
  readonly maxPages?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly at: number;
  readonly listing: PagedListing<ItemProperties>;
}

export class ReferenceIndex {
  private readonly entries = new Map<string, Entry>();
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
    return [...(await this.read(vaultUrl, { kind }, (l) => l.all())).items.values()];
  }

  /** The state of one referenced object (and its version, when the reference pins one). */
  async status(vaultUrl: string, kind: ObjectKind, name: string, version?: string, now = this.now()): Promise<ReferenceStatus> {
    const key = name.toLowerCase();
    let item: ItemProperties | undefined;
    let complete: boolean;
    try {
      [item, complete] = await this.read(vaultUrl, { kind }, async (l) => [await l.find(key), l.complete] as const);
    } catch (error) {
      return { state: 'unknown', failure: classifyError(error) };
    }
    if (!item) {
      if (!complete) return { state: 'unknown' };
      const gone: DeletedItemProperties | undefined = await this.read(vaultUrl, { kind, deleted: true }, (l) => l.find(key)).catch(() => undefined);
      return gone ? { state: 'deleted', deleted: gone } : { state: 'missing' };
    }
    let properties = item;
    if (version) {
      let pinned: ItemProperties | undefined;
      try {
        pinned = await this.read(vaultUrl, { kind, versionsOf: item.name }, (l) => l.find(version.toLowerCase()));
      } catch (error) {
        return { state: 'unknown', failure: classifyError(error) };
      }
      if (!pinned) return { state: 'versionMissing', properties: item };
      properties = pinned;
    }
    return { state: stateOf(properties, now), properties };
  }

  /** The current version of an object (its newest version's properties, with the version id). */
  async currentVersion(vaultUrl: string, kind: ObjectKind, name: string): Promise<ItemProperties | undefined> {
    const item = await this.read(vaultUrl, { kind }, (l) => l.find(name.toLowerCase()));
    const listing = await this.read(vaultUrl, { kind, versionsOf: item?.name ?? name }, (l) => l.all());
    const versions = newestFirst([...listing.items.values()]);
    return versions.find((v) => item?.createdOn !== undefined && v.createdOn?.getTime() === item.createdOn.getTime()) ?? versions[0];
  }

  /**
   * A page the tree listed: taken into the cached listing it continues (a first page starts one when none is
   * cached); otherwise ignored. Never a request.
   */
  offer(listed: ListedPage): void {
    const key = keyOf(listed.vaultUrl, listed.of);
    let entry = this.fresh(key);
    if (!entry && listed.requestToken === undefined) entry = this.start(key, listed.vaultUrl, listed.of);
    entry?.listing.offer(listed.requestToken, listed.page);
  }

  /** Forgets what is cached for one vault (after a change), or everything. */
  invalidate(vaultUrl?: string): void {
    if (!vaultUrl) {
      this.entries.clear();
      return;
    }
    const prefix = `${vaultOrigin(vaultUrl)}|`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Asks a question of the cached listing (a new one when none is fresh); a failure drops it: the next question asks again. */
  private async read<R>(vaultUrl: string, of: ListingOf, ask: (listing: PagedListing<ItemProperties>) => Promise<R>): Promise<R> {
    const key = keyOf(vaultUrl, of);
    const entry = this.fresh(key) ?? this.start(key, vaultUrl, of);
    try {
      return await ask(entry.listing);
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  /** A new listing for `key`; expired ones are dropped meanwhile (the tree offers pages of every vault it lists). */
  private start(key: string, vaultUrl: string, of: ListingOf): Entry {
    for (const [k, e] of this.entries) if (this.now() - e.at >= this.ttlMs) this.entries.delete(k);
    const entry = { at: this.now(), listing: this.newListing(vaultUrl, of) };
    this.entries.set(key, entry);
    return entry;
  }

  private fresh(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    return hit && this.now() - hit.at < this.ttlMs ? hit : undefined;
  }

  private newListing(vaultUrl: string, of: ListingOf): PagedListing<ItemProperties> {
    const request = (continuationToken: string | undefined) => ({ pageSize: 25, ...(continuationToken ? { continuationToken } : {}) });
    const fetch = async (token: string | undefined): Promise<Page<ItemProperties>> => {
      const client = await this.client();
      if (of.versionsOf !== undefined) return client.listVersions(vaultUrl, of.kind, of.versionsOf, request(token));
      return of.deleted ? client.listDeleted(vaultUrl, of.kind, request(token)) : client.listItems(vaultUrl, of.kind, request(token));
    };
    return new PagedListing(fetch, of.versionsOf !== undefined ? (v) => v.version ?? v.id : (i) => i.name, this.maxPages);
  }
}

function keyOf(vaultUrl: string, of: ListingOf): string {
  const base = `${vaultOrigin(vaultUrl)}|${of.kind}`;
  return of.versionsOf !== undefined ? `${base}|versions|${of.versionsOf.toLowerCase()}` : of.deleted ? `${base}|deleted` : base;
}


function stateOf(p: ItemProperties, now: number): 'ok' | 'disabled' | 'expired' | 'notYetActive' {
  if (p.enabled === false) return 'disabled';
  if (p.expiresOn && p.expiresOn.getTime() <= now) return 'expired';
  if (p.notBefore && p.notBefore.getTime() > now) return 'notYetActive';
  return 'ok';
}
