import * as vscode from 'vscode';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { askSaveFile, pickOne } from '../prompts';

/**
 * Export the PUBLIC key as PEM (SPKI) or JWK, into a new untitled editor or a file the user picks. Built from
 * the public JWK of one GET: nothing private exists on this side to export. Returns the format, text and file.
 */
export async function exportPublicKey(services: Services, target: ItemTarget): Promise<{ format: 'pem' | 'jwk'; text: string; file?: string }> {
  const title = vscode.l10n.t('Export the public key of {0}', itemLabel(target));
  const format = await pickOne(
    services,
    [
      { label: 'PEM', description: vscode.l10n.t('SubjectPublicKeyInfo (-----BEGIN PUBLIC KEY-----): openssl, node:crypto, most libraries'), format: 'pem' as const },
      { label: 'JWK', description: vscode.l10n.t('JSON Web Key with the public members only (kty, n, e / crv, x, y)'), format: 'jwk' as const },
    ],
    { title, placeHolder: vscode.l10n.t('Format') },
  );
  const where = await pickOne(
    services,
    [
      { label: vscode.l10n.t('New untitled editor'), where: 'editor' as const },
      { label: vscode.l10n.t('Save to a file…'), where: 'file' as const },
    ],
    { title, placeHolder: vscode.l10n.t('Where to') },
  );
  const { sdk, key } = await request(services, contextOf(target, 'read'), async (sdk, vaults, url, options) => ({ sdk, key: await sdk.keyOps.getKeyDetails(vaults, url, target.name, target.version, options) }));
  // Outside the request: a key type without a public key is refused in its own words, not as a service failure.
  const text = sdk.keyOps.exportPublicKey(key.publicJwk, format.format);
  if (where.where === 'editor') {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: format.format === 'jwk' ? 'json' : 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: false });
    services.log.info(`exported the public key of ${itemLabel(target)} (${format.label}) to an untitled editor`);
    return { format: format.format, text };
  }
  const uri = await askSaveFile(
    services,
    vscode.l10n.t('Save the public key of {0}', itemLabel(target)),
    `${target.name}.public.${format.format === 'jwk' ? 'jwk.json' : 'pem'}`,
    format.format === 'jwk' ? { [vscode.l10n.t('JSON Web Key')]: ['json'] } : { [vscode.l10n.t('PEM public key')]: ['pem'] },
  );
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  services.log.info(`exported the public key of ${itemLabel(target)} (${format.label}) to a file`);
  services.ui.notify(vscode.l10n.t('Saved the public key of {0}', target.name));
  return { format: format.format, text, file: uri.toString() };
}
