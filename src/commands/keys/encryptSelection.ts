import * as vscode from 'vscode';
import type { EncryptionAlgorithmName } from '../../azure/keyModel';
import { encryptionAlgorithmsFor, maxPlaintextBytes, toBase64Url } from '../../azure/keyCrypto';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { checkedKey, chooseAlgorithm, replaceAll, reportDone, selections } from './cryptoCommon';

function describe(algorithm: EncryptionAlgorithmName): string {
  switch (algorithm) {
    case 'RSA-OAEP-256':
      return vscode.l10n.t('OAEP with SHA-256 (recommended)');
    case 'RSA-OAEP':
      return vscode.l10n.t('OAEP with SHA-1');
    case 'RSA1_5':
      return vscode.l10n.t('PKCS#1 v1.5 (legacy)');
  }
}

/**
 * Encrypt selection: each selection's UTF-8 text is encrypted with the vault key (RSA-OAEP-256 by default) and
 * replaced by the ciphertext in base64url. Plaintext longer than one RSA block is refused before any request.
 * The key comes from `cryptoKey('encrypt')` (which checked the selections first).
 */
export async function encryptSelection(services: Services, target: ItemTarget): Promise<{ algorithm: EncryptionAlgorithmName; results: string[] }> {
  const { editor, ranges } = selections('encrypt');
  const details = await checkedKey(services, target, 'encrypt');
  const algorithm = await chooseAlgorithm(services, encryptionAlgorithmsFor(details), vscode.l10n.t('Encrypt with {0}', itemLabel(target)), describe);
  const max = details.keySize ? maxPlaintextBytes(details.keySize, algorithm) : undefined;
  const plaintexts = ranges.map((r) => Buffer.from(editor.document.getText(r), 'utf8'));
  const tooLong = plaintexts.findIndex((p) => max !== undefined && p.length > max);
  if (tooLong >= 0) {
    throw new Error(
      vscode.l10n.t(
        'Selection {0} is {1} bytes; {2} with an RSA {3}-bit key encrypts at most {4} bytes. Encrypt a data key instead (envelope encryption). Nothing was sent.',
        tooLong + 1, plaintexts[tooLong]!.length, algorithm, details.keySize ?? '', max ?? '',
      ),
    );
  }
  const results: string[] = [];
  for (const plaintext of plaintexts) {
    const encrypted = await request(services, contextOf(target, 'crypto'), (sdk, vaults, url, options) => sdk.keyCrypto.encrypt(vaults, url, target.name, target.version, algorithm, plaintext, options));
    results.push(toBase64Url(encrypted.result));
  }
  await replaceAll(editor, ranges.map((range, i) => ({ range, text: results[i]! })));
  services.log.info(`encrypted ${ranges.length} selection(s) with key ${itemLabel(target)} (${algorithm})`);
  reportDone(services, 'encrypt', ranges.length, target, algorithm);
  return { algorithm, results };
}
