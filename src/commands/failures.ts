// Service failures of every command, shown the same way: the sentence of ./explain, with a button that fixes it
// where there is one ("Enable" on a disabled object, "Recover" on a deleted name), and `request`: the one way a
// command calls the data layer (the lazily loaded SDK module and the vault clients, a failure explained).
import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import { loadAzureSdk, type AzureSdk } from '../azure/lazy';
import type { VaultClients } from '../azure/sdk';
import type { Services } from '../services';
import { explainFailure, isDeletedConflict, type FailureContext } from './explain';
import { UserCancelled } from './cancelled';

export { explainFailure, isDeletedConflict, type FailureContext, type Operation } from './explain';

/** What a button in the error message does. */
export interface FailureActions {
  /** Offered on a disabled object. */
  readonly enable?: () => Promise<unknown>;
  /** Offered on a name that is deleted but recoverable. */
  readonly recover?: () => Promise<unknown>;
}

/**
 * Ends the command with a service failure: the explanation, with an "Enable" or "Recover" button where that fixes
 * it (shown here, then the command ends quietly), else an Error for the wrapper to show once. Cancellation ends
 * quietly.
 */
export async function fail(services: Services, error: unknown, ctx: FailureContext, actions: FailureActions = {}): Promise<never> {
  if (error instanceof UserCancelled) throw error;
  const failure = classifyError(error);
  if (failure.kind === 'cancelled') throw new UserCancelled();
  const message = explainFailure(failure, ctx);
  services.log.error(`${ctx.operation} ${ctx.kind} ${ctx.name ?? ''} in ${ctx.vault.name}: ${failure.status ?? ''} ${failure.innerCode ?? failure.code ?? failure.kind}`);
  const button =
    failure.forbiddenReason === 'disabled' && actions.enable
      ? { label: vscode.l10n.t('Enable'), run: actions.enable }
      : isDeletedConflict(failure) && actions.recover
        ? { label: vscode.l10n.t('Recover'), run: actions.recover }
        : undefined;
  if (!button) throw new Error(message);
  const choice = await services.ui.showErrorMessage(message, button.label);
  if (choice === button.label) await button.run();
  // Already shown with its button: end the command without a second message.
  throw new UserCancelled();
}

/** The vault clients (one per vault, reused). */
export async function vaultClients(services: Services): Promise<VaultClients> {
  return (await services.clients.get()).vaults;
}

/**
 * One call to the data layer: `call` gets the SDK module (loaded on first use) and the vault clients; a service
 * failure ends the command through `fail` (explained, with its button).
 */
export async function request<T>(services: Services, ctx: FailureContext, call: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string) => Promise<T>, actions?: FailureActions): Promise<T> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await call(sdk, vaults, ctx.vault.vaultUrl);
  } catch (error) {
    return fail(services, error, ctx, actions);
  }
}
