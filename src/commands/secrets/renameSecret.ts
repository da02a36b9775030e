// Rename Secret… Key Vault has no rename, so a rename is three steps, each saying what it did and what it did not:
//   1. the new name gets the old one's CURRENT value, content type, tags and dates (expiry, not-before) — one GET,
//      one safe PUT; older versions and their history stay with the old name;
//   2. every reference to the old name in the workspace is rewritten through one WorkspaceEdit that VS Code shows in
//      its Refactor Preview (the user ticks the changes and applies); references pinned to the copied version move to
//      the new secret's version (same value), those pinned to older versions are left alone;
//   3. separately confirmed, the old name is soft-deleted (its versions recoverable for the vault's retention).
// Nothing is lost when a step fails or is declined: the old secret is untouched until step 3, and a rename that
// stopped after step 1 continues when it is run again with the same new name (the copy is recognised).
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk } from '../../azure/lazy';
import { deleteIsPermanent } from '../../azure/rules';
import type { SecretValue } from '../../azure/secretOps';
import { referencedObject } from '../../model/referenced';
import { EditorCommandIds } from '../../model/commandIds';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { explainFailure, request, vaultClients } from '../failures';
import { revealQuietly } from '../items/common';
import { readSecretValue } from '../items/secretValue';
import { revealAction } from '../notices';
import { withProgress } from '../progress';
import { editorFolder } from './editSession';
import { secretLifecycle } from './lifecycle';
import { askNewName } from './renameName';
import { applyReferenceRename, planReferenceRename, workspaceIndexReady, type ReferencePlan } from './renameReferences';

/** How far a rename got (returned to the caller: tests, and the log). */
export interface RenameResult {
  readonly from: string;
  readonly to: string;
  /** The new secret's version (the copy of the old current version). */
  readonly version?: string;
  /** Continued an earlier rename that had stopped after creating the new name. */
  readonly resumed: boolean;
  /** References the edit rewrote / would have rewritten, and in how many files. */
  readonly rewritten: number;
  readonly planned: number;
  readonly files: number;
  /** Left alone: pinned to another version of the old name; changed since the index read them. */
  readonly pinnedElsewhere: number;
  readonly changed: number;
  /** Whether the workspace index was used (false: off or untrusted, the user went on). */
  readonly indexed: boolean;
  readonly oldDeleted: boolean;
}

const sentences = (...parts: (string | undefined | false)[]): string => parts.filter(Boolean).join(' ');

/** The copy: one safe PUT of the old current value, content type, tags and dates under the new name. */
async function createCopy(services: Services, old: ItemTarget, newName: string, current: SecretValue): Promise<string | undefined> {
  const p = current.properties;
  const write = {
    ...(p.contentType !== undefined ? { contentType: p.contentType } : {}),
    ...(p.tags !== undefined ? { tags: p.tags } : {}),
    ...(p.expiresOn ? { expiresOn: p.expiresOn } : {}),
    ...(p.notBefore ? { notBefore: p.notBefore } : {}),
  };
  const created = await request(services, { kind: 'secret', operation: 'write', vault: old.vault, name: newName }, (sdk, vaults, url) =>
    withProgress(services, vscode.l10n.t('Creating {0} with the current value of {1}…', newName, old.name), (abortSignal) => sdk.secretOps.setSecret(vaults, url, newName, current.value, write, { abortSignal }), old.vault),
  );
  services.log.info(`rename: created secret ${newName} in ${old.vault.name} from the current version of ${old.name}`);
  services.view.refreshGroup(old.vault, 'secret');
  return created.version;
}

/** "Find References" on the old name (what still uses it). */
function findReferencesAction(old: ItemTarget): { title: string; run: () => Thenable<unknown> } {
  return { title: vscode.l10n.t('Find References'), run: () => vscode.commands.executeCommand(EditorCommandIds.findReferences, referencedObject(old.vault, 'secret', old.name)) };
}

