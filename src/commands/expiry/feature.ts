// Expiry across every kind: the decorations of the vaults view (expired, expiring, disabled, not yet active, rolled
// up onto groups and vaults) and "Show Expiring Soon…".
import * as vscode from 'vscode';
import { ExpiryCommandIds, type CommandId } from '../../model/commandIds';
import type { Services } from '../../services';
import { command, type Command, type Feature } from '../feature';
import { args } from '../targets';
import { showExpiringSoon } from './showExpiringSoon';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
const commands: Readonly<Record<CommandId<typeof ExpiryCommandIds>, Command<any>>> = {
  [ExpiryCommandIds.showExpiringSoon]: command(args(), showExpiringSoon),
};

/** The decoration provider (a refresh forgets no roll-up: each stays until its group lists again). */
function register(services: Services): vscode.Disposable[] {
  return [vscode.window.registerFileDecorationProvider(services.decorations)];
}

export const expiryFeature: Feature = { commands, register };
