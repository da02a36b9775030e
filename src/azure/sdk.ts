// Everything that needs an Azure SDK at run time is reached through this module (see lazy.ts): it is bundled
// into dist/azure-sdk.js and loaded on first use. The pure helpers are re-exported so a caller holding the
// loaded module has the whole API in one place (they can also be imported directly: they load no SDK).
import type { TokenCredential } from '@azure/core-auth';
export { ArmClient, type ArmClientOptions, type ListAcrossOptions } from './armClient';
export { VaultClients, vaultKey, type VaultClientsOptions } from './vaultClients';
export { classifyError } from './errors';
export { withTenant } from './credentials';
export { clientSecurityFor, guardCredential, isLoopbackHost, TokenRefusedError, type ClientSecurity } from './tokenGuard';
export { defaultThrottle, type ThrottleOptions } from './throttle';
export { defaultReliability, isRetrySafe, type ReliabilityOptions, type WaitEvent, type WaitListener } from './reliability';
export { OperationStillRunningError, RequestTimeoutError, WriteOutcomeUnknownError } from './reliabilityErrors';
export * as secretOps from './secretOps';
export * as keyOps from './keyOps';
export * as keyCrypto from './keyCrypto';
export * as certificateOps from './certificateOps';
export * as backupOps from './backupOps';
export { ReferenceIndex, type ReferenceStatus } from './referenceLookup';

/**
 * @azure/identity credentials (Azure CLI, environment) for the sign-in kinds other than VS Code's own account.
 * `./identity` (with @azure/identity and MSAL) is its own bundle (dist/azure-identity.js), loaded only here: the
 * default sign-in never loads it.
 */
export function createIdentityCredential(kind: 'azureCli' | 'environment'): Promise<TokenCredential> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: a chunk loaded on first use
    const identity = require('./identity') as typeof import('./identity');
    resolve(identity.createIdentityCredential(kind));
  });
}
