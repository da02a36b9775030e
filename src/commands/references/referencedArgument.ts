// The plain-JSON argument of a hover link or quick fix whose kind comes from the argument (Reveal, Enable, Recover):
// checked by shape, since a link in any document can carry one.
import * as vscode from 'vscode';
import { asReferencedObject, type ReferencedObject } from '../../model/referenced';

/** The referenced object a link or quick fix passed, or the message that this command only acts on one. */
export function referencedArgument(given: readonly unknown[]): ReferencedObject {
  const object = asReferencedObject(given[0]);
  if (!object) throw new Error(vscode.l10n.t('This command acts on a Key Vault reference: use it from a reference in the editor (hover, quick fix).'));
  return object;
}
