// azureKeyVault_findSecretLiterals: where a file holds secret-looking literals (connection strings, passwords, keys,
// tokens), by location and kind, with a suggested secret name — never the text. The model passes one of these
// locations to azureKeyVault_moveLiteralToKeyVault.
import * as vscode from 'vscode';
import { loadReferences } from '../../references/lazy';
import { inputObject, optionalInteger, requiredString } from './input';
import { at, shownPath, workspaceDocument } from './places';
import { bounded, defaultMaxRows, maxRowsLimit } from './rows';
import { tool } from './tool';

export const findLiterals = tool({
  parse: (raw) => {
    const input = inputObject(raw, ['file', 'maxResults']);
    return { file: requiredString(input, 'file'), max: optionalInteger(input, 'maxResults', { min: 1, max: maxRowsLimit }) ?? defaultMaxRows };
  },
  prepare: (_services, input) => ({ invocationMessage: `Looking for secret-looking literals in ${input.file}` }),
  run: async (_services, input) => {
    const document = await workspaceDocument(input.file);
    const { findSecretLiterals } = await loadReferences();
    const literals = findSecretLiterals(document.getText(), { json: /^jsonc?$/.test(document.languageId) });
    const rows = literals.map((l) => {
      const range = new vscode.Range(document.positionAt(l.start), document.positionAt(l.end));
      return `- ${at(range.start)}-${at(range.end)} (${l.end - l.start} characters): ${l.kind}, suggested secret name "${l.suggestedName}"`;
    });
    return [
      `${literals.length} secret-looking literal(s) in ${shownPath(document)} (line:column, 1-based; the text is not shown):`,
      ...bounded(rows, input.max),
      ...(literals.length ? ['Move one with azureKeyVault_moveLiteralToKeyVault (file, its start line and column, a vault and a secret name).'] : []),
    ];
  },
});
