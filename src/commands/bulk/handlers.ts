// The bulk area's command handlers, built into a bundle of their own (dist/commands-bulk.js) and loaded on the first
// run of one of them: see src/commands/lazy.ts. feature.ts registers them by name.
export { UserCancelled } from '../cancelled';
export { convertEnv } from './convertEnv';
export { importSecrets } from './importSecrets';
