// Credential wrappers (pure: type-only SDK imports).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/**
 * A credential whose every token is for `tenantId`: it always passes `options.tenantId`, which VS Code's
 * credential turns into the `VSCODE_TENANT:{tenantId}` scope and @azure/identity credentials honour directly.
 * Used for ARM calls into a given tenant (its subscriptions, their vaults).
 */
export function withTenant(credential: TokenCredential, tenantId: string): TokenCredential {
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      return credential.getToken(scopes, { ...options, tenantId });
    },
  };
}
