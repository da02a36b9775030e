import * as vscode from 'vscode';
import { accessReportMarkdown, type VaultAccess } from '../../model/access';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';

/**
 * Show My Access: asks ARM again (the access check: up to 2 calls) and opens the report — who you are, the permission
 * model, what you may do per kind, the roles or policy that say so, the network, and what to ask for. Returns it.
 */
export async function showMyAccess(services: Services, vault: VaultTarget): Promise<VaultAccess> {
  const access = await services.access.check(vault, { refresh: true });
  const report = accessReportMarkdown({ name: vault.name, vaultUrl: vault.vaultUrl, ...(vault.info ? { resourceId: vault.info.id } : {}) }, access);
  await services.documents.showReadOnly(`/${vault.name}/access/${vscode.l10n.t('My access to {0}', vault.name)}.md`, report, 'markdown');
  return access;
}
