// THE workspace index of Key Vault references (src/platform/workspaceReferences.ts says what it answers). Built in
// the background on the first `start()` (the Key Vault view shown, or the first ready(): Find References, a
// workspace check, a rename): the files of fileSet.ts read a few at a time and parsed one by one in slices
// (slices.ts), so the extension host is never blocked for long. Kept current afterwards: a file changed on disk or
// in an editor (debounced) is re-read and re-parsed alone, a deleted one dropped, a created one checked against
// the exclusions first; a change of .gitignore, the exclusion settings or the workspace folders lists the files
// again (only new ones are read). Nothing at all in an untrusted workspace, until trust is granted.
import * as vscode from 'vscode';
import { loadReferences } from '../../references/lazy';
import type { IndexState, WorkspaceReferences } from '../workspaceReferences';
import { includedOf, listIndexedFiles } from './fileSet';
import { hasIndexedType, indexedFilesGlob } from './ignoreGlobs';
import { FileReader } from './reader';
import { indexEnabled, indexSettingIds, listingSettingIds, maxFileBytes, notIndexedError } from './settings';
import { forEachLimited, Slices } from './slices';
import { ReferenceStore } from './store';
import type { IndexedReference, ObjectQuery, ParseOptions, References } from './types';

/** Files read at once while building. */
const PARALLEL_READS = 16;
/** Edits and file events of one file within this time are one re-parse. */
const DEBOUNCE_MS = 250;

export interface IndexDependencies {
  readonly log: vscode.LogOutputChannel;
  /** The parser's options: the signed-in cloud's Key Vault DNS suffix. */
  parseOptions(): ParseOptions;
}

export class WorkspaceReferenceIndex implements WorkspaceReferences {
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changedEmitter.event;
  private references: References | undefined;
  private readonly store = new ReferenceStore(() => this.references);
  /** The size limit, read once and when its setting changes (reading a setting per file costs more than the parse). */
  private maxBytes = maxFileBytes();
  private readonly reader = new FileReader(() => this.maxBytes);
  /** Files over the size limit (or unreadable): listed, not indexed; a change reads them again. */
  private readonly skipped = new Set<string>();
  /** Files indexed from an editor's unsaved text: closing the editor reads the disk again. */
  private readonly unsaved = new Set<string>();
  /** Whether anyone asked for the index (start() or ready()): until then nothing is read. */
  private wanted = false;
  private built = false;
  private building: Promise<void> | undefined;
  /** Bumped by a reset: work of an older generation stores nothing. */
  private generation = 0;
  private readonly cancel = new Set<vscode.CancellationTokenSource>();
  /** Per file, the newest read: an older one landing later is dropped. */
  private readonly tickets = new Map<string, number>();
  private ticket = 0;
  private readonly pending = new Map<string, { uri: vscode.Uri; timer: ReturnType<typeof setTimeout> }>();
  private created: { uris: vscode.Uri[]; timer: ReturnType<typeof setTimeout> } | undefined;
  private relist: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The on/off setting, read once and on change (the state is read for every tree row). */
  private enabled = indexEnabled();
  /**
   * The parser options, read once (the first build) and again only when the session says they may have changed
   * (optionsChanged): reading them asks VS Code for the cloud settings, which costs more than parsing a file, and
   * the first such read after any configuration change makes VS Code build its default configuration (~40 ms).
   */
  private options: ParseOptions | undefined;

