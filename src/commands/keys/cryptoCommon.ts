// Shared by the editor crypto commands: the selections to work on, the key (from the tree, the last one used
// in this workspace, or picked), its details checked before any crypto request, writing results back.
import * as vscode from 'vscode';
import type { KeyDetails, KeyOperationName } from '../../azure/keyModel';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { TreeNode } from '../../tree/TreeNode';
import type { VaultTarget } from '../../tree/VaultNode';
import { resolveItem, type ItemTarget } from '../targets';
import { UserCancelled } from '../wrapper';
import { label, vaultClients } from '../items/common';
import { fail } from './common';

const LAST_KEY = 'azureKeyVault.lastCryptoKey';

interface RememberedKey {
  readonly vaultName: string;
  readonly vaultUrl: string;
  readonly name: string;
}

export interface CryptoKey {
  readonly target: ItemTarget;
  readonly details: KeyDetails;
}

/** The active editor and its non-empty selections, or an Error saying what to select. */
export function selections(what: string): { editor: vscode.TextEditor; ranges: vscode.Selection[] } {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error(`Open an editor and select the ${what} first.`);
  const ranges = editor.selections.filter((s) => !s.isEmpty);
  if (!ranges.length) throw new Error(`Select the ${what} in the editor first (several selections are processed one by one).`);
  return { editor, ranges };
}

/** The key of the tree node, or the last one used (offered first), or one picked from the palette. */
async function chooseKey(services: Services, node: TreeNode | undefined, verb: string): Promise<ItemTarget> {
  if (node) return resolveItem(services, 'key', node);
  const last = services.context.workspaceState.get<RememberedKey>(LAST_KEY);
  if (last) {
    const picked = await services.ui.showQuickPick(
      [
        { label: last.name, description: `${last.vaultName} · last used`, use: true },
        { label: 'Choose another key…', use: false },
      ],
      { title: `${verb} with which key?` },
    );
    if (!picked) throw new UserCancelled();
    if (picked.use) return { vault: { name: last.vaultName, vaultUrl: last.vaultUrl }, kind: 'key', name: last.name };
  }
  return resolveItem(services, 'key', undefined);
}

/**
 * The key with its details (one GET), checked before any crypto request: enabled, within its validity dates,
 * allowing `operation`. Remembers the key for the next command in this workspace (its name and vault only).
 */
export async function keyFor(services: Services, node: TreeNode | undefined, verb: string, operation: KeyOperationName): Promise<CryptoKey> {
  const target = await chooseKey(services, node, verb);
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  let details: KeyDetails;
  try {
    details = await sdk.keyOps.getKeyDetails(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    fail(error, 'key', 'read', target.vault, target.name);
  }
  const name = label(target);
  if (!details.enabled) throw new Error(`The key ${name} is disabled: enable it to ${verb.toLowerCase()} with it. Nothing was sent.`);
  const now = Date.now();
  if (details.notBefore && details.notBefore.getTime() > now) throw new Error(`The key ${name} is not active until ${details.notBefore.toISOString()}. Nothing was sent.`);
  if (details.expiresOn && details.expiresOn.getTime() <= now && (operation === 'encrypt' || operation === 'sign')) {
    throw new Error(`The key ${name} expired on ${details.expiresOn.toISOString()}: rotate it or pick a current version. Nothing was sent.`);
  }
  if (!details.operations.includes(operation)) {
    throw new Error(`The key ${name} does not allow "${operation}" (it allows: ${details.operations.join(', ') || 'nothing'}). Nothing was sent.`);
  }
  await remember(services, target.vault, target.name);
  return { target, details };
}

async function remember(services: Services, vault: VaultTarget, name: string): Promise<void> {
  await services.context.workspaceState.update(LAST_KEY, { vaultName: vault.name, vaultUrl: vault.vaultUrl, name } satisfies RememberedKey);
}

/** Lets the user choose among `options` (skipped when there is one), the first being the default. */
export async function chooseAlgorithm<A extends string>(services: Services, options: readonly A[], title: string, describe: (a: A) => string): Promise<A> {
  if (options.length === 0) throw new Error('This key type supports no algorithm for this operation.');
  if (options.length === 1) return options[0]!;
  const picked = await services.ui.showQuickPick(options.map((a, i) => ({ label: a, description: `${describe(a)}${i === 0 ? ' (default)' : ''}`, algorithm: a })), { title, placeHolder: 'Algorithm' });
  if (!picked) throw new UserCancelled();
  return picked.algorithm;
}

/** Replaces each range with its text (one undoable edit); throws when the document changed meanwhile. */
export async function replaceAll(editor: vscode.TextEditor, edits: readonly { range: vscode.Range; text: string }[]): Promise<void> {
  const ok = await editor.edit((b) => {
    for (const e of edits) b.replace(e.range, e.text);
  });
  if (!ok) throw new Error('The editor changed while the vault was working: nothing was replaced. Try again.');
}
