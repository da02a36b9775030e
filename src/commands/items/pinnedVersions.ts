// Rotation and pinned versions: after a secret gets a new current version (New Version, Make This Version Current),
// the references of the workspace pinned to the version it replaced still read the old value. When the workspace
// index is ready and knows such references, an offer — "Update N Pinned References to the New Version" — builds ONE
// WorkspaceEdit replacing the version in each (src/references/versionEdits.ts), every entry marked
// `needsConfirmation`: VS Code opens its Refactor Preview and nothing changes until the user applies it. Files are
// read as they are now (an open editor's unsaved text included) and parsed again: only references still exactly
// where the index saw them are rewritten. Local edits only: no request to Azure.
import * as vscode from 'vscode';
import type { VaultTarget } from '../../model/targets';
import { shortId } from '../../presentation/format';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { referencesNow } from './referencesNow';
import { queryOf } from './usage';

export interface PinnedSecret {
  readonly vault: VaultTarget;
  readonly name: string;
}

/** What a pin update did: references the edit rewrote (as applied: the user may untick some or discard it). */
export interface PinUpdate {
  readonly planned: number;
  readonly applied: number;
  /** Changed since the index read them: left alone. */
  readonly changed: number;
}


/** References of the workspace pinned to `version` of the secret (the index's; empty until it is ready). */
export function pinnedTo(services: Services, secret: PinnedSecret, version: string): { references: number; files: number } {
  const index = services.workspaceReferences;
  if (index.state !== 'ready') return { references: 0, files: 0 };
  const refs = index.referencesTo(queryOf({ vault: secret.vault, kind: 'secret', name: secret.name, version }));
  return { references: refs.length, files: new Set(refs.map((r) => r.file)).size };
}

/** Moves the references pinned to `from` to `to`, through VS Code's Refactor Preview; resolves when the user is done. */
export async function updatePinnedReferences(services: Services, secret: PinnedSecret, from: string, to: string): Promise<PinUpdate> {
  const { refs, files, changed: moved } = await referencesNow(services, queryOf({ vault: secret.vault, kind: 'secret', name: secret.name, version: from }));
  const edit = new vscode.WorkspaceEdit();
  const label = vscode.l10n.t('Pin {0} to its new version {1}', secret.name, shortId(to));
  const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: true, label, description: vscode.l10n.t('was {0}', shortId(from)) };
  const touched: vscode.Uri[] = [];
  let [planned, changed] = [0, moved];
  for (const { uri, document, text, still } of files) {
    const edits = refs.versionEdits(text, still, from, to);
    changed += still.length - edits.length;
    if (edits.length === 0) continue;
    touched.push(uri);
    planned += edits.length;
    for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText, metadata);
  }
  if (planned === 0) return { planned, applied: 0, changed };
  const before = await pinnedCount(touched, to, services);
  await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  const applied = Math.min(planned, Math.max(0, (await pinnedCount(touched, to, services)) - before));
  services.log.info(`pinned references of secret ${secret.name}: ${applied} of ${planned} moved to version ${shortId(to)}${changed ? ` (${changed} changed since indexed, left alone)` : ''}`);
  return { planned, applied, changed };
}

/** References in the files pinned to `version` (of any object: the count before and after tells what changed). */
async function pinnedCount(uris: readonly vscode.Uri[], version: string, services: Services): Promise<number> {
  const refs = await loadReferences();
  let count = 0;
  for (const uri of uris) {
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    count += refs.findReferences(text, services.session.referenceParseOptions()).filter((r) => r.version === version.toLowerCase()).length;
  }
  return count;
}

/**
 * After a new current version: when files pin the replaced version, offers (a notification, not waited for) to move
 * them to the new one; the result is told when the user has applied or discarded the preview.
 */
export function offerPinUpdate(services: Services, secret: PinnedSecret, replaced: string | undefined, current: string | undefined): void {
  if (!replaced || !current || replaced === current) return;
  const pinned = pinnedTo(services, secret, replaced);
  if (pinned.references === 0) return;
  const button = vscode.l10n.t('Update {0} Pinned References to the New Version', pinned.references);
  const message = pinned.files === 1
    ? vscode.l10n.t('{0} references in 1 file of the workspace are pinned to the previous version {1} of {2}.', pinned.references, shortId(replaced), secret.name)
    : vscode.l10n.t('{0} references in {1} files of the workspace are pinned to the previous version {2} of {3}.', pinned.references, pinned.files, shortId(replaced), secret.name);
  void Promise.resolve(services.ui.showInformationMessage(message, button))
    .then(async (choice) => {
      if (choice !== button) return;
      const done = await updatePinnedReferences(services, secret, replaced, current);
      const left = done.changed ? ` ${vscode.l10n.t('{0} changed since they were indexed and were left alone.', done.changed)}` : '';
      services.ui.notify(vscode.l10n.t('{0} of {1} pinned references of {2} now name version {3}.', done.applied, done.planned, secret.name, shortId(current)) + left);
    })
    .then(undefined, (error: unknown) => services.ui.showErrorMessage(error instanceof Error ? error.message : String(error)));
}
