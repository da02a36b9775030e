import * as vscode from 'vscode';
import type { SignatureAlgorithmName } from '../../azure/keyModel';
import { hashFor, signatureAlgorithmsFor, toBase64Url } from '../../azure/keyCrypto';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { checkedKey, chooseAlgorithm, reportDone, selections } from './cryptoCommon';

/**
 * Sign selection: the digest of each selection's UTF-8 text is computed locally (the text never leaves the
 * machine), signed in the vault, and the base64url signature is inserted on a new line after the selection.
 */
export async function signSelection(services: Services, target: ItemTarget): Promise<{ algorithm: SignatureAlgorithmName; keyId?: string; signatures: string[] }> {
  const { editor, ranges } = selections('sign');
  const details = await checkedKey(services, target, 'sign');
  const algorithm = await chooseAlgorithm(services, signatureAlgorithmsFor(details), vscode.l10n.t('Sign with {0}', itemLabel(target)), (a) => vscode.l10n.t('{0} digest, {1}', hashFor(a).toUpperCase(), a.startsWith('PS') ? 'RSASSA-PSS' : a.startsWith('RS') ? 'RSASSA-PKCS1-v1_5' : 'ECDSA'));
  const signatures: string[] = [];
  let keyId: string | undefined;
  for (const range of ranges) {
    const text = Buffer.from(editor.document.getText(range), 'utf8');
    const signed = await request(services, contextOf(target, 'crypto'), (sdk, vaults, url, options) => sdk.keyCrypto.sign(vaults, url, target.name, target.version, algorithm, text, options));
    keyId = signed.keyId;
    signatures.push(toBase64Url(signed.result));
  }
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const ok = await editor.edit((b) => ranges.forEach((r, i) => b.insert(r.end, `${eol}${signatures[i]!}`)));
  if (!ok) throw new Error(vscode.l10n.t('The editor changed while the vault was signing: nothing was inserted. Try again.'));
  services.log.info(`signed ${ranges.length} selection(s) with key ${itemLabel(target)} (${algorithm})`);
  reportDone(services, 'sign', ranges.length, target, algorithm);
  return { algorithm, ...(keyId ? { keyId } : {}), signatures };
}
