// What Run / Debug / Open Terminal with Key Vault Secrets do once a references file or a launch configuration with
// references is in play — loaded on first use through `require('./handlers')` in ./feature.ts (handed to ./providers.ts)
// (a chunk of its own, dist/commands-run.js: 'run' is among the lazy areas of scripts/build.mjs).
export { UserCancelled } from '../cancelled';
export { openTerminalWithSecrets } from './terminal';
export { resolveDebugConfiguration } from './debug';
export { KeyVaultTaskTerminal, type KeyVaultTaskDefinition } from './task';
