// Paged lists as the service pages them: `maxresults` 1–25 (default 25), `{ value, nextLink }`, `nextLink: null` on
// the last page. The next link carries api-version, an opaque `$skiptoken` (the service's base64 JSON
// `{NextMarker, TargetLocation}`) and maxresults. A token is bound to the list that issued it (vault, path, kind):
// an unknown, altered or foreign one is refused with 400 instead of silently restarting at page 1.
import { createHash } from 'node:crypto';
import { badParameter, EmuError } from './errors';

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
  const n = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE)) {
    throw badParameter(`Invalid maxresults '${raw.slice(0, 20)}': it must be an integer from 1 to ${MAX_PAGE}.`);
  }
  return n;
}

function invalidToken(): Error {
  return badParameter('The specified $skiptoken is invalid.');
}

/** Ties a marker to the list it was issued for (lower-cased absolute list URL), so it cannot be replayed elsewhere. */
function seal(listUrl: string, marker: string): string {
  return createHash('sha256').update(`${listUrl.toLowerCase()}\n${marker}`).digest('base64url').slice(0, 22);
}

function encodeMarker(listUrl: string, marker: string): string {
  const next = `${Buffer.from(marker).toString('base64url')}!${seal(listUrl, marker)}`;
  return Buffer.from(JSON.stringify({ NextMarker: next, TargetLocation: 0 })).toString('base64url');
}

function decodeMarker(listUrl: string, token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    const next = typeof parsed === 'object' && parsed !== null ? (parsed as { NextMarker?: unknown }).NextMarker : undefined;
    const m = typeof next === 'string' ? /^([A-Za-z0-9_-]*)!([A-Za-z0-9_-]{22})$/.exec(next) : null;
    if (m) {
      const marker = Buffer.from(m[1]!, 'base64url').toString('utf8');
      if (seal(listUrl, marker) === m[2]) return marker;
    }
  } catch {
    // refused below
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
    const marker = decodeMarker(options.listUrl, token);
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
  const link = `${options.listUrl}?${apiVersion}&$skiptoken=${encodeMarker(options.listUrl, marker)}&maxresults=${max}`;
  return { value, nextLink: tail ? `${link}&${tail}` : link };
}

// ARM lists: `$top` items a page (else the emulator's ARM page size) and a `nextLink` with the request's query and
// an opaque `$skiptoken` bound to the list (path and `$filter`). `$top` that is not a positive integer and an
// unknown, altered or foreign token are refused with 400.

function armListKey(path: string, query: URLSearchParams): string {
  return `${path.replace(/\/+$/, '').toLowerCase()}?${query.get('$filter') ?? ''}`;
}

function armBadRequest(code: string, message: string): EmuError {
  return new EmuError(400, code, message);
}

function armOffset(token: string, listKey: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (Number.isSafeInteger(parsed.o) && (parsed.o as number) >= 0 && parsed.s === seal(listKey, String(parsed.o))) {
      return parsed.o as number;
    }
  } catch {
    // refused below
  }
  throw armBadRequest('InvalidSkipToken', `The provided skip token '${token.slice(0, 64)}' is invalid.`);
}

/** One ARM page: `$top` (or `defaultSize`) items after `$skiptoken`, with a nextLink carrying the query. */
export function armPage<T>(items: readonly T[], origin: string, path: string, query: URLSearchParams, defaultSize: number): { value: T[]; nextLink?: string } {
  const topRaw = query.get('$top');
  if (topRaw !== null && !/^[1-9]\d{0,8}$/.test(topRaw)) {
    throw armBadRequest(
      'InvalidQueryParameterValue',
      `The value '${topRaw.slice(0, 20)}' of the query parameter '$top' is not valid. It must be a positive integer.`,
    );
  }
  const top = topRaw !== null ? Number(topRaw) : defaultSize;
  const listKey = armListKey(path, query);
  const token = query.get('$skiptoken');
  const start = token !== null && token !== '' ? armOffset(token, listKey) : 0;
  const value = items.slice(start, start + top);
  if (start + top >= items.length) {
    return { value };
  }
  const next = new URLSearchParams(query);
  const offset = start + top;
  next.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset, s: seal(listKey, String(offset)) })).toString('base64url'));
  return { value, nextLink: `${origin}${path}?${next.toString()}` };
}
