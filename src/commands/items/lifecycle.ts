// Delete (soft), recover and purge — the same for secrets, keys and certificates, parameterised by an
// ItemLifecycle (the kind's service calls, how its failures are explained, what else changes with it). Safety
// rules: a modal confirmation that says how long a delete stays recoverable or that it is permanent; purge
// refused before any request under purge protection, and only after typing the name.
import * as vscode from 'vscode';
import { classifyError } from '../../azure/errors';
import type { AzureFailure, DeletedItemProperties, ObjectKind } from '../../azure/model';
import { deleteIsPermanent, purgeAllowed } from '../../azure/rules';
import type { VaultClients } from '../../azure/sdk';
import type { Services } from '../../services';
import { kindName, kindNames } from '../../presentation/kindWords';
import { ItemNode } from '../../tree/ItemNode';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../model/targets';
import { resolveItem, resolveVault } from '../targets';
import { UserCancelled } from '../wrapper';
import { refreshGroupAndDeleted, revealItem, selectedDeleted, selectedItems, vaultClients, withProgress } from './common';

export type LifecycleOperation = 'list' | 'delete' | 'recover' | 'purge';

/** What differs between the kinds; everything else in this file is the same for all three. */
export interface ItemLifecycle {
  readonly kind: ObjectKind;
  /** The kinds whose groups (and Deleted groups) a delete, recover or purge changes: a certificate's key and secret go with it. */
  readonly changes: readonly ObjectKind[];
  /** Said in the delete confirmation and the purge prompt when other objects go with it (one sentence each, translated). */
  readonly goesWithIt?: () => { readonly delete: string; readonly purge: string };
  /** Deletes (soft when the vault has soft delete), waiting until the service has finished. */
  remove(vaults: VaultClients, vaultUrl: string, name: string, abortSignal: AbortSignal): Promise<unknown>;
  /** Recovers a deleted one, waiting until it is back. */
  recover(vaults: VaultClients, vaultUrl: string, name: string, abortSignal: AbortSignal): Promise<unknown>;
  purge(vaults: VaultClients, vaultUrl: string, name: string): Promise<unknown>;
  /** The sentence for a failed operation: what happened and what to do. */
  explain(failure: AzureFailure, operation: LifecycleOperation, vault: VaultTarget, name?: string): string;
  /** Ends the command with a service failure (thrown, or shown with a button that fixes it). */
  fail(services: Services, error: unknown, operation: LifecycleOperation, vault: VaultTarget, name?: string): Promise<never>;
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

async function refreshChanged(services: Services, life: ItemLifecycle, vault: VaultTarget, from: TreeNode | undefined): Promise<void> {
  for (const kind of life.changes) await refreshGroupAndDeleted(services, vault, kind, from);
}

interface Doomed {
  readonly vault: VaultTarget;
  readonly name: string;
  readonly recoveryLevel?: string;
  readonly managed?: boolean;
  readonly node?: TreeNode;
}

async function doomedItems(services: Services, kind: ObjectKind, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): Promise<Doomed[]> {
  const selected = selectedItems(kind, node, nodes);
  if (selected.length) return selected.map((n) => ({ vault: n.group.vaultNode.vault, name: n.name, recoveryLevel: n.item.recoveryLevel, managed: n.item.managed === true, node: n }));
  const target = await resolveItem(services, kind, node);
  const item = target.node instanceof ItemNode ? target.node.item : undefined;
  return [{ vault: target.vault, name: target.name, recoveryLevel: item?.recoveryLevel, managed: item?.managed === true, node: target.node }];
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
export async function deleteItems(services: Services, life: ItemLifecycle, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<{ deleted: string[]; permanent: boolean }> {
  const kind = life.kind;
  const doomed = await doomedItems(services, kind, node, nodes);
  const managed = doomed.filter((d) => d.managed).map((d) => d.name);
  if (managed.length) throw managedRefusal(kind, managed, 'delete');
  if (new Set(doomed.map((d) => d.vault.vaultUrl)).size > 1) throw new Error(vscode.l10n.t('Select {0} of one vault at a time. Nothing was deleted.', kindNames(kind)));
  const vault = doomed[0]!.vault;
  const names = doomed.map((d) => d.name);
  const permanent = vault.info ? !vault.info.softDeleteEnabled : doomed.some((d) => deleteIsPermanent(d.recoveryLevel) === true);
  const one = names.length === 1;
  const [single, many, count] = [kindName(kind), kindNames(kind), names.length];
  const first = names[0]!;
  const action = permanent ? vscode.l10n.t('Delete Permanently') : vscode.l10n.t('Delete');
  const question = one ? vscode.l10n.t('Delete {0} "{1}" from {2}?', single, first, vault.name) : vscode.l10n.t('Delete {0} {1} from {2}?', count, many, vault.name);
  if ((await services.ui.confirm(question, deleteDetail(vault, names, permanent, life.goesWithIt?.().delete), action)) !== action) throw new UserCancelled();

  const vaults = await vaultClients(services);
  const done: string[] = [];
  const failed: string[] = [];
  let firstError: unknown;
  const progressTitle = one ? vscode.l10n.t('Deleting {0} "{1}" from {2}…', single, first, vault.name) : vscode.l10n.t('Deleting {0} {1} from {2}…', count, many, vault.name);
  await withProgress(progressTitle, async (abortSignal) => {
    for (const name of names) {
      if (abortSignal.aborted) break;
      try {
        await life.remove(vaults, vault.vaultUrl, name, abortSignal);
        done.push(name);
        services.log.info(`deleted ${kind} ${name} from ${vault.name}${permanent ? ' (permanent)' : ''}`);
      } catch (error) {
        if (classifyError(error).kind === 'cancelled') break;
        firstError ??= error;
        failed.push(name);
      }
    }
  });
  await refreshChanged(services, life, vault, doomed[0]!.node);
  if (failed.length === names.length && firstError !== undefined) return life.fail(services, firstError, 'delete', vault, failed[0]);
  if (failed.length) throw new Error(vscode.l10n.t('Deleted {0}, but not {1}: {2}', done.join(', '), failed.join(', '), life.explain(classifyError(firstError), 'delete', vault, failed[0])));
  if (done.length < names.length) services.ui.notify(vscode.l10n.t('Stopped: deleted {0} of {1}', done.length, names.length));
  else if (permanent) services.ui.notify(one ? vscode.l10n.t('Deleted {0} "{1}" permanently', single, first) : vscode.l10n.t('Deleted {0} {1} permanently', count, many));
  else services.ui.notify(one ? vscode.l10n.t('Deleted {0} "{1}": recoverable from Deleted', single, first) : vscode.l10n.t('Deleted {0} {1}: recoverable from Deleted', count, many));
  return { deleted: done, permanent };
}

export interface DeletedTarget {
  readonly vault: VaultTarget;
  readonly item: DeletedItemProperties;
  readonly node?: TreeNode;
}

/** The deleted items selected in the tree, or one picked (vault, then its deleted items of the kind). */
export async function resolveDeleted(services: Services, life: ItemLifecycle, node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined, verb: 'recover' | 'purge'): Promise<DeletedTarget[]> {
  const selected = selectedDeleted(life.kind, node, nodes);
  if (selected.length) return selected.map((n) => ({ vault: n.parent.deletedGroup.vaultNode.vault, item: n.item, node: n }));
  const { vault } = await resolveVault(services, node, verb === 'recover' ? vscode.l10n.t('Recover: choose the vault') : vscode.l10n.t('Purge: choose the vault'));
  const items = listDeleted(services, life, vault).then((deleted) =>
    deleted.map((item) => ({
      label: item.name,
      description: [
        item.deletedOn ? vscode.l10n.t('deleted {0}', item.deletedOn.toISOString().slice(0, 10)) : undefined,
        item.scheduledPurgeDate ? vscode.l10n.t('purged {0}', item.scheduledPurgeDate.toISOString().slice(0, 10)) : undefined,
      ].filter(Boolean).join(' · '),
      item,
    })),
  );
  const title = verb === 'recover' ? vscode.l10n.t('Recover: choose a deleted {0} in {1}', kindName(life.kind), vault.name) : vscode.l10n.t('Purge: choose a deleted {0} in {1}', kindName(life.kind), vault.name);
  const picked = await services.ui.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to search deleted {0} by name', kindNames(life.kind)) });
  if (!picked) throw new UserCancelled();
  return [{ vault, item: picked.item }];
}

async function listDeleted(services: Services, life: ItemLifecycle, vault: VaultTarget): Promise<DeletedItemProperties[]> {
  const vaults = await vaultClients(services);
  const all: DeletedItemProperties[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await vaults.listDeleted(vault.vaultUrl, life.kind, { continuationToken: token, pageSize: 25 });
      all.push(...page.items);
      token = page.continuationToken;
    } while (token);
  } catch (error) {
    return life.fail(services, error, 'list', vault);
  }
  if (all.length === 0) throw new Error(vscode.l10n.t('{0} has no deleted {1}.', vault.name, kindNames(life.kind)));
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/** Recovers one deleted item: progress until it is back, then the tree refreshed and the item revealed. */
export async function recoverItem(services: Services, life: ItemLifecycle, vault: VaultTarget, name: string, from?: TreeNode): Promise<void> {
  const vaults = await vaultClients(services);
  try {
    await withProgress(vscode.l10n.t('Recovering {0} {1} in {2}…', kindName(life.kind), name, vault.name), (abortSignal) => life.recover(vaults, vault.vaultUrl, name, abortSignal));
  } catch (error) {
    await refreshChanged(services, life, vault, from);
    return life.fail(services, error, 'recover', vault, name);
  }
  services.log.info(`recovered ${life.kind} ${name} in ${vault.name}`);
  await refreshChanged(services, life, vault, from);
  await revealItem(services, vault, life.kind, name);
  services.ui.notify(vscode.l10n.t('Recovered {0} in {1}', name, vault.name));
}

/** Recover the selected deleted item(s), or one picked from the palette. Returns the recovered names. */
export async function recoverItems(services: Services, life: ItemLifecycle, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const targets = await resolveDeleted(services, life, node, nodes, 'recover');
  const recovered: string[] = [];
  for (const t of targets) {
    await recoverItem(services, life, t.vault, t.item.name, t.node);
    recovered.push(t.item.name);
  }
  return recovered;
}

/** Why this deleted item cannot be purged now (purge protection), before any request; or undefined. */
export function purgeRefusal(kind: ObjectKind, t: DeletedTarget): string | undefined {
  const protectedVault = t.vault.info?.purgeProtectionEnabled === true || purgeAllowed(t.item.recoveryLevel) === false;
  if (!protectedVault) return undefined;
  if (t.item.scheduledPurgeDate) {
    return vscode.l10n.t(
      'The {0} "{1}" cannot be purged: purge protection is on for {2}. Key Vault purges it automatically on {3}; until then it can only be recovered. Nothing was sent to Azure.',
      kindName(kind), t.item.name, t.vault.name, t.item.scheduledPurgeDate.toISOString().slice(0, 10),
    );
  }
  return vscode.l10n.t('The {0} "{1}" cannot be purged: purge protection is on for {2}. until then it can only be recovered. Nothing was sent to Azure.', kindName(kind), t.item.name, t.vault.name);
}

/** Purge: destroys deleted item(s) for good, after typing the name; refused before any request under purge protection. */
export async function purgeItems(services: Services, life: ItemLifecycle, node?: TreeNode, nodes?: readonly TreeNode[]): Promise<string[]> {
  const kind = life.kind;
  const targets = await resolveDeleted(services, life, node, nodes, 'purge');
  for (const t of targets) {
    const refusal = purgeRefusal(kind, t);
    if (refusal) throw new Error(refusal);
  }
  const vaults = await vaultClients(services);
  const purged: string[] = [];
  for (const t of targets) {
    const name = t.item.name;
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
      await life.purge(vaults, t.vault.vaultUrl, name);
    } catch (error) {
      return life.fail(services, error, 'purge', t.vault, name);
    }
    services.log.info(`purged ${kind} ${name} from ${t.vault.name}`);
    purged.push(name);
    await refreshChanged(services, life, t.vault, t.node);
  }
  services.ui.notify(vscode.l10n.t('Purged {0}', purged.join(', ')));
  return purged;
}
