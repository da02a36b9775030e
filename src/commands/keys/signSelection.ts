import * as vscode from 'vscode';
import type { SignatureAlgorithmName } from '../../azure/keyModel';
import { hashFor, signatureAlgorithmsFor, toBase64Url } from '../../azure/keyCrypto';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label, vaultClients } from '../items/common';
import { fail } from './common';
import { chooseAlgorithm, keyFor, selections } from './cryptoCommon';

/**
 * Sign selection: the digest of each selection's UTF-8 text is computed locally (the text never leaves the
 * machine), signed in the vault, and the base64url signature is inserted on a new line after the selection.
 */
export async function signSelection(services: Services, node?: TreeNode): Promise<{ algorithm: SignatureAlgorithmName; keyId?: string; signatures: string[] }> {
  const { editor, ranges } = selections('sign');
  const { target, details } = await keyFor(services, node, 'sign');
  const algorithm = await chooseAlgorithm(services, signatureAlgorithmsFor(details), vscode.l10n.t('Sign with {0}', label(target)), (a) => vscode.l10n.t('{0} digest, {1}', hashFor(a).toUpperCase(), a.startsWith('PS') ? 'RSASSA-PSS' : a.startsWith('RS') ? 'RSASSA-PKCS1-v1_5' : 'ECDSA'));
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const signatures: string[] = [];
  let keyId: string | undefined;
  for (const range of ranges) {
    try {
      const signed = await sdk.keyCrypto.sign(vaults, target.vault.vaultUrl, target.name, target.version, algorithm, Buffer.from(editor.document.getText(range), 'utf8'));
      keyId = signed.keyId;
      signatures.push(toBase64Url(signed.result));
    } catch (error) {
      fail(error, 'key', 'crypto', target.vault, target.name);
    }
  }
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const ok = await editor.edit((b) => ranges.forEach((r, i) => b.insert(r.end, `${eol}${signatures[i]!}`)));
  if (!ok) throw new Error(vscode.l10n.t('The editor changed while the vault was signing: nothing was inserted. Try again.'));
  services.log.info(`signed ${ranges.length} selection(s) with key ${label(target)} (${algorithm})`);
  return { algorithm, ...(keyId ? { keyId } : {}), signatures };
}
