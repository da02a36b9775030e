import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { AuthProviderId } from './clouds';
import { SignInRequiredError } from './errors';

/** VS Code's way to ask its Microsoft providers for a token in a given tenant. */
export const tenantScope = (tenantId: string) => `VSCODE_TENANT:${tenantId}`;

/** Reads `exp` from a JWT access token without trusting it for anything else; undefined when it is opaque. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request that makes VS Code's Microsoft providers mint a NEW token carrying `claims` (a Continuous Access
 * Evaluation challenge's; they acquire it with the claims and a forced refresh instead of returning the cached,
 * revoked token). The SDKs hand claims over decoded with `atob`, so `latin1` turns them back into the same bytes.
 */
export function claimsRequest(scopes: readonly string[], claims: string): vscode.AuthenticationWwwAuthenticateRequest {
  const encoded = Buffer.from(claims, 'latin1').toString('base64');
  return { wwwAuthenticate: `Bearer error="insufficient_claims", claims="${encoded}"`, fallbackScopes: [...scopes] };
}

/** Told when a claims challenge could not be met silently: the next interactive sign-in must carry `request`. */
export type UnmetClaims = (request: vscode.AuthenticationWwwAuthenticateRequest, tenantId: string | undefined) => void;

/**
 * A TokenCredential backed by VS Code's own Microsoft sign-in. Always silent: it never opens a sign-in flow
 * (that is the job of the explicit sign-in commands); without a session it throws SignInRequiredError.
 * Honours `GetTokenOptions.tenantId` (guest tenants, vaults in other tenants) through the VSCODE_TENANT scope, and
 * `claims` (the SDKs' challenge policies advertise CAE) through a WWW-Authenticate request.
 */
export class VsCodeCredential implements TokenCredential {
  constructor(
    private readonly providerId: AuthProviderId,
    private readonly onUnmetClaims?: UnmetClaims,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const requested = typeof scopes === 'string' ? [scopes] : [...scopes];
    if (options?.tenantId) requested.push(tenantScope(options.tenantId));
    const request = options?.claims ? claimsRequest(requested, options.claims) : requested;
    let session: vscode.AuthenticationSession | undefined;
    try {
      session = await vscode.authentication.getSession(this.providerId, request, { silent: true });
    } catch (error) {
      throw new SignInRequiredError(options?.tenantId, vscode.l10n.t("Could not get a token from VS Code's {0} sign-in: {1}", this.providerId, error instanceof Error ? error.message : String(error)));
    }
    if (!session) {
      if (!Array.isArray(request)) this.onUnmetClaims?.(request, options?.tenantId);
      throw new SignInRequiredError(options?.tenantId);
    }
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + 5 * 60_000 };
  }
}
