// THE workspace index of Key Vault references (issue 19) — its API; the implementation: src/platform/referenceIndex/
// (at activation only its door, lazy.ts; the index itself is a bundle of its own, loaded when it starts).
// Every file type the reference formats understand, found with workspace.findFiles (files.exclude, search.exclude,
// .gitignore honoured), parsed in the background in slices (no event-loop block over 50 ms), kept current by file
// system watchers (a changed file is re-parsed alone) and by open documents' unsaved text; files over the size limit
// are skipped; nothing at all in an untrusted workspace (it starts when trust is granted).
import type * as vscode from 'vscode';
import type { IndexedReference, ObjectQuery } from '../references/usage';

/** `idle`: not started (nothing loaded, listed or read yet: src/platform/referenceIndex/lazy.ts). */
export type IndexState = 'off' | 'untrusted' | 'idle' | 'building' | 'ready';

export interface WorkspaceReferences extends vscode.Disposable {
  /** Fired when the index changed (built, a file re-parsed, a file deleted). */
  readonly onDidChange: vscode.Event<void>;
  readonly state: IndexState;
  /** Starts building if not started; resolves when the index is ready (at once when it is; rejects when off or untrusted, saying why). */
  ready(): Promise<void>;
  /** The references to an object (or a version of it), sorted by file then position. Empty until ready. */
  referencesTo(query: ObjectQuery): IndexedReference[];
  /** How many distinct files reference the object; undefined until the index is ready. */
  filesUsing(query: ObjectQuery): number | undefined;
  /** Every indexed reference (workspace diagnostics). */
  all(): readonly IndexedReference[];
  /** Files and references indexed so far. */
  readonly size: { readonly files: number; readonly references: number };
}
