import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Command } from './feature';
import { UserCancelled } from './cancelled';

export { UserCancelled } from './cancelled';

/**
 * Every command runs through here: its target is resolved once (row, link argument or palette pick), cancellation
 * ends quietly, any other failure is logged (message only) and shown to the user exactly once. Handlers never
 * show-and-rethrow.
 */
export async function runCommand<T>(services: Services, id: string, command: Command<T>, args: unknown[]): Promise<unknown> {
  try {
    const { target, selection } = await command.target.resolve(services, args);
    return await command.run(services, target, selection);
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
