// Check Key Vault References in Workspace: waits for the workspace index (building it if needed), then checks every
// reference it holds against its vault (src/editor/workspaceDiagnostics.ts: one listing per vault and kind, plus
// pages; the deleted listing when a name is missing; one versions listing per pinned object that exists) and puts
// the problems in the Problems panel — files not open included — with the open-file diagnostics' messages and codes,
// so their quick fixes apply. Cancellable; a summary with a button to the Problems panel. Nothing in an untrusted
// workspace. The command holds the workspace diagnostics it fills, so it is registered with them (`register`).
import * as vscode from 'vscode';
import type { ReferenceLookups } from '../../editor/lookups';
import { WorkspaceDiagnostics, type WorkspaceCheck } from '../../editor/workspaceDiagnostics';
import { EditorCommandIds } from '../../model/commandIds';
import type { Services } from '../../services';
import { command } from '../feature';
import { withProgress } from '../progress';
import { args } from '../targets';
import { runCommand } from '../wrapper';

/** Resolves with `promise`, or rejects with a CancellationError as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(new vscode.CancellationError());
      signal.addEventListener('abort', () => reject(new vscode.CancellationError()), { once: true });
    }),
  ]);
}

/** "N references in M files checked: K problems", and what was not checked. */
export function summaryOf(result: WorkspaceCheck): string {
  const parts = [vscode.l10n.t('{0} references in {1} files checked: {2} problems', result.checked, result.files, result.problems)];
  if (result.skipped) parts.push(vscode.l10n.t('{0} references to vaults not in your Key Vault view were not checked.', result.skipped));
  if (result.unknown) parts.push(vscode.l10n.t('{0} references could not be checked: their vault could not be read.', result.unknown));
  return parts.join(' ');
}

/** The check itself: index ready (progress), every reference resolved (progress with Cancel), the summary. */
export async function checkWorkspaceReferences(services: Services, diagnostics: WorkspaceDiagnostics): Promise<WorkspaceCheck> {
  if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('Key Vault references are checked only in a trusted workspace: trust this workspace first. Nothing was checked.'));
  const index = services.workspaceReferences;
  if (index.state === 'off') {
    throw new Error(vscode.l10n.t('The workspace index of Key Vault references is off (setting azureKeyVault.references.indexWorkspace): turn it on to check the workspace. Nothing was checked.'));
  }
  if (index.state !== 'ready') {
    await withProgress(services, vscode.l10n.t('Finding Key Vault references in the workspace…'), async (signal, report) => {
      const progress = index.onDidChange(() => report(vscode.l10n.t('{0} files, {1} references so far', index.size.files, index.size.references)));
      try {
        await untilAborted(index.ready(), signal);
      } finally {
        progress.dispose();
      }
    });
  }
  const references = index.all();
  const title = vscode.l10n.t('Checking {0} Key Vault references…', references.length);
  const result = await withProgress(services, title, (signal, report) =>
    diagnostics.check(references, signal, (done, total) => report(vscode.l10n.t('{0} of {1}', done, total))),
  );
  services.ui.notify(summaryOf(result), {
    actions: result.problems > 0 ? [{ title: vscode.l10n.t('Show Problems'), run: () => vscode.commands.executeCommand('workbench.actions.view.problems') }] : [],
  });
  return result;
}

/**
 * The workspace diagnostics (sharing the editor's lookups) and the command that fills them, run through the one
 * command wrapper like every other command.
 */
export function registerWorkspaceCheck(services: Services, lookups: ReferenceLookups): vscode.Disposable[] {
  const diagnostics = new WorkspaceDiagnostics(services, lookups);
  const id = EditorCommandIds.checkWorkspaceReferences;
  const check = command(args(), () => checkWorkspaceReferences(services, diagnostics));
  const title = vscode.l10n.t('Check Key Vault References in Workspace');
  return [diagnostics, vscode.commands.registerCommand(id, (...given: unknown[]) => runCommand(services, id, title, check, given))];
}
