// A small Entra ID: OpenID discovery, JWKS, instance discovery, and the v2.0 token endpoint with the
// client_credentials, password (ROPC) and refresh_token grants. Enough for MSAL-node as @azure/identity uses it.
import { randomUUID } from 'node:crypto';
import { audienceForScope } from './auth';
import type { App, Tenant, User } from './directory';
import { matchRoute, type HttpInput, type PlaneHandler } from './httpio';
import type { TokenClaims } from './jwt';
import type { EmuResponse } from './types';
import type { World } from './world';

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const REFRESH_LIFETIME_SEC = 90 * 86400;

class AadError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toResponse(): EmuResponse {
    const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    const traceId = randomUUID();
    const correlationId = randomUUID();
    return {
      status: this.status,
      body: {
        error: this.error,
        error_description: `AADSTS${this.code}: ${this.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
        error_codes: [this.code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `https://login.microsoftonline.com/error?code=${this.code}`,
      },
    };
  }
}

function openIdConfiguration(origin: string, tenantSegment: string, tenant: Tenant | undefined): Record<string, unknown> {
  const base = `${origin}/${tenantSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${tenant ? tenant.id : '{tenantid}'}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'kv-emulator.localhost',
    cloud_graph_host_name: 'graph.kv-emulator.localhost',
    msgraph_host: 'graph.kv-emulator.localhost',
    rbac_url: 'https://pas.kv-emulator.localhost',
  };
}

export class Entra {
  constructor(private readonly world: World) {}

  private get origin(): string {
    return this.world.loginOrigin;
  }

  private tenantFor(segment: string, allowCommon: boolean): Tenant | 'common' {
    const lower = segment.toLowerCase();
    if (allowCommon && (lower === 'common' || lower === 'organizations')) {
      return 'common';
    }
    const t = this.world.directory.findTenant(segment);
    if (!t) {
      throw new AadError(400, 'invalid_request', 90002, `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    return t;
  }

  handler(): PlaneHandler {
    const routes = [
      { method: 'GET', pattern: /^\/common\/discovery\/instance\/?$/, run: (i: HttpInput) => this.instanceDiscovery(i) },
      { method: 'GET', pattern: /^\/common\/userrealm\/(?<user>[^/]+)\/?$/i, run: (_i: HttpInput, p: Record<string, string>) => this.userRealm(p.user ?? '') },
      { method: 'GET', pattern: /^\/(?<tenant>[^/]+)(?:\/v2\.0)?\/\.well-known\/openid-configuration\/?$/, run: (_i: HttpInput, p: Record<string, string>) => this.discovery(p.tenant ?? '') },
      { method: 'GET', pattern: /^\/(?<tenant>[^/]+)\/discovery(?:\/v2\.0)?\/keys\/?$/, run: () => ({ status: 200, body: this.world.signer.jwks() }) },
      { method: 'POST', pattern: /^\/(?<tenant>[^/]+)\/oauth2(?:\/v2\.0)?\/token\/?$/, run: (i: HttpInput, p: Record<string, string>) => this.token(i, p.tenant ?? '') },
      { method: 'GET', pattern: /^\/(?<tenant>[^/]+)\/oauth2\/v2\.0\/authorize\/?$/, run: () => new AadError(400, 'unsupported_response_type', 9002326, 'Interactive sign-in is not supported by the Key Vault emulator; use client credentials or the password grant.').toResponse() },
    ];
    return (input) => {
      const found = matchRoute(routes, input.method, input.path);
      if (found === undefined || found === 'methodMismatch') {
        return { status: 404, body: { error: 'not_found', error_description: `No such endpoint: ${input.method} ${input.path}` } };
      }
      try {
        return found.route.run(input, found.params);
      } catch (err) {
        if (err instanceof AadError) return err.toResponse();
        throw err;
      }
    };
  }

  private instanceDiscovery(input: HttpInput): EmuResponse {
    const host = new URL(this.origin).host;
    const authority = input.query.get('authorization_endpoint') ?? `${this.origin}/common/oauth2/v2.0/authorize`;
    const tenant = new URL(authority, this.origin).pathname.split('/')[1] ?? 'common';
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${this.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  private userRealm(user: string): EmuResponse {
    const u = this.world.directory.users.get(decodeURIComponent(user).toLowerCase());
    const domain = decodeURIComponent(user).split('@')[1] ?? '';
    return {
      status: 200,
      body: {
        ver: '1.0',
        account_type: u ? 'Managed' : 'Unknown',
        domain_name: domain,
        cloud_instance_name: 'kv-emulator.localhost',
        cloud_audience_urn: 'urn:federation:MicrosoftOnline',
      },
    };
  }

  private discovery(segment: string): EmuResponse {
    const t = this.tenantFor(segment, true);
    return { status: 200, body: openIdConfiguration(this.origin, segment, t === 'common' ? undefined : t) };
  }

  private audience(form: URLSearchParams): string {
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
    const resource = form.get('resource');
    const asked = resource ? [resource] : scopes;
    if (asked.length === 0) {
      throw new AadError(400, 'invalid_scope', 70011, "The provided request must include a 'scope' input parameter.");
    }
    if (asked.length > 1) {
      throw new AadError(400, 'invalid_scope', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${asked.join(' ')} is not valid.`);
    }
    const aud = audienceForScope(asked[0]!);
    if (!aud) {
      throw new AadError(400, 'invalid_resource', 500011, `The resource principal named ${asked[0]!.replace(/\/\.default$/, '')} was not found in the tenant. The Key Vault emulator only issues tokens for its own audiences.`);
    }
    return aud;
  }

  private token(input: HttpInput, segment: string): EmuResponse {
    const form = new URLSearchParams(input.body.toString('utf8'));
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') return this.clientCredentials(form, segment);
    if (grant === 'password') return this.password(form, segment);
    if (grant === 'refresh_token') return this.refresh(form, segment);
    throw new AadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
  }

  private clientCredentials(form: URLSearchParams, segment: string): EmuResponse {
    const tenant = this.tenantFor(segment, false) as Tenant;
    const clientId = form.get('client_id') ?? '';
    const app = this.world.directory.apps.get(clientId.toLowerCase());
    if (!app || !app.tenants.some((t) => t.toLowerCase() === tenant.id.toLowerCase())) {
      throw new AadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant.`);
    }
    if (form.get('client_secret') !== app.clientSecret) {
      throw new AadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`);
    }
    const aud = this.audience(form);
    return { status: 200, body: this.accessTokenResponse(this.appClaims(app, tenant, aud), form) };
  }

  private userTenant(user: User, segment: string): Tenant {
    const t = this.tenantFor(segment, true);
    const tenant = t === 'common' ? this.world.directory.findTenant(user.homeTenant) : t;
    if (!tenant || !user.tenants.some((x) => x.toLowerCase() === tenant.id.toLowerCase())) {
      throw new AadError(400, 'invalid_grant', 50020, `User account '${user.username}' from identity provider 'kv-emulator' does not exist in tenant '${tenant?.displayName ?? segment}' and cannot access the application in that tenant.`);
    }
    return tenant;
  }

  private password(form: URLSearchParams, segment: string): EmuResponse {
    const username = form.get('username') ?? '';
    const user = this.world.directory.users.get(username.toLowerCase());
    if (!user) {
      throw new AadError(400, 'invalid_grant', 50034, `The user account ${username} does not exist in the directory.`);
    }
    if (form.get('password') !== user.password) {
      throw new AadError(400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');
    }
    this.checkOptionalClientSecret(form);
    return this.userTokens(user, this.userTenant(user, segment), form);
  }

  private checkOptionalClientSecret(form: URLSearchParams): void {
    const app = this.world.directory.apps.get((form.get('client_id') ?? '').toLowerCase());
    const secret = form.get('client_secret');
    if (app && secret !== null && secret !== app.clientSecret) {
      throw new AadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
  }

  private refresh(form: URLSearchParams, segment: string): EmuResponse {
    const result = this.world.signer.verify(form.get('refresh_token') ?? '', Math.floor(Date.now() / 1000));
    const user = result.ok && result.claims.typ === 'refresh' ? this.world.directory.userByObjectId(result.claims.oid) : undefined;
    if (!user) {
      throw new AadError(400, 'invalid_grant', 9002313, 'Invalid request. The refresh token is malformed, expired or was not issued by this emulator.');
    }
    return this.userTokens(user, this.userTenant(user, segment), form);
  }

  private userTokens(user: User, tenant: Tenant, form: URLSearchParams): EmuResponse {
    const aud = this.audience(form);
    const clientId = form.get('client_id') ?? 'unknown-client';
    const now = Math.floor(Date.now() / 1000);
    const claims = this.userClaims(user, tenant, aud, clientId);
    const idToken = this.world.signer.sign({
      aud: clientId, iss: claims.iss, iat: now, nbf: now, exp: now + 3600, name: user.displayName, oid: user.objectId,
      preferred_username: user.username, sub: user.objectId, tid: tenant.id, ver: '2.0',
    });
    const refreshToken = this.world.signer.sign({ typ: 'refresh', oid: user.objectId, aud: 'kv-emulator-refresh', iat: now, exp: now + REFRESH_LIFETIME_SEC });
    const clientInfo = Buffer.from(JSON.stringify({ uid: user.objectId, utid: user.homeTenant })).toString('base64url');
    return {
      status: 200,
      body: { ...this.accessTokenResponse(claims, form), refresh_token: refreshToken, id_token: idToken, client_info: clientInfo },
    };
  }

  private baseClaims(tenant: Tenant, aud: string, oid: string): TokenClaims {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud, iss: `${this.origin}/${tenant.id}/v2.0`, iat: now, nbf: now, exp: now + this.world.settings.tokenLifetimeSec,
      tid: tenant.id, oid, sub: oid, ver: '2.0', uti: randomUUID().replace(/-/g, '').slice(0, 22),
    };
  }

  private appClaims(app: App, tenant: Tenant, aud: string): TokenClaims {
    return { ...this.baseClaims(tenant, aud, app.objectId), appid: app.clientId, azp: app.clientId, appidacr: '1', idtyp: 'app', roles: [] };
  }

  private userClaims(user: User, tenant: Tenant, aud: string, clientId: string): TokenClaims {
    return {
      ...this.baseClaims(tenant, aud, user.objectId), appid: clientId, azp: clientId, scp: 'user_impersonation',
      name: user.displayName, upn: user.username, preferred_username: user.username, idtyp: 'user',
    };
  }

  private accessTokenResponse(claims: TokenClaims, form: URLSearchParams): Record<string, unknown> {
    const lifetime = claims.exp - claims.iat;
    return {
      token_type: 'Bearer',
      scope: (form.get('scope') ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s)).join(' ') || claims.aud,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: this.world.signer.sign(claims),
    };
  }

  /** Mints a token directly (control API), e.g. an expired or wrong-audience one for tests. */
  mint(opts: { tenantId: string; objectId?: string; clientId?: string; audience: string; lifetimeSec?: number; issuer?: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const oid = opts.objectId ?? randomUUID();
    const lifetime = opts.lifetimeSec ?? this.world.settings.tokenLifetimeSec;
    return this.world.signer.sign({
      aud: opts.audience, iss: opts.issuer ?? `${this.origin}/${opts.tenantId}/v2.0`, iat: Math.min(now, now + lifetime - 60),
      nbf: Math.min(now, now + lifetime - 60), exp: now + lifetime, tid: opts.tenantId, oid, sub: oid, ver: '2.0',
      appid: opts.clientId ?? 'kv-emulator-control', idtyp: 'app',
    });
  }
}
