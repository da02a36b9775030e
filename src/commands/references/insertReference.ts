import * as vscode from 'vscode';
import { referenceFormats, toText, type FormatId } from '../references';
import type { Services } from '../services';
import type { TreeNode } from '../tree/TreeNode';
import { applyPlacement, formatsFor, placementAt } from './apply';
import { pickTargets } from './pickTargets';

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

/** Inserts the reference(s) in the format the active file needs, at the cursor (several objects: several lines). */
export async function insertReference(services: Services, node?: TreeNode, nodes?: readonly TreeNode[], choose?: (offered: FormatId[]) => Promise<FormatId>): Promise<InsertResult> {
  const editor = activeEditor();
  const targets = await pickTargets(services, node, nodes);
  const offered = formatsFor(editor.document, targets);
  const format = choose ? await choose(offered) : offered[0];
  if (!format) throw new Error(vscode.l10n.t('No reference syntax can name all of the chosen objects together; insert them one kind at a time.'));
  const range = new vscode.Range(editor.selection.start, editor.selection.end);
  const placement = placementAt(editor.document, range, format, targets);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  await applyPlacement(editor, range, placement);
  services.log.info(`inserted ${targets.length} reference(s) as ${referenceFormats[format].label}: ${targets.map((t) => t.name).join(', ')}`);
  return { format, text: toText(placement.template) };
}
