import * as vscode from 'vscode';
import { certificateFileFormat, checkCertificateFile } from '../../azure/rules';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { refreshCertificateGroups, revealQuietly } from '../items/common';
import { withProgress } from '../progress';
import { askName, askPassword } from '../prompts';
import { UserCancelled } from '../wrapper';
import { revealAction } from '../notices';

/**
 * Import a certificate with its private key from a PFX/PKCS#12 (password prompt) or PEM file (private key
 * and certificate(s); a password when the key is encrypted). The password is only sent to the vault.
 */
export async function importCertificate(services: Services, vault: VaultTarget): Promise<{ name: string; format: 'pem' | 'pfx'; thumbprint?: string }> {
  const title = vscode.l10n.t('Import a certificate into {0}', vault.name);
  const files = await services.ui.showOpenDialog({
    title,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Certificates with private key')]: ['pfx', 'p12', 'pem', 'crt', 'key'], [vscode.l10n.t('All files')]: ['*'] },
  });
  const file = files?.[0];
  if (!file) throw new UserCancelled();
  const bytes = await vscode.workspace.fs.readFile(file);
  const format = certificateFileFormat(bytes);
  const problem = checkCertificateFile(bytes, format);
  if (problem) throw new Error(problem);
  const base = file.path.split('/').pop()?.replace(/\.[^.]+$/, '').replace(/[^0-9a-zA-Z-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 127) ?? '';
  const name = await askName(services, title, vscode.l10n.t('Name of the certificate in the vault'), base || undefined);
  const encrypted = format === 'pem' && /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(Buffer.from(bytes).toString('utf8'));
  const password =
    format === 'pfx' || encrypted
      ? await askPassword(services, title, format === 'pfx' ? vscode.l10n.t('Password of the PFX file (empty when it has none)') : vscode.l10n.t('Password of the private key (empty when it has none)'))
      : undefined;
  const imported = await request(services, { kind: 'certificate', operation: 'import', vault, name }, (sdk, vaults, url) =>
    withProgress(services, vscode.l10n.t('Importing {0} into {1}…', name, vault.name), (abortSignal) => sdk.certificateOps.importCertificate(vaults, url, { name, bytes, format, ...(password ? { password } : {}) }, { abortSignal })),
  );
  const thumbprint = imported.certificate?.thumbprintSha1;
  services.log.info(`imported certificate ${name} (${format.toUpperCase()}) into ${vault.name}`);
  refreshCertificateGroups(services, vault);
  await revealQuietly(services, { vault, kind: 'certificate', name });
  services.ui.notify(vscode.l10n.t('Imported certificate {0}', name), { actions: [revealAction(services, { vault, kind: 'certificate', name })] });
  return { name, format, ...(thumbprint ? { thumbprint } : {}) };
}
