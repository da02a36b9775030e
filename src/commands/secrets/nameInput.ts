// The name of a new secret: validated live (regex, 127 characters), with hints from the names the tree has
// listed (exists → a new version; deleted → recover), then checked authoritatively after the prompt with two
// small reads (no value): does an active secret or a deleted one have this name?
import * as vscode from 'vscode';
import type { DeletedItemProperties } from '../../azure/model';
import { checkSecretName } from '../../azure/rules';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { UserCancelled } from '../cancelled';

export type NameStatus =
  | { readonly name: string; readonly status: 'new' }
  | { readonly name: string; readonly status: 'exists' }
  | { readonly name: string; readonly status: 'deleted'; readonly deleted: DeletedItemProperties };

export interface Hints {
  readonly active: ReadonlySet<string>;
  readonly deleted: ReadonlySet<string>;
}

/** Names the tree lists for the vault (its first pages: cached, or one request each). Best effort. */
export async function treeHints(services: Services, vault: VaultTarget): Promise<Hints> {
  try {
    return await services.view.listedNames(vault, 'secret');
  } catch (error) {
    services.log.debug(`name hints for ${vault.name}: ${error instanceof Error ? error.message : String(error)}`);
    return { active: new Set(), deleted: new Set() };
  }
}

function liveCheck(value: string, hints: Hints | undefined, vault: VaultTarget): string | vscode.InputBoxValidationMessage | undefined {
  const problem = checkSecretName(value);
  if (problem) return problem;
  const key = value.toLowerCase();
  if (hints?.active.has(key)) return { message: vscode.l10n.t('"{0}" already exists in {1}: Enter to add a new version.', value, vault.name), severity: vscode.InputBoxValidationSeverity.Warning };
  if (hints?.deleted.has(key)) return { message: vscode.l10n.t('"{0}" is deleted but recoverable in {1}: Enter to recover it.', value, vault.name), severity: vscode.InputBoxValidationSeverity.Warning };
  return undefined;
}

/** Asks for a secret name and finds out whether it is new, taken, or soft-deleted. */
export async function promptNewSecretName(services: Services, vault: VaultTarget, options: { title: string; value?: string }): Promise<NameStatus> {
  const hints = treeHints(services, vault);
  const name = await services.ui.showInputBox({
    title: options.title,
    prompt: vscode.l10n.t('Secret name: letters, digits and hyphens, at most 127 characters (names are not secret: they appear in logs).'),
    ...(options.value ? { value: options.value } : {}),
    ignoreFocusOut: true,
    validateInput: async (v) => liveCheck(v, await hints, vault),
  });
  if (name === undefined) throw new UserCancelled();
  const problem = checkSecretName(name);
  if (problem) throw new Error(problem);
  return nameStatus(services, vault, name);
}

/** Whether `name` is free, taken or soft-deleted in the vault (two reads, no value). */
export function nameStatus(services: Services, vault: VaultTarget, name: string): Promise<NameStatus> {
  return request(services, { kind: 'secret', operation: 'list', vault, name }, async (sdk, vaults, url, options): Promise<NameStatus> => {
    if (await sdk.secretOps.secretExists(vaults, url, name, options)) return { name, status: 'exists' };
    const deleted = await sdk.secretOps.getDeletedSecret(vaults, url, name, options);
    return deleted ? { name, status: 'deleted', deleted } : { name, status: 'new' };
  });
}
