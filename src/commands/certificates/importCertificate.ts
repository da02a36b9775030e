import * as vscode from 'vscode';
import { pemHasPrivateKey } from '../../azure/certificateParse';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { revealItem, vaultClients, withProgress } from '../items/common';
import { fail, refreshCertificateGroups } from '../keys/common';
import { askName } from '../keys/inputs';
import { resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';

/** PEM when the file is text with a BEGIN line, PFX otherwise (by content, not by extension). */
function formatOf(bytes: Uint8Array): 'pem' | 'pfx' {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1')) ? 'pem' : 'pfx';
}

/**
 * Import a certificate with its private key from a PFX/PKCS#12 (password prompt) or PEM file (private key
 * and certificate(s); a password when the key is encrypted). The password is only sent to the vault.
 */
export async function importCertificate(services: Services, node?: TreeNode): Promise<{ name: string; format: 'pem' | 'pfx'; thumbprint?: string }> {
  const { vault } = await resolveVault(services, node, vscode.l10n.t('Import a certificate: choose the vault'));
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
  const format = formatOf(bytes);
  if (format === 'pem' && !pemHasPrivateKey(Buffer.from(bytes).toString('utf8'))) {
    throw new Error(vscode.l10n.t('This PEM file has no private key: Key Vault imports a certificate together with its key (PRIVATE KEY block, then the certificate). Nothing was sent.'));
  }
  if (bytes.length > 200 * 1024) throw new Error(vscode.l10n.t('The file is larger than 200 KB: not a certificate Key Vault can import. Nothing was sent.'));
  const base = file.path.split('/').pop()?.replace(/\.[^.]+$/, '').replace(/[^0-9a-zA-Z-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 127) ?? '';
  const name = await askName(services, title, vscode.l10n.t('Name of the certificate in the vault'), base || undefined);
  const encrypted = format === 'pem' && /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(Buffer.from(bytes).toString('utf8'));
  let password: string | undefined;
  if (format === 'pfx' || encrypted) {
    password = await services.ui.showInputBox({ title, prompt: format === 'pfx' ? vscode.l10n.t('Password of the PFX file (empty when it has none)') : vscode.l10n.t('Password of the private key (empty when it has none)'), password: true, ignoreFocusOut: true });
    if (password === undefined) throw new UserCancelled();
  }
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let thumbprint: string | undefined;
  try {
    const imported = await withProgress(vscode.l10n.t('Importing {0} into {1}…', name, vault.name), () =>
      sdk.certificateOps.importCertificate(vaults, vault.vaultUrl, { name, bytes, format, ...(password ? { password } : {}) }),
    );
    thumbprint = imported.certificate?.thumbprintSha1;
  } catch (error) {
    fail(error, 'certificate', 'import', vault, name);
  }
  services.log.info(`imported certificate ${name} (${format.toUpperCase()}) into ${vault.name}`);
  await refreshCertificateGroups(services, vault, node);
  await revealItem(services, vault, 'certificate', name);
  services.ui.notify(vscode.l10n.t('Imported certificate {0}', name));
  return { name, format, ...(thumbprint ? { thumbprint } : {}) };
}
