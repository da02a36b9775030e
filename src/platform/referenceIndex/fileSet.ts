// Which files the workspace index reads: the file types the parser understands, found with workspace.findFiles in
// each workspace folder (one search per group of file types, one after another: see indexedFileGlobs) — files.exclude applied by
// findFiles itself, search.exclude and the folder's .gitignore files (when search.useIgnoreFiles is on, as for VS
// Code's search) passed as its exclude glob.
import * as vscode from 'vscode';
import { enabledPatterns, excludeGlob, gitignoreGlobs, hasIndexedType, indexedFileGlobs } from './ignoreGlobs';

/** The files listed at most per folder (a bound on huge workspaces; what is past it is not indexed). */
export const MAX_FILES_PER_FOLDER = 20_000;

/** A folder's exclude glob: its search.exclude and, unless turned off, its .gitignore files. */
export async function folderExclude(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<string | undefined> {
  const search = vscode.workspace.getConfiguration('search', folder.uri);
  const patterns = enabledPatterns(search.get<Record<string, unknown>>('exclude'));
  if (search.get<boolean>('useIgnoreFiles', true)) {
    const ignoreFiles = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), excludeGlob(patterns), 200, token);
    for (const uri of ignoreFiles) {
      const dir = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/').replace(/(^|\/)\.gitignore$/, '');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri).then(undefined, () => new Uint8Array()));
      patterns.push(...gitignoreGlobs(text, folderRelative(folder, uri, dir)));
    }
  }
  return excludeGlob(patterns);
}

/** The folder of a .gitignore relative to its workspace folder ('' at the root), whatever asRelativePath prefixes in a multi-root workspace. */
function folderRelative(folder: vscode.WorkspaceFolder, uri: vscode.Uri, fallback: string): string {
  const root = folder.uri.path.replace(/\/+$/, '');
  const path = uri.path;
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1).replace(/(^|\/)\.gitignore$/, '') : fallback;
}

/** Every file the index reads in the workspace (by folder), as URI strings. */
export async function listIndexedFiles(token?: vscode.CancellationToken): Promise<Map<string, vscode.Uri>> {
  const files = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const exclude = await folderExclude(folder, token);
    // One search at a time: each is a search process next to the extension host (several at once starve it of CPU).
    let count = 0;
    for (const glob of indexedFileGlobs) {
      if (count >= MAX_FILES_PER_FOLDER) break;
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, MAX_FILES_PER_FOLDER - count, token);
      for (const uri of found) {
        const key = uri.toString();
        if (files.has(key)) continue;
        files.set(key, uri);
        count++;
      }
    }
  }
  return files;
}

const globSpecial = /[[\]{}*?]/g;

/**
 * Which of `uris` (new files the watcher saw) the index reads: findFiles asked for each exact path, so the same
 * exclusions decide as for the whole listing. Files outside every workspace folder are left out.
 */
export async function includedOf(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const included: vscode.Uri[] = [];
  const excludes = new Map<string, Promise<string | undefined>>();
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) continue;
    const key = folder.uri.toString();
    if (!excludes.has(key)) excludes.set(key, folderExclude(folder));
    const relative = uri.path.slice(folder.uri.path.replace(/\/+$/, '').length + 1).replace(globSpecial, (c) => `[${c}]`);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative), await excludes.get(key), 1);
    // The watcher watches the include glob already: the exact path found means it is not excluded.
    if (found.length > 0 && hasIndexedType(uri.path)) included.push(uri);
  }
  return included;
}
