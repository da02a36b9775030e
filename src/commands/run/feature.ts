// Run, debug and open terminals with secrets resolved from Key Vault (issue 20): references in env files
// (`.env.keyvault`) and launch configurations are read from the user's vaults in memory when a run starts, and go
// to that process's environment only. Registers the Open Terminal command, the debug configuration provider of
// every debug type and the `keyvault` task type; their bodies load on first use (./handlers).
import * as vscode from 'vscode';
import { RunCommandIds, type CommandId } from '../../model/commandIds';
import type { Services } from '../../services';
import { command, type Command, type Feature } from '../feature';
import { lazyHandlers } from '../lazy';
import { args } from '../targets';
import { KeyVaultDebugEnv, KeyVaultTasks, type RunHandlers } from './providers';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const load = (): RunHandlers => require('./handlers') as RunHandlers;
const run = lazyHandlers(load);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
const commands: Readonly<Record<CommandId<typeof RunCommandIds>, Command<any>>> = {
  [RunCommandIds.openTerminal]: command(args(), run('openTerminalWithSecrets')),
};

function register(services: Services): vscode.Disposable[] {
  return [
    // '*': every debug type; the provider returns a configuration without references unchanged, at no cost.
    vscode.debug.registerDebugConfigurationProvider('*', new KeyVaultDebugEnv(services, load)),
    vscode.tasks.registerTaskProvider('keyvault', new KeyVaultTasks(services, load)),
  ];
}

/** Run, debug and terminals with Key Vault secrets. */
export const runFeature: Feature = { commands, register };
