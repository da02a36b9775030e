// Everything that needs an Azure SDK at run time is reached through this module (see lazy.ts): it is bundled
// into dist/azure-sdk.js and loaded on first use. The pure helpers are re-exported so a caller holding the
// loaded module has the whole API in one place (they can also be imported directly: they load no SDK).
export { ArmClient, type ArmClientOptions, type ListAcrossOptions } from './armClient';
export { VaultClients, vaultKey, type VaultClientsOptions } from './vaultClients';
export { classifyError } from './errors';
export { withTenant } from './credentials';
export { clientSecurityFor, guardCredential, isLoopbackHost, TokenRefusedError, type ClientSecurity } from './tokenGuard';
export { defaultThrottle, type ThrottleOptions } from './throttle';
export { defaultReliability, isRetrySafe, type ReliabilityOptions, type WaitEvent, type WaitListener } from './reliability';
export { OperationStillRunningError, RequestTimeoutError, WriteOutcomeUnknownError } from './reliabilityErrors';
export { createIdentityCredential } from './identity';
export * as secretOps from './secretOps';
export * as keyOps from './keyOps';
export * as keyCrypto from './keyCrypto';
export * as certificateOps from './certificateOps';
export { ReferenceIndex, type ReferenceStatus } from './referenceLookup';
