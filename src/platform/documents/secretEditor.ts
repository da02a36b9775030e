// The secret value editor: a custom editor (a webview with one textarea) instead of a text editor, because VS
// Code backs up every dirty text document to the user-data folder about a second after typing (its working copy
// backup tracker schedules it on every change, whatever `files.hotExit` says), and no scheme or file system option
// turns that off for one document. A custom document's backup is asked of its provider: this one refuses (nothing
// is written; VS Code then warns before a window with unsaved changes closes or reloads, instead of restoring them
// later), holds the text in memory only, refuses Save As (a file), and saves only through the handler it was opened
// with. Dirtiness, undo/redo, revert and the "unsaved changes" prompts stay VS Code's.
// Auto-save: VS Code saves a dirty custom editor after a delay (or on focus change) like any other and tells the
// provider no reason, so while `files.autoSave` is on only an explicit save writes: Ctrl+S / Cmd+S pressed in the
// page (kept from VS Code) or the page's Save button, which mark the save explicit and then ask VS Code to save. Any
// other save is declined as a cancellation (VS Code shows no error; the editor stays dirty, so closing still warns).
import * as vscode from 'vscode';
import type { SaveHandler } from './keyVaultFileSystem';
import { SecretValueDocument } from './secretDocument';
import { isFromPage, secretEditorHtml, type ToPage } from './secretEditorHtml';

export const SECRET_VALUE_VIEW_TYPE = 'azureKeyVault.secretValue';
/** The last part of an editor's path: manifest/10-secrets.json selects the editor by it (`keyvault:` paths only). */
export const SECRET_VALUE_EXTENSION = '.kv-secret';

interface Pending {
  readonly content: string;
  readonly save: SaveHandler;
  readonly title: string;
  readonly hint: string;
}

interface Page {
  readonly panel: vscode.WebviewPanel;
  readonly ready: Promise<void>;
}

