import * as vscode from 'vscode';
import type { Services } from '../services';
import { attachVault } from './attachVault';
import { detachVault } from './detachVault';
import { filterGroup } from './filterGroup';
import { CommandIds, type CommandId } from './ids';
import { loadMore } from './loadMore';
import { refresh } from './refresh';
import { selectSubscriptions } from './selectSubscriptions';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signInToTenant } from './signInToTenant';
import { runCommand, type CommandHandler } from './wrapper';

const handlers: Readonly<Record<CommandId, CommandHandler>> = {
  [CommandIds.signIn]: signIn,
  [CommandIds.signInToTenant]: signInToTenant,
  [CommandIds.selectSubscriptions]: selectSubscriptions,
  [CommandIds.attachVault]: attachVault,
  [CommandIds.detachVault]: detachVault,
  [CommandIds.refresh]: refresh,
  [CommandIds.loadMore]: loadMore,
  [CommandIds.filterGroup]: filterGroup,
  [CommandIds.showLog]: showLog,
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, handler, args)),
  );
}
