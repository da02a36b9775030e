// Whether git ignores a file, and adding it to the repository's .gitignore — through VS Code's own Git extension
// (`vscode.git`, API version 1: `getRepository`, `checkIgnore`), never by running git here (a repository's config can
// name programs git runs). No Git extension, or the file in no repository: nothing is offered.
import * as vscode from 'vscode';

/** The part of the Git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  checkIgnore(paths: string[]): Promise<Set<string>>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** The repository holding `uri` when git does NOT ignore it (the file could be committed); undefined otherwise. */
export async function notIgnoredIn(uri: vscode.Uri): Promise<GitRepository | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    const repository = exports.getAPI(1).getRepository(uri);
    if (!repository) return undefined;
    const ignored = await repository.checkIgnore([uri.fsPath]);
    return ignored.size === 0 ? repository : undefined;
  } catch {
    return undefined;
  }
}

/** Appends `/path/of/file` (relative to the repository root) to the root's .gitignore, creating it when missing. */
export async function addToGitignore(repository: GitRepository, uri: vscode.Uri): Promise<vscode.Uri> {
  const gitignore = vscode.Uri.joinPath(repository.rootUri, '.gitignore');
  const relative = uri.path.startsWith(`${repository.rootUri.path}/`) ? uri.path.slice(repository.rootUri.path.length) : `/${uri.path.split('/').pop() ?? ''}`;
  let text = '';
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(gitignore));
  } catch {
    // no .gitignore yet
  }
  const line = relative.replace(/([*?[\]!#\\ ])/g, '\\$1');
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode(`${text}${separator}${line}\n`));
  return gitignore;
}
