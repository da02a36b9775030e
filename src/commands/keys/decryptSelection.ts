import * as vscode from 'vscode';
import type { EncryptionAlgorithmName } from '../../azure/keyModel';
import { encryptionAlgorithmsFor, fromBase64Url } from '../../azure/keyCrypto';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { checkedKey, chooseAlgorithm, replaceAll, reportDone, type Selected, selections } from './cryptoCommon';

/** The ciphertext of each selection (base64url); refused, before any prompt or request, when one is not. */
export function ciphertextsOf({ editor, ranges }: Selected): Buffer[] {
  const ciphertexts = ranges.map((r) => fromBase64Url(editor.document.getText(r)));
  const bad = ciphertexts.findIndex((c) => c === undefined);
  if (bad >= 0) throw new Error(vscode.l10n.t('Selection {0} is not base64url text (the output of Encrypt Selection). Nothing was sent.', bad + 1));
  return ciphertexts as Buffer[];
}

/**
 * Decrypt selection: each selection must be base64url ciphertext of the key's size; the vault decrypts it (the
 * private key never leaves it) and the selection is replaced by the UTF-8 plaintext. Bad input is refused
 * before any request (`cryptoKey('decrypt', ciphertextsOf)` checks the text before the key is chosen). The
 * plaintext goes into the editor only, never into a log.
 */
export async function decryptSelection(services: Services, target: ItemTarget): Promise<{ algorithm: EncryptionAlgorithmName; count: number }> {
  const selected = selections('decrypt');
  const { editor, ranges } = selected;
  const ciphertexts = ciphertextsOf(selected);
  const details = await checkedKey(services, target, 'decrypt');
  const size = details.keySize ? Math.ceil(details.keySize / 8) : undefined;
  const wrong = ciphertexts.findIndex((c) => size !== undefined && c.length !== size);
  if (wrong >= 0) throw new Error(vscode.l10n.t('Selection {0} holds {1} bytes; ciphertext of an RSA {2}-bit key has {3}. Is it from this key? Nothing was sent.', wrong + 1, ciphertexts[wrong]!.length, details.keySize ?? '', size ?? ''));
  const algorithm = await chooseAlgorithm(services, encryptionAlgorithmsFor(details), vscode.l10n.t('Decrypt with {0}: the algorithm it was encrypted with', itemLabel(target)), (a) => a);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts: string[] = [];
  for (const ciphertext of ciphertexts) {
    const plain = (await request(services, contextOf(target, 'crypto'), (sdk, vaults, url, options) => sdk.keyCrypto.decrypt(vaults, url, target.name, target.version, algorithm, ciphertext, options))).result;
    try {
      texts.push(decoder.decode(plain));
    } catch {
      throw new Error(vscode.l10n.t('The decrypted bytes are not UTF-8 text, so they cannot replace the selection. Nothing was replaced.'));
    }
  }
  await replaceAll(editor, ranges.map((range, i) => ({ range, text: texts[i]! })));
  services.log.info(`decrypted ${ranges.length} selection(s) with key ${itemLabel(target)} (${algorithm})`);
  reportDone(services, 'decrypt', ranges.length, target, algorithm);
  return { algorithm, count: ranges.length };
}
