// The name of a new secret: validated live (regex, 127 characters), with hints from the names the tree has
// listed (exists → a new version; deleted → recover), then checked authoritatively after the prompt with two
// small reads (no value): does an active secret or a deleted one have this name?
import * as vscode from 'vscode';
import { checkSecretName } from '../../azure/rules';
import { getDeletedSecret, secretExists } from '../../azure/secretOps';
import type { DeletedItemProperties } from '../../azure/model';
import type { Services } from '../../services';
import { DeletedItemNode, DeletedKindNode } from '../../tree/DeletedGroupNode';
import { ItemGroupNode } from '../../tree/ItemGroupNode';
import { ItemNode } from '../../tree/ItemNode';
import { locateVault } from '../../tree/locate';
import type { TreeNode } from '../../tree/TreeNode';
import { VaultNode } from '../../tree/VaultNode';
import { type VaultTarget } from '../../model/targets';
import { UserCancelled } from '../wrapper';
import { vaultClients } from '../items/common';
import { secretFailure } from './errors';

export type NameStatus =
  | { readonly name: string; readonly status: 'new' }
  | { readonly name: string; readonly status: 'exists' }
  | { readonly name: string; readonly status: 'deleted'; readonly deleted: DeletedItemProperties };

interface Hints {
  readonly active: ReadonlySet<string>;
  readonly deleted: ReadonlySet<string>;
}

/** Names the tree lists for the vault (its first pages: cached, or one request each). Best effort. */
async function treeHints(services: Services, vault: VaultTarget, from?: TreeNode): Promise<Hints> {
  const active = new Set<string>();
  const deleted = new Set<string>();
  try {
    let vaultNode: VaultNode | undefined;
    for (let n = from; n && !vaultNode; n = n.parent) if (n instanceof VaultNode) vaultNode = n;
    vaultNode ??= await locateVault(services.tree, vault);
    if (!vaultNode) return { active, deleted };
    for (const group of vaultNode.getChildren()) {
      if (group instanceof ItemGroupNode && group.kind === 'secret') {
        for (const n of await services.tree.getChildren(group)) if (n instanceof ItemNode) active.add(n.name.toLowerCase());
      } else if (group.id.endsWith('/deleted')) {
        for (const kind of await services.tree.getChildren(group)) {
          if (!(kind instanceof DeletedKindNode) || kind.kind !== 'secret') continue;
          for (const n of await services.tree.getChildren(kind)) if (n instanceof DeletedItemNode) deleted.add(n.name.toLowerCase());
        }
      }
    }
  } catch (error) {
    services.log.debug(`name hints for ${vault.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { active, deleted };
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
export async function promptNewSecretName(services: Services, vault: VaultTarget, options: { title: string; value?: string; from?: TreeNode }): Promise<NameStatus> {
  const hints = treeHints(services, vault, options.from);
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
export async function nameStatus(services: Services, vault: VaultTarget, name: string): Promise<NameStatus> {
  const vaults = await vaultClients(services);
  try {
    if (await secretExists(vaults, vault.vaultUrl, name)) return { name, status: 'exists' };
    const deleted = await getDeletedSecret(vaults, vault.vaultUrl, name);
    return deleted ? { name, status: 'deleted', deleted } : { name, status: 'new' };
  } catch (error) {
    return secretFailure(services, error, { operation: 'list', vault, name });
  }
}
