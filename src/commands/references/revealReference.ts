// Hover link / quick fix / Ctrl+click "Reveal": selects the referenced object (or its pinned version) in the vaults
// view, loading the pages on the way, and moves the focus there (the user asked to go to it).
import * as vscode from 'vscode';
import { itemOfReferenced } from '../../model/referenced';
import { kindName } from '../../model/kindWords';
import type { Services } from '../../services';
import { referencedArgument } from './referencedArgument';

/** Shows the referenced object in the Key Vault view; returns its row's id. */
export async function revealReference(services: Services, given: readonly unknown[]): Promise<string> {
  const object = referencedArgument(given);
  const item = itemOfReferenced(object);
  // From a link the user wants to be there: the view takes the focus.
  const id = await services.view.reveal(item, { focus: true });
  if (!id) throw new Error(vscode.l10n.t("The {0} \"{1}\" is not in the Key Vault view: refresh the view, or check the subscription filter and the vault's access.", kindName(object.kind), object.name));
  return id;
}
