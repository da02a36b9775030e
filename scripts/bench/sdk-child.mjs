// One fresh process of sdk_first_use_ms (spawned by ./sdk.mjs):
//   node sdk-child.mjs <dist dir>      (NODE_PATH points at the `vscode` stand-in, as for activation)
// The activation bundle is loaded first and not timed (it is loaded by activation, before any first use); then
// times what the default sign-in path (VS Code's own account) needs on its first Azure call: `require` of
// dist/azure-sdk.js (what src/azure/lazy.ts does) and the clients src/auth/azureClients.ts creates from it — an
// ArmClient and VaultClients with a TokenCredential, and the SecretClient of one vault. No request is sent.
// Prints { requireMs, createMs, totalMs, loaded: [bundle files first loaded by that first use] }.
import { createRequire } from 'node:module';
import path from 'node:path';

const dist = path.resolve(process.argv[2]);
const require = createRequire(path.join(dist, 'extension.js'));
let out;
try {
  require('vscode');
  require(path.join(dist, 'extension.js'));
  const before = new Set(Object.keys(require.cache));
  const credential = { getToken: async () => ({ token: 'benchmark', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const cloud = { resourceManagerEndpoint: 'https://management.azure.com', resourceManagerScope: 'https://management.azure.com/.default', keyVaultDnsSuffix: 'vault.azure.net' };
  const t0 = performance.now();
  const sdk = require(path.join(dist, 'azure-sdk.js'));
  const t1 = performance.now();
  const arm = new sdk.ArmClient(credential, cloud, {});
  const vaults = new sdk.VaultClients(credential, cloud, {});
  vaults.secrets('https://benchmark.vault.azure.net');
  const t2 = performance.now();
  void arm;
  const loaded = Object.keys(require.cache).filter((f) => !before.has(f) && f.startsWith(dist + path.sep)).map((f) => path.basename(f)).sort();
  out = { requireMs: t1 - t0, createMs: t2 - t1, totalMs: t2 - t0, loaded };
} catch (error) {
  out = { error: String(error?.stack ?? error).split('\n').slice(0, 4).join(' | ') };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(out.error ? 1 : 0);
