import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../wrapper';

/** Signs in to one directory (MFA, conditional access, guest): from the tenant's "Sign in to …" row, whose argument is the tenant id. */
export async function signInToTenant(services: Services, args: readonly unknown[]): Promise<void> {
  const tenantId = typeof args[0] === 'string' ? args[0] : undefined;
  if (!tenantId) throw new Error(vscode.l10n.t('Choose the "Sign in to …" entry of the directory in the Key Vault view.'));
  try {
    await services.session.signIn(tenantId);
  } catch (error) {
    if (error instanceof Error && /did not consent|cancel/i.test(error.message)) throw new UserCancelled();
    throw error;
  }
  services.clients.reset();
  services.view.refreshAll();
}
