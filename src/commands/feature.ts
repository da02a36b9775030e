import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { TargetSpec } from './targets';

/** A command: what it acts on (resolved once by the wrapper from a row, a link or a palette pick) and what it does. */
export interface Command<T> {
  readonly target: TargetSpec<T>;
  /** `target`: what the command acts on; `selection`: every selected target of the same sort (multi-select), target first. */
  run(services: Services, target: T, selection: readonly T[]): unknown;
  /**
   * It changes the objects it acts on: the wrapper locks them (the target and the selection, when they are
   * objects) for the command's whole run, so a second write on one of them is refused before it asks anything.
   * Objects named later (a create's new name) are locked by `request` when the write is sent.
   */
  readonly writes?: boolean;
}

export interface CommandOptions {
  /** See `Command.writes`. */
  readonly writes?: boolean;
}

/** Declares a command: `command(item('secret'), copyValue)`, `command(item('key'), rotateKey, { writes: true })`. */
export function command<T>(target: TargetSpec<T>, run: (services: Services, target: T, selection: readonly T[]) => unknown, options: CommandOptions = {}): Command<T> {
  return { target, run, ...(options.writes ? { writes: true } : {}) };
}

/**
 * A feature area: its commands (id → command, each run through the one command wrapper) and whatever else it
 * registers with VS Code (providers, listeners). src/extension.ts lists the features and registers them.
 */
export interface Feature {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own target type
  readonly commands: Readonly<Record<string, Command<any>>>;
  register?(services: Services): vscode.Disposable[];
}
