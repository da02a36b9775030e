// The debug side (loaded only when a launch configuration holds a reference, see ./providers): its env files and
// own values read, references resolved (./resolve), the configuration handed back with the values in `env` (or
// `environment`) and without `envFile` (./debugEnv). launch.json is never written, no file is created.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { withResolvedEnv, type DebugConfigLike, type DebugEnvSources } from './debugEnv';
import { resolveEnv, RunRefused, summary, type EnvInput } from './resolve';
import { fileInputs, lastWins, objectInputs } from './sources';

/** An env file the configuration names: its path as given, its URI, its text (undefined: could not be read). */
export interface DebugEnvFile {
  readonly path: string;
  readonly uri: vscode.Uri;
  readonly text: string | undefined;
}

/**
 * The configuration with its references resolved, or undefined when it must not start (the error shown: VS Code
 * then aborts the launch).
 */
export async function resolveDebugConfiguration<T extends DebugConfigLike & { name?: unknown }>(
  services: Services,
  config: T,
  sources: DebugEnvSources,
  files: readonly DebugEnvFile[],
  token?: vscode.CancellationToken,
): Promise<T | undefined> {
  const purpose = vscode.l10n.t('Debug "{0}"', typeof config.name === 'string' ? config.name : config.type);
  try {
    const fromFiles: EnvInput[] = [];
    for (const file of files) {
      const label = vscode.workspace.asRelativePath(file.uri, false);
      if (file.text === undefined) throw new RunRefused(vscode.l10n.t('{0} did not start: its envFile {1} could not be read.', purpose, label));
      fromFiles.push(...(await fileInputs(services, label, file.text)));
    }
    const inline = await objectInputs(services, sources.inline, vscode.l10n.t('launch configuration {0}', sources.field));
    const resolved = await resolveEnv(services, [...fromFiles, ...inline], purpose, token);
    const fileValues = files.length > 0 ? lastWins(fromFiles, resolved.values.slice(0, fromFiles.length)) : undefined;
    const inlineValues = new Map(inline.flatMap((input, i) => (input.meaning.type === 'reference' ? [[input.name, resolved.values[fromFiles.length + i]!] as const] : [])));
    if (resolved.fromVault.length > 0) services.ui.notify(summary(purpose, resolved));
    return withResolvedEnv(config, sources, fileValues, inlineValues);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`run: ${message}`);
    void services.ui.showErrorMessage(message);
    return undefined;
  }
}
