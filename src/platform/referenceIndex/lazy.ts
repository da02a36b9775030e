// The door to the workspace index at activation. The index itself (./workspaceIndex and the modules it uses:
// listing, reading, watchers, the store) is built into its own bundle (dist/reference-index.js) and loaded when the
// index starts — a moment after the Key Vault view is first shown (start.ts), or on the first ready() (Find
// References, the workspace check, Rename) — so activation evaluates none of it and creates no watcher. Until then
// this door answers on its own, cheaply: state 'idle' (or 'off' / 'untrusted'), no usage (`filesUsing` undefined:
// "unknown" for every tree row), no references.
import * as vscode from 'vscode';
import type { IndexedReference, ObjectQuery } from '../../references/usage';
import type { IndexState, WorkspaceReferences } from '../workspaceReferences';
import { indexEnabled, indexSettingIds, notIndexedError } from './settings';
import type { IndexDependencies, WorkspaceReferenceIndex } from './workspaceIndex';

type IndexModule = typeof import('./workspaceIndex');

/** Loads the index bundle (`require`: a CommonJS bundle, as the other doors); a failure rejects the promise. */
function loadIndexModule(): Promise<IndexModule> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see above
    resolve(require('./workspaceIndex') as IndexModule);
  });
}

const noReferences: readonly IndexedReference[] = [];

export class LazyWorkspaceReferences implements WorkspaceReferences {
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changedEmitter.event;
  /** The index, once loaded (it was started then). */
  private index: WorkspaceReferenceIndex | undefined;
  private loading: Promise<WorkspaceReferenceIndex> | undefined;
  /** Someone asked for the index while it was off or untrusted: it loads once it may. */
  private wanted = false;
  /** The on/off setting while nothing is loaded (read once and on change: the state is read for tree rows). */
  private enabled = indexEnabled();
  private disposed = false;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly deps: IndexDependencies) {
    this.disposables = [
      this.changedEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.index || !e.affectsConfiguration(indexSettingIds[0])) return;
        this.enabled = indexEnabled();
        this.changedEmitter.fire();
        if (this.wanted) this.start();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.index) return;
        this.changedEmitter.fire();
        if (this.wanted) this.start();
      }),
    ];
  }

  get state(): IndexState {
    if (this.index) return this.index.state;
    if (!this.enabled) return 'off';
    if (!vscode.workspace.isTrusted) return 'untrusted';
    return 'idle';
  }

  get size(): { readonly files: number; readonly references: number } {
    return this.index?.size ?? { files: 0, references: 0 };
  }

  /** Loads and starts the index in the background (nothing while off or untrusted: it starts once it may). */
  start(): void {
    this.wanted = true;
    if (this.index) return this.index.start();
    const state = this.state;
    if (state === 'off' || state === 'untrusted') return;
    void this.load().catch(() => undefined);
  }

  ready(): Promise<void> {
    this.wanted = true;
    if (this.index) return this.index.ready();
    const state = this.state;
    if (state === 'off' || state === 'untrusted') return Promise.reject(notIndexedError(state));
    return this.load().then((index) => index.ready());
  }

  referencesTo(query: ObjectQuery): IndexedReference[] {
    return this.index ? this.index.referencesTo(query) : [];
  }

  filesUsing(query: ObjectQuery): number | undefined {
    return this.index?.filesUsing(query);
  }

  all(): readonly IndexedReference[] {
    return this.index ? this.index.all() : noReferences;
  }

  /** The session changed: the index parses again when the parser's options did (nothing before it is loaded). */
  optionsChanged(): void {
    this.index?.optionsChanged();
  }

  /** Disk reads of a file (URI string), or of all files (tests, the benchmark); 0 before the index is loaded. */
  readCount(file?: string): number {
    return this.index?.readCount(file) ?? 0;
  }

  /** The files indexed (URI strings); none before the index is loaded. */
  indexedFiles(): string[] {
    return this.index?.indexedFiles() ?? [];
  }

  dispose(): void {
    this.disposed = true;
    this.index?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Loads the bundle once, builds the index (its watchers) and starts it. */
  private load(): Promise<WorkspaceReferenceIndex> {
    this.loading ??= loadIndexModule().then(
      ({ WorkspaceReferenceIndex }) => {
        if (this.disposed) throw new Error('disposed');
        const index = new WorkspaceReferenceIndex(this.deps);
        this.disposables.push(index.onDidChange(() => this.changedEmitter.fire()));
        this.index = index;
        index.start();
        return index;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.deps.log.warn(`workspace index: not loaded: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
    return this.loading;
  }
}
