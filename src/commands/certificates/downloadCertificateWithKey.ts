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
    throw new Error(`The certificate "${target.name}" is not exportable: its private key cannot leave ${target.vault.name}. Download the public certificate instead, or use the key in the vault.`);
  }
  const pem = policy.contentType === 'application/x-pem-file';
  const action = 'Download with Private Key';
  const detail = `The ${pem ? 'PEM' : 'PFX'} file will contain the PRIVATE KEY of "${label(target)}" (${pem ? 'unencrypted' : 'with an empty password'}). Anyone with the file can impersonate the certificate's subject. Save it only where it is protected, and delete it when you are done.`;
  if ((await services.ui.confirm(`Download "${label(target)}" with its private key?`, detail, action)) !== action) throw new UserCancelled();
  const uri = await askSaveFile(services, `Save ${label(target)} with its private key`, `${target.name}.${pem ? 'pem' : 'pfx'}`, pem ? { 'PEM with private key': ['pem'] } : { 'PKCS#12': ['pfx', 'p12'] });
  const { bytes, contentType } = await request(services, 'certificate', 'read', target, (sdk, vaults, url) => sdk.certificateOps.downloadWithPrivateKey(vaults, url, target.name, target.version));
  await vscode.workspace.fs.writeFile(uri, bytes);
  services.log.info(`downloaded certificate ${label(target)} with its private key (${contentType}) to a file the user chose`);
  services.ui.notify(`Saved ${target.name} with its private key`);
  return { file: uri.toString(), contentType };
}
