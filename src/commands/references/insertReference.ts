// Insert Reference: the selected rows (or palette picks) written at the cursor in the syntax the active file needs,
// several objects as several lines, as one undoable snippet.
import * as vscode from 'vscode';
import { applyPlacement, formatsFor, placementAt } from '../../editor/apply';
import type { FormatId } from '../../references';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { pickTargets, type Row } from './pickTargets';

/** What an insert command did (for tests and logs: names and format, never a value). */
export interface InsertResult {
  readonly format: FormatId;
  readonly text: string;
}

export function activeEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error(vscode.l10n.t('Open the file the reference goes into and put the cursor where it goes, then insert the reference again.'));
  return editor;
}

/** Inserts the reference(s) in the format `choose` takes from those that fit (the file's own first), at the cursor. */
export async function insertWith(services: Services, row: Row | undefined, rows: readonly (Row | undefined)[], choose: (offered: FormatId[]) => Promise<FormatId | undefined>): Promise<InsertResult> {
  const editor = activeEditor();
  const targets = await pickTargets(services, row, rows);
  const format = await choose(await formatsFor(editor.document, targets));
  if (!format) throw new Error(vscode.l10n.t('No reference syntax can name all of the chosen objects together; insert them one kind at a time.'));
  const range = new vscode.Range(editor.selection.start, editor.selection.end);
  const placement = await placementAt(editor.document, range, format, targets);
  const { referenceFormats, toText } = await loadReferences();
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  await applyPlacement(editor, range, placement);
  services.log.info(`inserted ${targets.length} reference(s) as ${referenceFormats[format].label}: ${targets.map((t) => t.name).join(', ')}`);
  return { format, text: toText(placement.template) };
}

/** Inserts the reference(s) in the format the active file needs, at the cursor (several objects: several lines). */
export function insertReference(services: Services, row: Row | undefined, rows: readonly (Row | undefined)[]): Promise<InsertResult> {
  return insertWith(services, row, rows, (offered) => Promise.resolve(offered[0]));
}
