import * as vscode from 'vscode';
import { UserCancelled } from '../commands/wrapper';
import { referenceFormats, type FormatId } from '../references';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';
import { activeEditor, insertReference, type InsertResult } from './insertReference';

/** Like Insert Reference, with the syntax chosen from every one that fits (the file's own first). */
export function insertReferenceAs(services: Services, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<InsertResult> {
  activeEditor();
  return insertReference(services, node, nodes, async (offered: FormatId[]) => {
    const items = offered.map((id, i) => ({
      label: referenceFormats[id].label,
      description: i === 0 ? vscode.l10n.t('fits this file') : undefined,
      detail: referenceFormats[id].detail,
      id,
    }));
    const picked = await services.ui.showQuickPick(items, { title: vscode.l10n.t('Insert the reference as…'), placeHolder: vscode.l10n.t('Reference syntax'), matchOnDetail: true });
    if (!picked) throw new UserCancelled();
    return picked.id;
  });
}
