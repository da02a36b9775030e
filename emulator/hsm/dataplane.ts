// One Managed HSM's HTTPS endpoint. Order of checks as the service: the token (audience
// MANAGED_HSM_AUDIENCE, the local `https://managedhsm.azure.net`: a vault token is refused; the 401 challenge names
// the HSM's tenant and resource, with an empty body when the token is missing, as the SDK recordings show),
// api-version, throttling, local RBAC (hsm/rbac.ts: 403 AccessDenied), then the HSM's key store. A Managed HSM
// serves keys only: secrets and certificates paths answer 404.
import { randomUUID } from 'node:crypto';
import { admit, dispatch } from '../dispatch';
import { authenticate, MANAGED_HSM_AUDIENCE, type AuthOutcome } from '../auth';
import { EmuError } from '../errors';
import type { HttpInput, PlaneHandler } from '../httpio';
import type { EmuResponse } from '../types';
import type { World } from '../world';
import type { ManagedHsmRecord } from './model';
import { accessDenied, isAllowed, requiredAccess } from './rbac';

function challenge(world: World, record: ManagedHsmRecord): Record<string, string> {
  return { 'www-authenticate': `Bearer authorization="${world.loginOrigin}/${record.tenantId}", resource="${MANAGED_HSM_AUDIENCE}"` };
}

function unauthorized(world: World, record: ManagedHsmRecord, message?: string): EmuResponse {
  if (message === undefined) {
    return { status: 401, headers: challenge(world, record) };
  }
  return new EmuError(401, 'Unauthorized', `${message} (Activity ID: ${randomUUID()})`, undefined, challenge(world, record)).toResponse();
}

function authFailure(world: World, record: ManagedHsmRecord, outcome: Exclude<AuthOutcome, { ok: true }>): EmuResponse {
  const claims = outcome.claims;
  switch (outcome.failure) {
    case 'missing':
      return unauthorized(world, record);
    case 'malformed':
      return unauthorized(world, record, 'Invalid token: the bearer token is not a well-formed JWT.');
    case 'signature':
      return unauthorized(world, record, 'Invalid token: signature validation failed.');
    case 'expired':
      return unauthorized(world, record, `Token is expired. Expiry: ${String(claims?.exp)}.`);
    case 'notYetValid':
      return unauthorized(world, record, 'Token is not yet valid.');
    case 'audience':
      return unauthorized(world, record, `Found token with aud=${String(claims?.aud)}, but expected aud=${MANAGED_HSM_AUDIENCE}`);
    case 'issuer':
      return unauthorized(world, record, `Found token with iss=${String(claims?.iss)}, but expected iss=${world.loginOrigin}/${record.tenantId}/v2.0`);
  }
}

const NOT_KEYS = /^\/(?:deleted)?(?:secrets|certificates|storage)(?:\/|$)/i;

export function managedHsmHandler(world: World, record: ManagedHsmRecord): PlaneHandler {
  return async (input: HttpInput): Promise<EmuResponse> => {
    const keys = record.keys;
    if (!keys) {
      return new EmuError(503, 'ServiceUnavailable', 'The managed HSM is not ready.').toResponse();
    }
    const outcome = authenticate(input.headers, world.signer, MANAGED_HSM_AUDIENCE, world.loginOrigin);
    if (!outcome.ok) {
      return authFailure(world, record, outcome);
    }
    const claims = outcome.claims;
    if (claims.tid.toLowerCase() !== record.tenantId.toLowerCase()) {
      return unauthorized(world, record, `Found token with tid=${claims.tid}, but expected tid=${record.tenantId}`);
    }
    const apiVersion = admit(world, record.name, input, 'HsmRequestTypeLimitReached');
    if (typeof apiVersion !== 'string') return apiVersion;
    if (NOT_KEYS.test(input.path)) {
      return new EmuError(404, 'NotFound', `The requested resource '${input.path}' was not found: a managed HSM holds keys only.`).toResponse();
    }
    const need = requiredAccess(input.method, input.path);
    if (need !== undefined && !isAllowed(record.roleAssignments, claims.oid, need)) {
      return accessDenied(need).toResponse();
    }
    return dispatch(keys.routes(), input, claims, apiVersion, 'managed HSM');
  };
}
