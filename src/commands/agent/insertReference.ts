// azureKeyVault_insertReference: a reference to a secret, key or certificate written into a workspace file at a
// line and column, in that file's syntax (the references feature's formats and placement: the same as Insert
// Reference), as one undoable edit. A reference names an object; it carries no value.
import * as vscode from 'vscode';
import { applyPlacement, formatsFor, placementAt } from '../../editor/apply';
import { targetOf } from '../../model/referenced';
import { loadReferences } from '../../references/lazy';
import { inputObject, optionalString, requiredInteger, requiredKind, requiredString, ToolRefusal } from './input';
import { at, findVault, positionOf, shownPath, workspaceDocument } from './places';
import { tool } from './tool';

export const insertReference = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['file', 'line', 'column', 'vault', 'kind', 'name', 'version']);
    return {
      file: requiredString(input, 'file'),
      line: requiredInteger(input, 'line', { min: 1, max: 10_000_000 }),
      column: requiredInteger(input, 'column', { min: 1, max: 1_000_000 }),
      vault: requiredString(input, 'vault'),
      kind: requiredKind(input),
      name: requiredString(input, 'name'),
      version: optionalString(input, 'version'),
    };
  },
  prepare: (_services, input) => ({
    invocationMessage: vscode.l10n.t('Inserting a reference to {0} "{1}" into {2}', input.kind, input.name, input.file),
    confirmation: {
      title: vscode.l10n.t('Insert a Key Vault reference?'),
      message: vscode.l10n.t('A reference to the {0} "{1}"{2} of vault {3} goes into {4} at line {5}, column {6}, in that file\'s syntax. No value is read or written.', input.kind, input.name, input.version ? ` (version ${input.version})` : '', input.vault, input.file, input.line, input.column),
      action: vscode.l10n.t('Insert'),
    },
  }),
  run: async (services, input) => {
    const vault = await findVault(services, input.vault);
    const document = await workspaceDocument(input.file);
    const position = positionOf(document, input.line, input.column);
    const target = targetOf(vault, input.kind, input.name, input.version);
    const format = (await formatsFor(document, [target]))[0];
    if (!format) throw new ToolRefusal(`No reference syntax of ${shownPath(document)} can name a ${input.kind}. Nothing was changed.`);
    const range = new vscode.Range(position, position);
    const placement = await placementAt(document, range, format, [target]);
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    await applyPlacement(editor, range, placement);
    const { referenceFormats, toText } = await loadReferences();
    services.log.info(`agent tool: inserted a reference to ${input.kind} ${input.name} of ${vault.name} as ${referenceFormats[format].label}`);
    return [
      `Inserted into ${shownPath(document)} at ${at(position)} (${referenceFormats[format].label}, not saved yet):`,
      toText(placement.template),
      ...((placement.extras ?? []).length ? [`Also added ${placement.extras!.length} declaration(s) the reference needs elsewhere in the file.`] : []),
    ];
  },
});
