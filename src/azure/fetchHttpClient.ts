// The HTTP client of every Azure SDK pipeline we build: Node's `fetch` (undici), whose connections stay open and
// are reused per origin.
//
// Why (issue 16, benchmark CPU profile of the extension host): through `https.request`, VS Code's proxy support
// opened a new TLS connection for every request and loaded every system CA certificate into it (`addCACert`, ~28 ms
// a request: 11 s over the 400 pages of a 10,000-secret vault), besides the TCP and TLS handshakes a real network
// adds to each request. `fetch` keeps its connections, and VS Code extends it with the same proxy and certificate
// support. Requests `fetch` cannot carry as they are (streamed or generated bodies, client certificates, a custom
// agent, progress callbacks) go through the SDK's own client, as before.
import { Readable } from 'node:stream';
import {
  createDefaultHttpClient, createHttpHeaders, RestError, type HttpClient, type PipelineRequest, type PipelineResponse,
} from '@azure/core-rest-pipeline';

/** What `fetch` takes as it is; anything else goes through the SDK's client. */
function fetchable(request: PipelineRequest): boolean {
  const body = request.body;
  const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer;
  return plainBody && !request.formData && !request.multipartBody && !request.agent && !request.tlsSettings && !request.onUploadProgress && !request.onDownloadProgress;
}

/** An AbortError, as the SDK's own client throws when the request's signal aborts (errors.ts `isAbort`). */
function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

/** A failure with no answer, as the SDK reports one (`REQUEST_SEND_ERROR`), keeping the socket's own code. */
function sendError(error: unknown, request: PipelineRequest): RestError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const socketCode = typeof cause?.code === 'string' && !cause.code.startsWith('UND_ERR') ? cause.code : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return new RestError(message, { code: socketCode ?? RestError.REQUEST_SEND_ERROR, request });
}

export function createFetchHttpClient(): HttpClient {
  const fallback = createDefaultHttpClient();
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      if (!fetchable(request)) return fallback.sendRequest(request);
      const outer = request.abortSignal;
      if (outer?.aborted) throw abortError();
      const controller = new AbortController();
      const onAbort = (): void => controller.abort();
      outer?.addEventListener('abort', onAbort);
      const timer = request.timeout > 0 ? setTimeout(onAbort, request.timeout) : undefined;
      try {
        const headers = new Headers();
        for (const [name, value] of request.headers) headers.set(name, value);
        let response: Response;
        try {
          response = await fetch(request.url, {
            method: request.method,
            headers,
            body: (request.body ?? undefined) as string | Uint8Array | ArrayBuffer | undefined,
            signal: controller.signal,
            redirect: 'manual',
          });
        } catch (error) {
          if (controller.signal.aborted) throw abortError();
          throw sendError(error, request);
        }
        const responseHeaders = createHttpHeaders();
        response.headers.forEach((value, name) => responseHeaders.set(name, value));
        const streamed = request.streamResponseStatusCodes?.has(response.status) || request.streamResponseStatusCodes?.has(Number.POSITIVE_INFINITY);
        if (streamed && response.body) {
          return { request, status: response.status, headers: responseHeaders, readableStreamBody: Readable.fromWeb(response.body) };
        }
        let bodyAsText: string;
        try {
          bodyAsText = await response.text();
        } catch (error) {
          if (controller.signal.aborted) throw abortError();
          throw sendError(error, request);
        }
        return { request, status: response.status, headers: responseHeaders, bodyAsText };
      } finally {
        if (timer) clearTimeout(timer);
        outer?.removeEventListener('abort', onAbort);
      }
    },
  };
}
