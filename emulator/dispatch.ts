// The common tail of a data plane — a vault's or a Managed HSM's — once the caller is authenticated and admitted:
// the route, the JSON body, the handler, and the answer in the shape of the requested api-version.
import { shapeForVersion } from './apiVersions';
import { EmuError, errorToResponse } from './errors';
import { matchRoute, parseJsonBody, type HttpInput } from './httpio';
import type { TokenClaims } from './jwt';
import type { EmuRequest, EmuResponse, Route } from './types';

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
