import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Feature } from './feature';
import { runCommand } from './wrapper';

/** Each command's title as the user sees it (the manifest's, localized by VS Code), without a trailing "…". */
function commandTitles(context: vscode.ExtensionContext): Map<string, string> {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: { command?: unknown; title?: unknown }[] } } | undefined;
  const titles = new Map<string, string>();
  for (const c of manifest?.contributes?.commands ?? []) {
    if (typeof c.command === 'string' && typeof c.title === 'string' && !/^%.*%$/.test(c.title)) titles.set(c.command, c.title.replace(/…$/, ''));
  }
  return titles;
}

/** Registers every feature's commands (each through the one wrapper) and its other registrations. */
export function registerFeatures(services: Services, features: readonly Feature[]): vscode.Disposable[] {
  const titles = commandTitles(services.context);
  const disposables: vscode.Disposable[] = [];
  for (const feature of features) {
    for (const [id, handler] of Object.entries(feature.commands)) {
      const title = titles.get(id) ?? id;
      disposables.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, title, handler, args)));
    }
    disposables.push(...(feature.register?.(services) ?? []));
  }
  return disposables;
}
