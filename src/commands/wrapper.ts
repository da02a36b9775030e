import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';

export type CommandHandler = (services: Services, node?: TreeNode, nodes?: readonly TreeNode[]) => unknown;

/** Thrown (or returned as a rejection) when the user dismissed a prompt: ends the command quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled by the user');
  }
}

/**
 * Every command runs through here: cancellation ends quietly, any other failure is logged (message only) and
 * shown to the user exactly once. Handlers never show-and-rethrow.
 */
export async function runCommand(services: Services, id: string, handler: CommandHandler, args: unknown[]): Promise<unknown> {
  const [node, nodes] = args as [TreeNode | undefined, readonly TreeNode[] | undefined];
  try {
    return await handler(services, node, nodes);
  } catch (error) {
    if (error instanceof UserCancelled || error instanceof vscode.CancellationError) {
      services.log.debug(`${id}: cancelled`);
      return undefined;
    }
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`${id} failed: ${message}`);
    void services.ui.showErrorMessage(message);
    return undefined;
  }
}
