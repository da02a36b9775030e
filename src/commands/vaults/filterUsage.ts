// Show Only Referenced / Show Unreferenced on a vault's Secrets, Keys or Certificates: rows filtered by the
// workspace index's usage counts (unreferenced objects are candidates to clean up). Combines with the name filter;
// the same command again turns it off, as does clearing Filter by Name….
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { UsageFilter } from '../../tree/VaultView';

async function setUsageFilter(services: Services, node: TreeNode | undefined, wanted: UsageFilter): Promise<void> {
  const current = node ? services.view.usageFilterOf(node) : null;
  if (!node || current === null) throw new Error(vscode.l10n.t('Use this filter on the Secrets, Keys or Certificates of a vault.'));
  const index = services.workspaceReferences;
  // Starts the index if need be; off or untrusted says why (the filter would have nothing to go by). While it
  // builds, the view shows its progress bar and the status bar says what is awaited.
  if (index.state !== 'ready') {
    await vscode.window.withProgress({ location: { viewId: 'azureKeyVault.vaults' }, title: vscode.l10n.t('Finding Key Vault references in the workspace') }, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Finding Key Vault references in the workspace') }, () => index.ready()),
    );
  }
  services.view.setUsageFilter(node, current === wanted ? undefined : wanted);
}

/** Show Only Referenced (again: off). */
export function filterReferenced(services: Services, node: TreeNode | undefined): Promise<void> {
  return setUsageFilter(services, node, 'referenced');
}

/** Show Unreferenced (again: off). */
export function filterUnreferenced(services: Services, node: TreeNode | undefined): Promise<void> {
  return setUsageFilter(services, node, 'unreferenced');
}
