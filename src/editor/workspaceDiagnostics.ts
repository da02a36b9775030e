// Problems of Key Vault references in every file of the workspace (Check Key Vault References in Workspace), open
// or not: the references the workspace index found, resolved with the editor's ReferenceLookups — every reference
// to a vault is answered by that vault's listing of the kind (one per vault and kind, plus pages; the deleted
// listing only when a name is missing; one versions listing per pinned object that exists), never a request per
// reference — with the same messages and codes as the open-file diagnostics (`problemOf`), so the same quick fixes
// apply. A check replaces the previous results. A file whose text changes drops its problems (stale; the open-file
// diagnostics check it while it is open); a file shown in an editor is left to the open-file diagnostics (its
// workspace problems come back when it is closed unchanged); a problem whose object changes (a quick fix, a refresh)
// is resolved again. Nothing in an untrusted workspace.
import * as vscode from 'vscode';
import type { IndexedReference, LineRange } from '../references/usage';
import type { Services } from '../services';
import { diagnosticSource } from './constants';
import { problemOf } from './diagnostics';
import type { ReferenceLookups, ResolvedReference } from './lookups';

/** What a check found. */
export interface WorkspaceCheck {
  /** References resolved to a vault of the user's and checked. */
  readonly checked: number;
  /** Files those references are in. */
  readonly files: number;
  readonly problems: number;
  /** Files with at least one problem. */
  readonly filesWithProblems: number;
  /** References to vaults the user does not see (not asked). */
  readonly skipped: number;
  /** References whose vault could not be read (access, network, too large): nothing said about them. */
  readonly unknown: number;
}

interface Problem {
  readonly indexed: IndexedReference;
  readonly diagnostic: vscode.Diagnostic;
}

const rangeOf = (r: LineRange) => new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);

