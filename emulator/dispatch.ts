// What a data plane — a vault's or a Managed HSM's — does alike once the caller is authenticated: the api-version
// check, the throttle, then the route, the JSON body, the handler, and the answer in that version's shape.
import { isSupportedApiVersion, shapeForVersion, unsupportedApiVersionMessage } from './apiVersions';
import { EmuError, errorToResponse } from './errors';
import { matchRoute, parseJsonBody, type HttpInput } from './httpio';
import type { TokenClaims } from './jwt';
import type { EmuRequest, EmuResponse, Route } from './types';
import type { World } from './world';

/**
 * The request's api-version, or the service's 400 when it is missing or unknown; then the 429 of a holder over its
 * throttle limit (`reason`: the service's `…RequestTypeLimitReached`).
 */
export function admit(world: World, holder: string, input: HttpInput, reason: string): string | EmuResponse {
  const apiVersion = input.query.get('api-version');
  if (apiVersion === null || apiVersion === '') {
    return new EmuError(400, 'BadParameter', 'The api-version query parameter is required.').toResponse();
  }
  if (!isSupportedApiVersion(apiVersion)) {
    return new EmuError(400, 'BadParameter', unsupportedApiVersionMessage(apiVersion)).toResponse();
  }
  if (!world.throttle.admit(holder, Date.now())) {
    return new EmuError(429, 'Throttled', `Request was not processed because too many requests were received. Reason: ${reason}`).toResponse();
  }
  return apiVersion;
}

/** `holder`: what the 404 of an unknown path names ("vault", "managed HSM"). */
export async function dispatch(routes: readonly Route[], input: HttpInput, claims: Pick<TokenClaims, 'tid' | 'oid'>, apiVersion: string, holder: string): Promise<EmuResponse> {
  const found = matchRoute(routes, input.method, input.path);
  if (found === undefined) {
    return new EmuError(404, 'NotFound', `The requested resource '${input.path}' was not found on this ${holder}.`).toResponse();
  }
  if (found === 'methodMismatch') {
    return new EmuError(405, 'BadParameter', `The requested resource does not support http method '${input.method}'.`).toResponse();
  }
  let body: unknown;
  try {
    body = parseJsonBody(input.body);
  } catch {
    return new EmuError(400, 'BadParameter', 'The request body is not valid JSON.').toResponse();
  }
  const req: EmuRequest = {
    method: input.method,
    path: input.path,
    query: input.query,
    headers: input.headers,
    body,
    params: found.params,
    principal: { tenantId: claims.tid, objectId: claims.oid },
  };
  let res: EmuResponse;
  try {
    res = await found.route.handler(req);
  } catch (err) {
    return errorToResponse(err);
  }
  // Answered in the shape of the requested version: properties it does not define are left out.
  return res.status < 300 && res.body !== undefined ? { ...res, body: shapeForVersion(res.body, apiVersion) } : res;
}
