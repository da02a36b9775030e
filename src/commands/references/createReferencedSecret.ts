// Quick fix "Create": the missing secret a reference names, with a value typed (masked) by the user. Kept here
// rather than sent to the secrets area's Create Secret: the name and vault are given, the only question is the value.
import * as vscode from 'vscode';
import { checkSecretValue } from '../../azure/rules';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { runFix } from './fixProgress';

/** Key Vault's limit on a secret value (UTF-8 bytes). */
export const maxSecretBytes = 25 * 1024;

/** Quick fix: creates the missing secret a reference names, with a value typed (masked) by the user. */
export async function createReferencedSecret(services: Services, secret: ItemTarget): Promise<void> {
  const { vault, name } = secret;
  const value = await services.ui.showInputBox({
    title: vscode.l10n.t('Create secret "{0}" in {1}', name, vault.name),
    prompt: vscode.l10n.t('The value is stored in Key Vault only: it is not written to this file, to settings or to the log.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => checkSecretValue(v),
  });
  if (value === undefined) throw new UserCancelled();
  const problem = checkSecretValue(value);
  if (problem) throw new Error(problem);
  const ctx = { kind: 'secret', operation: 'create', vault, name } as const;
  await runFix(services, vscode.l10n.t('Creating secret {0} in {1}', name, vault.name), ctx, (sdk, vaults, vaultUrl, options) => sdk.secretOps.setSecret(vaults, vaultUrl, name, value, {}, options));
  services.log.info(`created secret ${name} in ${vault.name} (quick fix)`);
  services.view.refreshGroupAndAllDeleted(vault, 'secret');
}
