// Shared by the editor crypto commands: the selections to work on, the key (from its row or link, the last one used
// in this workspace, or picked), its details checked before any crypto request, writing results back.
import * as vscode from 'vscode';
import type { KeyDetails, KeyOperationName } from '../../azure/keyModel';
import { itemLabel, type ItemTarget, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';
import { contextOf } from '../items/common';
import { pickOne } from '../prompts';
import { item, type KeyUse, type TargetSpec } from '../targets';

const LAST_KEY = 'azureKeyVault.lastCryptoKey';

interface RememberedKey {
  readonly vaultName: string;
  readonly vaultUrl: string;
  readonly name: string;
}

export type CryptoOperation = Extract<KeyOperationName, 'encrypt' | 'decrypt' | 'sign' | 'verify'>;

/** What to select for an operation: with no editor open, and with nothing selected. */
function selectionHints(operation: CryptoOperation): { noEditor: string; noSelection: string } {
  switch (operation) {
    case 'encrypt':
      return {
        noEditor: vscode.l10n.t('Open an editor and select the text to encrypt first.'),
        noSelection: vscode.l10n.t('Select the text to encrypt in the editor first (several selections are processed one by one).'),
      };
    case 'decrypt':
      return {
        noEditor: vscode.l10n.t('Open an editor and select the base64url ciphertext to decrypt first.'),
        noSelection: vscode.l10n.t('Select the base64url ciphertext to decrypt in the editor first (several selections are processed one by one).'),
      };
    case 'sign':
      return {
        noEditor: vscode.l10n.t('Open an editor and select the text to sign first.'),
        noSelection: vscode.l10n.t('Select the text to sign in the editor first (several selections are processed one by one).'),
      };
    case 'verify':
      return {
        noEditor: vscode.l10n.t('Open an editor and select the signed text first.'),
        noSelection: vscode.l10n.t('Select the signed text in the editor first (several selections are processed one by one).'),
      };
  }
}

/** The active editor and its non-empty selections, or an Error saying what to select. */
export function selections(operation: CryptoOperation): { editor: vscode.TextEditor; ranges: vscode.Selection[] } {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error(selectionHints(operation).noEditor);
  const ranges = editor.selections.filter((s) => !s.isEmpty);
  if (!ranges.length) throw new Error(selectionHints(operation).noSelection);
  return { editor, ranges };
}

/** "Encrypt with which key?" */
function whichKeyTitle(operation: CryptoOperation): string {
  switch (operation) {
    case 'encrypt':
      return vscode.l10n.t('Encrypt with which key?');
    case 'decrypt':
      return vscode.l10n.t('Decrypt with which key?');
    case 'sign':
      return vscode.l10n.t('Sign with which key?');
    case 'verify':
      return vscode.l10n.t('Verify with which key?');
  }
}

/** The keys a picker offers for `operation`: RSA for encrypt/decrypt, RSA or EC for sign/verify; the operation allowed. */
function keyUse(operation: CryptoOperation): KeyUse {
  const rsaOnly = operation === 'encrypt' || operation === 'decrypt';
  return {
    allows: (details) => details.operations.includes(operation) && (details.keyType.startsWith('RSA') || (!rsaOnly && details.keyType.startsWith('EC'))),
    title: (vault) => {
      switch (operation) {
        case 'encrypt':
          return vscode.l10n.t('Encrypt with which key in {0}? (RSA keys that allow encrypt)', vault);
        case 'decrypt':
          return vscode.l10n.t('Decrypt with which key in {0}? (RSA keys that allow decrypt)', vault);
        case 'sign':
          return vscode.l10n.t('Sign with which key in {0}? (RSA and EC keys that allow sign)', vault);
        case 'verify':
          return vscode.l10n.t('Verify with which key in {0}? (RSA and EC keys that allow verify)', vault);
      }
    },
    none: (vault) => {
      switch (operation) {
        case 'encrypt':
          return vscode.l10n.t('{0} has no enabled RSA key that allows encrypt. Create one (Create Key…) or choose another vault.', vault);
        case 'decrypt':
          return vscode.l10n.t('{0} has no enabled RSA key that allows decrypt. Choose another vault.', vault);
        case 'sign':
          return vscode.l10n.t('{0} has no enabled RSA or EC key that allows sign. Create one (Create Key…) or choose another vault.', vault);
        case 'verify':
          return vscode.l10n.t('{0} has no enabled RSA or EC key that allows verify. Choose another vault.', vault);
      }
    },
  };
}

/** Says what a crypto command did (a notification: the editor changed, or a signature was checked). */
export function reportDone(services: Services, operation: Exclude<CryptoOperation, 'verify'>, count: number, target: ItemTarget, algorithm: string): void {
  const key = itemLabel(target);
  let message: string;
  switch (operation) {
    case 'encrypt':
      message = count === 1 ? vscode.l10n.t('Encrypted the selection with key {0} ({1}) in {2}.', key, algorithm, target.vault.name) : vscode.l10n.t('Encrypted {0} selections with key {1} ({2}) in {3}.', count, key, algorithm, target.vault.name);
      break;
    case 'decrypt':
      message = count === 1 ? vscode.l10n.t('Decrypted the selection with key {0} ({1}) in {2}.', key, algorithm, target.vault.name) : vscode.l10n.t('Decrypted {0} selections with key {1} ({2}) in {3}.', count, key, algorithm, target.vault.name);
      break;
    case 'sign':
      message = count === 1 ? vscode.l10n.t('Signed the selection with key {0} ({1}) in {2}: the signature is on the next line.', key, algorithm, target.vault.name) : vscode.l10n.t('Signed {0} selections with key {1} ({2}) in {3}: each signature is on the line after its selection.', count, key, algorithm, target.vault.name);
      break;
  }
  void services.ui.showInformationMessage(message);
}

/** Refused before any request: the key is disabled. */
function disabledKey(operation: CryptoOperation, name: string): string {
  switch (operation) {
    case 'encrypt':
      return vscode.l10n.t('The key {0} is disabled: enable it to encrypt with it. Nothing was sent.', name);
    case 'decrypt':
      return vscode.l10n.t('The key {0} is disabled: enable it to decrypt with it. Nothing was sent.', name);
    case 'sign':
      return vscode.l10n.t('The key {0} is disabled: enable it to sign with it. Nothing was sent.', name);
    case 'verify':
      return vscode.l10n.t('The key {0} is disabled: enable it to verify with it. Nothing was sent.', name);
  }
}

/** The active editor's selections, for the checks a command makes before it asks for a key. */
export type Selected = ReturnType<typeof selections>;

/**
 * The key of a crypto command: the key of its row (or link argument); from the palette the last key used in this
 * workspace (offered first), else one picked. The editor's selections are checked first (and `precheck`, what
 * the command refuses before any prompt), so nobody picks a key only to hear there is nothing to work on.
 */
export function cryptoKey(operation: CryptoOperation, precheck?: (selected: Selected) => void): TargetSpec<ItemTarget> {
  const anyKey = item('key', keyUse(operation));
  return {
    async resolve(services, given) {
      const selected = selections(operation);
      precheck?.(selected);
      if (given[0] !== undefined) return anyKey.resolve(services, given);
      const last = services.context.workspaceState.get<RememberedKey>(LAST_KEY);
      if (last) {
        const picked = await pickOne(
          services,
          [
            { label: last.name, description: vscode.l10n.t('{0} · last used', last.vaultName), use: true },
            { label: vscode.l10n.t('Choose another key…'), use: false },
          ],
          { title: whichKeyTitle(operation) },
        );
        if (picked.use) {
          const target: ItemTarget = { vault: { name: last.vaultName, vaultUrl: last.vaultUrl }, kind: 'key', name: last.name };
          return { target, selection: [target] };
        }
      }
      return anyKey.resolve(services, []);
    },
  };
}

/**
 * The key's details (one GET), checked before any crypto request: enabled, within its validity dates, allowing
 * `operation`. Remembers the key for the next command in this workspace (its name and vault only).
 */
export async function checkedKey(services: Services, target: ItemTarget, operation: CryptoOperation): Promise<KeyDetails> {
  const details = await request(services, contextOf(target, 'read'), (sdk, vaults, url, options) => sdk.keyOps.getKeyDetails(vaults, url, target.name, target.version, options));
  const name = itemLabel(target);
  if (!details.enabled) throw new Error(disabledKey(operation, name));
  const now = Date.now();
  if (details.notBefore && details.notBefore.getTime() > now) throw new Error(vscode.l10n.t('The key {0} is not active until {1}. Nothing was sent.', name, details.notBefore.toISOString()));
  if (details.expiresOn && details.expiresOn.getTime() <= now && (operation === 'encrypt' || operation === 'sign')) {
    throw new Error(vscode.l10n.t('The key {0} expired on {1}: rotate it or pick a current version. Nothing was sent.', name, details.expiresOn.toISOString()));
  }
  if (!details.operations.includes(operation)) {
    throw new Error(vscode.l10n.t('The key {0} does not allow "{1}" (it allows: {2}). Nothing was sent.', name, operation, details.operations.join(', ') || vscode.l10n.t('nothing')));
  }
  await remember(services, target.vault, target.name);
  return details;
}

async function remember(services: Services, vault: VaultTarget, name: string): Promise<void> {
  await services.context.workspaceState.update(LAST_KEY, { vaultName: vault.name, vaultUrl: vault.vaultUrl, name } satisfies RememberedKey);
}

/** Lets the user choose among `options` (skipped when there is one), the first being the default. */
export async function chooseAlgorithm<A extends string>(services: Services, options: readonly A[], title: string, describe: (a: A) => string): Promise<A> {
  if (options.length === 0) throw new Error(vscode.l10n.t('This key type supports no algorithm for this operation.'));
  if (options.length === 1) return options[0]!;
  const picked = await pickOne(services, options.map((a, i) => ({ label: a, description: i === 0 ? vscode.l10n.t('{0} (default)', describe(a)) : describe(a), algorithm: a })), { title, placeHolder: vscode.l10n.t('Algorithm') });
  return picked.algorithm;
}

/** Replaces each range with its text (one undoable edit); throws when the document changed meanwhile. */
export async function replaceAll(editor: vscode.TextEditor, edits: readonly { range: vscode.Range; text: string }[]): Promise<void> {
  const ok = await editor.edit((b) => {
    for (const e of edits) b.replace(e.range, e.text);
  });
  if (!ok) throw new Error(vscode.l10n.t('The editor changed while the vault was working: nothing was replaced. Try again.'));
}
