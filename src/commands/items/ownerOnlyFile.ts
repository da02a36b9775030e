// Writes a file readable by its owner only where the file system allows it (a backup; the bulk area's with-values
// export): a local file is opened with mode 0600 and set to 0600 before a byte is written (also when it replaces an
// existing file, whose mode `open` would keep). On Windows the mode bits do not restrict other accounts (NTFS ACLs do;
// the file inherits its folder's).
// Any other file system (a remote or virtual one: vscode-remote://, vscode-vfs://…) is written through VS Code's
// file system API, which takes no mode: the file gets what that file system gives new files.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';

/** How the file was protected: `ownerOnly` (mode 0600 set), or `fileSystemDefault` (no mode could be set). */
export type FileProtection = 'ownerOnly' | 'fileSystemDefault';

export async function writeOwnerOnly(uri: vscode.Uri, bytes: Uint8Array): Promise<FileProtection> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, bytes);
    return 'fileSystemDefault';
  }
  const handle = await fs.open(uri.fsPath, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  return process.platform === 'win32' ? 'fileSystemDefault' : 'ownerOnly';
}

/**
 * Where a dialog starts: the home folder — never the workspace, where a backup could end up committed — when the
 * window is local; in a remote or virtual workspace (whose files are not `file:` URIs here) its first folder.
 */
export function startFolder(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder && folder.scheme !== 'file') return folder;
  const home = os.homedir();
  return home ? vscode.Uri.file(home) : folder;
}
