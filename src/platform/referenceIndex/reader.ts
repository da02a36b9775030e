// Reads a file for the index: an open document's text wins over the disk (unsaved edits count); otherwise the
// file is read with workspace.fs after a stat, and skipped when larger than the size limit. Counts its disk reads
// per file (the e2e suite checks that a change re-reads that file alone).
import * as vscode from 'vscode';

/** The text (`unsaved`: an editor's text that differs from the disk), or why there is none. */
export type ReadResult = { readonly text: string; readonly unsaved?: true } | { readonly skipped: 'tooLarge' | 'missing' | 'unreadable' };

export class FileReader {
  private readonly reads = new Map<string, number>();
  private readonly decoder = new TextDecoder();

  constructor(private readonly maxBytes: () => number) {}

  /** How many times a file (URI string) was read from disk; undefined: every file's count summed. */
  readCount(file?: string): number {
    if (file !== undefined) return this.reads.get(file) ?? 0;
    let total = 0;
    for (const n of this.reads.values()) total += n;
    return total;
  }

  async read(uri: vscode.Uri): Promise<ReadResult> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
    if (open?.isDirty) {
      const text = open.getText();
      return text.length > this.maxBytes() ? { skipped: 'tooLarge' } : { text, unsaved: true };
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return { skipped: 'unreadable' };
      if (stat.size > this.maxBytes()) return { skipped: 'tooLarge' };
      this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > this.maxBytes()) return { skipped: 'tooLarge' };
      return { text: this.decoder.decode(bytes) };
    } catch (error) {
      return { skipped: error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'missing' : 'unreadable' };
    }
  }
}
