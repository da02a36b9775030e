// Expiry decorations and "Expiring Soon…" (registered through the keys feature: src/commands/keys/feature.ts).
import * as vscode from 'vscode';
import type { Services } from '../services';
export { showExpiringSoon } from './showExpiringSoon';

/** The decoration provider, and forgetting scan results when the whole tree is refreshed. */
export function registerExpiry(services: Services): vscode.Disposable[] {
  return [
    vscode.window.registerFileDecorationProvider(services.decorations),
    services.tree.onDidChangeTreeData((node) => {
      if (node === undefined) services.decorations.clearScan();
    }),
  ];
}
