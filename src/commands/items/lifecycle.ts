// Delete (soft), recover and purge — the same for secrets, keys and certificates, parameterised by an
// ItemLifecycle (the kind's service calls, what else changes with it, the buttons its failures offer). Targets come
// from the `item(kind)` and `deletedItem(kind, verb)` specs of ../targets. Safety rules: a modal confirmation that
// says how long a delete stays recoverable or that it is permanent; items of one vault at a time; purge refused
// before any request under purge protection, and only after typing the name. When the workspace index is ready and
// files use the objects, the confirmation says how many, with Show References next to the destructive button (./usage).
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import { loadAzureSdk, type AzureSdk } from '../../azure/lazy';
import type { ObjectKind } from '../../azure/model';
import { deleteIsPermanent, purgeAllowed } from '../../azure/rules';
import type { VaultClients } from '../../azure/sdk';
import type { ItemTarget, VaultTarget } from '../../model/targets';
import { kindName, kindNames } from '../../model/kindWords';
import type { Services } from '../../services';
import { explainFailure, fail, vaultClients, type FailureActions, type Operation } from '../failures';
import { withProgress } from '../progress';
import { UserCancelled } from '../wrapper';
import { revealQuietly } from './common';
import { revealAction } from '../notices';
import { confirmWithUsage, usageOf } from './usage';

/** What differs between the kinds; everything else in this file is the same for all three. */
export interface ItemLifecycle {
  readonly kind: ObjectKind;
  /** The kinds whose groups (and Deleted groups) a delete, recover or purge changes: a certificate's key and secret go with it. */
  readonly changes: readonly ObjectKind[];
  /** Said in the delete confirmation and the purge prompt when other objects go with it (one sentence each, translated). */
  readonly goesWithIt?: () => { readonly delete: string; readonly purge: string };
  /** Deletes (soft when the vault has soft delete), waiting until the service has finished. */
  remove(sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, name: string, abortSignal: AbortSignal): Promise<unknown>;
  /** Recovers a deleted one, waiting until it is back. */
  recover(sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, name: string, abortSignal: AbortSignal): Promise<unknown>;
  purge(sdk: AzureSdk, vaults: VaultClients, vaultUrl: string, name: string, abortSignal: AbortSignal): Promise<unknown>;
  /** The buttons a failure on `name` offers (e.g. "Recover"), for kinds that have them. */
  actions?(services: Services, vault: VaultTarget, name: string): FailureActions;
}

/** Refused before any request: the item belongs to a certificate (its key or secret). */
export function managedRefusal(kind: ObjectKind, names: readonly string[], verb: 'delete' | 'enable' | 'disable'): Error {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  if (names.length === 1) {
    const one = kindName(kind);
    switch (verb) {
      case 'delete':
        return new Error(vscode.l10n.t('The {0} {1} belongs to the certificate of the same name: delete the certificate instead. Nothing was sent to Azure.', one, quoted));
      case 'enable':
        return new Error(vscode.l10n.t('The {0} {1} belongs to the certificate of the same name: enable the certificate instead. Nothing was sent to Azure.', one, quoted));
      case 'disable':
        return new Error(vscode.l10n.t('The {0} {1} belongs to the certificate of the same name: disable the certificate instead. Nothing was sent to Azure.', one, quoted));
    }
  }
  const many = kindNames(kind);
  switch (verb) {
    case 'delete':
      return new Error(vscode.l10n.t('The {0} {1} belong to the certificates of the same name: delete the certificates instead. Nothing was sent to Azure.', many, quoted));
    case 'enable':
      return new Error(vscode.l10n.t('The {0} {1} belong to the certificates of the same name: enable the certificates instead. Nothing was sent to Azure.', many, quoted));
    case 'disable':
      return new Error(vscode.l10n.t('The {0} {1} belong to the certificates of the same name: disable the certificates instead. Nothing was sent to Azure.', many, quoted));
  }
}

/** Ends the command with a failed operation of the lifecycle on `name`, explained, with the kind's buttons. */
function failed(services: Services, life: ItemLifecycle, error: unknown, operation: Operation, vault: VaultTarget, name: string): Promise<never> {
  return fail(services, error, { kind: life.kind, operation, vault, name }, life.actions?.(services, vault, name));
}

/**
 * The items a delete acts on: the selection (target first) without rows that are already deleted, one entry per
 * item even when versions were selected.
 */
