// The objects a command inserts: the tree selection, or — from the palette — a kind, a vault and an item.
import * as vscode from 'vscode';
import type { ObjectKind } from '../azure/model';
import { resolveItem } from '../commands/targets';
import { UserCancelled } from '../commands/wrapper';
import type { ReferenceTarget } from '../references';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';
import { targetOf, targetsOfRows } from '../model/referenced';

export async function pickTargets(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<ReferenceTarget[]> {
  const selected = targetsOfRows(node, nodes);
  if (selected.length > 0) return selected;
  if (node) throw new Error(vscode.l10n.t('Choose a secret, key or certificate (or one of its versions) in the Key Vault view to insert its reference.'));
  const kinds: { label: string; objectKind: ObjectKind }[] = [
    { label: `$(lock) ${vscode.l10n.t('Secret')}`, objectKind: 'secret' },
    { label: `$(key) ${vscode.l10n.t('Key')}`, objectKind: 'key' },
    { label: `$(verified) ${vscode.l10n.t('Certificate')}`, objectKind: 'certificate' },
  ];
  const kind = await services.ui.showQuickPick(kinds, { title: vscode.l10n.t('Insert a Key Vault reference'), placeHolder: vscode.l10n.t('What does the reference point at?') });
  if (!kind) throw new UserCancelled();
  const item = await resolveItem(services, kind.objectKind);
  return [targetOf(item.vault, item.kind, item.name, item.version)];
}
