import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/**
 * The explicit sign-in action: VS Code's own Microsoft sign-in (or a check of the configured credential). It always
 * says who is signed in — also when the user already was (the walkthrough's first step runs it), never silently.
 */
export async function signIn(services: Services): Promise<void> {
  const before = await services.session.account().catch(() => undefined);
  let account: { label: string };
  try {
    account = await services.session.signIn();
    services.log.info(`signed in as ${account.label}`);
  } catch (error) {
    // VS Code's words when the user closes its sign-in prompt.
    if (error instanceof Error && /did not consent|cancel/i.test(error.message)) throw new UserCancelled();
    throw error;
  }
  services.view.refreshAll();
  services.ui.notify(before ? vscode.l10n.t('Already signed in to Azure as {0}.', account.label) : vscode.l10n.t('Signed in to Azure as {0}.', account.label));
}
