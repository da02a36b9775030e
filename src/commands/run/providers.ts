// The debug configuration provider (every debug type) and the `keyvault` task provider, as registered at
// activation: small shells. A launch configuration is looked at with the cheap first look of envSniff (its `env`
// values and the texts of its env files); one that holds no reference is returned unchanged — no request, nothing
// loaded. The rest (parser, resolution, the task's process) loads on first use from ./handlers.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mayHoldEnvReference } from './envSniff';
import type { Services } from '../../services';
import { debugEnvSources } from './debugEnv';
import type { KeyVaultTaskDefinition } from './task';

export type RunHandlers = typeof import('./handlers');

/** Reads a file the configuration names (undefined when it cannot be read: the adapter reports that itself). */
async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export class KeyVaultDebugEnv implements vscode.DebugConfigurationProvider {
  constructor(
    private readonly services: Services,
    private readonly load: () => RunHandlers,
  ) {}

  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration, token?: vscode.CancellationToken): Promise<vscode.DebugConfiguration | undefined> {
    // An attach starts no process: its environment is not the adapter's to set, and nothing is read for it.
    if (config.request === 'attach') return config;
    const sources = debugEnvSources(config);
    const files = await Promise.all(
      sources.envFiles.map(async (p) => {
        const uri = vscode.Uri.file(path.isAbsolute(p) || !folder ? p : path.join(folder.uri.fsPath, p));
        return { path: p, uri, text: await readFile(uri) };
      }),
    );
    const holds = sources.inline.some((v) => mayHoldEnvReference(v.value)) || files.some((f) => f.text !== undefined && mayHoldEnvReference(f.text));
    if (!holds) return config;
    return this.load().resolveDebugConfiguration(this.services, config, sources, files, token);
  }
}

/** Tasks of type `keyvault` come from tasks.json only: resolveTask gives them their execution. */
export class KeyVaultTasks implements vscode.TaskProvider {
  constructor(
    private readonly services: Services,
    private readonly load: () => RunHandlers,
  ) {}

  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (task.definition.type !== 'keyvault') return undefined;
    const scope = task.scope ?? vscode.TaskScope.Workspace;
    const folder = typeof scope === 'object' ? scope.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const execution = new vscode.CustomExecution((resolved) => {
      const { KeyVaultTaskTerminal } = this.load();
      return Promise.resolve(new KeyVaultTaskTerminal(this.services, resolved as KeyVaultTaskDefinition, folder, task.name));
    });
    // The same definition object (VS Code matches the resolved task to tasks.json's by it); values never go into it.
    return new vscode.Task(task.definition, scope, task.name, task.source || 'keyvault', execution, task.problemMatchers);
  }
}
