// Shared by the insert commands and Move to Key Vault: which format fits an editor's document, applying a
// placement to the editor as one undoable snippet insertion (tab stops where the user fills something in), and a
// range followed through the user's edits (Move to Key Vault edits after a network write).
import * as vscode from 'vscode';
import type { FileFacts, FormatId, Placement, ReferenceTarget } from '../references';
import { loadReferences } from '../references/lazy';

/** Only the start of a big file decides its format. */
const factsLength = 64 * 1024;

export function fileFacts(document: vscode.TextDocument): FileFacts {
  return { path: document.uri.path, languageId: document.languageId, text: document.getText().slice(0, factsLength) };
}

/** The formats that can write every target, the one fitting the file first. */
export async function formatsFor(document: vscode.TextDocument, targets: readonly ReferenceTarget[]): Promise<FormatId[]> {
  const { formatsForFile, referenceFormats } = await loadReferences();
  const facts = fileFacts(document);
  const kinds = [...new Set(targets.map((t) => t.kind))];
  const offered = formatsForFile(facts, kinds[0] ?? 'secret');
  return offered.filter((id) => kinds.every((k) => referenceFormats[id].kinds.includes(k)));
}

/** What the targets become at a range of the document. */
export async function placementAt(document: vscode.TextDocument, range: vscode.Range, format: FormatId, targets: readonly ReferenceTarget[]): Promise<Placement> {
  const { placeReferences } = await loadReferences();
  return placeReferences(
    { text: document.getText(), offset: document.offsetAt(range.start), endOffset: document.offsetAt(range.end), languageId: document.languageId, path: document.uri.path },
    format,
    targets,
  );
}

/** Inserts the placement at the selection (replacing it): the edits elsewhere and the snippet undo as one step. */
export async function applyPlacement(editor: vscode.TextEditor, range: vscode.Range, placement: Placement): Promise<void> {
  const { toSnippet } = await loadReferences();
  const document = editor.document;
  let start = document.offsetAt(range.start);
  let end = document.offsetAt(range.end);
  const extras = placement.extras ?? [];
  // Nothing at the cursor (e.g. items appended to an existing block elsewhere): the edits alone, one undo step; a
  // selection is left as it is (it is not replaced by nothing).
  const atCursor = toSnippet(placement.template) !== '';
  if (extras.length) {
    // Offsets of the original text: one edit of several inserts (VS Code applies them against the original).
    const applied = await editor.edit((b) => extras.forEach((x) => b.insert(document.positionAt(x.offset), x.text)), { undoStopBefore: true, undoStopAfter: !atCursor });
    if (!applied) throw new Error(vscode.l10n.t('The document changed while the reference was inserted; try again.'));
    const before = extras.filter((x) => x.offset <= start).reduce((n, x) => n + x.text.length, 0);
    start += before;
    end += before;
  }
  if (!atCursor) return;
  const target = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const inserted = await editor.insertSnippet(new vscode.SnippetString(toSnippet(placement.template)), target, { undoStopBefore: extras.length === 0, undoStopAfter: true });
  if (!inserted) throw new Error(vscode.l10n.t('The reference could not be inserted: the document is read-only or changed meanwhile.'));
}

/**
 * A range of a document followed through later edits: text inserted or removed before it shifts it; an edit that
 * overlaps it (or touches its text) loses it. `current()` is the range where the same text still stands, or
 * undefined once it changed, moved out of reach or the document closed. Dispose when done.
 */
export class TrackedRange implements vscode.Disposable {
  readonly text: string;
  private start: number;
  private end: number;
  private lost = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly document: vscode.TextDocument,
    start: number,
    end: number,
  ) {
    this.start = start;
    this.end = end;
    this.text = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) this.follow(e.contentChanges);
    });
  }

  /** The changes of one event apply in order, each to the text the previous one left. */
  private follow(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    for (const change of changes) {
      if (this.lost) return;
      const from = change.rangeOffset;
      const to = from + change.rangeLength;
      if (to <= this.start) {
        const delta = change.text.length - change.rangeLength;
        this.start += delta;
        this.end += delta;
      } else if (from < this.end) {
        this.lost = true; // an edit after the range (from >= end) leaves it where it is
      }
    }
  }

  /** Where the text still stands unchanged, or undefined. */
  current(): vscode.Range | undefined {
    const document = this.document;
    if (this.lost || document.isClosed) return undefined;
    const range = new vscode.Range(document.positionAt(this.start), document.positionAt(this.end));
    return document.getText(range) === this.text ? range : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
