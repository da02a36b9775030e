import * as vscode from 'vscode';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { resolveItem } from '../targets';
import { UserCancelled } from '../wrapper';
import { label, vaultClients } from '../items/common';
import { fail } from './common';

/**
 * Export the PUBLIC key as PEM (SPKI) or JWK, into a new untitled editor or a file the user picks. Built from
 * the public JWK of one GET: nothing private exists on this side to export. Returns the format, text and file.
 */
export async function exportPublicKey(services: Services, node?: TreeNode): Promise<{ format: 'pem' | 'jwk'; text: string; file?: string }> {
  const target = await resolveItem(services, 'key', node);
  const format = await services.ui.showQuickPick(
    [
      { label: 'PEM', description: vscode.l10n.t('SubjectPublicKeyInfo (-----BEGIN PUBLIC KEY-----): openssl, node:crypto, most libraries'), format: 'pem' as const },
      { label: 'JWK', description: vscode.l10n.t('JSON Web Key with the public members only (kty, n, e / crv, x, y)'), format: 'jwk' as const },
    ],
    { title: vscode.l10n.t('Export the public key of {0}', label(target)), placeHolder: vscode.l10n.t('Format') },
  );
  if (!format) throw new UserCancelled();
  const where = await services.ui.showQuickPick(
    [
      { label: vscode.l10n.t('New untitled editor'), where: 'editor' as const },
      { label: vscode.l10n.t('Save to a file…'), where: 'file' as const },
    ],
    { title: vscode.l10n.t('Export the public key of {0}', label(target)), placeHolder: vscode.l10n.t('Where to') },
  );
  if (!where) throw new UserCancelled();
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let text: string;
  try {
    const key = await sdk.keyOps.getKeyDetails(vaults, target.vault.vaultUrl, target.name, target.version);
    text = sdk.keyOps.exportPublicKey(key.publicJwk, format.format);
  } catch (error) {
    if (error instanceof Error && /has no public key/.test(error.message)) throw error;
    fail(error, 'key', 'read', target.vault, target.name);
  }
  if (where.where === 'editor') {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: format.format === 'jwk' ? 'json' : 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: false });
    services.log.info(`exported the public key of ${label(target)} (${format.label}) to an untitled editor`);
    return { format: format.format, text };
  }
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${target.name}.public.${format.format === 'jwk' ? 'jwk.json' : 'pem'}`;
  const uri = await services.ui.showSaveDialog({
    title: vscode.l10n.t('Save the public key of {0}', label(target)),
    ...(base ? { defaultUri: vscode.Uri.joinPath(base, fileName) } : {}),
    filters: format.format === 'jwk' ? { [vscode.l10n.t('JSON Web Key')]: ['json'] } : { [vscode.l10n.t('PEM public key')]: ['pem'] },
  });
  if (!uri) throw new UserCancelled();
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  services.log.info(`exported the public key of ${label(target)} (${format.label}) to a file`);
  services.ui.notify(vscode.l10n.t('Saved the public key of {0}', target.name));
  return { format: format.format, text, file: uri.toString() };
}
