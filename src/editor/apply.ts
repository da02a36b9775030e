// Shared by the insert commands and Move to Key Vault: which format fits an editor's document, and applying a
// placement to the editor as one undoable snippet insertion (tab stops where the user fills something in).
import * as vscode from 'vscode';
import {
  formatsForFile, placeReferences, referenceFormats, toSnippet, type FileFacts, type FormatId, type Placement, type ReferenceTarget,
} from '../references';

/** Only the start of a big file decides its format. */
const factsLength = 64 * 1024;

export function fileFacts(document: vscode.TextDocument): FileFacts {
  return { path: document.uri.path, languageId: document.languageId, text: document.getText().slice(0, factsLength) };
}

/** The formats that can write every target, the one fitting the file first. */
export function formatsFor(document: vscode.TextDocument, targets: readonly ReferenceTarget[]): FormatId[] {
  const facts = fileFacts(document);
  const kinds = [...new Set(targets.map((t) => t.kind))];
  const offered = formatsForFile(facts, kinds[0] ?? 'secret');
  return offered.filter((id) => kinds.every((k) => referenceFormats[id].kinds.includes(k)));
}

/** What the targets become at a range of the document. */
export function placementAt(document: vscode.TextDocument, range: vscode.Range, format: FormatId, targets: readonly ReferenceTarget[]): Placement {
  return placeReferences(
    { text: document.getText(), offset: document.offsetAt(range.start), endOffset: document.offsetAt(range.end), languageId: document.languageId, path: document.uri.path },
    format,
    targets,
  );
}

/** Inserts the placement at the selection (replacing it): the extra edit and the snippet undo as one step. */
export async function applyPlacement(editor: vscode.TextEditor, range: vscode.Range, placement: Placement): Promise<void> {
  const document = editor.document;
  let start = document.offsetAt(range.start);
  let end = document.offsetAt(range.end);
  const extra = placement.extra;
  if (extra) {
    const applied = await editor.edit((b) => b.insert(document.positionAt(extra.offset), extra.text), { undoStopBefore: true, undoStopAfter: false });
    if (!applied) throw new Error(vscode.l10n.t('The document changed while the reference was inserted; try again.'));
    if (extra.offset <= start) {
      start += extra.text.length;
      end += extra.text.length;
    }
  }
  const target = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const inserted = await editor.insertSnippet(new vscode.SnippetString(toSnippet(placement.template)), target, { undoStopBefore: !extra, undoStopAfter: true });
  if (!inserted) throw new Error(vscode.l10n.t('The reference could not be inserted: the document is read-only or changed meanwhile.'));
}
