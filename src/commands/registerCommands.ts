import * as vscode from 'vscode';
import { editorFeature } from '../editor/feature';
import type { Feature } from '../feature';
import type { Services } from '../services';
import { certificatesFeature } from './certificates/feature';
import { coreFeature } from './coreFeature';
import { keysFeature } from './keys/feature';
import { secretsFeature } from './secrets/feature';
import { runCommand } from './wrapper';

export const features: readonly Feature[] = [coreFeature, secretsFeature, keysFeature, certificatesFeature, editorFeature];

/** Registers every feature's commands (through the one wrapper) and its other registrations. */
export function registerFeatures(services: Services): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [];
  for (const feature of features) {
    for (const [id, handler] of Object.entries(feature.commands)) {
      disposables.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, handler, args)));
    }
    disposables.push(...(feature.register?.(services) ?? []));
  }
  return disposables;
}
