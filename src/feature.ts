import type * as vscode from 'vscode';
import type { CommandHandler } from './commands/wrapper';
import type { Services } from './services';

/**
 * A feature area: its commands (id → handler, each run through the one command wrapper) and whatever else it
 * registers with VS Code (providers, listeners). extension.ts registers every feature and nothing else.
 */
export interface Feature {
  readonly commands: Readonly<Record<string, CommandHandler>>;
  register?(services: Services): vscode.Disposable[];
}
