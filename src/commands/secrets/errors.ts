// Service failures of secret commands shown with a button that fixes them where there is one ("Enable" on a
// disabled secret, "Recover" on a deleted name); the sentences come from explain.ts.
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';
import { explainFailure, isDeletedConflict, type FailureContext } from './explain';

/** What a button in the error message does. */
export interface FailureActions {
  /** Offered on a disabled secret. */
  enable?: () => Promise<unknown>;
  /** Offered on a name that is deleted but recoverable. */
  recover?: () => Promise<unknown>;
}

export { explainFailure, type FailureContext, type SecretOperation } from './explain';

/**
 * Turns a service error into what the user sees: the explanation, with an "Enable" or "Recover" button where
 * that fixes it (shown here, then the command ends quietly), else an Error for the wrapper to show once.
 */
export async function secretFailure(services: Services, error: unknown, ctx: FailureContext, actions: FailureActions = {}): Promise<never> {
  if (error instanceof UserCancelled) throw error;
  const failure = classifyError(error);
  if (failure.kind === 'cancelled') throw new UserCancelled();
  const message = explainFailure(failure, ctx);
  services.log.error(`${ctx.operation} ${ctx.name ?? ''} in ${ctx.vault.name}: ${failure.status ?? ''} ${failure.innerCode ?? failure.code ?? failure.kind}`);
  const deleted = isDeletedConflict(failure);
  const button =
    failure.forbiddenReason === 'disabled' && actions.enable
      ? { label: vscode.l10n.t('Enable'), run: actions.enable }
      : deleted && actions.recover
        ? { label: vscode.l10n.t('Recover'), run: actions.recover }
        : undefined;
  if (!button) throw new Error(message);
  const choice = await services.ui.showErrorMessage(message, button.label);
  if (choice === button.label) await button.run();
  // Already shown with its button: end the command without a second message.
  throw new UserCancelled();
}
