// The one door to the Azure SDKs. `./sdk` is built into its own bundle (dist/azure-sdk.js) and loaded on first
// use, so activation evaluates no @azure/* module. Import SDK *types* anywhere with `import type`.
export type AzureSdk = typeof import('./sdk');

/**
 * Loads the SDK bundle once, with `require` (a CommonJS bundle: `import()` would go through Node's ESM loader, about
 * twice as slow on first use); a failure rejects the promise, as `import()` would.
 */
export function loadAzureSdk(): Promise<AzureSdk> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see above
    resolve(require('./sdk') as AzureSdk);
  });
}
