// The certificates plane's lists: the shared pager (../paging) by position in the list as ordered here, with
// `includePending` carried into the next link.
import { page as sharedPage } from '../paging';
import type { EmuRequest, EmuResponse, VaultContext } from '../types';

/** One page of `items` (already filtered and ordered) for the list at vault-relative `path`. */
export function page<T>(
  vault: VaultContext,
  req: EmuRequest,
  path: string,
  items: readonly T[],
  render: (item: T) => unknown,
): EmuResponse {
  const body = sharedPage(req.query, items, { listUrl: `${vault.url}${path}`, render, carry: ['includePending'] });
  return { status: 200, body };
}

export function includePending(req: EmuRequest): boolean {
  return req.query.get('includePending')?.toLowerCase() === 'true';
}
