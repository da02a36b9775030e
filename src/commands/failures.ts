// Service failures of every command, shown the same way: the sentence of ./explain, with a button that fixes it
// where there is one ("Enable" on a disabled object, "Recover" on a deleted name), and `request`: the one way a
// command calls the data layer (the lazily loaded SDK module and the vault clients, the operation's abort signal,
// the item lock of a write, a failure explained).
import * as vscode from 'vscode';
import { classifyError } from '../azure/errors';
import { loadAzureSdk, type AzureSdk } from '../azure/lazy';
import type { VaultClients } from '../azure/sdk';
import type { Services } from '../services';
import { itemKey } from '../platform/operations';
import { explainFailure, isDeletedConflict, isWriteOperation, type FailureContext } from './explain';
import { UserCancelled } from './cancelled';
import { showingWaits } from './progress';

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
 * quietly; so does an operation the extension stopped (the wrapper says why).
 */
export async function fail(services: Services, error: unknown, ctx: FailureContext, actions: FailureActions = {}): Promise<never> {
  if (error instanceof UserCancelled) throw error;
  // Stopped by a sign-out (or a cloud change): whatever the call failed with, the wrapper says that, once.
  if (services.operations.current()?.stopReason) throw new UserCancelled();
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

/** What every data-layer call of an operation carries: its signal (Cancel, sign-out). */
export interface CallOptions {
  readonly abortSignal?: AbortSignal;
}

/**
 * One call to the data layer: `call` gets the SDK module (loaded on first use), the vault clients and the options
 * to pass on (the operation's abort signal); a service failure ends the command through `fail` (explained, with its
 * button). A write (create, update, delete…) of a named object first locks it for the operation: while another
 * operation writes it, the call is refused (ItemBusyError, nothing sent). Waits of the data layer show as a
 * countdown (./progress).
 */
export async function request<T>(
  services: Services,
  ctx: FailureContext,
  call: (sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, options: CallOptions) => Promise<T>,
  actions?: FailureActions,
): Promise<T> {
  const operation = services.operations.current();
  if (operation) {
    // Cancelled or stopped meanwhile (at a prompt, say): nothing more is sent.
    if (operation.signal.aborted) throw new UserCancelled();
    operation.addVault(ctx.vault.vaultUrl, ctx.vault.name);
    if (ctx.name && isWriteOperation(ctx.operation)) services.operations.claim(operation, itemKey(ctx.vault.vaultUrl, ctx.kind, ctx.name), ctx.name);
  }
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await showingWaits(operation, () => call(sdk, vaults, ctx.vault.vaultUrl, operation ? { abortSignal: operation.signal } : {}));
  } catch (error) {
    return fail(services, error, ctx, actions);
  }
}
