// Quick fix "Create": the missing secret a reference names, with a value typed (masked) by the user. Kept here
// rather than sent to the secrets area's Create Secret: the name and vault are given, the only question is the value.
import * as vscode from 'vscode';
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
    validateInput: (v) =>
      v.length === 0 ? vscode.l10n.t('Enter the value of the secret.') : Buffer.byteLength(v, 'utf8') > maxSecretBytes ? vscode.l10n.t('Key Vault accepts at most 25 KB per secret value.') : undefined,
  });
  if (value === undefined) throw new UserCancelled();
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > maxSecretBytes) throw new Error(vscode.l10n.t('A secret value must hold between 1 byte and 25 KB.'));
  const ctx = { kind: 'secret', operation: 'create', vault, name } as const;
  await runFix(services, vscode.l10n.t('Creating secret {0} in {1}', name, vault.name), ctx, (sdk, vaults, vaultUrl) => sdk.secretOps.setSecret(vaults, vaultUrl, name, value));
  services.log.info(`created secret ${name} in ${vault.name} (quick fix)`);
  services.view.refreshGroupAndAllDeleted(vault, 'secret');
}
