// What Move to Key Vault needs from a document, shared by the command (src/commands/references/moveToKeyVault.ts)
// and the agent tool (src/commands/agent/moveLiteral.ts): the value a literal stands for, and what replaces it —
// the reference in the file's syntax, taking the quotes with it where the reference is code rather than text.
import * as vscode from 'vscode';
import type { FormatId, Placement, ReferenceTarget } from '../references';
import { placementAt } from './apply';

/** Formats whose value is itself a string's content (the literal's quotes stay). */
const insideQuotes = new Set<FormatId>(['appServiceUri', 'appServiceName', 'appConfig', 'dotnetKey', 'uri', 'githubActions', 'azurePipelines']);

/** The value a literal stands for: JSON string escapes undone inside a JSON string. */
export function literalValue(document: vscode.TextDocument, start: number, end: number): string {
  const raw = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
  const quoted = document.getText(new vscode.Range(document.positionAt(Math.max(0, start - 1)), document.positionAt(end + 1)));
  if (/^jsonc?$/.test(document.languageId) && quoted.startsWith('"') && quoted.endsWith('"')) {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** What replaces the literal at `literal`: the reference, or the whole quoted string where the reference is code. */
export async function replacementAt(document: vscode.TextDocument, literal: vscode.Range, format: FormatId, target: ReferenceTarget): Promise<{ range: vscode.Range; placement: Placement }> {
  const text = document.getText();
  const start = document.offsetAt(literal.start);
  const end = document.offsetAt(literal.end);
  const before = text.charAt(start - 1);
  const quoted = (before === '"' || before === "'") && text.charAt(end) === before && !insideQuotes.has(format);
  const range = new vscode.Range(document.positionAt(quoted ? start - 1 : start), document.positionAt(quoted ? end + 1 : end));
  return { range, placement: await placementAt(document, range, format, [target]) };
}
