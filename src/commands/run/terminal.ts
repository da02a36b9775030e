// Open Terminal with Key Vault Secrets…: a terminal whose environment holds a references file's variables,
// resolved in memory. The file comes from the explorer or editor title (its URI), else a pick among the workspace's
// references files (setting azureKeyVault.run.envFiles) or a file browsed to.
//
// The terminal is created with `env` and `isTransient: true`: VS Code neither persists nor revives a transient
// terminal (no process reconnection, no restored environment after a reload). `environmentVariableCollection` is
// deliberately NOT used: VS Code persists those collections across sessions (in its workspace storage) and applies
// them to every new terminal — a value put there would be written to disk.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { resolveEnv, RunRefused, summary } from './resolve';
import { fileInputs, fileLabel, lastWins, readText } from './sources';

/** The globs of references files (azureKeyVault.run.envFiles), as one findFiles include. */
function envFileGlob(): string {
  const globs = vscode.workspace.getConfiguration('azureKeyVault').get<string[]>('run.envFiles', ['**/.env.keyvault', '**/*.env.keyvault']).filter((g) => typeof g === 'string' && g.length > 0);
  return globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`;
}

/** The references file to use: the given one, else one picked (workspace files, or Browse…). */
async function pickFile(services: Services, given: unknown): Promise<vscode.Uri> {
  if (given instanceof vscode.Uri) return given;
  const files = await vscode.workspace.findFiles(envFileGlob(), '**/node_modules/**', 200);
  const browse = { label: vscode.l10n.t('$(folder-opened) Browse…'), uri: undefined };
  const items = [...files.sort((a, b) => fileLabel(a).localeCompare(fileLabel(b))).map((uri) => ({ label: fileLabel(uri), uri })), browse];
  const picked = await services.ui.showQuickPick(items, {
    title: vscode.l10n.t('Open Terminal with Key Vault Secrets'),
    placeHolder: vscode.l10n.t('Choose the references file whose variables the terminal gets'),
  });
  if (!picked) throw new UserCancelled();
  if (picked.uri) return picked.uri;
  const chosen = await services.ui.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use for the Terminal'), title: vscode.l10n.t('References file') });
  if (!chosen?.[0]) throw new UserCancelled();
  return chosen[0];
}

/** The command: returns the terminal it opened (the e2e suite sends text to it). */
export async function openTerminalWithSecrets(services: Services, args: readonly unknown[]): Promise<vscode.Terminal> {
  const uri = await pickFile(services, args[0]);
  const label = fileLabel(uri);
  const purpose = vscode.l10n.t('Terminal "{0}"', label);
  const text = await readText(uri);
  if (text === undefined) throw new RunRefused(vscode.l10n.t('{0} did not open: the file could not be read.', purpose));
  const inputs = await fileInputs(services, label, text);
  const resolved = await resolveEnv(services, inputs, purpose);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const terminal = vscode.window.createTerminal({
    name: vscode.l10n.t('Key Vault: {0}', label),
    cwd: folder?.uri ?? vscode.Uri.file(path.dirname(uri.fsPath)),
    env: Object.fromEntries(lastWins(inputs, resolved.values)),
    isTransient: true,
    iconPath: new vscode.ThemeIcon('key'),
  });
  terminal.show();
  services.ui.notify(summary(purpose, resolved));
  return terminal;
}
