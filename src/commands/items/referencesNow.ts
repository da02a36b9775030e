// The indexed references of an object, re-read from each file as it is now (an open editor's unsaved text
// included): what a WorkspaceEdit may rewrite (Rename Secret, pinned-version updates). A reference the index saw
// that is no longer exactly where it was is counted as changed and left alone.
import * as vscode from 'vscode';
import type { FoundReference } from '../../references/types';
import { loadReferences, type References } from '../../references/lazy';
import type { ObjectQuery } from '../../references/usage';
import type { Services } from '../../services';

const sameReference = (a: FoundReference, b: FoundReference): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One file's references to the object that are still where the index saw them. */
export interface FileNow {
  readonly uri: vscode.Uri;
  readonly document: vscode.TextDocument;
  readonly text: string;
  readonly still: FoundReference[];
}

/** The object's references, file by file, as the files are now; `changed` counts those no longer where indexed. */
export async function referencesNow(services: Services, query: ObjectQuery): Promise<{ refs: References; files: FileNow[]; changed: number }> {
  const refs = await loadReferences();
  const byFile = new Map<string, FoundReference[]>();
  for (const r of services.workspaceReferences.referencesTo(query)) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.ref]);
  const files: FileNow[] = [];
  let changed = 0;
  for (const [file, wanted] of byFile) {
    const uri = vscode.Uri.parse(file);
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const now = refs.findReferences(text, services.session.referenceParseOptions());
    const still = wanted.filter((w) => now.some((n) => sameReference(n, w)));
    changed += wanted.length - still.length;
    files.push({ uri, document, text, still });
  }
  return { refs, files, changed };
}