/** The same reference at the same place (the index still holds it: the file did not change there). */
const sameReference = (a: IndexedReference, b: IndexedReference): boolean =>
  a.file === b.file && a.ref.format === b.ref.format && a.ref.name === b.ref.name && a.ref.version === b.ref.version && a.ref.kind === b.ref.kind &&
  a.nameRange.startLine === b.nameRange.startLine && a.nameRange.startCharacter === b.nameRange.startCharacter &&
  a.nameRange.endLine === b.nameRange.endLine && a.nameRange.endCharacter === b.nameRange.endCharacter;

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('azureKeyVault.workspace');
  /** The last check's problems, by file URI (string). */
  private problems = new Map<string, Problem[]>();
  /** Files shown in an editor since they were opened: the open-file diagnostics speak for them until they close. */
  private readonly takenOver = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Bumped by every check: an older one's results are dropped. */
  private generation = 0;

  constructor(
    private readonly services: Services,
    private readonly lookups: ReferenceLookups,
  ) {
    this.disposables.push(
      this.collection,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.takeOver(e.document))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.drop(e.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.release(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('azureKeyVault.references.diagnostics')) this.show();
      }),
      services.workspaceReferences.onDidChange(() => this.dropStale()),
      lookups.onDidChange(() => void this.resolveAgain()),
    );
  }

  /** Files with workspace problems (shown or taken over by the open-file diagnostics). */
  get files(): readonly string[] {
    return [...this.problems.keys()];
  }

  /**
   * Checks `references` (the index's) and replaces the previous results; `report` gets the count done. An abort
   * (Cancel) keeps the previous results and rejects with the signal's reason.
   */
  async check(references: readonly IndexedReference[], signal: AbortSignal, report: (done: number, total: number) => void): Promise<WorkspaceCheck> {
    if (!this.lookups.enabled) throw new Error(vscode.l10n.t('The workspace is not trusted: its files are not checked.'));
    const generation = ++this.generation;
    // A check asked for now answers from fresh listings (a cached one may be a minute old).
    const vaults = await this.lookups.vaults().catch(() => []);
    const urls = new Set<string>();
    for (const r of references) {
      const vault = await this.lookups.resolveVault(r.ref.vault);
      if (vault) urls.add(vault.vaultUrl);
    }
    if (signal.aborted) throw new vscode.CancellationError();
    for (const url of urls) this.lookups.index.invalidate(url);
    let done = 0;
    const resolving = Promise.all(
      references.map(async (indexed) => {
        const resolved = await this.lookups.lookup(indexed.ref).catch(() => undefined);
        report(++done, references.length);
        return { indexed, resolved };
      }),
    );
    const results = await abortable(resolving, signal);
    if (generation !== this.generation) throw new vscode.CancellationError();
    const problems = new Map<string, Problem[]>();
    const files = new Set<string>();
    let [checked, skipped, unknown] = [0, 0, 0];
    for (const { indexed, resolved } of results) {
      if (!resolved) {
        skipped++;
        continue;
      }
      if (resolved.status.state === 'unknown') {
        unknown++;
        continue;
      }
      checked++;
      files.add(indexed.file);
      const diagnostic = diagnosticOf(indexed, resolved);
      if (!diagnostic) continue;
      const list = problems.get(indexed.file) ?? [];
      list.push({ indexed, diagnostic });
      problems.set(indexed.file, list);
    }
    this.problems = problems;
    for (const editor of vscode.window.visibleTextEditors) this.takeOver(editor.document, false);
    this.show();
    const count = [...problems.values()].reduce((n, list) => n + list.length, 0);
    this.services.log.info(`workspace references: ${checked} checked in ${files.size} files (${vaults.length} vaults known), ${count} problems, ${skipped} to vaults not listed, ${unknown} unknown`);
    return { checked, files: files.size, problems: count, filesWithProblems: problems.size, skipped, unknown };
  }

  /** Sets the collection from `problems`, without the files the open-file diagnostics speak for. */
  private show(): void {
    this.collection.clear();
    const takeOver = this.services.settings.referenceDiagnostics();
    for (const [file, list] of this.problems) {
      if (takeOver && this.takenOver.has(file)) continue;
      this.collection.set(vscode.Uri.parse(file), list.map((p) => p.diagnostic));
    }
  }

  /** A file shown in an editor: its problems are the open-file diagnostics' while it stays open. */
  private takeOver(document: vscode.TextDocument, refresh = true): void {
    const key = document.uri.toString();
    if (this.takenOver.has(key)) return;
    this.takenOver.add(key);
    if (refresh && this.problems.has(key) && this.services.settings.referenceDiagnostics()) this.collection.delete(document.uri);
  }

  /** A file closed: its workspace problems (when it did not change) show again. */
  private release(key: string): void {
    if (!this.takenOver.delete(key)) return;
    const list = this.problems.get(key);
    if (list) this.collection.set(vscode.Uri.parse(key), list.map((p) => p.diagnostic));
  }

  /** A file whose text changed: its problems may point at the wrong place. */
  private drop(key: string): void {
    if (!this.problems.delete(key)) return;
    this.collection.delete(vscode.Uri.parse(key));
  }

  /** After the index changed: problems whose reference is no longer where it was (the file changed, or is gone) go. */
  private dropStale(): void {
    if (this.problems.size === 0 || this.services.workspaceReferences.state !== 'ready') return;
    const current = new Map<string, IndexedReference[]>();
    for (const r of this.services.workspaceReferences.all()) {
      if (!this.problems.has(r.file)) continue;
      const list = current.get(r.file) ?? [];
      list.push(r);
      current.set(r.file, list);
    }
    let changed = false;
    for (const [file, list] of [...this.problems]) {
      const now = current.get(file) ?? [];
      const kept = list.filter((p) => now.some((r) => sameReference(r, p.indexed)));
      if (kept.length === list.length) continue;
      changed = true;
      if (kept.length) this.problems.set(file, kept);
      else this.problems.delete(file);
    }
    if (changed) this.show();
  }

  /**
   * Something a reference depends on changed (a write, a refresh, a sign-in): the problems are resolved again from
   * the lookups (cached listings answer; a changed vault is listed again). A problem that is gone goes.
   */
  private async resolveAgain(): Promise<void> {
    if (this.problems.size === 0 || !this.lookups.enabled) return;
    const before = this.problems;
    const results = await Promise.all(
      [...before.values()].flat().map(async (p) => ({ p, resolved: await this.lookups.lookup(p.indexed.ref).catch(() => undefined) })),
    );
    // A check (or another re-resolution) replaced the results meanwhile: theirs are newer.
    if (before !== this.problems) return;
    const problems = new Map<string, Problem[]>();
    for (const { p, resolved } of results) {
      // Unknown now (no access, signed out): say nothing rather than something stale.
      const diagnostic = resolved && resolved.status.state !== 'unknown' ? diagnosticOf(p.indexed, resolved) : undefined;
      if (!diagnostic) continue;
      problems.set(p.indexed.file, [...(problems.get(p.indexed.file) ?? []), { indexed: p.indexed, diagnostic }]);
    }
    this.problems = problems;
    this.show();
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables) d.dispose();
  }
}

/** The open-file diagnostics' problem of a resolved reference, on its name; undefined when all is well. */
function diagnosticOf(indexed: IndexedReference, resolved: ResolvedReference): vscode.Diagnostic | undefined {
  const problem = problemOf(resolved);
  if (!problem) return undefined;
  const diagnostic = new vscode.Diagnostic(rangeOf(indexed.nameRange), problem.message, problem.severity);
  diagnostic.source = diagnosticSource;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** `promise`, or a CancellationError as soon as the signal aborts (Cancel: requests in flight end unheard). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new vscode.CancellationError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new vscode.CancellationError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
