import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { checkCandidate, type CandidateResult } from './candidate';

/** The clipboard's text, or a clear refusal before any call. */
export async function clipboardText(): Promise<string> {
  const text = await vscode.env.clipboard.readText();
  if (text === '') throw new Error(vscode.l10n.t('The clipboard is empty: copy the text to check first.'));
  return text;
}

/** Compare with Clipboard: whether the clipboard holds the secret's value (its version, else the current one), without showing either. */
export async function compareWithClipboard(services: Services, target: ItemTarget): Promise<CandidateResult> {
  return checkCandidate(services, target, { source: 'clipboard', label: vscode.l10n.t('clipboard'), text: await clipboardText() });
}
