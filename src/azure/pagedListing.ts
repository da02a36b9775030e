// One listing of a vault (its secrets, deleted keys, the versions of a certificate…) read page by page only as far
// as a question needs: a name found on the first page costs one request, a name that is missing costs the whole
// listing. Pages someone else already listed (the tree) are taken in when they continue the listing exactly (the
// first page, or the page after the last one known), so the same page is never asked twice. Pure: no SDK, no vscode.
import type { Page } from './model';

export class PagedListing<T> {
  /** What is known so far, by lower-case key, in listing order. */
  readonly items = new Map<string, T>();
  private token: string | undefined;
  private started = false;
  private done = false;
  /** Pages this listing fetched itself (pages taken in from elsewhere cost nothing and do not count). */
  private fetched = 0;
  private next: Promise<void> | undefined;

  constructor(
    private readonly fetch: (continuationToken: string | undefined) => Promise<Page<T>>,
    private readonly keyOf: (item: T) => string,
    /** At most this many pages fetched by the listing itself; then it stops, incomplete. */
    private readonly maxPages: number,
  ) {}

  /** True once the last page is known. */
  get complete(): boolean {
    return this.done;
  }

  /** True when nothing more will be read: the last page is known, or the listing fetched maxPages pages. */
  get stopped(): boolean {
    return this.done || this.fetched >= this.maxPages;
  }

  /** The item of `key` (lower case), reading pages until it shows; undefined when the listing stopped without it. */
  async find(key: string): Promise<T | undefined> {
    for (;;) {
      const hit = this.items.get(key);
      if (hit !== undefined || this.stopped) return hit;
      await this.more();
    }
  }

  /** Reads every page (up to maxPages fetched). */
  async all(): Promise<this> {
    while (!this.stopped) await this.more();
    return this;
  }

  /**
   * A page listed elsewhere: `requestToken` is the continuation token it was asked with (undefined: the first page).
   * Taken in only when it is the page this listing would ask for next and no fetch of its own is in flight; returns
   * whether it was.
   */
  offer(requestToken: string | undefined, page: Page<T>): boolean {
    if (this.next || this.done) return false;
    if (requestToken === undefined ? this.started : !this.started || requestToken !== this.token) return false;
    this.add(page);
    return true;
  }

  /** The next page, one fetch at a time (every caller waiting for the same page shares it). */
  private more(): Promise<void> {
    if (!this.next) {
      const next: Promise<void> = this.fetch(this.started ? this.token : undefined)
        .then((page) => {
          this.fetched += 1;
          this.add(page);
        })
        .finally(() => {
          if (this.next === next) this.next = undefined;
        });
      this.next = next;
    }
    return this.next;
  }

  private add(page: Page<T>): void {
    for (const item of page.items) this.items.set(this.keyOf(item).toLowerCase(), item);
    this.started = true;
    this.token = page.continuationToken;
    if (!this.token) this.done = true;
  }
}
