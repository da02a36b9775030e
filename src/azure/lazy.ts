// The one door to the Azure SDKs. `./sdk` is built into its own bundle (dist/azure-sdk.js) and loaded on first
// use, so activation evaluates no @azure/* module. Import SDK *types* anywhere with `import type`.
export type AzureSdk = typeof import('./sdk');

export function loadAzureSdk(): Promise<AzureSdk> {
  return import('./sdk');
}
