// Expiry across every kind: the decorations of the vaults view (expired, expiring, disabled, not yet active, rolled
// up onto groups and vaults) and "Show Expiring Soon…".
import * as vscode from 'vscode';
import { ExpiryCommandIds, type CommandId } from '../../model/commandIds';
import type { Services } from '../../services';
import type { Feature } from '../feature';
import type { CommandHandler } from '../wrapper';
import { showExpiringSoon } from './showExpiringSoon';

const commands: Readonly<Record<CommandId<typeof ExpiryCommandIds>, CommandHandler>> = {
  [ExpiryCommandIds.showExpiringSoon]: showExpiringSoon,
};

/** The decoration provider, and forgetting scan results when the whole tree is refreshed. */
function register(services: Services): vscode.Disposable[] {
  return [
    vscode.window.registerFileDecorationProvider(services.decorations),
    services.tree.onDidChangeTreeData((node) => {
      if (node === undefined) services.decorations.clearScan();
    }),
  ];
}

export const expiryFeature: Feature = { commands, register };
