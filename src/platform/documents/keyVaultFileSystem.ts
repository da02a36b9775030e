import * as vscode from 'vscode';

/**
 * Called when the user saves a writable document; throwing keeps the editor dirty (nothing is lost). `cancellation`
 * is VS Code's, where it gives one (the secret value editor's save).
 */
export type SaveHandler = (text: string, cancellation?: vscode.CancellationToken) => Promise<void>;

interface Entry {
  content: Uint8Array;
  readonly readonly: boolean;
  readonly ctime: number;
  mtime: number;
  readonly save?: SaveHandler;
}

/**
 * The `keyvault:` file system: documents held in memory only (never a file on disk). Read-only entries report
 * `FilePermission.Readonly`, so VS Code opens them in a read-only editor (never dirty, so never backed up);
 * writable entries call their save handler on save. Nothing can be created, deleted or renamed by the user.
 */
export class KeyVaultFileSystem implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private clock = 0;

  /** Puts (or replaces) a document's content. */
  set(uri: vscode.Uri, text: string, readonly: boolean, save?: SaveHandler): void {
    const existed = this.entries.get(uri.path);
    const now = this.tick();
    this.entries.set(uri.path, { content: new TextEncoder().encode(text), readonly, ctime: existed?.ctime ?? now, mtime: now, ...(save ? { save } : {}) });
    this.changed.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.path);
  }

  /** Drops a document's content from memory. */
  forget(uri: vscode.Uri): void {
    if (this.entries.delete(uri.path)) this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    this.entries.clear();
    this.changed.dispose();
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.entries.get(uri.path);
    if (entry) {
      return { type: vscode.FileType.File, ctime: entry.ctime, mtime: entry.mtime, size: entry.content.byteLength, ...(entry.readonly ? { permissions: vscode.FilePermission.Readonly } : {}) };
    }
    if (this.isDirectory(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const children = new Map<string, vscode.FileType>();
    for (const path of this.entries.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      children.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? vscode.FileType.File : vscode.FileType.Directory);
    }
    if (children.size === 0 && !this.isDirectory(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    return [...children];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry.content;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Key Vault documents can only be opened from the Azure Key Vault view.'));
    if (entry.readonly || !entry.save) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('This Key Vault document is read-only.'));
    const text = new TextDecoder('utf-8').decode(content);
    try {
      await entry.save(text);
    } catch (error) {
      throw vscode.FileSystemError.Unavailable(error instanceof Error ? error.message : String(error));
    }
    // Still ours (not forgotten while saving): the saved text is the new baseline.
    const current = this.entries.get(uri.path);
    if (current) {
      current.content = content;
      current.mtime = this.tick();
    }
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Key Vault documents cannot be created here.'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Key Vault documents cannot be deleted; close the editor instead.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Key Vault documents cannot be renamed.'));
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of this.entries.keys()) if (p.startsWith(prefix)) return true;
    return false;
  }

  /** Modification times that always increase (VS Code compares them to detect changes). */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }
}
