// The objects an insert command writes references to: the rows selected in the view, or — from the palette — a
// kind, then a vault and an item (the item spec's palette picks).
import * as vscode from 'vscode';
import type { ObjectKind } from '../../azure/model';
import { referenceTargetOfItem, targetsOfRows } from '../../model/referenced';
import type { NodeTarget } from '../../model/targets';
import type { ReferenceTarget } from '../../references';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { item } from '../targets';

/** A row of the vaults view, as far as inserting cares: what it stands for. */
export interface Row {
  readonly target?: NodeTarget;
}

export async function pickTargets(services: Services, row: Row | undefined, rows: readonly (Row | undefined)[]): Promise<ReferenceTarget[]> {
  const selected = targetsOfRows(row, rows.filter((r): r is Row => r !== undefined));
  if (selected.length > 0) return selected;
  if (row) throw new Error(vscode.l10n.t('Choose a secret, key or certificate (or one of its versions) in the Key Vault view to insert its reference.'));
  const kinds: { label: string; objectKind: ObjectKind }[] = [
    { label: `$(lock) ${vscode.l10n.t('Secret')}`, objectKind: 'secret' },
    { label: `$(key) ${vscode.l10n.t('Key')}`, objectKind: 'key' },
    { label: `$(verified) ${vscode.l10n.t('Certificate')}`, objectKind: 'certificate' },
  ];
  const kind = await services.ui.showQuickPick(kinds, { title: vscode.l10n.t('Insert a Key Vault reference'), placeHolder: vscode.l10n.t('What does the reference point at?') });
  if (!kind) throw new UserCancelled();
  const { target } = await item(kind.objectKind).resolve(services, []);
  return [referenceTargetOfItem(target)];
}
