// Every item of a paged listing: one request per page of 25, following continuation tokens to the end. Pure (no SDK
// at load time, no vscode), so palette picks in the activation bundle and the lazily loaded ops share it.
import type { Page, PageRequest } from './model';

/** All pages of `list`, in the service's order; `abortSignal` goes with every page request. */
export async function allPages<T>(list: (request: PageRequest) => Promise<Page<T>>, abortSignal?: AbortSignal): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await list({ continuationToken: token, pageSize: 25, ...(abortSignal ? { abortSignal } : {}) });
    all.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return all;
}
