// Per-call context for one page of a data-plane listing (type-only SDK imports; node:async_hooks at run time).
//
// Why: the Key Vault clients' `byPage()` loses the continuation token — their mapping step yields
// `page.map(mapper)`, a new array without the `continuationToken` the paging helper set on the original
// (@azure/keyvault-secrets 4.11, keys 4.10, certificates 4.10). A page fetched from a continuation token is
// requested with no options at all, so no abort signal reaches it. And the RestError a failed page throws
// keeps neither the body nor its `details`, so the inner error code (ForbiddenByRbac…) is lost. This context
// carries all three through the pipeline for the duration of one `run()`: a perCall policy reads `nextLink`
// from each listing response (the token we hand out), keeps the body of an error response (error code and
// message only: listings carry no values), and gives the call's abort signal to requests that have none.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';

export const listContextPolicyName = 'keyVaultListContextPolicy';

export interface ListCall {
  readonly abortSignal?: AbortSignal;
  /** `nextLink` of the last listing page received in this call (undefined on the last page). */
  nextLink?: string;
  /** Status and body of the last error response (>= 400) in this call. */
  errorResponse?: { readonly status: number; readonly body?: string };
}

/** Reads `nextLink` from a listing page body; undefined when absent, null or not a listing. */
export function nextLinkOf(bodyAsText: string | undefined | null): string | undefined {
  if (!bodyAsText) return undefined;
  try {
    const body = JSON.parse(bodyAsText) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const link = (body as Record<string, unknown>).nextLink;
    return typeof link === 'string' && link.length > 0 ? link : undefined;
  } catch {
    return undefined;
  }
}

/** One per VaultClients: each listing call runs inside `run`, and every client carries `policy()`. */
export class ListContext {
  private readonly storage = new AsyncLocalStorage<ListCall>();

  run<T>(call: ListCall, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(call, fn);
  }

  policy(): PipelinePolicy {
    return {
      name: listContextPolicyName,
      sendRequest: async (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
        const call = this.storage.getStore();
        if (!call) return next(request);
        if (!request.abortSignal && call.abortSignal) request.abortSignal = call.abortSignal;
        const response = await next(request);
        if (request.method === 'GET' && response.status === 200) call.nextLink = nextLinkOf(response.bodyAsText);
        if (response.status >= 400) call.errorResponse = { status: response.status, ...(response.bodyAsText ? { body: response.bodyAsText } : {}) };
        return response;
      },
    };
  }
}

/**
 * Gives a listing's RestError the parsed error body as `details` (as the SDK does for single-object calls),
 * when it has none, so classifyError can read the inner code. Returns the error for rethrowing.
 */
export function withErrorDetails(error: unknown, call: ListCall): unknown {
  const body = call.errorResponse?.body;
  if (typeof error !== 'object' || error === null || body === undefined) return error;
  const e = error as { statusCode?: unknown; details?: unknown };
  if (e.statusCode !== call.errorResponse?.status || e.details !== undefined) return error;
  try {
    e.details = JSON.parse(body) as unknown;
  } catch {
    // not JSON: nothing to add
  }
  return error;
}
