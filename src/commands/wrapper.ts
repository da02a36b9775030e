import * as vscode from 'vscode';
import { itemKey, type Operation, type OperationSpec } from '../platform/operations';
import type { Services } from '../services';
import type { Command } from './feature';
import { UserCancelled } from './cancelled';
import { stoppedMessage } from './explain';
import { refusal, showRefusal } from './accessGate';
import { placeOf } from '../model/targets';

export { UserCancelled } from './cancelled';

/** An object target (secret, key or certificate; a version or a deleted one too). */
function objectOf(target: unknown): { key: string; name: string } | undefined {
  const place = placeOf(target);
  return place?.kind && place.name ? { key: itemKey(place.vault.vaultUrl, place.kind, place.name), name: place.name } : undefined;
}

/**
 * Every command runs through here, as one operation (src/platform/operations.ts): its target is resolved once (row,
 * link argument or palette pick); a command that writes locks the objects it acts on first (a second write on one
 * of them is refused with "… is busy"); cancellation ends quietly; an operation the extension stopped (sign-out)
 * says so once; any other failure is logged (message only) and shown to the user exactly once. Handlers never
 * show-and-rethrow.
 */
export async function runCommand<T>(services: Services, id: string, title: string, command: Command<T>, args: unknown[]): Promise<unknown> {
  let running: Operation | undefined;
  try {
    return await services.operations.run({ title }, async (operation) => {
      running = operation;
      const { target, selection } = await command.target.resolve(services, args);
      const refused = refusal(services, id, target);
      if (refused) {
        services.log.info(`${id}: not run, the access check refuses it in ${refused.vault.name}`);
        showRefusal(services, title, refused);
        return undefined;
      }
      if (command.writes) {
        for (const object of [target, ...selection].map(objectOf)) if (object) services.operations.claim(operation, object.key, object.name);
      }
      return await command.run(services, target, selection);
    });
  } catch (error) {
    const stopped = running?.stopReason;
    if (stopped) {
      services.log.warn(`${id}: stopped (${stopped})`);
      void services.ui.showErrorMessage(stoppedMessage(title, stopped));
      return undefined;
    }
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

/**
 * Runs `task` as one operation outside any command (an editor's save): its objects locked (busy → an ItemBusyError
 * saying so), stopped by a sign-out — then it fails with the sentence that says so, for the caller to show once.
 */
export async function runOperation<T>(services: Services, spec: OperationSpec, task: (operation: Operation) => Promise<T>): Promise<T> {
  let running: Operation | undefined;
  try {
    return await services.operations.run(spec, (operation) => {
      running = operation;
      return task(operation);
    });
  } catch (error) {
    const stopped = running?.stopReason;
    if (stopped) throw new Error(stoppedMessage(spec.title, stopped));
    throw error;
  }
}
