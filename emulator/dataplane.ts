// One vault's HTTPS endpoint: authentication with the challenge, api-version, throttling, denial (the control API's
// deny rules, then the firewall and Azure RBAC or access policies), then the stores.
import { requiredAccess, type RequiredAccess } from './authorization/actions';
import { authorizeDataPlane } from './authorization/decide';
import { admit, dispatch } from './dispatch';
import { authenticate, callerDescription, VAULT_AUDIENCE, type AuthOutcome } from './auth';
import { EmuError } from './errors';
import type { HttpInput, PlaneHandler } from './httpio';
import type { TokenClaims } from './jwt';
import type { DenyReason } from './seed';
import type { EmuResponse } from './types';
import type { VaultRecord, World } from './world';

export { LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from './apiVersions';

function unauthorized(world: World, record: VaultRecord, message: string): EmuResponse {
  return new EmuError(401, 'Unauthorized', message, undefined, {
    'www-authenticate': `Bearer authorization="${world.loginOrigin}/${record.tenantId}", resource="${VAULT_AUDIENCE}"`,
  }).toResponse();
}

function authFailure(world: World, record: VaultRecord, outcome: Exclude<AuthOutcome, { ok: true }>): EmuResponse {
  switch (outcome.failure) {
    case 'missing':
      return unauthorized(world, record, 'AKV10000: Request is missing a Bearer, PoP, or MTLS_POP token.');
    case 'malformed':
      return unauthorized(world, record, 'AKV10005: Invalid token: the bearer token is not a well-formed JWT.');
    case 'signature':
      return unauthorized(world, record, 'AKV10013: Invalid token: signature validation failed.');
    case 'expired':
      return unauthorized(world, record, `AKV10021: Token is expired. Expiry: ${String(outcome.claims?.exp)}.`);
    case 'notYetValid':
      return unauthorized(world, record, 'AKV10021: Token is not yet valid.');
    case 'audience':
      return unauthorized(world, record, `AKV10022: Invalid audience. Expected ${VAULT_AUDIENCE}, found: ${String(outcome.claims?.aud)}.`);
    case 'issuer':
      return unauthorized(world, record, `AKV10032: Invalid issuer. Expected ${world.loginOrigin}/${record.tenantId}/v2.0, found ${String(outcome.claims?.iss)}.`);
  }
}

/** `secrets get`, `keys list`, … from the request, for denial messages. */
function permissionOf(method: string, path: string): { kind: string; permission: string } {
  const segs = path.split('/').filter(Boolean);
  const first = segs[0] ?? '';
  const kind = first.replace(/^deleted/, '') || 'secrets';
  const last = segs[segs.length - 1] ?? '';
  let permission: string;
  if (['backup', 'restore', 'recover'].includes(last)) permission = last;
  else if (first.startsWith('deleted')) permission = method === 'DELETE' ? 'purge' : segs.length > 1 ? 'get' : 'list';
  else if (method === 'GET') permission = segs.length <= 1 || last === 'versions' ? 'list' : 'get';
  else if (method === 'PUT') permission = kind === 'secrets' ? 'set' : 'create';
  else if (method === 'DELETE') permission = 'delete';
  else if (method === 'PATCH') permission = 'update';
  else permission = last || 'get';
  return { kind, permission };
}

function denial(record: VaultRecord, reason: DenyReason, claims: TokenClaims, input: HttpInput, access?: RequiredAccess): EmuError {
  const vaultDesc = `${record.name};location=${record.location}`;
  const caller = callerDescription(claims);
  const { kind, permission } = access ?? permissionOf(input.method, input.path);
  if (reason === 'firewall') {
    return new EmuError(
      403,
      'Forbidden',
      `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${input.remoteAddress.replace(/^::ffff:/, '')}\r\nCaller: ${caller}\r\nVault: ${vaultDesc}`,
      'ForbiddenByFirewall',
    );
  }
  if (reason === 'policy') {
    return new EmuError(
      403,
      'Forbidden',
      `The user, group or application '${caller}' does not have ${kind} ${permission} permission on key vault '${vaultDesc}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
      'ForbiddenByPolicy',
    );
  }
  const singular = kind.charAt(0).toUpperCase() + kind.slice(1).replace(/s$/, '');
  const actions: Record<string, string> = {
    get: `get${singular}/action`,
    list: 'readMetadata/action',
    set: `set${singular}/action`,
    create: 'create/action',
    delete: 'delete',
    update: 'write',
  };
  const action = access?.dataAction ?? `Microsoft.KeyVault/vaults/${kind}/${actions[permission] ?? `${permission}/action`}`;
  const resource = `/subscriptions/${record.subscriptionId}/resourcegroups/${record.resourceGroup}/providers/microsoft.keyvault/vaults/${record.name}`;
  return new EmuError(
    403,
    'Forbidden',
    `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${caller}\r\nAction: '${action}'\r\nResource: '${resource.toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: ${vaultDesc}\r\n`,
    'ForbiddenByRbac',
  );
}

export function dataPlaneHandler(world: World, record: VaultRecord): PlaneHandler {
  return async (input: HttpInput): Promise<EmuResponse> => {
    const vault = record.vault;
    if (!vault) {
      return new EmuError(503, 'ServiceUnavailable', 'The vault is not ready.').toResponse();
    }
    const outcome = authenticate(input.headers, world.signer, VAULT_AUDIENCE, world.loginOrigin);
    if (!outcome.ok) {
      return authFailure(world, record, outcome);
    }
    const claims = outcome.claims;
    if (claims.tid.toLowerCase() !== record.tenantId.toLowerCase()) {
      return unauthorized(
        world,
        record,
        `AKV10032: Invalid issuer. Expected one of ${world.loginOrigin}/${record.tenantId}/v2.0, found ${claims.iss}.`,
      );
    }
    const apiVersion = admit(world, record.name, input, 'VaultRequestTypeLimitReached');
    if (typeof apiVersion !== 'string') return apiVersion;
    const denied = world.deny.check(record.name, claims.oid);
    if (denied) {
      return denial(record, denied, claims, input, requiredAccess(input.method, input.path)).toResponse();
    }
    // Firewall, then Azure RBAC or the access policies (authorization/decide.ts).
    const refused = authorizeDataPlane(world, record, claims, input);
    if (refused) {
      return denial(record, refused.reason, claims, input, refused.access).toResponse();
    }
    // Seeded key pairs and certificates may still be generating (the ready line does not wait for them).
    await vault.whenSeeded();
    return dispatch(vault.routes(), input, claims, apiVersion, 'vault');
  };
}
