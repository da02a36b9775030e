import * as vscode from 'vscode';
import { KeyVaultFileSystem, type SaveHandler } from './keyVaultFileSystem';

export const KEYVAULT_SCHEME = 'keyvault';

export interface SaveFailure {
  readonly uri: vscode.Uri;
  readonly message: string;
}

/**
 * `keyvault:` documents: values and details shown in editors, in memory only (never on disk, never in a
 * backup: read-only documents are never dirty). Stable API for every area:
 *
 * - `showReadOnly(path, content, languageId?)` opens (or refreshes) a read-only editor;
 * - `openWritable(path, content, save, languageId?)` opens an editor whose save calls `save(text)`; a rejection
 *   fails the save (VS Code says so) and leaves the editor dirty.
 *
 * Paths are `/`-separated, e.g. `/kv-prod/keys/signing/3f2a…/signing.json`; the last segment is the tab title.
 * A document's content is dropped from memory when VS Code closes it.
 */
export class KeyVaultDocuments implements vscode.Disposable {
  private readonly fs = new KeyVaultFileSystem();
  private readonly failures = new vscode.EventEmitter<SaveFailure>();
  /** Fired when a save handler failed (VS Code shows its own "Failed to save" message too). */
  readonly onDidFailToSave = this.failures.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      vscode.workspace.registerFileSystemProvider(KEYVAULT_SCHEME, this.fs, { isCaseSensitive: true }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)),
      // VS Code may keep a document open after its last editor closed: closing the tab is what drops the value.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)),
      this.failures,
      this.fs,
    ];
  }

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: KEYVAULT_SCHEME, path: path.startsWith('/') ? path : `/${path}` });
  }

  /** Whether a document's content is held (it is dropped when the document closes). */
  has(path: string): boolean {
    return this.fs.has(this.uri(path));
  }

  /** How many documents are held in memory. */
  get size(): number {
    return this.fs.size;
  }

  /** Opens `content` in a read-only editor at `keyvault:{path}`, replacing what was there. */
  async showReadOnly(path: string, content: string, languageId?: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    const uri = this.uri(path);
    this.fs.set(uri, content, true);
    return this.open(uri, content, languageId, options);
  }

  /** Opens `content` in a writable editor; saving calls `save(text)` (reject to fail the save). */
  async openWritable(path: string, content: string, save: SaveHandler, languageId?: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    const uri = this.uri(path);
    this.fs.set(uri, content, false, async (text) => {
      try {
        await save(text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.failures.fire({ uri, message });
        throw error;
      }
    });
    return this.open(uri, content, languageId, options);
  }

  /** Shows the open document whose path starts with `prefix` (held in memory), if there is one. */
  async showOpen(prefix: string): Promise<vscode.TextEditor | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === KEYVAULT_SCHEME && d.uri.path.startsWith(prefix) && this.fs.has(d.uri));
    return doc ? vscode.window.showTextDocument(doc, { preview: false }) : undefined;
  }

  /** Drops a document's content (an open editor then shows an error when it re-reads). */
  forget(path: string): void {
    this.fs.forget(this.uri(path));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async open(uri: vscode.Uri, content: string, languageId: string | undefined, options: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
    let doc = await vscode.workspace.openTextDocument(uri);
    if (!doc.isDirty && doc.getText() !== content) doc = await this.reloaded(doc, content);
    if (languageId && doc.languageId !== languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, languageId);
    return vscode.window.showTextDocument(doc, { preview: false, ...options });
  }

  /** An open document re-reads its content after the change event; wait for it (bounded). */
  private reloaded(doc: vscode.TextDocument, content: string): Promise<vscode.TextDocument> {
    return new Promise((resolve) => {
      const done = (): void => {
        listener.dispose();
        clearTimeout(timer);
        resolve(doc);
      };
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && doc.getText() === content) done();
      });
      const timer = setTimeout(done, 5000);
    });
  }

  private onTabsClosed(closed: readonly vscode.Tab[]): void {
    const uris = closed.flatMap((t) => tabUris(t)).filter((u) => u.scheme === KEYVAULT_SCHEME);
    if (uris.length === 0) return;
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => tabUris(t)).map((u) => u.toString()));
    for (const uri of uris) {
      if (shown.has(uri.toString()) || !this.fs.has(uri)) continue;
      this.fs.forget(uri);
      this.log.debug(`closed ${uri.path}: content dropped from memory`);
    }
  }

  private onClosed(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== KEYVAULT_SCHEME) return;
    // A language change closes and reopens the document at once: only forget what stays closed.
    setTimeout(() => {
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString())) return;
      this.fs.forget(doc.uri);
      this.log.debug(`closed ${doc.uri.path}: content dropped from memory`);
    }, 0);
  }
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}
