import * as vscode from 'vscode';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { checkCandidate, type CandidateResult } from './candidate';

/** The text selected in the active editor (the first selection), or a clear refusal before any call. */
export function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (text === '') throw new Error(vscode.l10n.t('Select the text to check in an editor first.'));
  return text;
}

/** Compare with Editor Selection: whether the selected text is the secret's value (its version, else the current one), without showing either. */
export function compareWithSelection(services: Services, target: ItemTarget): Promise<CandidateResult> {
  return checkCandidate(services, target, { source: 'selection', label: vscode.l10n.t('selection'), text: selectedText() });
}
