// Export Secrets as References… (issue 21): a vault's secrets as a references file — `.env.keyvault` (kv://), App
// Service settings JSON (@Microsoft.KeyVault(SecretUri=…)) or Bicep parameters (az.getSecret) — written by the
// reference formats' own writers (src/model/bulk/exportText.ts). No value is read: one listing of the vault's secrets
// (names and attributes), the user's pick (all ticked; a certificate's secret and disabled ones flagged: a disabled
// secret's reference fails where it is resolved until it is enabled), a save dialog in the workspace (the file holds
// no secret: it is meant to be committed), then the file.
import * as vscode from 'vscode';
import { exportFileName, referencesExportFormats, referencesText, type ReferencesExportFormat } from '../../model/bulk/exportText';
import { targetOf } from '../../model/referenced';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { exportVault, listSecrets, pickSecrets } from './exportPick';
import { baseName } from './sourceFile';

export interface ExportTarget {
  readonly vault?: VaultTarget;
}

/** What an export wrote (the e2e suite reads it): the file, the format and the secret names. Never a value. */
export interface ReferencesExport {
  readonly file: string;
  readonly format: ReferencesExportFormat;
  readonly names: readonly string[];
}

function formatLabel(format: ReferencesExportFormat): { label: string; detail: string } {
  switch (format) {
    case 'envKeyvault':
      return { label: vscode.l10n.t('.env.keyvault (kv:// references)'), detail: vscode.l10n.t('KEY=kv://vault/name — for Run, Debug and Open Terminal with Key Vault Secrets') };
    case 'appServiceJson':
      return { label: vscode.l10n.t('App Service settings JSON'), detail: vscode.l10n.t('name, value (@Microsoft.KeyVault(SecretUri=…)), slotSetting — for az webapp config appsettings set --settings @file') };
    case 'bicepparam':
      return { label: vscode.l10n.t('Bicep parameters (.bicepparam)'), detail: vscode.l10n.t("param x = az.getSecret('sub', 'rg', 'vault', 'name')") };
  }
}

const filters = (format: ReferencesExportFormat): Record<string, string[]> => {
  switch (format) {
    case 'envKeyvault':
      return { [vscode.l10n.t('Key Vault references')]: ['keyvault'], [vscode.l10n.t('All files')]: ['*'] };
    case 'appServiceJson':
      return { JSON: ['json'] };
    case 'bicepparam':
      return { [vscode.l10n.t('Bicep parameters')]: ['bicepparam'] };
  }
};

export async function exportReferences(services: Services, target: ExportTarget): Promise<ReferencesExport> {
  const vault = await exportVault(services, target.vault, vscode.l10n.t('Export the secrets of which vault as references?'));
  const formats = referencesExportFormats.map((format) => ({ ...formatLabel(format), format }));
  const format = (await services.ui.showQuickPick(formats, { title: vscode.l10n.t('Export the secrets of {0} as references: which format?', vault.name) }))?.format;
  if (!format) throw new UserCancelled();
  const items = await listSecrets(services, vault);
  if (items.length === 0) throw new Error(vscode.l10n.t('{0} holds no secret to export.', vault.name));
  const chosen = await pickSecrets(
    services,
    items,
    vscode.l10n.t('Which secrets of {0}? Their references are written, never their values.', vault.name),
    vscode.l10n.t('A disabled secret\'s reference fails where it is resolved until the secret is enabled'),
  );
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = exportFileName(format, vault.name);
  const uri = await services.ui.showSaveDialog({
    title: vscode.l10n.t('Save the references of {0} secrets of {1}', chosen.length, vault.name),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: filters(format),
  });
  if (!uri) throw new UserCancelled();
  const text = referencesText(format, chosen.map((item) => targetOf(vault, 'secret', item.name)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  services.log.info(`exported ${chosen.length} secret references of ${vault.name} (${format}) to ${baseName(uri)}`);
  const open = vscode.l10n.t('Open');
  services.ui.notify(vscode.l10n.t('Wrote the references of {0} secrets of {1} to {2} (no value in it).', chosen.length, vault.name, baseName(uri)), {
    actions: [{ title: open, run: async () => void (await vscode.window.showTextDocument(uri)) }],
  });
  return { file: uri.toString(), format, names: chosen.map((item) => item.name) };
}
