// Bulk work on a vault's secrets (issue 21; Convert .env of issue 20): Import Secrets into Vault… from a .env, JSON or
// YAML file, and Convert .env to Key Vault References…. Both run the engine of ./engine.ts (plan → preview →
// confirm → write → report); the handlers load on first run (dist/commands-bulk.js).
import { BulkCommandIds, type CommandId } from '../../model/commandIds';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { bulkTarget, type BulkTarget } from './targets';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

const commands: Readonly<Record<CommandId<typeof BulkCommandIds>, Command<BulkTarget>>> = {
  [BulkCommandIds.importSecrets]: command(bulkTarget(), run('importSecrets')),
  [BulkCommandIds.convertEnv]: command(bulkTarget(), run('convertEnv')),
};

export const bulkFeature: Feature = { commands };
