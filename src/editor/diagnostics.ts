// Keeps the references in visible editors honest: a reference to an object that is missing, deleted, disabled,
// expired (or not yet active, or a version that does not exist) gets a diagnostic on its name. Debounced per
// document; every reference to a vault is answered from that vault's one cached listing (ReferenceLookups), so
// a file with fifty references costs one listing. Off with `azureKeyVault.references.diagnostics`.
import * as vscode from 'vscode';
import type { ReferenceStatus } from '../azure/referenceLookup';
import { loadReferences } from '../references/lazy';
import type { Services } from '../services';
import { formatDate } from '../presentation/format';
import { kindName } from '../model/kindWords';
import { maxScannedLength } from './hover';
import { diagnosticSource, type ReferenceProblem } from './constants';
import type { ReferenceLookups, ResolvedReference } from './lookups';

const debounceMs = 400;

/** The problem of a reference's state, with its message; undefined when all is well (or unknown). */
export function problemOf(resolved: ResolvedReference): { code: ReferenceProblem; message: string; severity: vscode.DiagnosticSeverity } | undefined {
  const { ref, vault, status } = resolved;
  const [kind, name, where] = [kindName(ref.kind), ref.name, vault.name];
  const warning = vscode.DiagnosticSeverity.Warning;
  switch (status.state) {
    case 'missing':
      return { code: 'missing', severity: warning, message: vscode.l10n.t('The {0} "{1}" does not exist in key vault "{2}".', kind, name, where) };
    case 'deleted': {
      const purge = status.deleted.scheduledPurgeDate;
      const message = purge
        ? vscode.l10n.t('The {0} "{1}" is deleted in key vault "{2}" (recoverable until {3}).', kind, name, where, formatDate(purge))
        : vscode.l10n.t('The {0} "{1}" is deleted in key vault "{2}".', kind, name, where);
      return { code: 'deleted', severity: warning, message };
    }
    case 'disabled': {
      const message = ref.version
        ? vscode.l10n.t('The {0} "{1}" (version {2}…) is disabled in key vault "{3}": its value cannot be read.', kind, name, ref.version.slice(0, 8), where)
        : vscode.l10n.t('The {0} "{1}" is disabled in key vault "{2}": its value cannot be read.', kind, name, where);
      return { code: 'disabled', severity: warning, message };
    }
    case 'expired':
      return { code: 'expired', severity: warning, message: vscode.l10n.t('The {0} "{1}" in key vault "{2}" expired on {3}.', kind, name, where, formatDate(expiry(status))) };
    case 'notYetActive':
      return {
        code: 'notYetActive',
        severity: vscode.DiagnosticSeverity.Information,
        message: vscode.l10n.t('The {0} "{1}" in key vault "{2}" is not active before {3}.', kind, name, where, formatDate(status.properties.notBefore)),
      };
    case 'versionMissing':
      return { code: 'versionMissing', severity: warning, message: vscode.l10n.t('Version {0} of the {1} "{2}" does not exist in key vault "{3}".', ref.version ?? '', kind, name, where) };
    default:
      return undefined;
  }
}

function expiry(status: ReferenceStatus): Date | undefined {
  return 'properties' in status ? status.properties.expiresOn : undefined;
}

export class ReferenceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('azureKeyVault');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly lookups: ReferenceLookups,
  ) {
    this.disposables.push(
      this.collection,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isVisible(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        this.collection.delete(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('azureKeyVault.references.diagnostics')) this.scheduleVisible();
      }),
      lookups.onDidChange(() => this.scheduleVisible()),
    );
    this.scheduleVisible();
  }

  /** Checks every visible document again (after a change in a vault, a sign-in, a setting). */
  scheduleVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document);
  }

  schedule(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return;
    const key = document.uri.toString();
    this.cancel(document.uri);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(document).catch((error: unknown) => this.services.log.warn(`reference diagnostics: ${error instanceof Error ? error.message : String(error)}`));
      }, debounceMs),
    );
  }

  /** Checks one document now; resolves when its diagnostics are set. */
  async check(document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    if (!this.services.settings.referenceDiagnostics() || !this.lookups.enabled || text.length > maxScannedLength) {
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const { findReferences } = await loadReferences();
    const refs = findReferences(text, this.lookups.parseOptions());
    const results = await Promise.all(refs.map((r) => this.lookups.lookup(r).catch(() => undefined)));
    if (document.isClosed || document.version !== version) return; // a newer check is on its way
    const diagnostics: vscode.Diagnostic[] = [];
    for (const resolved of results) {
      const problem = resolved && problemOf(resolved);
      if (!resolved || !problem) continue;
      const range = new vscode.Range(document.positionAt(resolved.ref.nameStart), document.positionAt(resolved.ref.nameEnd));
      const diagnostic = new vscode.Diagnostic(range, problem.message, problem.severity);
      diagnostic.source = diagnosticSource;
      diagnostic.code = problem.code;
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
