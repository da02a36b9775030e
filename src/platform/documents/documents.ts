import * as vscode from 'vscode';
import { KeyVaultFileSystem, type SaveHandler } from './keyVaultFileSystem';
import { SECRET_VALUE_EXTENSION, SecretValueEditors } from './secretEditor';

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
 * - `openSecretValue(path, content, save, title, hint)` opens a secret value for editing in the secret value editor
 *   (./secretEditor.ts: never backed up by VS Code); its save calls `save(text)`, a rejection fails the save (VS Code
 *   says so) and leaves the editor dirty;
 * - `openWritable(path, content, save, languageId?)` the same in a TEXT editor, for documents that hold no secret
 *   (VS Code backs up a dirty text editor to the user-data folder: never use it for a value).
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
  /** The editors of secret values (see `openSecretValue`). */
  readonly secretValues: SecretValueEditors;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.secretValues = new SecretValueEditors(log, (uri, message) => this.failures.fire({ uri, message }));
    this.disposables = [
      this.secretValues,
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
    return this.fs.has(this.uri(path)) || this.secretValues.has(this.uri(path));
  }

  /** How many documents are held in memory. */
  get size(): number {
    return this.fs.size + this.secretValues.size;
  }

  /** Opens `content` in a read-only editor at `keyvault:{path}`, replacing what was there. */
  async showReadOnly(path: string, content: string, languageId?: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    const uri = this.uri(path);
    this.fs.set(uri, content, true);
    return this.open(uri, content, languageId, options);
  }

  /** Holds `content` read-only at `keyvault:{path}` without opening it (e.g. for a diff); its URI. */
  putReadOnly(path: string, content: string): vscode.Uri {
    const uri = this.uri(path);
    this.fs.set(uri, content, true);
    return uri;
  }

  /**
   * Opens `content` in a writable TEXT editor (never a secret: VS Code backs it up when dirty); saving calls
   * `save(text)` (reject to fail the save).
   */
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

  /**
   * Opens `content` in a secret value editor at `keyvault:{path}` (or shows the one open there, unsaved text
   * kept); saving calls `save(text)` (reject to fail the save). `title` names the tab, `hint` says what Save does.
   */
  async openSecretValue(path: string, content: string, save: SaveHandler, title: string, hint: string): Promise<vscode.Uri> {
    const uri = this.uri(`${path}${SECRET_VALUE_EXTENSION}`);
    await this.secretValues.open(uri, content, save, title, hint);
    return uri;
  }

  /** Shows the open secret value editor whose path starts with `prefix`, if there is one: its URI. */
  showOpen(prefix: string): Promise<vscode.Uri | undefined> {
    return this.secretValues.showOpen(prefix);
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
