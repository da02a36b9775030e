import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label } from '../items/common';
import { request } from '../keys/common';
import { UserCancelled } from '../wrapper';
import { askSaveFile } from './downloadCertificate';
import { certificateWithPolicy } from './readPolicy';

/**
 * Download the certificate WITH its private key (PFX or PEM, as the vault stores it), through the secret of
 * the same name: refused before reading any secret when the certificate is not exportable, and only after a
 * warning. The bytes go to the file the user picked and nowhere else (never a log, never an editor).
 */
export async function downloadCertificateWithKey(services: Services, node?: TreeNode): Promise<{ file: string; contentType: string }> {
  const { target, policy } = await certificateWithPolicy(services, node);
  if (policy.exportable === false) {
    throw new Error(vscode.l10n.t('The certificate "{0}" is not exportable: its private key cannot leave {1}. Download the public certificate instead, or use the key in the vault.', target.name, target.vault.name));
  }
  const pem = policy.contentType === 'application/x-pem-file';
  const action = vscode.l10n.t('Download with Private Key');
  const detail = pem
    ? vscode.l10n.t("The PEM file will contain the PRIVATE KEY of \"{0}\" (unencrypted). Anyone with the file can impersonate the certificate's subject. Save it only where it is protected, and delete it when you are done.", label(target))
    : vscode.l10n.t("The PFX file will contain the PRIVATE KEY of \"{0}\" (with an empty password). Anyone with the file can impersonate the certificate's subject. Save it only where it is protected, and delete it when you are done.", label(target));
  if ((await services.ui.confirm(vscode.l10n.t('Download "{0}" with its private key?', label(target)), detail, action)) !== action) throw new UserCancelled();
  const uri = await askSaveFile(services, vscode.l10n.t('Save {0} with its private key', label(target)), `${target.name}.${pem ? 'pem' : 'pfx'}`, pem ? { [vscode.l10n.t('PEM with private key')]: ['pem'] } : { 'PKCS#12': ['pfx', 'p12'] });
  const { bytes, contentType } = await request(services, 'certificate', 'read', target, (sdk, vaults, url) => sdk.certificateOps.downloadWithPrivateKey(vaults, url, target.name, target.version));
  await vscode.workspace.fs.writeFile(uri, bytes);
  services.log.info(`downloaded certificate ${label(target)} with its private key (${contentType}) to a file the user chose`);
  services.ui.notify(vscode.l10n.t('Saved {0} with its private key', target.name));
  return { file: uri.toString(), contentType };
}
