// Impact before change: how many files of the workspace use the objects a Delete, Disable or Purge is about to
// break, from the workspace index — only once it is ready (a confirmation never waits for it: before, it says
// nothing) — and the *Show References* button next to the destructive one, which lists them (Find References).
// A certificate counts the references to its secret and key too (the index's rule: src/references/usage.ts).
// An object without a version counts every reference to it; a version counts the references pinned to it.
import * as vscode from 'vscode';
import { EditorCommandIds } from '../../model/commandIds';
import { referencedObject } from '../../model/referenced';
import type { ItemTarget } from '../../model/targets';
import type { ObjectQuery } from '../../references/usage';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';

type Item = Pick<ItemTarget, 'vault' | 'kind' | 'name' | 'version'>;

/** The index's query for an item (its version only when `pinned`). */
export function queryOf(item: Item, pinned = true): ObjectQuery {
  const info = item.vault.info;
  return {
    vaultUrl: item.vault.vaultUrl,
    vaultName: item.vault.name,
    ...(info ? { subscriptionId: info.subscriptionId, resourceGroup: info.resourceGroup } : {}),
    kind: item.kind,
    name: item.name,
    ...(pinned && item.version ? { version: item.version } : {}),
  };
}

/** What the workspace uses of `items`: distinct files, and the first item used (for Show References). */
export interface Usage {
  readonly files: number;
  readonly first: Item;
}

/**
 * The files of the workspace that use any of `items` (a version: the files pinned to it, unless `wholeObject`);
 * undefined when the index is not ready or nothing uses them.
 */
export function usageOf(services: Services, items: readonly Item[], wholeObject = false): Usage | undefined {
  const index = services.workspaceReferences;
  if (index.state !== 'ready') return undefined;
  const files = new Set<string>();
  let first: Item | undefined;
  for (const item of items) {
    const refs = index.referencesTo(queryOf(item, !wholeObject));
    if (refs.length) first ??= item;
    for (const r of refs) files.add(r.file);
  }
  return first && files.size > 0 ? { files: files.size, first } : undefined;
}

/** "Used in N files of the workspace." */
export function usageSentence(usage: Usage): string {
  return usage.files === 1 ? vscode.l10n.t('Used in 1 file of the workspace.') : vscode.l10n.t('Used in {0} files of the workspace.', usage.files);
}

export const showReferencesLabel = (): string => vscode.l10n.t('Show References');

/** Find References for the used item (the References view lists the files). */
export async function showReferences(usage: Usage): Promise<void> {
  const { vault, kind, name, version } = usage.first;
  await vscode.commands.executeCommand(EditorCommandIds.findReferences, referencedObject(vault, kind, name, version));
}

/**
 * A modal confirmation that names the usage, with *Show References* next to `action` (whose label is unchanged).
 * Resolves when the user chose `action`; Show References lists the files and cancels; dismissing cancels.
 */
export async function confirmWithUsage(services: Services, usage: Usage | undefined, question: string, detail: string, action: string): Promise<void> {
  const show = showReferencesLabel();
  const text = usage ? [detail, usageSentence(usage)].filter(Boolean).join('\n\n') : detail;
  const choice = await services.ui.confirm(question, text, ...(usage ? [action, show] : [action]));
  if (choice === action) return;
  if (usage && choice === show) await showReferences(usage);
  throw new UserCancelled();
}