export class SecretValueEditors implements vscode.CustomEditorProvider<SecretValueDocument>, vscode.Disposable {
  /** Values handed to `open` whose editor has not asked for its document yet. */
  private readonly pending = new Map<string, Pending>();
  private readonly documents = new Map<string, SecretValueDocument>();
  private readonly pages = new Map<string, Page>();
  private readonly saving = new Map<string, Promise<void>>();
  /** Documents whose save now running was asked for explicitly (Ctrl+S in the page, its Save button). */
  private readonly explicit = new Set<string>();
  private readonly edits = new vscode.EventEmitter<vscode.CustomDocumentEditEvent<SecretValueDocument>>();
  readonly onDidChangeCustomDocument = this.edits.event;
  private refusedBackups = 0;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly onSaveFailed: (uri: vscode.Uri, message: string) => void,
  ) {
    this.registration = vscode.window.registerCustomEditorProvider(SECRET_VALUE_VIEW_TYPE, this, {
      // A hidden tab's page is rebuilt from this memory when shown again; nothing is kept in the webview.
      webviewOptions: { retainContextWhenHidden: false, enableFindWidget: false },
      supportsMultipleEditorsPerDocument: false,
    });
  }

  /** Opens (or shows, keeping its unsaved text) the editor of `uri` with `content`; saving calls `save(text)`. */
  async open(uri: vscode.Uri, content: string, save: SaveHandler, title: string, hint: string): Promise<void> {
    const key = uri.toString();
    if (!this.documents.has(key)) this.pending.set(key, { content, save, title, hint });
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, SECRET_VALUE_VIEW_TYPE, { preview: false });
    } finally {
      this.pending.delete(key);
    }
  }

  /** The URI of an open editor whose path starts with `prefix`, shown; undefined when there is none. */
  async showOpen(prefix: string): Promise<vscode.Uri | undefined> {
    const doc = [...this.documents.values()].find((d) => d.uri.path.startsWith(prefix));
    if (!doc) return undefined;
    await vscode.commands.executeCommand('vscode.openWith', doc.uri, SECRET_VALUE_VIEW_TYPE, { preview: false });
    return doc.uri;
  }

  /** The text of an open editor (what Save would send). */
  text(uri: vscode.Uri): string | undefined {
    return this.documents.get(uri.toString())?.text;
  }

  has(uri: vscode.Uri): boolean {
    return this.documents.has(uri.toString());
  }

  /** How many values are held in memory. */
  get size(): number {
    return this.documents.size;
  }

  /** How many times VS Code asked for a backup and got none. */
  get backupsRefused(): number {
    return this.refusedBackups;
  }

  /**
   * Types `text` into the page of an open editor as a keyboard would (the page's own input handling sends it back
   * as an edit), resolving once this memory holds it. The e2e suite's way to type into a webview.
   */
  async type(uri: vscode.Uri, text: string): Promise<void> {
    const key = uri.toString();
    const page = this.pages.get(key);
    const doc = this.documents.get(key);
    if (!page || !doc) throw new Error(`no secret value editor open for ${uri.path}`);
    await page.ready;
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (listener.dispose(), reject(new Error('the page did not send the typed text'))), 10_000);
      const listener = doc.onDidChangeText((change) => {
        if (change.text !== text) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
    await this.post(page.panel, { type: 'input', text });
    await arrived;
  }

  /** Presses Ctrl+S in the page of an open editor (the page's own key handling saves). For the e2e suite. */
  async pressSave(uri: vscode.Uri): Promise<void> {
    await this.toPage(uri, { type: 'key', key: 's', ctrlKey: true });
  }

  /** Clicks the page's Save button. For the e2e suite. */
  async clickSave(uri: vscode.Uri): Promise<void> {
    await this.toPage(uri, { type: 'click', id: 'save' });
  }

  /** What VS Code's Save As asks of this provider for an open editor. For the e2e suite. */
  saveAsForTest(uri: vscode.Uri, destination: vscode.Uri): Promise<void> {
    const doc = this.documents.get(uri.toString());
    if (!doc) return Promise.reject(new Error(`no secret value editor open for ${uri.path}`));
    return this.saveCustomDocumentAs(doc, destination);
  }

  private async toPage(uri: vscode.Uri, message: ToPage): Promise<void> {
    const page = this.pages.get(uri.toString());
    if (!page) throw new Error(`no secret value editor open for ${uri.path}`);
    await page.ready;
    await this.post(page.panel, message);
  }

  /**
   * An explicit save of an open editor (Ctrl+S in the page, its Save button): VS Code's save, marked so that the
   * provider writes even while auto-save is on; whether it saved. VS Code reports a failure itself.
   */
  async saveExplicitly(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    this.explicit.add(key);
    try {
      return (await vscode.workspace.save(uri)) !== undefined;
    } catch (error) {
      this.log.debug(`save of ${uri.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.explicit.delete(key);
    }
  }

  /**
   * Marks the open editor whose path starts with `prefix` as showing a deleted secret (its tab says "(deleted)"),
   * or no longer (recovered).
   */
  markDeleted(prefix: string, deleted: boolean): void {
    for (const doc of this.documents.values()) {
      if (!doc.uri.path.startsWith(prefix) || doc.deleted === deleted) continue;
      doc.deleted = deleted;
      const page = this.pages.get(doc.uri.toString());
      if (page) page.panel.title = this.title(doc);
    }
  }

  openCustomDocument(uri: vscode.Uri): SecretValueDocument {
    const key = uri.toString();
    const pending = this.pending.get(key);
    // Restored after a reload, or opened by hand: the value was never written anywhere, so it is gone.
    if (!pending) throw new Error(vscode.l10n.t('This value is no longer in memory (values are never written to disk). Open it again from the Azure Key Vault view.'));
    this.pending.delete(key);
    const doc = new SecretValueDocument(uri, pending.content, pending.save, pending.title, pending.hint);
    this.documents.set(key, doc);
    doc.onDidDispose(() => {
      if (this.documents.get(key) === doc) this.documents.delete(key);
      this.log.debug(`closed ${uri.path}: value dropped from memory`);
    });
    return doc;
  }

  resolveCustomEditor(doc: SecretValueDocument, panel: vscode.WebviewPanel): void {
    const key = doc.uri.toString();
    panel.title = this.title(doc);
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    let loaded: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    this.pages.set(key, { panel, ready });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isFromPage(message)) return;
        if (message.type === 'ready') {
          // Also after the page was rebuilt (its tab hidden, then shown again).
          void this.post(panel, { type: 'show', text: doc.text });
          loaded();
        } else if (message.type === 'save') {
          void this.saveExplicitly(doc.uri);
        } else {
          this.edited(doc, message.text);
        }
      }),
      doc.onDidChangeText((change) => {
        if (!change.fromPage) void this.post(panel, { type: 'show', text: change.text });
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      if (this.pages.get(key)?.panel === panel) this.pages.delete(key);
    });
    panel.webview.html = secretEditorHtml(doc.title, doc.hint, vscode.l10n.t('Save'), vscode.l10n.t('Save a new version (Ctrl+S)'));
  }

  /**
   * One save at a time per document: VS Code starts a new save (an auto-save, say) without waiting for the one
   * running, and each adds a version. A save that finds its text just saved by the previous one adds nothing.
   */
  async saveCustomDocument(doc: SecretValueDocument, cancellation?: vscode.CancellationToken): Promise<void> {
    const key = doc.uri.toString();
    if (!this.explicit.has(key) && vscode.workspace.getConfiguration('files', doc.uri).get<string>('autoSave', 'off') !== 'off') {
      // An auto-save (or File > Save while auto-save is on): never a version. Cancelled, VS Code shows nothing.
      this.log.debug(`declined a save of ${doc.uri.path} that was not explicit (files.autoSave is on): Ctrl+S in the editor or its Save button saves`);
      throw new vscode.CancellationError();
    }
    const previous = this.saving.get(key);
    const run = (async () => {
      await previous?.catch(() => undefined);
      if (!previous || doc.text !== doc.savedText) await this.saveNow(doc, cancellation);
    })();
    this.saving.set(key, run);
    try {
      await run;
    } finally {
      if (this.saving.get(key) === run) this.saving.delete(key);
    }
  }

  private async saveNow(doc: SecretValueDocument, cancellation?: vscode.CancellationToken): Promise<void> {
    const text = doc.text;
    const page = this.pages.get(doc.uri.toString())?.panel;
    // No typing while the save runs: what is saved is what the page shows.
    if (page) await this.post(page, { type: 'busy', busy: true });
    try {
      await doc.save(text, cancellation);
      doc.markSaved(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.onSaveFailed(doc.uri, message);
      // Said here, once (a save started by the page or the API gets no message from VS Code), unless already told with
      // its own actions (e.g. Recover). Cancelled for VS Code: no "Failed to save" on top and never its Save As.
      if (!(error instanceof Error && (error as { userNotified?: unknown }).userNotified === true)) void vscode.window.showErrorMessage(message);
      throw new vscode.CancellationError();
    } finally {
      if (page) await this.post(page, { type: 'busy', busy: false });
    }
  }

  saveCustomDocumentAs(_doc: SecretValueDocument, _destination: vscode.Uri): Promise<void> {
    return Promise.reject(new Error(vscode.l10n.t('Key Vault values are never saved to a file.')));
  }

  revertCustomDocument(doc: SecretValueDocument): Promise<void> {
    doc.revert();
    return Promise.resolve();
  }

  /** Refused: a backup is a file in the user-data folder. VS Code then asks before closing with unsaved changes. */
  backupCustomDocument(doc: SecretValueDocument): Promise<vscode.CustomDocumentBackup> {
    this.refusedBackups++;
    this.log.debug(`refused VS Code a backup of ${doc.uri.path} (unsaved values stay in memory only)`);
    return Promise.reject(new Error(vscode.l10n.t('Unsaved Key Vault values are never backed up to disk: save or revert {0} first.', doc.title)));
  }

  dispose(): void {
    this.registration.dispose();
    for (const doc of [...this.documents.values()]) doc.dispose();
    this.documents.clear();
    this.pending.clear();
    this.edits.dispose();
  }

  /** A change typed in the page: one undoable edit for VS Code (which then knows the editor is dirty). */
  private edited(doc: SecretValueDocument, text: string): void {
    const change = doc.set(text, true);
    if (!change) return;
    this.edits.fire({
      document: doc,
      label: vscode.l10n.t('Typing'),
      undo: () => void doc.set(change.before),
      redo: () => void doc.set(text),
    });
  }

  private title(doc: SecretValueDocument): string {
    return doc.deleted ? vscode.l10n.t('{0} (deleted)', doc.title) : doc.title;
  }

  private async post(panel: vscode.WebviewPanel, message: ToPage): Promise<void> {
    try {
      await panel.webview.postMessage(message);
    } catch {
      // The page is gone (its tab closed meanwhile): nothing to show it.
    }
  }
}
