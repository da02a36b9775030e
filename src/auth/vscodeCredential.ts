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
 * A TokenCredential backed by VS Code's own Microsoft sign-in. Always silent: it never opens a sign-in flow
 * (that is the job of the explicit sign-in commands); without a session it throws SignInRequiredError.
 * Honours `GetTokenOptions.tenantId` (guest tenants, vaults in other tenants) through the VSCODE_TENANT scope.
 */
export class VsCodeCredential implements TokenCredential {
  constructor(private readonly providerId: AuthProviderId) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const requested = typeof scopes === 'string' ? [scopes] : [...scopes];
    if (options?.tenantId) requested.push(tenantScope(options.tenantId));
    let session: vscode.AuthenticationSession | undefined;
    try {
      session = await vscode.authentication.getSession(this.providerId, requested, { silent: true });
    } catch (error) {
      throw new SignInRequiredError(options?.tenantId, vscode.l10n.t("Could not get a token from VS Code's {0} sign-in: {1}", this.providerId, error instanceof Error ? error.message : String(error)));
    }
    if (!session) throw new SignInRequiredError(options?.tenantId);
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + 5 * 60_000 };
  }
}
