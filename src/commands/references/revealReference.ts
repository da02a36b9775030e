import * as vscode from 'vscode';
import type { Services } from '../services';
import { kindName } from '../presentation/kindWords';
import { locateReferenced, referencedArg } from './referencedNode';

/** Hover link / quick fix: shows the referenced object (or its pinned version) in the Key Vault view. */
export async function revealReference(services: Services, arg?: unknown): Promise<string> {
  const object = referencedArg(arg);
  const node = await locateReferenced(services, object);
  if (!node) throw new Error(vscode.l10n.t("The {0} \"{1}\" is not in the Key Vault view: refresh the view, or check the subscription filter and the vault's access.", kindName(object.kind), object.name));
  await services.treeView.reveal(node, { select: true, focus: true, expand: false });
  return node.id;
}