/** Step 3: asks, then soft-deletes the old name (waiting like Delete Secret). True when deleted. */
async function deleteOldName(services: Services, old: ItemTarget, current: SecretValue, newName: string, left: { pinnedElsewhere: number; changed: number }): Promise<boolean> {
  const { vault } = old;
  const permanent = vault.info ? !vault.info.softDeleteEnabled : deleteIsPermanent(current.properties.recoveryLevel) === true;
  const days = current.properties.recoverableDays ?? vault.info?.softDeleteRetentionInDays;
  const action = permanent ? vscode.l10n.t('Delete Permanently') : vscode.l10n.t('Soft-Delete');
  const question = permanent
    ? vscode.l10n.t('Delete the old name "{0}" permanently?', old.name)
    : days
      ? vscode.l10n.t('Soft-delete the old name "{0}"? (recoverable for {1} days)', old.name, days)
      : vscode.l10n.t('Soft-delete the old name "{0}"? (recoverable)', old.name);
  const detail = sentences(
    permanent
      ? vscode.l10n.t('Soft delete is OFF on {0}: every version of "{1}" is destroyed and cannot be recovered.', vault.name, old.name)
      : vscode.l10n.t('All its versions move to Deleted in {0}; recover them from there if needed.', vault.name),
    left.pinnedElsewhere > 0 && vscode.l10n.t('{0} reference(s) in the workspace pin an older version of "{1}": they stop working when it is deleted.', left.pinnedElsewhere, old.name),
    left.changed > 0 && vscode.l10n.t('{0} reference(s) to "{1}" changed while renaming and were not rewritten: check them with Find References first.', left.changed, old.name),
    vscode.l10n.t('Apps already deployed read "{0}" until the rewritten files are deployed: keep it until then (Delete Secret later) if they are not yet.', old.name),
  );
  if ((await services.ui.confirm(question, detail, action)) !== action) return false;
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    await withProgress(services, vscode.l10n.t('Deleting {0} from {1}…', old.name, vault.name), (abortSignal) => secretLifecycle.remove(sdk, vaults, vault.vaultUrl, old.name, abortSignal), vault);
  } catch (error) {
    services.view.refreshGroupsAndDeleted(vault, secretLifecycle.changes);
    if (error instanceof UserCancelled || classifyError(error).kind === 'cancelled') {
      throw new Error(vscode.l10n.t('Renamed "{0}" to "{1}"; the delete of "{0}" was stopped: it may still exist — check the vault and delete it with Delete Secret.', old.name, newName));
    }
    const why = explainFailure(classifyError(error), { kind: 'secret', operation: 'delete', vault, name: old.name });
    throw new Error(vscode.l10n.t('Renamed "{0}" to "{1}", but "{0}" was not deleted: {2} Delete it later with Delete Secret.', old.name, newName, why));
  }
  services.log.info(`rename: deleted secret ${old.name} from ${vault.name}${permanent ? ' (permanent)' : ''}`);
  services.documents.secretValues.markDeleted(editorFolder(vault, old.name), true);
  services.view.refreshGroupsAndDeleted(vault, secretLifecycle.changes);
  return true;
}

