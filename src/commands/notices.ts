// The buttons of a write's notification (src/platform/ui.ts `showNotice` is the rule): *Reveal* moves to the object's
// row and focuses the view; *Undo* runs the inverse write as its own locked operation.
import * as vscode from 'vscode';
import { itemKey } from '../platform/operations';
import type { NoticeAction } from '../platform/ui';
import type { ItemTarget } from '../model/targets';
import type { Services } from '../services';
import { runOperation } from './wrapper';

/** *Reveal*: the object's row in the Key Vault view, focused. */
export function revealAction(services: Services, item: Pick<ItemTarget, 'vault' | 'kind' | 'name' | 'version'>): NoticeAction {
  return {
    title: vscode.l10n.t('Reveal'),
    run: async () => {
      const id = await services.view.reveal(item, { focus: true });
      if (!id) throw new Error(vscode.l10n.t('"{0}" is not in the Key Vault view: refresh the view, or check the subscription filter.', item.name));
    },
  };
}

/** *Undo*: `undo` as one operation on `item` (locked like any write; stopped by a sign-out). */
export function undoAction(services: Services, item: Pick<ItemTarget, 'vault' | 'kind' | 'name'>, title: string, undo: () => Promise<unknown>): NoticeAction {
  return {
    title: vscode.l10n.t('Undo'),
    run: () => runOperation(services, { title, items: [{ key: itemKey(item.vault.vaultUrl, item.kind, item.name), name: item.name }] }, undo),
  };
}
