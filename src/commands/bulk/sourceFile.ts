// The file a bulk job reads: the one given (explorer or editor context menu), or one the user picks. Its text is what
// the editor holds when it is open (unsaved changes included), else what is on disk. Read once, in memory.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';

export interface SourceFile {
  readonly uri: vscode.Uri;
  /** The file's name (`.env`, `appsettings.json`). */
  readonly name: string;
  readonly text: string;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** Asks for a file (open dialog in the first workspace folder); `filters` as the dialog takes them. */
export async function pickFile(services: Services, title: string, openLabel: string, filters: Record<string, string[]>): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uris = await services.ui.showOpenDialog({ title, openLabel, canSelectMany: false, filters, ...(folder ? { defaultUri: folder } : {}) });
  const uri = uris?.[0];
  if (!uri) throw new UserCancelled();
  return uri;
}

/** The text of `uri`: the open document's (unsaved edits included), else the file's. */
export async function readSourceFile(uri: vscode.Uri): Promise<SourceFile> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return { uri, name: baseName(uri), text };
}

/** The file a command was invoked on: an explorer/editor context argument (a file on a file system), else undefined. */
export function fileArgument(given: readonly unknown[]): vscode.Uri | undefined {
  const [first] = given;
  return first instanceof vscode.Uri && !['untitled', 'keyvault'].includes(first.scheme) ? first : undefined;
}
