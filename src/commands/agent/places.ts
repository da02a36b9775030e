// Where the tools find things: a vault by the name (or URL) the model gives, among the vaults the user sees (the
// Key Vault view's: attached and ARM's), and a workspace file by path.
import * as vscode from 'vscode';
import { listVaultPlaces, type VaultPlace } from '../../auth/vaultDirectory';
import { vaultOrigin } from '../../azure/vaultUrl';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { ToolRefusal } from './input';

/** Every vault the user sees, with subscription and directory names. */
export async function vaultPlaces(services: Services): Promise<VaultPlace[]> {
  if (!(await services.session.account()) && services.attachedVaults.list().length === 0) {
    throw new ToolRefusal('Not signed in to Azure: ask the user to sign in from the Azure Key Vault view. Nothing was read.');
  }
  return listVaultPlaces(services);
}

/** The vault named `given` (a name, case-insensitive, or its URL); refused, listing a few names, when there is none or more than one. */
export async function findVault(services: Services, given: string): Promise<VaultTarget> {
  const places = await vaultPlaces(services);
  const byUrl = /^https:\/\//i.test(given) ? places.filter((p) => vaultOrigin(p.vault.vaultUrl) === vaultOrigin(given)) : [];
  const found = byUrl.length ? byUrl : places.filter((p) => p.vault.name.toLowerCase() === given.toLowerCase());
  if (found.length === 1) return found[0]!.vault;
  if (found.length > 1) {
    const where = found.map((p) => `${p.vault.vaultUrl} (${p.subscription ?? 'attached'})`).join(', ');
    throw new ToolRefusal(`Several vaults are named "${given}": ${where}. Pass the vault's URL instead. Nothing was done.`);
  }
  const names = places.map((p) => p.vault.name);
  const some = names.slice(0, 20).join(', ') + (names.length > 20 ? `, … ${names.length - 20} more (azureKeyVault_listVaults)` : '');
  throw new ToolRefusal(`No vault "${given}" among the user's vaults${names.length ? `: ${some}` : ' (none listed)'}. Nothing was done.`);
}

/**
 * A file of the workspace (a path relative to a workspace folder, an absolute path inside one, or a file: URI), or
 * a document open in an editor. Files outside the workspace are refused: an agent works on the project, not on the
 * user's other files.
 */
export async function workspaceDocument(given: string): Promise<vscode.TextDocument> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const candidates: vscode.Uri[] = [];
  if (/^[a-z][\w+.-]*:\/\//i.test(given) || given.startsWith('untitled:')) candidates.push(vscode.Uri.parse(given, true));
  else if (given.startsWith('/') || /^[a-z]:[\\/]/i.test(given)) candidates.push(vscode.Uri.file(given));
  else for (const f of folders) candidates.push(vscode.Uri.joinPath(f.uri, given));
  for (const uri of candidates) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) continue;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    return vscode.workspace.openTextDocument(uri);
  }
  throw new ToolRefusal(`No file "${given}" in the workspace (a path relative to a workspace folder, or an open document). Files outside the workspace are not touched. Nothing was done.`);
}

/** A workspace-relative path for answers and confirmations. */
export function shownPath(document: vscode.TextDocument): string {
  return vscode.workspace.asRelativePath(document.uri, false);
}

/** A 1-based line and column of the document (checked), as a position. */
export function positionOf(document: vscode.TextDocument, line: number, column: number): vscode.Position {
  if (line > document.lineCount) throw new ToolRefusal(`Line ${line} is past the end of ${shownPath(document)} (${document.lineCount} lines). Nothing was done.`);
  const text = document.lineAt(line - 1).text;
  if (column > text.length + 1) throw new ToolRefusal(`Column ${column} is past the end of line ${line} of ${shownPath(document)} (${text.length} characters). Nothing was done.`);
  return new vscode.Position(line - 1, column - 1);
}

/** `line:column` (1-based) of a position. */
export const at = (p: vscode.Position): string => `${p.line + 1}:${p.character + 1}`;
