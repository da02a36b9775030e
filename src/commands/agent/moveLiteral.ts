// azureKeyVault_moveLiteralToKeyVault: the model names a location in a workspace file (a range, or a position inside
// a detected secret-looking literal) plus a vault and a secret name; after the user confirms, the text is read from
// the document here, stored as the secret, and replaced with the reference in the file's syntax (as Move to Key
// Vault does: src/editor/literalReplacement.ts). The value goes from the editor to the vault only: never into the
// answer, the confirmation, the log or a message. An existing secret of that name is refused (nothing overwritten).
import * as vscode from 'vscode';
import { applyPlacement, formatsFor, TrackedRange } from '../../editor/apply';
import { literalValue, replacementAt } from '../../editor/literalReplacement';
import { targetOf } from '../../model/referenced';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import { request } from '../failures';
import { inputObject, optionalInteger, requiredInteger, requiredSecretName, requiredString, ToolRefusal } from './input';
import { at, findVault, positionOf, shownPath, workspaceDocument } from './places';
import { tool } from './tool';

/** Key Vault's limit on a secret value (UTF-8 bytes). */
const maxSecretBytes = 25 * 1024;

interface MoveInput {
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly vault: string;
  readonly name: string;
}

/** The literal's offsets: the range given, or the detected literal around the start position. */
async function literalRange(document: vscode.TextDocument, input: MoveInput): Promise<{ start: number; end: number }> {
  const start = document.offsetAt(positionOf(document, input.startLine, input.startColumn));
  if (input.endLine !== undefined && input.endColumn !== undefined) {
    const end = document.offsetAt(positionOf(document, input.endLine, input.endColumn));
    if (end <= start) throw new ToolRefusal('The end of the range must come after its start. Nothing was done.');
    return { start, end };
  }
  if (input.endLine !== undefined || input.endColumn !== undefined) throw new ToolRefusal('Give both endLine and endColumn, or neither (the detected literal at the start). Nothing was done.');
  const { secretLiteralAt } = await loadReferences();
  const literal = secretLiteralAt(document.getText(), start, start, { json: /^jsonc?$/.test(document.languageId) });
  if (!literal) throw new ToolRefusal(`No secret-looking literal at ${input.startLine}:${input.startColumn} of ${shownPath(document)}: give the range (endLine, endColumn), or find one with azureKeyVault_findSecretLiterals. Nothing was done.`);
  return literal;
}

async function move(services: Services, input: MoveInput): Promise<string[]> {
  const vault = await findVault(services, input.vault);
  const document = await workspaceDocument(input.file);
  const { start, end } = await literalRange(document, input);
  const value = literalValue(document, start, end);
  if (Buffer.byteLength(value, 'utf8') > maxSecretBytes) throw new ToolRefusal('The text at that range is larger than Key Vault accepts for a secret value (25 KB). Nothing was done.');
  const name = input.name;
  const literal = new TrackedRange(document, start, end);
  try {
    const ctx = { kind: 'secret', operation: 'list', vault, name } as const;
    if (await request(services, ctx, (sdk, vaults, url, options) => sdk.secretOps.secretExists(vaults, url, name, options))) {
      throw new ToolRefusal(`A secret named "${name}" already exists in ${vault.name}: choose another name (nothing was overwritten, the file is unchanged).`);
    }
    const target = targetOf(vault, 'secret', name);
    const format = (await formatsFor(document, [target]))[0] ?? 'uri';
    const contentType = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value) ? 'application/x-pem-file' : undefined;
    const wasDirty = document.isDirty;
    await request(services, { kind: 'secret', operation: 'create', vault, name }, (sdk, vaults, url, options) => sdk.secretOps.setSecret(vaults, url, name, value, contentType ? { contentType } : {}, options));
    services.view.refreshGroupAndAllDeleted(vault, 'secret');
    const { toText } = await loadReferences();
    const range = literal.current();
    if (!range || document.isClosed) {
      services.log.info(`agent tool: created secret ${name} in ${vault.name}; the text to move changed meanwhile, the file was left as it was`);
      return [`Created secret "${name}" in ${vault.name}, but ${shownPath(document)} was NOT changed: the text at that range was edited while the secret was written. Put a reference in its place (azureKeyVault_insertReference).`];
    }
    const replacement = await replacementAt(document, range, format, target);
    try {
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      await applyPlacement(editor, replacement.range, replacement.placement);
    } catch (error) {
      services.log.warn(`agent tool: created secret ${name} in ${vault.name}; the reference could not be put in ${shownPath(document)}: ${error instanceof Error ? error.message : String(error)}`);
      return [`Created secret "${name}" in vault ${vault.name}, but ${shownPath(document)} could NOT be changed (${error instanceof Error ? error.message : String(error)}). Put a reference in place of the text (azureKeyVault_insertReference).`];
    }
    // Saved only when the file had no other unsaved change: the user's own edits are theirs to save.
    const saved = wasDirty ? 'not saved: the file had other unsaved changes' : (await document.save()) ? 'file saved' : 'not saved yet: VS Code did not save it';
    services.log.info(`agent tool: moved a literal from ${shownPath(document)} to secret ${name} in ${vault.name}`);
    return [
      `Created secret "${name}" in vault ${vault.name} from the text at ${at(replacement.range.start)} of ${shownPath(document)}, and replaced that text with this reference (${saved}):`,
      toText(replacement.placement.template),
      'The value itself was never shown to you.',
    ];
  } finally {
    literal.dispose();
  }
}

export const moveLiteral = tool({
  parse: (raw): MoveInput => {
    const input = inputObject(raw, ['file', 'startLine', 'startColumn', 'endLine', 'endColumn', 'vault', 'name']);
    const line = { min: 1, max: 10_000_000 };
    const column = { min: 1, max: 1_000_000 };
    const endLine = optionalInteger(input, 'endLine', line);
    const endColumn = optionalInteger(input, 'endColumn', column);
    return {
      file: requiredString(input, 'file'),
      startLine: requiredInteger(input, 'startLine', line),
      startColumn: requiredInteger(input, 'startColumn', column),
      ...(endLine !== undefined ? { endLine } : {}),
      ...(endColumn !== undefined ? { endColumn } : {}),
      vault: requiredString(input, 'vault'),
      name: requiredSecretName(input),
    };
  },
  prepare: (_services, input) => {
    const where = input.endLine !== undefined ? vscode.l10n.t('lines {0}–{1}', input.startLine, input.endLine) : vscode.l10n.t('line {0}', input.startLine);
    return {
      invocationMessage: vscode.l10n.t('Moving a literal of {0} to Key Vault', input.file),
      confirmation: {
        title: vscode.l10n.t('Move a literal to Key Vault?'),
        message: vscode.l10n.t('The text at {0} of {1} becomes the new secret "{2}" in vault {3}, and is replaced in the file by a reference to it. The value goes from the editor to the vault only: it is not shown to the agent.', where, input.file, input.name, input.vault),
        action: vscode.l10n.t('Move to Key Vault'),
      },
    };
  },
  run: (services, input) => move(services, input),
});
