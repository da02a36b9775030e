import * as vscode from 'vscode';
import { SecretCommandIds } from '../model/commandIds';
import type { Services } from '../services';
import { kindName } from '../presentation/kindWords';
import { locateReferenced, referencedArg } from './referencedNode';

/**
 * Hover link: copies the referenced secret's value through the secrets area's Copy Value (which clears the
 * clipboard again). The editor never sees the value.
 */
export async function copyReferencedValue(services: Services, arg?: unknown): Promise<unknown> {
  const object = referencedArg(arg);
  if (object.kind !== 'secret') throw new Error(vscode.l10n.t('Only secret values can be copied; "{0}" is a {1}.', object.name, kindName(object.kind)));
  const copy = Object.values(SecretCommandIds as Record<string, string>).find((id) => id === 'azureKeyVault.copySecretValue');
  if (!copy) throw new Error(vscode.l10n.t('Copying secret values is not available in this version.'));
  const node = await locateReferenced(services, object);
  if (!node) throw new Error(vscode.l10n.t("The secret \"{0}\" is not in the Key Vault view: refresh the view, or check the subscription filter and the vault's access.", object.name));
  return vscode.commands.executeCommand(copy, node);
}
