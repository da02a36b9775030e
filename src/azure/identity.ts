// @azure/identity credentials for the non-VS Code sign-in kinds (reached only through sdk.ts).
import type { TokenCredential } from '@azure/core-auth';
import { AzureCliCredential, EnvironmentCredential } from '@azure/identity';

/**
 * `azureCli`: the account of `az login` (its cloud is az's configured cloud). `environment`: AZURE_TENANT_ID,
 * AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate), with AZURE_AUTHORITY_HOST for other clouds.
 * Both honour `GetTokenOptions.tenantId`, for guest tenants.
 */
export function createIdentityCredential(kind: 'azureCli' | 'environment'): TokenCredential {
  return kind === 'azureCli' ? new AzureCliCredential({ additionallyAllowedTenants: ['*'] }) : new EnvironmentCredential({ additionallyAllowedTenants: ['*'] });
}
