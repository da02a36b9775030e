// Paged lists as the service pages them: `maxresults` 1–25 (default 25), `{ value, nextLink }`, `nextLink: null` on
// the last page. The next link carries api-version, an opaque `$skiptoken` (the service's base64 JSON
// `{NextMarker, TargetLocation}`) and maxresults.
import { badParameter } from './errors';

export const MAX_PAGE = 25;

export interface Page<T> {
  value: T[];
  nextLink: string | null;
}

/** `maxresults` (1–25, default 25). */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get('maxresults');
  if (raw === null || raw === '') {
    return MAX_PAGE;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badParameter(`Invalid maxresults '${raw.slice(0, 20)}': it must be an integer from 1 to ${MAX_PAGE}.`);
  }
  return n;
}

function invalidToken(): Error {
  return badParameter('The $skiptoken is not valid.');
}

function encodeMarker(marker: string): string {
  return Buffer.from(JSON.stringify({ NextMarker: marker, TargetLocation: 0 })).toString('base64url');
}

function decodeMarker(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    const marker = typeof parsed === 'object' && parsed !== null ? (parsed as { NextMarker?: unknown }).NextMarker : undefined;
    if (typeof marker === 'string') {
      return marker;
    }
  } catch {
    // fall through
  }
  throw invalidToken();
}

/** Index of the first item whose key is strictly greater than `marker` (items ascending by key). */
function after<T>(items: readonly T[], key: (item: T) => string, marker: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= marker) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PageOptions<T, R> {
  /** Absolute URL of the list, without query (the next link's base). */
  readonly listUrl: string;
  /**
   * For items in ascending order of a unique key: the token holds the last key shown and the next page starts after
   * it, wherever it now is. Without it the token holds a position in `items`.
   */
  readonly sortKey?: (item: T) => string;
  /** The JSON of an item, or undefined to leave the item out. */
  readonly render: (item: T) => R | undefined;
  /** Query parameters the next link carries over when the request has them (after the paging ones). */
  readonly carry?: readonly string[];
}

/** One page of `items` for a list request with `query`. */
export function page<T, R>(query: URLSearchParams, items: readonly T[], options: PageOptions<T, R>): Page<R> {
  const { sortKey, render } = options;
  const max = pageSize(query);
  const token = query.get('$skiptoken');
  let i = 0;
  if (token) {
    const marker = decodeMarker(token);
    if (sortKey) {
      i = after(items, sortKey, marker);
    } else if (/^\d{1,15}$/.test(marker)) {
      i = Number(marker);
    } else {
      throw invalidToken();
    }
  }
  const value: R[] = [];
  let last = -1;
  for (; i < items.length && value.length < max; i++) {
    const json = render(items[i]!);
    if (json !== undefined) {
      value.push(json);
      last = i;
    }
  }
  let more = false;
  for (; i < items.length && !more; i++) {
    more = render(items[i]!) !== undefined;
  }
  if (!more || last < 0) {
    return { value, nextLink: null };
  }
  const marker = sortKey ? sortKey(items[last]!) : String(last + 1);
  const apiVersion = new URLSearchParams({ 'api-version': query.get('api-version') ?? '' }).toString();
  const carried = new URLSearchParams();
  for (const name of options.carry ?? []) {
    const v = query.get(name);
    if (v !== null) carried.set(name, v);
  }
  const tail = carried.toString();
  const link = `${options.listUrl}?${apiVersion}&$skiptoken=${encodeMarker(marker)}&maxresults=${max}`;
  return { value, nextLink: tail ? `${link}&${tail}` : link };
}
