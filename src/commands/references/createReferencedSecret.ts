import * as vscode from 'vscode';
import { UserCancelled } from '../commands/wrapper';
import type { Services } from '../services';
import { kindName } from '../presentation/kindWords';
import { runFix } from './fixProgress';
import { referencedArg, refreshReferencedVault } from './referencedNode';

/** Key Vault's limit on a secret value (UTF-8 bytes). */
export const maxSecretBytes = 25 * 1024;

/** Quick fix: creates the missing secret a reference names, with a value typed (masked) by the user. */
export async function createReferencedSecret(services: Services, arg?: unknown): Promise<void> {
  const object = referencedArg(arg);
  if (object.kind !== 'secret') throw new Error(vscode.l10n.t('Only missing secrets can be created from a reference; "{0}" is a {1}.', object.name, kindName(object.kind)));
  const value = await services.ui.showInputBox({
    title: vscode.l10n.t('Create secret "{0}" in {1}', object.name, object.vaultName),
    prompt: vscode.l10n.t('The value is stored in Key Vault only: it is not written to this file, to settings or to the log.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.length === 0 ? vscode.l10n.t('Enter the value of the secret.') : Buffer.byteLength(v, 'utf8') > maxSecretBytes ? vscode.l10n.t('Key Vault accepts at most 25 KB per secret value.') : undefined,
  });
  if (value === undefined) throw new UserCancelled();
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > maxSecretBytes) throw new Error(vscode.l10n.t('A secret value must hold between 1 byte and 25 KB.'));
  await runFix(services, vscode.l10n.t('Creating secret {0} in {1}', object.name, object.vaultName), (sdk, vaults) => sdk.secretOps.setSecret(vaults, object.vaultUrl, object.name, value));
  services.log.info(`created secret ${object.name} in ${object.vaultName} (quick fix)`);
  await refreshReferencedVault(services, object, 'secret');
}
