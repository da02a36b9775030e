// The `keyvault` task: runs a command with the environment of an env file and the task's own `env`, references
// resolved in memory when the task starts. A CustomExecution's pseudoterminal spawns the process itself (values go
// to the child's environment only — never into the task definition, the terminal's environment or a file), streams
// its output, closes with its exit code and kills it when the terminal is closed.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveEnv, RunRefused, summary, type EnvInput } from './resolve';
import { fileInputs, lastWins, objectInputs, readText } from './sources';

/** tasks.json: `{ "type": "keyvault", "command": "node", "args": ["app.js"], "envFile": ".env.keyvault" }`. */
export interface KeyVaultTaskDefinition extends vscode.TaskDefinition {
  readonly type: 'keyvault';
  readonly command: string;
  readonly args?: readonly string[];
  readonly envFile?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Run `command` (with `args`) through the system shell; off: the program is started directly. */
  readonly shell?: boolean;
}

/** The definition's fields checked (tasks.json is the user's text: anything may be there). */
export function checkDefinition(definition: vscode.TaskDefinition): string | undefined {
  if (typeof definition['command'] !== 'string' || !definition['command']) return vscode.l10n.t('a "keyvault" task needs a "command"');
  const args: unknown = definition['args'];
  if (args !== undefined && !(Array.isArray(args) && args.every((a) => typeof a === 'string'))) return vscode.l10n.t('"args" must be a list of strings');
  const env: unknown = definition['env'];
  if (env !== undefined && (typeof env !== 'object' || env === null || Object.values(env).some((v) => typeof v !== 'string'))) return vscode.l10n.t('"env" must map names to strings');
  for (const field of ['envFile', 'cwd']) if (definition[field] !== undefined && typeof definition[field] !== 'string') return vscode.l10n.t('"{0}" must be a string', field);
  return undefined;
}

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** The terminal of one run of a `keyvault` task. */
export class KeyVaultTaskTerminal implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private child: ChildProcess | undefined;
  private readonly cancel = new vscode.CancellationTokenSource();
  private closed = false;

  constructor(
    private readonly services: Services,
    private readonly definition: KeyVaultTaskDefinition,
    private readonly folder: vscode.Uri | undefined,
    private readonly label: string,
  ) {}

  open(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const purpose = vscode.l10n.t('Task "{0}"', this.label);
    let env: Map<string, string>;
    try {
      const problem = checkDefinition(this.definition);
      if (problem) throw new RunRefused(vscode.l10n.t('{0} did not start: {1}.', purpose, problem));
      const inputs: EnvInput[] = [];
      if (this.definition.envFile) {
        const uri = this.resolvePath(this.definition.envFile);
        const label = vscode.workspace.asRelativePath(uri, false);
        const text = await readText(uri);
        if (text === undefined) throw new RunRefused(vscode.l10n.t('{0} did not start: its envFile {1} could not be read.', purpose, label));
        inputs.push(...(await fileInputs(this.services, label, text)));
      }
      const own = Object.entries(this.definition.env ?? {}).map(([name, value]) => ({ name, value }));
      inputs.push(...(await objectInputs(this.services, own, vscode.l10n.t('task env'))));
      const resolved = await resolveEnv(this.services, inputs, purpose, this.cancel.token);
      env = lastWins(inputs, resolved.values);
      if (resolved.fromVault.length > 0) this.services.ui.notify(summary(purpose, resolved));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.services.log.error(`run: ${message}`);
      void this.services.ui.showErrorMessage(message);
      this.writer.fire(`\x1b[31m${crlf(message)}\x1b[0m\r\n`);
      this.finish(1);
      return;
    }
    if (this.closed) return;
    this.spawn(env);
  }

  private resolvePath(p: string): vscode.Uri {
    return vscode.Uri.file(path.isAbsolute(p) || !this.folder ? p : path.join(this.folder.fsPath, p));
  }

  private spawn(values: ReadonlyMap<string, string>): void {
    const { command, args = [], cwd, shell } = this.definition;
    const child = spawn(command, [...args], {
      cwd: cwd ? this.resolvePath(cwd).fsPath : this.folder?.fsPath,
      env: { ...process.env, ...Object.fromEntries(values) },
      shell: shell === true,
      stdio: 'pipe',
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.writer.fire(crlf(chunk.toString())));
    child.stderr?.on('data', (chunk: Buffer) => this.writer.fire(crlf(chunk.toString())));
    child.on('error', (error) => {
      this.writer.fire(`\x1b[31m${crlf(vscode.l10n.t('Could not start {0}: {1}', command, error.message))}\x1b[0m\r\n`);
      this.finish(127);
    });
    child.on('close', (code, signal) => this.finish(code ?? (signal ? 128 : 1)));
  }

  /** Typed input goes to the process (Enter as a newline). */
  handleInput(data: string): void {
    this.child?.stdin?.write(data.replace(/\r/g, '\n'));
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.closer.fire(code);
    this.dispose();
  }

  /** The terminal was closed (or the task terminated): the process goes with it. */
  close(): void {
    if (this.child && this.child.exitCode === null) this.child.kill();
    if (this.closed) return;
    this.closed = true;
    this.cancel.cancel();
    this.dispose();
  }

  private dispose(): void {
    this.cancel.dispose();
    this.writer.dispose();
    this.closer.dispose();
  }
}
