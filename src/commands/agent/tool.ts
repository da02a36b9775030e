// What one agent tool is: its input check, what it says before it runs (and, for a write, the confirmation the user
// answers) and what it does. Every answer is text for the model: names, ids, metadata and references — never a value.
import type * as vscode from 'vscode';
import type { Services } from '../../services';

/** What a write asks the user before anything is sent (in chat: VS Code's confirmation; elsewhere: a modal). */
export interface Confirmation {
  readonly title: string;
  readonly message: string;
  /** The modal's button outside a chat (Create, Rotate, Delete…). */
  readonly action: string;
}

/** Before the tool runs: the progress line, and for a write its confirmation. */
export interface Prepared {
  readonly invocationMessage: string;
  readonly confirmation?: Confirmation;
}

export interface AgentTool<I> {
  /** The model's input, checked (a ToolRefusal says what is wrong; nothing runs). */
  parse(raw: unknown): I;
  /** Reads only what is needed to say what will happen (no request for the read-only tools). */
  prepare(services: Services, input: I): Promise<Prepared> | Prepared;
  /** Does it; resolves with the lines of the answer. */
  run(services: Services, input: I, token: vscode.CancellationToken): Promise<string[]>;
}

/** Declares a tool (keeps the input type between parse, prepare and run). */
export function tool<I>(spec: AgentTool<I>): AgentTool<I> {
  return spec;
}
