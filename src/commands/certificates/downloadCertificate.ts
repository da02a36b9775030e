import * as vscode from 'vscode';
import { derToPem, thumbprint } from '../../azure/certificateParse';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { askSaveFile, pickOne } from '../prompts';

/** The data layer's own refusal: a certificate whose operation is pending has nothing to download yet. */
const notIssued = (error: unknown): error is Error => error instanceof Error && /no issued certificate/.test(error.message);

/**
 * Download the PUBLIC certificate (no private key) as CER (DER) or PEM, written where the user picks. Read
 * from the certificate itself (one GET), never through its secret. Returns the file and its SHA-1 thumbprint.
 */
export async function downloadCertificate(services: Services, target: ItemTarget): Promise<{ file: string; format: 'cer' | 'pem'; thumbprint: string }> {
  const format = await pickOne(
    services,
    [
      { label: 'CER', description: vscode.l10n.t('DER binary (.cer): Windows, Java keytool, most servers'), format: 'cer' as const },
      { label: 'PEM', description: vscode.l10n.t('Base64 text (.pem / .crt): openssl, nginx, node'), format: 'pem' as const },
    ],
    { title: vscode.l10n.t('Download the public certificate {0}', itemLabel(target)), placeHolder: vscode.l10n.t('Format (public certificate only, no private key)') },
  );
  const uri = await askSaveFile(
    services,
    vscode.l10n.t('Save the certificate {0}', itemLabel(target)),
    `${target.name}.${format.format === 'cer' ? 'cer' : 'pem'}`,
    format.format === 'cer' ? { [vscode.l10n.t('DER certificate')]: ['cer', 'der'] } : { [vscode.l10n.t('PEM certificate')]: ['pem', 'crt'] },
  );
  // The "not issued yet" refusal is passed on in its own words, not explained as a service failure.
  const der = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) =>
    sdk.certificateOps.downloadPublic(vaults, url, target.name, target.version, options).catch((error: unknown) => {
      if (notIssued(error)) return error;
      throw error;
    }),
  );
  if (der instanceof Error) throw der;
  await vscode.workspace.fs.writeFile(uri, format.format === 'cer' ? der : Buffer.from(derToPem(der), 'utf8'));
  services.log.info(`downloaded the public certificate ${itemLabel(target)} (${format.label})`);
  services.ui.notify(vscode.l10n.t('Saved the certificate {0} ({1})', target.name, format.label));
  return { file: uri.toString(), format: format.format, thumbprint: thumbprint(der, 'sha1') };
}
