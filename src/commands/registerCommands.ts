import * as vscode from 'vscode';
import type { Services } from '../services';
import { attachVault } from './attachVault';
import { detachVault } from './detachVault';
import { CommandIds, type CommandId } from './ids';
import { refresh } from './refresh';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { runCommand, type CommandHandler } from './wrapper';

const handlers: Readonly<Record<CommandId, CommandHandler>> = {
  [CommandIds.signIn]: signIn,
  [CommandIds.attachVault]: attachVault,
  [CommandIds.detachVault]: detachVault,
  [CommandIds.refresh]: refresh,
  [CommandIds.showLog]: showLog,
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, handler, args)),
  );
}
