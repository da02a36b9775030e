// Paged lists as the service pages them: `maxresults` 1–25 (default 25), `{ value, nextLink }`, an opaque
// `$skiptoken` in nextLink, `nextLink: null` on the last page.
import type { EmuRequest, EmuResponse, VaultContext } from '../types';
import { badParameter } from './errors';

const MAX_PAGE = 25;

export function pageSize(req: EmuRequest): number {
  const raw = req.query.get('maxresults');
  if (raw === null || raw === '') {
    return MAX_PAGE;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badParameter(`Invalid maxresults ${raw}: the value must be between 1 and ${MAX_PAGE}.`);
  }
  return n;
}

function offsetOf(req: EmuRequest): number {
  const token = req.query.get('$skiptoken');
  if (token === null || token === '') {
    return 0;
  }
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // fall through
  }
  throw badParameter('The $skiptoken is not valid.');
}

/** One page of `items` (already filtered and ordered) for the list at vault-relative `path`. */
export function page<T>(
  vault: VaultContext,
  req: EmuRequest,
  path: string,
  items: readonly T[],
  render: (item: T) => unknown,
): EmuResponse {
  const size = pageSize(req);
  const offset = offsetOf(req);
  const slice = items.slice(offset, offset + size);
  let nextLink: string | null = null;
  if (offset + size < items.length) {
    const params = new URLSearchParams();
    params.set('api-version', req.query.get('api-version') ?? '');
    params.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + size })).toString('base64url'));
    params.set('maxresults', String(size));
    const includePending = req.query.get('includePending');
    if (includePending !== null) {
      params.set('includePending', includePending);
    }
    nextLink = `${vault.url}${path}?${params.toString().replace('%24skiptoken', '$skiptoken')}`;
  }
  return { status: 200, body: { value: slice.map(render), nextLink } };
}

export function includePending(req: EmuRequest): boolean {
  return req.query.get('includePending')?.toLowerCase() === 'true';
}
