// Move to Key Vault: a literal in a file (selected, or a detected connection string / password / JWT / PEM)
// becomes a secret, and the literal is replaced with the reference this file type uses. The literal is held in
// memory only for the write: it is never logged, shown or put in a message. The user may edit the file while the
// secret is written: the literal is followed through those edits and replaced where it still stands unchanged;
// if it changed, the file is left alone and the message offers the reference to copy.
import * as vscode from 'vscode';
import { applyPlacement, formatsFor, TrackedRange } from '../../editor/apply';
import { literalValue, replacementAt } from '../../editor/literalReplacement';
import type { MoveArgs } from '../../editor/codeActions';
import { targetOf } from '../../model/referenced';
import type { FormatId } from '../../references';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import type { VaultTarget } from '../../model/targets';
import { askName } from '../prompts';
import { pickVault } from '../targets';
import { maxSecretBytes } from './createReferencedSecret';
import { runFix } from './fixProgress';

function asMoveArgs(arg: unknown): MoveArgs | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o.uri !== 'string' || typeof o.start !== 'number' || typeof o.end !== 'number') return undefined;
  return { uri: o.uri, start: o.start, end: o.end, ...(typeof o.suggestedName === 'string' ? { suggestedName: o.suggestedName } : {}) };
}

/** The document and range to move: from the code action's arguments, or the active editor's selection. */
async function source(arg: unknown): Promise<{ editor: vscode.TextEditor; start: number; end: number; suggestedName: string }> {
  const { secretLiteralAt, suggestNameAt } = await loadReferences();
  const args = asMoveArgs(arg);
  if (args) {
    const uri = vscode.Uri.parse(args.uri, true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(document);
    const json = /^jsonc?$/.test(document.languageId);
    return { editor, start: args.start, end: args.end, suggestedName: args.suggestedName ?? suggestNameAt(document.getText(), args.start, { json }) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error(vscode.l10n.t('Select the literal to move (a password, a connection string, a key) in an editor, then run Move to Key Vault again.'));
  const text = editor.document.getText();
  const json = /^jsonc?$/.test(editor.document.languageId);
  const start = editor.document.offsetAt(editor.selection.start);
  const end = editor.document.offsetAt(editor.selection.end);
  if (start === end) {
    const literal = secretLiteralAt(text, start, end, { json });
    if (!literal) throw new Error(vscode.l10n.t('No secret-looking literal under the cursor: select the text to move to Key Vault.'));
    return { editor, start: literal.start, end: literal.end, suggestedName: literal.suggestedName };
  }
  return { editor, start, end, suggestedName: suggestNameAt(text, start, { json }) };
}

/** What Move to Key Vault did (names and format, never the value). */
export interface MoveResult {
  readonly name: string;
  readonly vault: string;
  readonly format: FormatId;
  readonly text: string;
  /** False: the literal changed while the secret was written, and the file was left as the user left it. */
  readonly inserted: boolean;
}

/** The secret exists, the file was not touched: say so, and offer the reference to paste where the user wants it. */
function offerReference(services: Services, name: string, vault: VaultTarget, reference: string): void {
  const copy = vscode.l10n.t('Copy Reference');
  const message = vscode.l10n.t(
    'Secret "{0}" was created in {1}, but the file was not changed: the text being moved was edited while the secret was written. Copy the reference and put it in place of that text.',
    name,
    vault.name,
  );
  services.log.info(`created secret ${name} in ${vault.name}; the literal changed during the write, the file was left as it was`);
  void Promise.resolve(services.ui.showInformationMessage(message, copy)).then(
    (answer) => (answer === copy ? services.clipboard.copyText(reference) : undefined),
    (error: unknown) => services.log.warn(`Move to Key Vault message: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** `given`: the code action's MoveArgs, or nothing (the palette, the editor's context menu: the selection). */
export async function moveToKeyVault(services: Services, given: readonly unknown[]): Promise<MoveResult> {
  const { editor, start, end, suggestedName } = await source(given[0]);
  const document = editor.document;
  if (end <= start) throw new Error(vscode.l10n.t('Select the literal to move to Key Vault.'));
  const value = literalValue(document, start, end);
  if (Buffer.byteLength(value, 'utf8') > maxSecretBytes) throw new Error(vscode.l10n.t('The selection is larger than Key Vault accepts for a secret value (25 KB).'));
  const literal = new TrackedRange(document, start, end);
  try {
    return await moveLiteral(services, editor, literal, value, suggestedName);
  } finally {
    literal.dispose();
  }
}

async function moveLiteral(services: Services, editor: vscode.TextEditor, literal: TrackedRange, value: string, suggestedName: string): Promise<MoveResult> {
  const document = editor.document;
  const vault = await pickVault(services, vscode.l10n.t('Move the value to which key vault?'), 'secret');
  const name = await askName(
    services,
    vscode.l10n.t('Move to {0}: name of the new secret', vault.name),
    vscode.l10n.t('Letters, digits and hyphens (use -- for a .NET configuration section: ConnectionStrings--Db).'),
    suggestedName,
  );
  const exists = await runFix(services, vscode.l10n.t('Checking {0} for {1}', vault.name, name), { kind: 'secret', operation: 'list', vault, name }, (sdk, vaults, vaultUrl, options) =>
    sdk.secretOps.secretExists(vaults, vaultUrl, name, options),
  );
  if (exists) {
    const add = vscode.l10n.t('Add as New Version');
    const answer = await services.ui.confirm(vscode.l10n.t('A secret named "{0}" already exists in {1}.', name, vault.name), vscode.l10n.t('Its current value stays available as an older version.'), add);
    if (answer !== add) throw new UserCancelled();
  }
  const before = literal.current();
  if (!before) throw new Error(vscode.l10n.t('The text to move changed while the secret was being prepared; nothing was written. Run Move to Key Vault again.'));
  const target = targetOf(vault, 'secret', name);
  const { toText } = await loadReferences();
  const format = (await formatsFor(document, [target]))[0] ?? 'uri';
  const planned = toText((await replacementAt(document, before, format, target)).placement.template);
  const contentType = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value) ? 'application/x-pem-file' : undefined;
  await runFix(services, vscode.l10n.t('Creating secret {0} in {1}', name, vault.name), { kind: 'secret', operation: 'create', vault, name }, (sdk, vaults, vaultUrl, options) =>
    sdk.secretOps.setSecret(vaults, vaultUrl, name, value, contentType ? { contentType } : {}, options),
  );
  services.view.refreshGroupAndAllDeleted(vault, 'secret');
  // The file may have changed during the write: the reference goes where the literal still stands, unchanged.
  const live = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? (document.isClosed ? undefined : await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn }));
  const range = live && literal.current();
  if (!live || !range) {
    offerReference(services, name, vault, planned);
    return { name, vault: vault.name, format, text: planned, inserted: false };
  }
  const { range: replaced, placement } = await replacementAt(document, range, format, target);
  await applyPlacement(live, replaced, placement);
  services.log.info(`moved a literal from ${document.uri.path.split('/').pop() ?? 'the file'} to secret ${name} in ${vault.name}`);
  return { name, vault: vault.name, format, text: toText(placement.template), inserted: true };
}
