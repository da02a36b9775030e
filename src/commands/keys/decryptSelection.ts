import * as vscode from 'vscode';
import type { EncryptionAlgorithmName } from '../../azure/keyModel';
import { encryptionAlgorithmsFor, fromBase64Url } from '../../azure/keyCrypto';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import { label, vaultClients } from '../items/common';
import { fail } from './common';
import { chooseAlgorithm, keyFor, replaceAll, selections } from './cryptoCommon';

/**
 * Decrypt selection: each selection must be base64url ciphertext of the key's size; the vault decrypts it (the
 * private key never leaves it) and the selection is replaced by the UTF-8 plaintext. Bad input is refused
 * before any request. The plaintext goes into the editor only, never into a log.
 */
export async function decryptSelection(services: Services, node?: TreeNode): Promise<{ algorithm: EncryptionAlgorithmName; count: number }> {
  const { editor, ranges } = selections('decrypt');
  const ciphertexts = ranges.map((r) => fromBase64Url(editor.document.getText(r)));
  const bad = ciphertexts.findIndex((c) => c === undefined);
  if (bad >= 0) throw new Error(vscode.l10n.t('Selection {0} is not base64url text (the output of Encrypt Selection). Nothing was sent.', bad + 1));
  const { target, details } = await keyFor(services, node, 'decrypt');
  const size = details.keySize ? Math.ceil(details.keySize / 8) : undefined;
  const wrong = ciphertexts.findIndex((c) => size !== undefined && c!.length !== size);
  if (wrong >= 0) throw new Error(vscode.l10n.t('Selection {0} holds {1} bytes; ciphertext of an RSA {2}-bit key has {3}. Is it from this key? Nothing was sent.', wrong + 1, ciphertexts[wrong]!.length, details.keySize ?? '', size ?? ''));
  const algorithm = await chooseAlgorithm(services, encryptionAlgorithmsFor(details), vscode.l10n.t('Decrypt with {0}: the algorithm it was encrypted with', label(target)), (a) => a);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts: string[] = [];
  for (const ciphertext of ciphertexts) {
    let plain: Uint8Array;
    try {
      plain = (await sdk.keyCrypto.decrypt(vaults, target.vault.vaultUrl, target.name, target.version, algorithm, ciphertext!)).result;
    } catch (error) {
      fail(error, 'key', 'crypto', target.vault, target.name);
    }
    try {
      texts.push(decoder.decode(plain));
    } catch {
      throw new Error(vscode.l10n.t('The decrypted bytes are not UTF-8 text, so they cannot replace the selection. Nothing was replaced.'));
    }
  }
  await replaceAll(editor, ranges.map((range, i) => ({ range, text: texts[i]! })));
  services.log.info(`decrypted ${ranges.length} selection(s) with key ${label(target)} (${algorithm})`);
  return { algorithm, count: ranges.length };
}
