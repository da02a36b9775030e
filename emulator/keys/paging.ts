// Paged lists: `{value, nextLink}` with an opaque `$skiptoken` (the sort key of the last item shown);
// the last page has `nextLink: null`.
import { badParameter } from './errors';
import { parseMaxResults } from './validate';

export interface PageRequest {
  readonly query: URLSearchParams;
  /** Absolute URL of the list, without query. */
  readonly baseUrl: string;
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { after?: unknown }).after === 'string') {
      return (parsed as { after: string }).after;
    }
  } catch {
    // fall through
  }
  throw badParameter('The $skiptoken is not valid.');
}

/** `items` must be sorted by `sortKey` ascending; keys must be unique. */
export function page<T>(
  req: PageRequest,
  items: readonly T[],
  sortKey: (item: T) => string,
  toJson: (item: T) => unknown,
): { value: unknown[]; nextLink: string | null } {
  const max = parseMaxResults(req.query);
  const token = req.query.get('$skiptoken');
  const after = token === null ? undefined : decodeToken(token);
  const rest = after === undefined ? items : items.filter((i) => sortKey(i) > after);
  const shown = rest.slice(0, max);
  let nextLink: string | null = null;
  const last = shown[shown.length - 1];
  if (rest.length > shown.length && last !== undefined) {
    const apiVersion = encodeURIComponent(req.query.get('api-version') ?? '2025-07-01');
    const skip = Buffer.from(JSON.stringify({ after: sortKey(last) })).toString('base64url');
    nextLink = `${req.baseUrl}?api-version=${apiVersion}&$skiptoken=${skip}&maxresults=${max}`;
  }
  return { value: shown.map(toJson), nextLink };
}