  constructor(private readonly deps: IndexDependencies) {
    const watcher = vscode.workspace.createFileSystemWatcher(indexedFilesGlob);
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    // A deleted folder is reported as the folder (its path matches no file glob): deletes of any path; a created one
    // is listed again (below).
    const anyWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      this.changedEmitter,
      watcher,
      ignoreWatcher,
      anyWatcher,
      anyWatcher.onDidDelete((uri) => this.fileDeleted(uri)),
      // A new folder: the recursive watcher may miss files written into it before it watched the folder (a checkout,
      // an unzip): one new listing brings them in.
      anyWatcher.onDidCreate((uri) => {
        if (!hasIndexedType(uri.path) && !/\.[^/]*$/.test(uri.path.slice(uri.path.lastIndexOf('/') + 1))) this.listAgain();
      }),
      watcher.onDidChange((uri) => this.fileChanged(uri)),
      watcher.onDidCreate((uri) => this.fileCreated(uri)),
      ignoreWatcher.onDidChange(() => this.listAgain()),
      ignoreWatcher.onDidCreate(() => this.listAgain()),
      ignoreWatcher.onDidDelete(() => this.listAgain()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.fileChanged(e.document.uri);
      }),
      // A closed document's unsaved text no longer counts: the disk's does again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.isDirty || this.unsaved.has(d.uri.toString())) this.fileChanged(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.listAgain()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.wanted) void this.build();
        this.changedEmitter.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(indexSettingIds[0])) this.enabled = indexEnabled();
        if (e.affectsConfiguration(indexSettingIds[1])) this.maxBytes = maxFileBytes();
        if (indexSettingIds.some((s) => e.affectsConfiguration(s))) this.restart();
        else if (listingSettingIds.some((s) => e.affectsConfiguration(s))) this.listAgain();
      }),
    );
  }

  get state(): IndexState {
    if (!this.enabled) return 'off';
    if (!vscode.workspace.isTrusted) return 'untrusted';
    return this.built ? 'ready' : 'building';
  }

  get size(): { readonly files: number; readonly references: number } {
    return this.store.size;
  }

  /** Starts building in the background (nothing when off, untrusted or already started). */
  start(): void {
    this.wanted = true;
    if (this.state === 'building' && !this.building) void this.build();
  }

  ready(): Promise<void> {
    this.start();
    const state = this.state;
    if (state === 'off' || state === 'untrusted') return Promise.reject(notIndexedError(state));
    return this.building ?? Promise.resolve();
  }

  referencesTo(query: ObjectQuery): IndexedReference[] {
    return this.state === 'ready' ? this.store.referencesTo(query) : [];
  }

  filesUsing(query: ObjectQuery): number | undefined {
    return this.state === 'ready' ? this.store.filesUsing(query) : undefined;
  }

  all(): readonly IndexedReference[] {
    return this.state === 'ready' ? this.store.all() : [];
  }

  /** How many times a file (URI string) was read from disk, or all files' reads summed (tests, the benchmark). */
  readCount(file?: string): number {
    return this.reader.readCount(file);
  }

  /** The files indexed (URI strings), those without references included. */
  indexedFiles(): string[] {
    return this.store.fileKeys();
  }

  dispose(): void {
    this.reset();
    for (const d of this.disposables) d.dispose();
  }

  /** Drops everything and stops what runs (settings changed, disposed). */
  private reset(): void {
    this.generation += 1;
    for (const c of this.cancel) c.cancel();
    this.cancel.clear();
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    if (this.created) clearTimeout(this.created.timer);
    this.created = undefined;
    if (this.relist) clearTimeout(this.relist);
    this.relist = undefined;
    this.store.clear();
    this.skipped.clear();
    this.unsaved.clear();
    this.built = false;
    this.building = undefined;
  }

  /** The session changed: when the parser's options did (another cloud's DNS suffix), every file is parsed again. */
  optionsChanged(): void {
    if (this.options === undefined) return; // nothing parsed yet: the first build reads them
    const now = this.deps.parseOptions();
    if (JSON.stringify(now) === JSON.stringify(this.options)) return;
    this.options = now;
    this.restart();
  }

  private restart(): void {
    const was = this.built || this.building !== undefined;
    this.reset();
    this.changedEmitter.fire();
    if (was || this.wanted) this.start();
  }

  /** Lists the workspace's files and reads every one not indexed yet (all of them the first time). */
  private build(): Promise<void> {
    if (this.building) return this.building;
    const generation = this.generation;
    const building = this.sync(generation).then(
      () => {
        if (generation !== this.generation) return;
        this.built = true;
        this.deps.log.info(`workspace index: ${this.store.size.files} files, ${this.store.size.references} references`);
        this.changedEmitter.fire();
      },
      (error: unknown) => {
        if (generation === this.generation) this.deps.log.warn(`workspace index: ${error instanceof Error ? error.message : String(error)}`);
      },
    ).finally(() => {
      if (this.building === building) this.building = undefined;
    });
    this.building = building;
    return building;
  }

  private async sync(generation: number): Promise<void> {
    if (this.state === 'off' || this.state === 'untrusted') return;
    this.references ??= await loadReferences();
    this.options ??= this.deps.parseOptions();
    const cts = new vscode.CancellationTokenSource();
    this.cancel.add(cts);
    try {
      const listed = await listIndexedFiles(cts.token);
      if (generation !== this.generation) return;
      let dropped = false;
      for (const key of this.store.fileKeys()) if (!listed.has(key)) dropped = this.store.delete(key) || dropped;
      for (const key of [...this.skipped]) if (!listed.has(key)) this.skipped.delete(key);
      const toRead = [...listed].filter(([key]) => !this.store.has(key) && !this.skipped.has(key)).map(([, uri]) => uri);
      const slices = new Slices();
      await forEachLimited(toRead, PARALLEL_READS, async (uri) => {
        await this.index(uri, generation, slices);
      });
      if (dropped && this.built) this.changedEmitter.fire();
    } finally {
      this.cancel.delete(cts);
      cts.dispose();
    }
  }

  /** Reads and parses one file; true when what the index holds of it changed. */
  private async index(uri: vscode.Uri, generation: number, slices: Slices): Promise<boolean> {
    // A reset since (settings changed, disposed): the rest of that listing is not read.
    if (generation !== this.generation) return false;
    const key = uri.toString();
    const ticket = ++this.ticket;
    this.tickets.set(key, ticket);
    const read = await this.reader.read(uri);
    await slices.pause();
    if (generation !== this.generation || this.tickets.get(key) !== ticket || !this.references) return false;
    if ('skipped' in read) {
      if (read.skipped === 'tooLarge') this.deps.log.info(`workspace index: skipped ${vscode.workspace.asRelativePath(uri)} (larger than azureKeyVault.references.maxFileSizeKB)`);
      if (read.skipped === 'missing') {
        this.skipped.delete(key);
        return this.store.delete(key);
      }
      this.skipped.add(key);
      return this.store.delete(key);
    }
    this.skipped.delete(key);
    if (read.unsaved) this.unsaved.add(key);
    else this.unsaved.delete(key);
    const refs = this.references;
    // Parsing is the one synchronous step (about 1 ms for a few KB; a file dense with references costs more).
    const found = refs.mayReference(read.text) ? refs.findReferences(read.text, this.options ?? {}) : [];
    return this.store.set(key, refs.indexText(key, read.text, found));
  }

  /** A file changed (disk or editor): re-read alone, after a pause, if the index holds it. */
  private fileChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.store.has(key) && !this.skipped.has(key)) return;
    const before = this.pending.get(key);
    if (before) clearTimeout(before.timer);
    const generation = this.generation;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      void this.index(uri, generation, new Slices()).then((changed) => {
        if (changed && this.built) this.changedEmitter.fire();
      });
    }, DEBOUNCE_MS);
    this.pending.set(key, { uri, timer });
  }

  private fileDeleted(uri: vscode.Uri): void {
    const key = uri.toString();
    this.tickets.set(key, ++this.ticket); // a read in flight stores nothing
    for (const s of [...this.skipped]) if (s === key || s.startsWith(`${key}/`)) this.skipped.delete(s);
    if (this.store.delete(key) && this.built) this.changedEmitter.fire();
  }

  /** New files: those the exclusions let through are read (checked a batch at a time). */
  private fileCreated(uri: vscode.Uri): void {
    if (!this.wanted || this.state === 'off' || this.state === 'untrusted') return;
    if (this.created) clearTimeout(this.created.timer);
    const uris = [...(this.created?.uris ?? []), uri];
    const generation = this.generation;
    const timer = setTimeout(() => {
      this.created = undefined;
      // Many at once (a checkout, an unzip): one listing is cheaper than a search per file. While a listing is
      // being read, it (or the one after it) reads them: no second read.
      if (uris.length > 20 || this.building) return this.listAgain(0);
      void includedOf(uris).then(async (included) => {
        const slices = new Slices();
        let changed = false;
        for (const u of included) changed = (await this.index(u, generation, slices)) || changed;
        if (changed && this.built) this.changedEmitter.fire();
      });
    }, DEBOUNCE_MS);
    this.created = { uris, timer };
  }

  /** Lists the files again (exclusions or folders changed): drops what is no longer listed, reads what is new. */
  private listAgain(delay = DEBOUNCE_MS): void {
    if (!this.wanted || this.state === 'off' || this.state === 'untrusted') return;
    if (this.relist) clearTimeout(this.relist);
    this.relist = setTimeout(() => {
      this.relist = undefined;
      // A build under way may have listed before the change: list again once it is done.
      if (this.building) return void this.building.then(() => this.listAgain(0));
      if (!this.built) return void this.build();
      const generation = this.generation;
      void this.sync(generation).then(() => this.changedEmitter.fire());
    }, delay);
  }
}