function doomedItems(target: ItemTarget, selection: readonly ItemTarget[]): ItemTarget[] {
  const live = selection.filter((t) => !t.deleted);
  const seen = new Set<string>();
  return (live.length ? live : [target]).filter((t) => {
    const key = `${t.vault.vaultUrl.toLowerCase()}|${t.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whole sentences, each translated on its own, joined with spaces. */
const sentences = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join(' ');

function recoverableSentence(vault: VaultTarget): string {
  const days = vault.info?.softDeleteRetentionInDays ?? (vault.info?.softDeleteEnabled ? 90 : undefined);
  const protectedName = vault.info?.purgeProtectionEnabled === true;
  if (days) {
    return protectedName
      ? vscode.l10n.t('All versions move to Deleted, where they can be recovered for {0} days (purge protection is on: the name stays taken until then).', days)
      : vscode.l10n.t('All versions move to Deleted, where they can be recovered for {0} days.', days);
  }
  return protectedName
    ? vscode.l10n.t('All versions move to Deleted, where they can be recovered until the vault’s retention period ends (purge protection is on: the name stays taken until then).')
    : vscode.l10n.t('All versions move to Deleted, where they can be recovered until the vault’s retention period ends.');
}

function deleteDetail(vault: VaultTarget, names: readonly string[], permanent: boolean, goesWithIt: string | undefined): string {
  const one = names.length === 1;
  return [
    one ? undefined : names.join(', '),
    permanent
      ? sentences(vscode.l10n.t('Soft delete is OFF on this vault: the delete is PERMANENT. Every version is destroyed and cannot be recovered.'), goesWithIt)
      : sentences(recoverableSentence(vault), goesWithIt, one ? vscode.l10n.t('Apps using it fail until it is recovered.') : vscode.l10n.t('Apps using them fail until they are recovered.')),
  ].filter(Boolean).join('\n\n');
}

/**
 * Delete one item, or every selected one of a vault: a modal confirmation naming them and saying how long they
 * stay recoverable (or that the delete is permanent when the vault has no soft delete), then a progress
 * notification until each delete has completed; they move to the vault's Deleted group. Returns the names.
 */
export async function deleteItems(services: Services, life: ItemLifecycle, target: ItemTarget, selection: readonly ItemTarget[]): Promise<{ deleted: string[]; permanent: boolean }> {
  const kind = life.kind;
  const doomed = doomedItems(target, selection);
  const managed = doomed.filter((d) => d.managed).map((d) => d.name);
  if (managed.length) throw managedRefusal(kind, managed, 'delete');
  if (new Set(doomed.map((d) => d.vault.vaultUrl)).size > 1) throw new Error(vscode.l10n.t('Select {0} of one vault at a time. Nothing was deleted.', kindNames(kind)));
  const vault = doomed[0]!.vault;
  const names = doomed.map((d) => d.name);
  const permanent = vault.info ? !vault.info.softDeleteEnabled : doomed.some((d) => deleteIsPermanent(d.properties?.recoveryLevel) === true);
  const one = names.length === 1;
  const [single, many, count] = [kindName(kind), kindNames(kind), names.length];
  const first = names[0]!;
  const action = permanent ? vscode.l10n.t('Delete Permanently') : vscode.l10n.t('Delete');
  const question = one ? vscode.l10n.t('Delete {0} "{1}" from {2}?', single, first, vault.name) : vscode.l10n.t('Delete {0} {1} from {2}?', count, many, vault.name);
  await confirmWithUsage(services, usageOf(services, doomed, true), question, deleteDetail(vault, names, permanent, life.goesWithIt?.().delete), action);

  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const done: string[] = [];
  const notDeleted: string[] = [];
  let firstError: unknown;
  const progressTitle = one ? vscode.l10n.t('Deleting {0} "{1}" from {2}…', single, first, vault.name) : vscode.l10n.t('Deleting {0} {1} from {2}…', count, many, vault.name);
  await withProgress(services, progressTitle, async (abortSignal) => {
    for (const name of names) {
      if (abortSignal.aborted) break;
      try {
        await life.remove(sdk, vaults, vault.vaultUrl, name, abortSignal);
        done.push(name);
        services.log.info(`deleted ${kind} ${name} from ${vault.name}${permanent ? ' (permanent)' : ''}`);
      } catch (error) {
        if (classifyError(error).kind === 'cancelled' || abortSignal.aborted) break;
        firstError ??= error;
        notDeleted.push(name);
      }
    }
  }, vault);
  services.view.refreshGroupsAndDeleted(vault, life.changes);
  // Stopped by a sign-out: the wrapper says so (and what was sent); no "deleted n of m" on top.
  if (services.operations.current()?.stopReason) throw new UserCancelled();
  if (notDeleted.length === names.length && firstError !== undefined) return failed(services, life, firstError, 'delete', vault, notDeleted[0]!);
  if (notDeleted.length) {
    const why = explainFailure(classifyError(firstError), { kind, operation: 'delete', vault, name: notDeleted[0]! });
    throw new Error(vscode.l10n.t('Deleted {0}, but not {1}: {2}', done.join(', '), notDeleted.join(', '), why));
  }
  if (done.length < names.length) services.ui.notify(vscode.l10n.t('Stopped: deleted {0} of {1}', done.length, names.length));
  else if (permanent) services.ui.notify(one ? vscode.l10n.t('Deleted {0} "{1}" permanently', single, first) : vscode.l10n.t('Deleted {0} {1} permanently', count, many));
  else services.ui.notify(one ? vscode.l10n.t('Deleted {0} "{1}": recoverable from Deleted', single, first) : vscode.l10n.t('Deleted {0} {1}: recoverable from Deleted', count, many));
  return { deleted: done, permanent };
}

/** Recovers one deleted item: progress until it is back, then the view refreshed and the item revealed. */
export async function recoverItem(services: Services, life: ItemLifecycle, target: Pick<ItemTarget, 'vault' | 'name'>): Promise<void> {
  const { vault, name } = target;
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    await withProgress(services, vscode.l10n.t('Recovering {0} {1} in {2}…', kindName(life.kind), name, vault.name), (abortSignal) => life.recover(sdk, vaults, vault.vaultUrl, name, abortSignal), vault);
  } catch (error) {
    services.view.refreshGroupsAndDeleted(vault, life.changes);
    return failed(services, life, error, 'recover', vault, name);
  }
  services.log.info(`recovered ${life.kind} ${name} in ${vault.name}`);
  services.view.refreshGroupsAndDeleted(vault, life.changes);
  await revealQuietly(services, { vault, kind: life.kind, name });
  services.ui.notify(vscode.l10n.t('Recovered {0} in {1}', name, vault.name), { actions: [revealAction(services, { vault, kind: life.kind, name })] });
}

/** Recover the selected deleted item(s), or the one picked from the palette. Returns the recovered names. */
export async function recoverItems(services: Services, life: ItemLifecycle, target: ItemTarget, selection: readonly ItemTarget[]): Promise<string[]> {
  const recovered: string[] = [];
  for (const t of selection.length ? selection : [target]) {
    await recoverItem(services, life, t);
    recovered.push(t.name);
  }
  return recovered;
}

/** Why this deleted item cannot be purged now (purge protection), before any request; or undefined. */
export function purgeRefusal(t: ItemTarget): string | undefined {
  const protectedVault = t.vault.info?.purgeProtectionEnabled === true || purgeAllowed(t.deleted?.recoveryLevel) === false;
  if (!protectedVault) return undefined;
  const scheduled = t.deleted?.scheduledPurgeDate;
  if (scheduled) {
    return vscode.l10n.t(
      'The {0} "{1}" cannot be purged: purge protection is on for {2}. Key Vault purges it automatically on {3}; until then it can only be recovered. Nothing was sent to Azure.',
      kindName(t.kind), t.name, t.vault.name, scheduled.toISOString().slice(0, 10),
    );
  }
  return vscode.l10n.t('The {0} "{1}" cannot be purged: purge protection is on for {2}. until then it can only be recovered. Nothing was sent to Azure.', kindName(t.kind), t.name, t.vault.name);
}

/** Purge: destroys deleted item(s) for good, after typing the name; refused before any request under purge protection. */
export async function purgeItems(services: Services, life: ItemLifecycle, target: ItemTarget, selection: readonly ItemTarget[]): Promise<string[]> {
  const kind = life.kind;
  const targets = selection.length ? selection : [target];
  for (const t of targets) {
    const refusal = purgeRefusal(t);
    if (refusal) throw new Error(refusal);
  }
  const usage = usageOf(services, targets, true);
  if (usage) {
    const question = targets.length === 1
      ? vscode.l10n.t('Purge {0} "{1}" from {2}?', kindName(kind), targets[0]!.name, targets[0]!.vault.name)
      : vscode.l10n.t('Purge {0} {1} from {2}?', targets.length, kindNames(kind), targets[0]!.vault.name);
    const detail = vscode.l10n.t('Purging destroys every version for good: it cannot be recovered, and the files that use it keep failing until an object of that name exists again.');
    await confirmWithUsage(services, usage, question, detail, vscode.l10n.t('Purge…'));
  }
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  const purged: string[] = [];
  for (const t of targets) {
    const name = t.name;
    const typed = await services.ui.showInputBox({
      title: vscode.l10n.t('Purge {0} {1} from {2} — permanent', kindName(kind), name, t.vault.name),
      prompt: sentences(vscode.l10n.t('Purging destroys every version of "{0}" for good: it cannot be recovered.', name), life.goesWithIt?.().purge, vscode.l10n.t('Type the name to confirm.')),
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === name ? undefined : vscode.l10n.t('Type {0} exactly to purge it.', name)),
    });
    if (typed === undefined) throw new UserCancelled();
    if (typed !== name) throw new Error(vscode.l10n.t('The name you typed does not match "{0}": nothing was purged.', name));
    try {
      await withProgress(services, vscode.l10n.t('Purging {0} {1} from {2}…', kindName(kind), name, t.vault.name), (abortSignal) => life.purge(sdk, vaults, t.vault.vaultUrl, name, abortSignal), t.vault);
    } catch (error) {
      return failed(services, life, error, 'purge', t.vault, name);
    }
    services.log.info(`purged ${kind} ${name} from ${t.vault.name}`);
    purged.push(name);
    services.view.refreshGroupsAndDeleted(t.vault, life.changes);
  }
  services.ui.notify(vscode.l10n.t('Purged {0}', purged.join(', ')));
  return purged;
}
