import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Feature } from './feature';
import { runCommand } from './wrapper';

/** Registers every feature's commands (each through the one wrapper) and its other registrations. */
export function registerFeatures(services: Services, features: readonly Feature[]): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [];
  for (const feature of features) {
    for (const [id, handler] of Object.entries(feature.commands)) {
      disposables.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, handler, args)));
    }
    disposables.push(...(feature.register?.(services) ?? []));
  }
  return disposables;
}
