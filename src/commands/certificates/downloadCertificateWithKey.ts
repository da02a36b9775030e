import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { askSaveFile } from '../prompts';
import { UserCancelled } from '../wrapper';
import { readPolicy } from './readPolicy';

/**
 * Download the certificate WITH its private key (PFX or PEM, as the vault stores it), through the secret of
 * the same name: refused before reading any secret when the certificate is not exportable, and only after a
 * warning. The bytes go to the file the user picked and nowhere else (never a log, never an editor).
 */
export async function downloadCertificateWithKey(services: Services, target: ItemTarget): Promise<{ file: string; contentType: string }> {
  const policy = await readPolicy(services, target);
  if (policy.exportable === false) {
    throw new Error(vscode.l10n.t('The certificate "{0}" is not exportable: its private key cannot leave {1}. Download the public certificate instead, or use the key in the vault.', target.name, target.vault.name));
  }
  const pem = policy.contentType === 'application/x-pem-file';
  const label = itemLabel(target);
  const action = vscode.l10n.t('Download with Private Key');
  const detail = pem
    ? vscode.l10n.t("The PEM file will contain the PRIVATE KEY of \"{0}\" (unencrypted). Anyone with the file can impersonate the certificate's subject. Save it only where it is protected, and delete it when you are done.", label)
    : vscode.l10n.t("The PFX file will contain the PRIVATE KEY of \"{0}\" (with an empty password). Anyone with the file can impersonate the certificate's subject. Save it only where it is protected, and delete it when you are done.", label);
  if ((await services.ui.confirm(vscode.l10n.t('Download "{0}" with its private key?', label), detail, action)) !== action) throw new UserCancelled();
  const uri = await askSaveFile(services, vscode.l10n.t('Save {0} with its private key', label), `${target.name}.${pem ? 'pem' : 'pfx'}`, pem ? { [vscode.l10n.t('PEM with private key')]: ['pem'] } : { 'PKCS#12': ['pfx', 'p12'] });
  const { bytes, contentType } = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.certificateOps.downloadWithPrivateKey(vaults, url, target.name, target.version, options));
  await vscode.workspace.fs.writeFile(uri, bytes);
  services.log.info(`downloaded certificate ${label} with its private key (${contentType}) to a file the user chose`);
  services.ui.notify(vscode.l10n.t('Saved {0} with its private key', target.name));
  return { file: uri.toString(), contentType };
}
