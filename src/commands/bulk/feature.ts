// Bulk work on a vault's secrets (issue 21; Convert .env of issue 20): Import Secrets into Vault… from a .env, JSON or
// YAML file, and Convert .env to Key Vault References…. Both run the engine of ./engine.ts (plan → preview →
// confirm → write → report); the handlers load on first run (dist/commands-bulk.js). Compare Vaults… and Sync Secrets
// to Another Vault… compare two vaults (a report; the sync writes through the same engine). Export Secrets as
// References… and Export Secret Values… write a vault's secrets to a file (./exportReferences.ts, ./exportValues.ts).
import * as vscode from 'vscode';
import { BulkCommandIds, type CommandId } from '../../model/commandIds';
import type { VaultTarget } from '../../model/targets';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { vault } from '../targets';
import { syncTarget, type SyncTarget } from './syncTarget';
import { bulkTarget, type BulkTarget } from './targets';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const run = lazyHandlers(() => require('./handlers') as typeof import('./handlers'));

const commands: Readonly<Record<CommandId<typeof BulkCommandIds>, Command<BulkTarget> | Command<VaultTarget> | Command<SyncTarget>>> = {
  [BulkCommandIds.importSecrets]: command(bulkTarget(), run('importSecrets')),
  [BulkCommandIds.convertEnv]: command(bulkTarget(), run('convertEnv')),
  [BulkCommandIds.compareVaults]: command(vault(() => vscode.l10n.t('Compare vaults: choose the first vault')), run('compareVaults')),
  [BulkCommandIds.syncSecrets]: command(syncTarget(), run('syncSecrets')),
  [BulkCommandIds.exportReferences]: command(bulkTarget(), run('exportReferences')),
  [BulkCommandIds.exportValues]: command(bulkTarget(), run('exportValues')),
};

export const bulkFeature: Feature = { commands };
