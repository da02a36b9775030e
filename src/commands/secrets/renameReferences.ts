// Rename Secret, the workspace part: the index of Key Vault references (waited for before anything is written), and
// ONE WorkspaceEdit that renames every reference to the old name — each edit marked `needsConfirmation`, so VS Code
// opens its Refactor Preview and nothing changes until the user ticks the changes and applies them. Each file is
// read again as it is now (an open editor's unsaved text included) and parsed: only references that are still
// exactly where the index saw them are rewritten (src/references/rename.ts says how, per format). What was applied
// is counted afterwards from the documents themselves (the user may untick some, or discard the preview).
import * as vscode from 'vscode';
import type { TextReplacement } from '../../references';
import type { FormatId, FoundReference } from '../../references/types';
import { loadReferences, type References } from '../../references/lazy';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { referencesNow } from '../items/referencesNow';
import { queryOf } from '../items/usage';
import { withProgress } from '../progress';

/** What the rename does to the workspace's references. */
export interface ReferencePlan {
  readonly edit: vscode.WorkspaceEdit;
  /** References rewritten by the edit (when applied), and the files they are in. */
  readonly rewrites: number;
  /** Per file (URI string): the references the edit rewrites, and how many already named the new name. */
  readonly files: ReadonlyMap<string, { readonly uri: vscode.Uri; readonly rewritten: readonly FoundReference[]; readonly before: number }>;
  /** Pinned to another version of the old name: left alone (that value exists only under the old name). */
  readonly pinnedElsewhere: number;
  /** Changed since the index read them: left alone (Find References shows them once the index has caught up). */
  readonly changed: number;
}

/** Words for each format in the Refactor Preview's groups. */
function formatWords(format: FormatId): string {
  switch (format) {
    case 'appServiceUri':
    case 'appServiceName':
      return vscode.l10n.t('App Service settings');
    case 'armParameter':
      return vscode.l10n.t('ARM parameter files');
    case 'bicep':
      return vscode.l10n.t('Bicep');
    case 'bicepparam':
      return vscode.l10n.t('Bicep parameter files');
    case 'appConfig':
      return vscode.l10n.t('App Configuration');
    case 'csi':
      return vscode.l10n.t('Kubernetes (Secrets Store CSI driver)');
    case 'githubActions':
      return vscode.l10n.t('GitHub Actions');
    case 'azurePipelines':
      return vscode.l10n.t('Azure Pipelines');
    case 'terraform':
      return vscode.l10n.t('Terraform');
    case 'dotnetKey':
      return vscode.l10n.t('.NET configuration keys');
    case 'uri':
      return vscode.l10n.t('Key Vault URIs');
    case 'kvUri':
      return vscode.l10n.t('Environment files (kv://)');
  }
}

/** Rejects when the operation is cancelled (Cancel on its progress, a sign-out). */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new UserCancelled());
    signal.addEventListener('abort', () => reject(new UserCancelled()), { once: true });
  });
}

/**
 * Waits until the index is complete (with a cancellable progress). True when it is; false when the index is off or
 * the workspace untrusted and the user chose to go on without updating files (otherwise: cancelled).
 */
export async function workspaceIndexReady(services: Services, oldName: string): Promise<boolean> {
  const index = services.workspaceReferences;
  if (index.state === 'off' || index.state === 'untrusted') {
    const go = vscode.l10n.t('Rename Without Updating Files');
    const why = index.state === 'off'
      ? vscode.l10n.t('The workspace index of Key Vault references is off (setting azureKeyVault.references.indexWorkspace), so the files that use "{0}" are not known.', oldName)
      : vscode.l10n.t('The workspace is not trusted, so its files are not read: the files that use "{0}" are not known.', oldName);
    const choice = await services.ui.confirm(
      vscode.l10n.t('The workspace’s references to "{0}" will not be updated', oldName),
      `${why} ${vscode.l10n.t('Rename anyway? Files that use the old name keep it: update them yourself before the old name is deleted.')}`,
      go,
    );
    if (choice !== go) throw new UserCancelled();
    return false;
  }
  if (index.state !== 'ready') {
    await withProgress(services, vscode.l10n.t('Finding the references to "{0}" in the workspace…', oldName), (signal) => Promise.race([index.ready(), abortion(signal)]));
  }
  return true;
}


/** References to the new name in a document's text (same vault as the old one's references). */
function namedIn(refs: References, text: string, services: Services, newName: string, like: readonly FoundReference[]): number {
  const vaults = new Set(like.map((r) => JSON.stringify(r.vault)));
  return refs.findReferences(text, services.session.referenceParseOptions()).filter((r) => r.name.toLowerCase() === newName.toLowerCase() && vaults.has(JSON.stringify(r.vault))).length;
}

/**
 * The WorkspaceEdit renaming every reference to `old` in the workspace to `newName`; pins to `fromVersion` (the
 * copied version) move to `toVersion`. Files are read as they are now.
 */
export async function planReferenceRename(services: Services, old: ItemTarget, newName: string, versions: { fromVersion?: string; toVersion?: string }): Promise<ReferencePlan> {
  const { refs, files: now, changed: moved } = await referencesNow(services, queryOf({ vault: old.vault, kind: 'secret', name: old.name }, false));
  const edit = new vscode.WorkspaceEdit();
  const files = new Map<string, { uri: vscode.Uri; rewritten: FoundReference[]; before: number }>();
  let rewrites = 0;
  let pinnedElsewhere = 0;
  let changed = moved;
  for (const { uri, document, text, still } of now) {
    const file = uri.toString();
    const result = refs.renameInText(text, still, { newName, ...versions });
    pinnedElsewhere += result.kept.filter((k) => k.reason === 'pinnedOtherVersion').length;
    changed += result.kept.filter((k) => k.reason === 'textChanged').length;
    if (!result.rewritten.length) continue;
    const rewritten = result.rewritten.map((r) => r.ref);
    files.set(file, { uri, rewritten, before: namedIn(refs, text, services, newName, rewritten) });
    for (const { ref, edits, repinned } of result.rewritten) {
      rewrites++;
      const metadata: vscode.WorkspaceEditEntryMetadata = {
        needsConfirmation: true,
        label: vscode.l10n.t('Rename secret {0} → {1}: {2}', old.name, newName, formatWords(ref.format)),
        ...(repinned ? { description: vscode.l10n.t('pinned version moved to the new secret’s version (same value)') } : {}),
      };
      for (const e of edits) edit.replace(uri, rangeOf(document, e), e.newText, metadata);
    }
  }
  return { edit, rewrites, files, pinnedElsewhere, changed };
}

const rangeOf = (document: vscode.TextDocument, e: TextReplacement): vscode.Range => new vscode.Range(document.positionAt(e.start), document.positionAt(e.end));

/**
 * Applies the plan through VS Code (its Refactor Preview opens: the user ticks the changes and applies, or discards)
 * and counts, from the documents, how many references to the new name each file gained. Files VS Code changed are
 * saved as `files.refactoring.autoSave` says (on by default).
 */
export async function applyReferenceRename(services: Services, plan: ReferencePlan, newName: string): Promise<{ applied: number }> {
  if (!plan.rewrites) return { applied: 0 };
  await vscode.workspace.applyEdit(plan.edit, { isRefactoring: true });
  const refs = await loadReferences();
  let applied = 0;
  for (const { uri, rewritten, before } of plan.files.values()) {
    const document = await vscode.workspace.openTextDocument(uri);
    applied += Math.max(0, namedIn(refs, document.getText(), services, newName, rewritten) - before);
  }
  return { applied: Math.min(applied, plan.rewrites) };
}
