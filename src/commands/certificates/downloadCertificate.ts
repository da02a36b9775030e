import * as vscode from 'vscode';
import { derToPem, thumbprint } from '../../azure/certificateParse';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label, vaultClients } from '../items/common';
import { fail } from '../keys/common';
import { resolveItem } from '../targets';
import { UserCancelled } from '../wrapper';

/** Where to save: a dialog starting in the workspace folder with a suggested file name. */
export async function askSaveFile(services: Services, title: string, fileName: string, filters: Record<string, string[]>): Promise<vscode.Uri> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await services.ui.showSaveDialog({ title, ...(base ? { defaultUri: vscode.Uri.joinPath(base, fileName) } : {}), filters });
  if (!uri) throw new UserCancelled();
  return uri;
}

/**
 * Download the PUBLIC certificate (no private key) as CER (DER) or PEM, written where the user picks. Read
 * from the certificate itself (one GET), never through its secret. Returns the file and its SHA-1 thumbprint.
 */
export async function downloadCertificate(services: Services, node?: TreeNode): Promise<{ file: string; format: 'cer' | 'pem'; thumbprint: string }> {
  const target = await resolveItem(services, 'certificate', node);
  const format = await services.ui.showQuickPick(
    [
      { label: 'CER', description: vscode.l10n.t('DER binary (.cer): Windows, Java keytool, most servers'), format: 'cer' as const },
      { label: 'PEM', description: vscode.l10n.t('Base64 text (.pem / .crt): openssl, nginx, node'), format: 'pem' as const },
    ],
    { title: vscode.l10n.t('Download the public certificate {0}', label(target)), placeHolder: vscode.l10n.t('Format (public certificate only, no private key)') },
  );
  if (!format) throw new UserCancelled();
  const uri = await askSaveFile(
    services,
    vscode.l10n.t('Save the certificate {0}', label(target)),
    `${target.name}.${format.format === 'cer' ? 'cer' : 'pem'}`,
    format.format === 'cer' ? { [vscode.l10n.t('DER certificate')]: ['cer', 'der'] } : { [vscode.l10n.t('PEM certificate')]: ['pem', 'crt'] },
  );
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let der: Uint8Array;
  try {
    der = await sdk.certificateOps.downloadPublic(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    if (error instanceof Error && /no issued certificate/.test(error.message)) throw error;
    fail(error, 'certificate', 'read', target.vault, target.name);
  }
  await vscode.workspace.fs.writeFile(uri, format.format === 'cer' ? der : Buffer.from(derToPem(der), 'utf8'));
  services.log.info(`downloaded the public certificate ${label(target)} (${format.label})`);
  services.ui.notify(vscode.l10n.t('Saved the certificate {0} ({1})', target.name, format.label));
  return { file: uri.toString(), format: format.format, thumbprint: thumbprint(der, 'sha1') };
}
