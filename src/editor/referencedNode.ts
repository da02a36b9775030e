// The tree node a hover link or quick fix is about (found by walking the tree, loading pages as needed), and
// the refresh after a fix changed the object.
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import type { Services } from '../services';
import { DeletedGroupNode } from '../tree/DeletedGroupNode';
import type { ItemNode } from '../tree/ItemNode';
import { ItemGroupNode } from '../tree/ItemGroupNode';
import { locateItem, locateVault } from '../tree/locate';
import type { TreeNode } from '../tree/TreeNode';
import type { VaultTarget } from '../model/targets';
import { VersionNode } from '../tree/VersionNode';
import { asReferencedObject, type ReferencedObject } from '../model/referenced';

export function referencedArg(arg: unknown): ReferencedObject {
  const object = asReferencedObject(arg);
  if (!object) throw new Error(vscode.l10n.t('This command acts on a Key Vault reference: use it from a reference in the editor (hover, quick fix).'));
  return object;
}

export function vaultTargetOf(object: ReferencedObject): VaultTarget {
  return { name: object.vaultName, vaultUrl: object.vaultUrl, ...(object.info ? { info: object.info } : {}) };
}

/** The item (or pinned version) node of the object, or undefined when the tree cannot show it. */
export async function locateReferenced(services: Services, object: ReferencedObject): Promise<ItemNode | VersionNode | undefined> {
  const item = await locateItem(services.tree, vaultTargetOf(object), object.kind, object.name);
  if (!item || !object.version) return item;
  const versions = await services.tree.getChildren(item);
  return versions.find((v): v is VersionNode => v instanceof VersionNode && v.version.version?.toLowerCase() === object.version?.toLowerCase()) ?? item;
}

/** Refreshes the vault's group of that kind and its Deleted group (where a fix moved the object). */
export async function refreshReferencedVault(services: Services, object: ReferencedObject, kind: ObjectKind = object.kind): Promise<void> {
  const vaultNode = await locateVault(services.tree, vaultTargetOf(object)).catch(() => undefined);
  if (!vaultNode) {
    services.tree.refresh();
    return;
  }
  const groups: TreeNode[] = vaultNode.getChildren().filter((g) => (g instanceof ItemGroupNode && g.kind === kind) || g instanceof DeletedGroupNode);
  for (const group of groups) services.tree.refresh(group);
}
