// The bulk area's command handlers, built into a bundle of their own (dist/commands-bulk.js) and loaded on the first
// run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { compareVaults } from './compareVaults';
export { convertEnv } from './convertEnv';
export { exportReferences } from './exportReferences';
export { exportValues } from './exportValues';
export { importSecrets } from './importSecrets';
export { syncSecrets } from './syncSecrets';