/** Rename Secret… on a secret row (or picked from the palette). */
export async function renameSecret(services: Services, target: ItemTarget): Promise<RenameResult> {
  const old: ItemTarget = { vault: target.vault, kind: 'secret', name: target.name, ...(target.properties ? { properties: target.properties } : {}) };
  if (target.managed) {
    throw new Error(vscode.l10n.t('The secret "{0}" belongs to the certificate of the same name: it cannot be renamed, and neither can the certificate (Key Vault has no rename). Nothing was sent to Azure.', old.name));
  }
  let read: Promise<SecretValue> | undefined;
  const current = () => (read ??= readSecretValue(services, old));
  const named = await askNewName(services, old, vscode.l10n.t('Rename {0} in {1}', old.name, old.vault.name), current);
  const newName = named.name;
  // Before anything is written: the index (or the user's word that files will not be updated).
  const indexed = await workspaceIndexReady(services, old.name);
  const value = await current();
  const fromVersion = value.properties.version;
  const toVersion = named.resume ? named.copy.properties.version : await createCopy(services, old, newName, value);

  const base = { from: old.name, to: newName, ...(toVersion ? { version: toVersion } : {}), resumed: named.resume, indexed };
  const created = named.resume
    ? vscode.l10n.t('"{0}" already held the current value of "{1}".', newName, old.name)
    : vscode.l10n.t('Created "{0}" with the current value, content type, tags and dates of "{1}" (older versions stay with "{1}").', newName, old.name);
  let plan: ReferencePlan | undefined;
  try {
    plan = indexed ? await planReferenceRename(services, old, newName, { ...(fromVersion ? { fromVersion } : {}), ...(toVersion ? { toVersion } : {}) }) : undefined;
  } catch (error) {
    throw new Error(sentences(created, vscode.l10n.t('The workspace’s references could not be read ({0}): no file was changed and "{1}" is unchanged. Run Rename Secret on "{1}" again with the name "{2}" to continue.', error instanceof Error ? error.message : String(error), old.name, newName)));
  }
  const counts = { planned: plan?.rewrites ?? 0, files: plan?.files.size ?? 0, pinnedElsewhere: plan?.pinnedElsewhere ?? 0, changed: plan?.changed ?? 0 };
  let applied = 0;
  if (plan && plan.rewrites > 0) {
    try {
      applied = (await applyReferenceRename(services, plan, newName)).applied;
    } catch (error) {
      throw new Error(sentences(created, vscode.l10n.t('The references could not be rewritten ({0}): "{1}" is unchanged. Run Rename Secret on "{1}" again with the name "{2}" to continue.', error instanceof Error ? error.message : String(error), old.name, newName)));
    }
    if (applied < plan.rewrites) {
      const reveal = revealAction(services, { vault: old.vault, kind: 'secret', name: newName });
      const message = applied === 0
        ? sentences(created, vscode.l10n.t('No reference was rewritten (the preview was discarded, or nothing was ticked) and "{0}" is unchanged. To finish, run Rename Secret on "{0}" again with the name "{1}": it continues from here. Or delete "{1}" if you changed your mind.', old.name, newName))
        : sentences(created, vscode.l10n.t('{0} of {1} references were rewritten; the others still use "{2}", so "{2}" was kept. Run Rename Secret on "{2}" again with the name "{3}" to rewrite the rest.', applied, plan.rewrites, old.name, newName));
      services.ui.notify(message, { actions: [findReferencesAction(old), reveal] });
      return { ...base, ...counts, rewritten: applied, oldDeleted: false };
    }
  }
  await revealQuietly(services, { vault: old.vault, kind: 'secret', name: newName });
  const rewrote = !indexed
    ? vscode.l10n.t('The workspace was not searched: update the files that use "{0}" yourself.', old.name)
    : counts.planned
      ? vscode.l10n.t('Rewrote {0} reference(s) in {1} file(s).', applied, counts.files)
      : vscode.l10n.t('No reference to "{0}" in the workspace.', old.name);
  const left = sentences(
    counts.pinnedElsewhere > 0 && vscode.l10n.t('{0} reference(s) pinned to older versions of "{1}" were left as they are.', counts.pinnedElsewhere, old.name),
    counts.changed > 0 && vscode.l10n.t('{0} reference(s) changed while renaming were left as they are: check them with Find References.', counts.changed),
  );
  const deleted = await deleteOldName(services, old, value, newName, counts);
  const ending = deleted
    ? vscode.l10n.t('Renamed "{0}" to "{1}": "{0}" was deleted (recoverable from Deleted unless soft delete is off).', old.name, newName)
    : vscode.l10n.t('Renamed "{0}" to "{1}": "{0}" was kept (delete it later with Delete Secret).', old.name, newName);
  services.ui.notify(sentences(ending, created, rewrote, left), { actions: [revealAction(services, { vault: old.vault, kind: 'secret', name: newName })] });
  return { ...base, ...counts, rewritten: applied, oldDeleted: deleted };
}
