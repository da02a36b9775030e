// The listings behind "Search Key Vault…", streamed page by page (pure: no vscode, no SDK). Every kind of every vault
// is one listing: its pages follow each other (a page's continuation token asks for the next one), listings run side
// by side up to a cap, and each page is handed on the moment it arrives, so the first result is one round trip away
// whatever the number of vaults. Each page of each listing is asked for once: the request floor.
//
// One vault's auth challenge is met once: a vault whose challenge is not known yet sends one listing alone and starts
// its other kinds once that first request is answered (they then carry its token: sharedChallenge.ts); meanwhile
// the free places go to other vaults. (mapWithConcurrency would hold a place for a listing that waits: not used.)
import type { Page, PageRequest } from '../../azure/model';

/** What the stream hands on: a page of one listing, or a vault whose every listing is over (and which failed). */
export type ListingEvent<V, K, T> =
  | { readonly type: 'page'; readonly vault: V; readonly kind: K; readonly items: readonly T[] }
  | { readonly type: 'vault'; readonly vault: V; readonly failures: readonly ListingFailure<K>[] };

export interface ListingFailure<K> {
  readonly kind: K;
  readonly error: unknown;
}

export interface StreamOptions<V> {
  /** Listings in flight at once (a listing is one kind of one vault). */
  readonly concurrency: number;
  /** Items per request (1–25 on the data plane). */
  readonly pageSize: number;
  /** Stops the stream: requests in flight are aborted, none is sent after it, the stream ends. */
  readonly signal?: AbortSignal;
  /** Whether all listings of `vault` may start at once (its auth challenge is known). Default: no. */
  readonly opened?: (vault: V) => boolean;
}

/** One page of `kind` in `vault` (the request carries the continuation token, the page size and the abort signal). */
export type ListPage<V, K, T> = (vault: V, kind: K, request: PageRequest) => Promise<Page<T>>;

interface Listing<V, K> {
  readonly vault: V;
  /** Index of the vault and of the kind. */
  readonly v: number;
  readonly k: number;
  readonly kind: K;
}

/**
 * Every page of every kind of every vault, as each arrives. Listings start vault by vault, at most `concurrency` at
 * a time (see above for a vault's first one). A listing that fails stops (the pages it had stay handed on) and is
 * named in its vault's `vault` event (failures in the order of `kinds`), which comes once the vault's last listing is
 * over. Stopping — the signal, or the consumer leaving the loop — aborts what is in flight; aborted listings are
 * neither failures nor reported.
 */
export async function* streamListings<V, K, T>(vaults: readonly V[], kinds: readonly K[] | ((vault: V) => readonly K[]), list: ListPage<V, K, T>, options: StreamOptions<V>): AsyncGenerator<ListingEvent<V, K, T>, void, undefined> {
  // The kinds of each vault: the same for all, or per vault (a Managed HSM holds keys only).
  const kindsOf = (vault: V): readonly K[] => (typeof kinds === 'function' ? kinds(vault) : kinds);
  const stop = new AbortController();
  const outer = options.signal;
  if (outer?.aborted) return;
  let ready: ListingEvent<V, K, T>[] = [];
  let wake: (() => void) | undefined;
  const nudge = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const hand = (event: ListingEvent<V, K, T>): void => {
    if (stop.signal.aborted) return;
    ready.push(event);
    nudge();
  };
  const onAbort = (): void => {
    stop.abort();
    nudge();
  };
  outer?.addEventListener('abort', onAbort);

  const cap = Math.max(1, Math.floor(options.concurrency) || 1);
  const listings: Listing<V, K>[] = vaults.flatMap((vault, v) => kindsOf(vault).map((kind, k) => ({ vault, v, k, kind })));
  const open = vaults.map((vault) => options.opened?.(vault) ?? false);
  const begun = vaults.map(() => false);
  /** Listings of vaults whose first request is still unanswered, by vault; moved to `unblocked` when it is. */
  const held = new Map<number, Listing<V, K>[]>();
  const unblocked: Listing<V, K>[] = [];
  const left = vaults.map((vault) => kindsOf(vault).length);
  const failures = vaults.map((): (ListingFailure<K> | undefined)[] => []);
  let next = 0;
  let running = 0;
  let finished = listings.length === 0;

  const openVault = (v: number): void => {
    if (open[v]) return;
    open[v] = true;
    unblocked.push(...(held.get(v) ?? []));
    held.delete(v);
  };
  const nextListing = (): Listing<V, K> | undefined => {
    if (unblocked.length) return unblocked.shift();
    while (next < listings.length) {
      const listing = listings[next++]!;
      if (open[listing.v] || !begun[listing.v]) return listing;
      held.set(listing.v, [...(held.get(listing.v) ?? []), listing]);
    }
    return undefined;
  };
  const runListing = async ({ vault, v, k, kind }: Listing<V, K>): Promise<void> => {
    let token: string | undefined;
    try {
      do {
        const request = { pageSize: options.pageSize, abortSignal: stop.signal, ...(token ? { continuationToken: token } : {}) };
        const page = await list(vault, kind, request).finally(() => {
          openVault(v);
          pump();
        });
        if (page.items.length) hand({ type: 'page', vault, kind, items: page.items });
        token = page.continuationToken;
      } while (token && !stop.signal.aborted);
    } catch (error) {
      if (stop.signal.aborted) return;
      failures[v]![k] = { kind, error };
    }
    if (--left[v]! === 0) hand({ type: 'vault', vault, failures: failures[v]!.filter((f): f is ListingFailure<K> => f !== undefined) });
  };
  const pump = (): void => {
    while (running < cap && !stop.signal.aborted) {
      const listing = nextListing();
      if (!listing) break;
      begun[listing.v] = true;
      running++;
      void runListing(listing).finally(() => {
        running--;
        pump();
        if (running === 0 && !stop.signal.aborted) {
          finished = true;
          nudge();
        }
      });
    }
  };
  pump();

  try {
    for (;;) {
      if (stop.signal.aborted) return;
      if (ready.length) {
        const batch = ready;
        ready = [];
        for (const event of batch) {
          yield event;
          if (stop.signal.aborted) return;
        }
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    outer?.removeEventListener('abort', onAbort);
    // The consumer left early (or the signal aborted): what is still in flight is not wanted any more.
    stop.abort();
  }
}
