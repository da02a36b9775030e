// Rename Secret, the new name: validated live (the service's rule; not the old name, not the same name in other
// letter case — Key Vault names are case-insensitive; hints from the names the tree has listed), then checked with
// two value-free reads (nameInput.ts). A free name goes on. A soft-deleted name is refused (recover or purge it
// first). A taken name is refused — renaming onto an existing secret would mix two histories — unless it is the copy
// an earlier rename of this secret left when it stopped (same value, content type and tags): then the rename
// continues from there.
import * as vscode from 'vscode';
import { checkSecretName } from '../../azure/rules';
import type { SecretValue } from '../../azure/secretOps';
import type { ItemTarget } from '../../model/targets';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { readSecretValue } from '../items/secretValue';
import { nameStatus, treeHints, type Hints } from './nameInput';

export type NewName =
  | { readonly name: string; readonly resume: false }
  /** The name holds the copy a stopped rename made: its current version. */
  | { readonly name: string; readonly resume: true; readonly copy: SecretValue };

function liveCheck(value: string, old: ItemTarget, hints: Hints | undefined): string | vscode.InputBoxValidationMessage | undefined {
  const problem = checkSecretName(value);
  if (problem) return problem;
  if (value === old.name) return vscode.l10n.t('That is its name now: type the new name.');
  if (value.toLowerCase() === old.name.toLowerCase()) return vscode.l10n.t('Key Vault names are case-insensitive: "{0}" is the same secret as "{1}".', value, old.name);
  const key = value.toLowerCase();
  if (hints?.deleted.has(key)) return vscode.l10n.t('"{0}" is a deleted secret in {1}: recover or purge it first, or pick another name.', value, old.vault.name);
  if (hints?.active.has(key)) {
    return { message: vscode.l10n.t('"{0}" already exists in {1}: refused, unless it is the copy a stopped rename of {2} left (Enter to check).', value, old.vault.name, old.name), severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

function sameTags(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ea = Object.entries(a ?? {});
  const eb = b ?? {};
  return ea.length === Object.keys(eb).length && ea.every(([k, v]) => eb[k] === v);
}

/** Whether `copy` holds what the rename would have written from `current` (compared in memory, never shown). */
export function isCopyOf(copy: SecretValue, current: SecretValue): boolean {
  return copy.value === current.value && (copy.properties.contentType ?? '') === (current.properties.contentType ?? '') && sameTags(copy.properties.tags, current.properties.tags);
}

/** Asks the new name and finds out whether the rename can go on (a free name, or its own earlier copy). */
export async function askNewName(services: Services, old: ItemTarget, title: string, current: () => Promise<SecretValue>): Promise<NewName> {
  const hints = treeHints(services, old.vault);
  const name = await services.ui.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'New name for "{0}". Key Vault cannot rename: a new secret gets its current value, content type, tags and dates (older versions stay with "{0}"); the workspace’s references are rewritten after you review them; "{0}" is soft-deleted only if you confirm.',
      old.name,
    ),
    value: old.name,
    ignoreFocusOut: true,
    validateInput: async (v) => liveCheck(v, old, await hints),
  });
  if (name === undefined) throw new UserCancelled();
  const problem = checkSecretName(name);
  if (problem) throw new Error(problem);
  if (name.toLowerCase() === old.name.toLowerCase()) {
    throw new Error(vscode.l10n.t('"{0}" is the same name as "{1}" (Key Vault names are case-insensitive): nothing was changed.', name, old.name));
  }
  const status = await nameStatus(services, old.vault, name);
  if (status.status === 'new') return { name, resume: false };
  if (status.status === 'deleted') {
    throw new Error(vscode.l10n.t('"{0}" is a deleted secret in {1}: recover it or purge it (Deleted → Deleted secrets) before using its name. Nothing was changed.', name, old.vault.name));
  }
  const copy = await readSecretValue(services, { vault: old.vault, kind: 'secret', name });
  if (!isCopyOf(copy, await current())) {
    throw new Error(vscode.l10n.t('"{0}" already exists in {1}: pick a free name. Renaming onto an existing secret would mix two histories. Nothing was changed.', name, old.vault.name));
  }
  const go = vscode.l10n.t('Continue the Rename');
  const choice = await services.ui.confirm(
    vscode.l10n.t('"{0}" already holds the current value of "{1}"', name, old.name),
    vscode.l10n.t('It has the same value, content type and tags: an earlier rename stopped after creating it. Continue from there: rewrite the workspace’s references, then decide about "{0}"?', old.name),
    go,
  );
  if (choice !== go) throw new UserCancelled();
  return { name, resume: true, copy };
}
