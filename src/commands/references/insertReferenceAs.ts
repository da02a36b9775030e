// Insert Reference As…: like Insert Reference, with the syntax chosen from every one that fits (the file's own first).
import * as vscode from 'vscode';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { activeEditor, insertWith, type InsertResult } from './insertReference';
import type { Row } from './pickTargets';

export function insertReferenceAs(services: Services, row: Row | undefined, rows: readonly (Row | undefined)[]): Promise<InsertResult> {
  activeEditor();
  return insertWith(services, row, rows, async (offered) => {
    const { referenceFormats } = await loadReferences();
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
