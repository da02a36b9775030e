import * as vscode from 'vscode';
import { checkNamePrefix } from '../../azure/rules';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { UserCancelled } from '../wrapper';

/** Filter… on Secrets / Keys / Certificates: shows only names starting with a prefix (empty clears it). */
export async function filterGroup(services: Services, node: TreeNode | undefined): Promise<void> {
  const filter = node && services.view.filterOf(node);
  if (!node || !filter) throw new Error(vscode.l10n.t('Use Filter… on the Secrets, Keys or Certificates of a vault.'));
  const prefix = await services.ui.showInputBox({
    title: vscode.l10n.t('Filter by name prefix'),
    prompt: vscode.l10n.t('Only names starting with this text are shown (case-insensitive). Leave empty to show all.'),
    value: filter.current ?? '',
    validateInput: (v) => checkNamePrefix(v),
  });
  if (prefix === undefined) throw new UserCancelled();
  services.view.setFilter(node, prefix);
}
