import * as vscode from 'vscode';
import type { SignatureAlgorithmName } from '../../azure/keyModel';
import { fromBase64Url, hashFor, signatureAlgorithmsFor, signatureLength } from '../../azure/keyCrypto';
import { itemLabel, type ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { askText } from '../prompts';
import { checkedKey, chooseAlgorithm, selections } from './cryptoCommon';

/** The line after the selection, when it looks like a signature (what Sign Selection inserted). */
function signatureAfter(editor: vscode.TextEditor, range: vscode.Range): string | undefined {
  const line = range.end.line + 1;
  if (line >= editor.document.lineCount) return undefined;
  const text = editor.document.lineAt(line).text.trim();
  return fromBase64Url(text) ? text : undefined;
}

/**
 * Verify selection: the digest of the (first) selection's text is computed locally and the vault checks the
 * signature (base64url, offered from the line after the selection when it holds one). Says valid or not.
 */
export async function verifySelection(services: Services, target: ItemTarget): Promise<{ algorithm: SignatureAlgorithmName; valid: boolean }> {
  const { editor, ranges } = selections('verify');
  const range = ranges[0]!;
  const details = await checkedKey(services, target, 'verify');
  const length = signatureLength(details);
  const check = (v: string): string | undefined => {
    const bytes = fromBase64Url(v);
    if (!bytes) return vscode.l10n.t('Paste the signature as base64url (the output of Sign Selection).');
    if (length !== undefined && bytes.length !== length) return vscode.l10n.t('A signature of this key has {0} bytes; this one has {1}.', length, bytes.length);
    return undefined;
  };
  const text = await askText(services, {
    title: vscode.l10n.t('Verify with {0}', itemLabel(target)),
    prompt: vscode.l10n.t('The signature (base64url)'),
    value: signatureAfter(editor, range),
    check,
    refusal: (problem) => vscode.l10n.t('{0} Nothing was sent.', problem),
  });
  const algorithm = await chooseAlgorithm(services, signatureAlgorithmsFor(details), vscode.l10n.t('Verify with {0}: the algorithm it was signed with', itemLabel(target)), (a) => vscode.l10n.t('{0} digest', hashFor(a).toUpperCase()));
  const signed = Buffer.from(editor.document.getText(range), 'utf8');
  const { valid } = await request(services, contextOf(target, 'crypto'), (sdk, vaults, url, options) => sdk.keyCrypto.verify(vaults, url, target.name, target.version, algorithm, signed, fromBase64Url(text)!, options));
  services.log.info(`verified a signature with key ${itemLabel(target)} (${algorithm}): ${valid ? 'valid' : 'invalid'}`);
  if (valid) void services.ui.showInformationMessage(vscode.l10n.t('Valid signature: {0} by {1} in {2}.', algorithm, itemLabel(target), target.vault.name));
  else void services.ui.showErrorMessage(vscode.l10n.t('The signature does NOT match the selected text ({0}, {1}).', algorithm, itemLabel(target)));
  return { algorithm, valid };
}
