// Hover link "Copy value": handed to the secrets area's Copy Value (which clears the clipboard again) as the plain
// JSON of the reference — the editor never sees the value, and never imports the secrets area.
import * as vscode from 'vscode';
import { SecretCommandIds } from '../../model/commandIds';
import { referencedObject } from '../../model/referenced';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';

/** Copies the referenced secret's value (its pinned version, or the current one) through Copy Value. */
export function copyReferencedValue(_services: Services, secret: ItemTarget): Thenable<unknown> {
  return vscode.commands.executeCommand(SecretCommandIds.copyValue, referencedObject(secret.vault, 'secret', secret.name, secret.version));
}
