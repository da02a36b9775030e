// Issue 20 acceptance inside VS Code (emulator): a references file (`.env.keyvault`: the kv:// short form by vault
// name and by host, an App Service reference, an object URI, a literal) and a launch configuration's `env` (the App
// Service name form) give a process its secrets in memory only. A tiny Node script records which variables it got
// and the SHA-256 of each (never the value) in a JSON file; it is run (a) by Node's built-in debugger (js-debug,
// `type: node`), (b) by a `keyvault` task from tasks.json, (c) in the terminal of Open Terminal with Key Vault
// Secrets… (transient). (d) A reference to a missing secret stops the launch: startDebugging resolves false, the
// script never runs, the error names the reference. (e) Afterwards no canary value is in any file a value could
// leak to (logs, user-data with its state databases and terminal persistence, the workspace), nor in any text shown.
import * as assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RunCommandIds } from '../../../src/model/commandIds';
import { control } from './emulator';
import { canaryNeedles, leakScanFiles } from './leakScan';
import { filesHolding, hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';

const SUBSCRIPTION = 'Run E2E';
const SUBSCRIPTION_ID = 'e2e20000-0000-4000-8000-0000000000a1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-run-main';
const CANARY = {
  db: `CANARY-DB-${randomUUID()}`,
  api: `CANARY-API-${randomUUID()}`,
  token: `CANARY-TOKEN-${randomUUID()}`,
  extra: `CANARY-EXTRA-${randomUUID()}`,
  off: `CANARY-OFF-${randomUUID()}`,
};
const sha = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The debuggee exits after writing its report, and js-debug then ends the session; on a loaded machine (once in
 * clean-clone CI) that took over 30 s, so a session still running then is stopped, for the next test to start
 * clean. Assertions name the session only: its configuration holds the resolved environment, values included.
 */
async function debugSessionsEnded(): Promise<void> {
  const running = (): string | undefined => vscode.debug.activeDebugSession?.name;
  await eventually(() => Promise.resolve(assert.equal(running(), undefined)), 30_000).catch(() => vscode.debug.stopDebugging());
  await eventually(() => Promise.resolve(assert.equal(running(), undefined, 'the debug session ended')), 15_000);
}

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [{
      name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-run', location: 'westeurope', enableRbacAuthorization: true,
      secrets: [
        { name: 'db-password', versions: [{ value: CANARY.db }] },
        { name: 'api-key', versions: [{ value: CANARY.api }] },
        { name: 'token', versions: [{ value: CANARY.token }] },
        { name: 'extra', versions: [{ value: CANARY.extra }] },
        { name: 'switched-off', versions: [{ value: CANARY.off, enabled: false }] },
      ],
    }],
  });
}

/** The script every run starts: `node report.js OUT NAME…` writes { NAME: sha256 of its value, or null }. */
const REPORT_JS = `const fs = require('fs');
const crypto = require('crypto');
const [out, ...names] = process.argv.slice(2);
const seen = {};
for (const name of names) seen[name] = process.env[name] === undefined ? null : crypto.createHash('sha256').update(process.env[name]).digest('hex');
fs.writeFileSync(out, JSON.stringify(seen));
`;

const FILE_NAMES = ['PLAIN', 'DB_PASSWORD', 'API_KEY', 'TOKEN', 'TOKEN_AGAIN'];

describe('issue 20: run, debug and terminals with Key Vault secrets, nothing on disk (emulator)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  let dir: string;
  let refsFile: string;
  let missingFile: string;
  let disabledFile: string;
  let foreignFile: string;
  let missingTask: string;
  let script: string;
  let vaultUrl: string;
  let madeVscodeDir = false;
  const folder = () => vscode.workspace.workspaceFolders?.[0] ?? assert.fail('a workspace folder');
  const extraRef = `@Microsoft.KeyVault(VaultName=${VAULT};SecretName=extra)`;
  const expectedFromFile = () => ({ PLAIN: sha('hello'), DB_PASSWORD: sha(CANARY.db), API_KEY: sha(CANARY.api), TOKEN: sha(CANARY.token), TOKEN_AGAIN: sha(CANARY.token) });
  const report = async (out: string): Promise<Record<string, string | null>> => {
    await eventually(() => Promise.resolve(assert.ok(fs.existsSync(out) && fs.statSync(out).size > 0, `${out} written`)), 60_000);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, string | null>;
  };
  const secretGets = async (cursor: number) => (await requestsSince(cursor, VAULT)).filter((r) => / GET \/secrets\//.test(r)).map((r) => r.replace(/\?.*/, '')).sort();

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    vaultUrl = w.vaultUrl(VAULT);
    dir = path.join(folder().uri.fsPath, `run-secrets-${randomUUID().slice(0, 8)}`);
    fs.mkdirSync(dir, { recursive: true });
    script = path.join(dir, 'report.js');
    fs.writeFileSync(script, REPORT_JS);
    refsFile = path.join(dir, '.env.keyvault');
    fs.writeFileSync(
      refsFile,
      [
        '# Key Vault references only: safe to commit',
        'PLAIN=hello',
        `DB_PASSWORD=kv://${VAULT}/db-password`,
        `API_KEY="@Microsoft.KeyVault(SecretUri=${vaultUrl}/secrets/api-key/)"`,
        `export TOKEN=${vaultUrl}/secrets/token`,
        `TOKEN_AGAIN=kv://${vaultUrl.replace(/^https:\/\//, '')}/token`,
        '',
      ].join('\r\n'),
    );
    missingFile = path.join(dir, 'missing.env.keyvault');
    fs.writeFileSync(missingFile, `PLAIN=hello\nMISSING=kv://${VAULT}/not-there\n`);
    disabledFile = path.join(dir, 'disabled.env.keyvault');
    fs.writeFileSync(disabledFile, `OFF=kv://${VAULT}/switched-off\n`);
    foreignFile = path.join(dir, 'foreign.env.keyvault');
    fs.writeFileSync(foreignFile, `PLAIN=hello\nFOREIGN=kv://kv-not-mine/db-password\nSIGNING=${vaultUrl}/keys/signing\n`);
  });

  after(() => {
    w?.api.ui.reset();
    for (const t of vscode.window.terminals.filter((t) => t.name.startsWith('Key Vault:'))) t.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (madeVscodeDir) fs.rmSync(path.join(folder().uri.fsPath, '.vscode'), { recursive: true, force: true });
    else fs.rmSync(path.join(folder().uri.fsPath, '.vscode', 'tasks.json'), { force: true });
  });
  afterEach(() => w.script.assertDone());

  const launch = (out: string, envFile: string, env: Record<string, string>, names: readonly string[]): vscode.DebugConfiguration => ({
    type: 'node',
    request: 'launch',
    name: 'Run report',
    program: script,
    args: [out, ...names],
    runtimeExecutable: process.execPath,
    console: 'internalConsole',
    envFile,
    env,
  });

  it('(a) a debug session (js-debug, envFile + env) gets every value; one GET per distinct secret; launch config untouched', async () => {
    const out = path.join(dir, 'debug.json');
    const cursor = await logCursor();
    const config = launch(out, refsFile, { EXTRA: extraRef }, [...FILE_NAMES, 'EXTRA']);
    const before = JSON.stringify(config);
    assert.equal(await vscode.debug.startDebugging(folder(), config), true);
    assert.deepEqual(await report(out), { ...expectedFromFile(), EXTRA: sha(CANARY.extra) });
    assert.equal(JSON.stringify(config), before, 'the caller\'s configuration is not changed');
    assert.deepEqual(await secretGets(cursor), ['200 GET /secrets/api-key/', '200 GET /secrets/db-password/', '200 GET /secrets/extra/', '200 GET /secrets/token/']);
    const summary = w.script.notices.at(-1) ?? '';
    assert.match(summary, /Debug "Run report": 5 variables from Key Vault/);
    for (const name of [...FILE_NAMES.filter((n) => n !== 'PLAIN'), 'EXTRA']) assert.ok(summary.includes(name), `the summary names ${name}`);
    assert.ok(!summary.includes('PLAIN'), 'a literal is not in the summary');
    await debugSessionsEnded();
  });

  it('a launch configuration without references runs untouched: no request to any vault', async () => {
    const out = path.join(dir, 'plain.json');
    const cursor = await logCursor();
    const notices = w.script.notices.length;
    assert.equal(await vscode.debug.startDebugging(folder(), { ...launch(out, '', { ONLY: 'literal' }, ['ONLY']), envFile: undefined }), true);
    assert.deepEqual(await report(out), { ONLY: sha('literal') });
    assert.deepEqual(await requestsSince(cursor, VAULT), []);
    assert.equal(w.script.notices.length, notices, 'no summary');
    await debugSessionsEnded();
  });

  it('(b) a `keyvault` task from tasks.json runs the command with the resolved environment', async () => {
    const out = path.join(dir, 'task.json');
    const vscodeDir = path.join(folder().uri.fsPath, '.vscode');
    madeVscodeDir = !fs.existsSync(vscodeDir);
    assert.ok(!fs.existsSync(path.join(vscodeDir, 'tasks.json')), 'no tasks.json of the workspace is replaced');
    fs.mkdirSync(vscodeDir, { recursive: true });
    const label = `kv-run-${randomUUID().slice(0, 6)}`;
    const definition = { type: 'keyvault', label, command: process.execPath, args: [script, out, ...FILE_NAMES, 'EXTRA'], envFile: path.relative(folder().uri.fsPath, refsFile), env: { EXTRA: extraRef } };
    missingTask = `${label}-missing`;
    const missing = { type: 'keyvault', label: missingTask, command: process.execPath, args: [script, path.join(dir, 'task-missing.json'), 'PLAIN'], envFile: path.relative(folder().uri.fsPath, missingFile) };
    fs.writeFileSync(path.join(vscodeDir, 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [definition, missing] }, null, 2));
    let task: vscode.Task | undefined;
    await eventually(async () => {
      task = (await vscode.tasks.fetchTasks({ type: 'keyvault' })).find((t) => t.name === label);
      assert.ok(task, 'the task of tasks.json is listed');
    }, 30_000);
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((e) => {
        if (e.execution.task.name === label) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.tasks.executeTask(task!);
    assert.deepEqual(await report(out), { ...expectedFromFile(), EXTRA: sha(CANARY.extra) });
    await ended;
    assert.match(w.script.notices.at(-1) ?? '', new RegExp(`Task "${label}": 5 variables from Key Vault`));
    assert.ok(!fs.readFileSync(path.join(vscodeDir, 'tasks.json'), 'utf8').includes('CANARY'), 'the task definition holds references only');
  });

  it('(c) Open Terminal with Key Vault Secrets… gives a transient terminal the file\'s variables', async () => {
    const out = path.join(dir, 'terminal.json');
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>(RunCommandIds.openTerminal, vscode.Uri.file(refsFile));
    assert.ok(terminal, 'the command returns its terminal');
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.equal(options.isTransient, true, 'excluded from terminal persistence and reconnection');
    assert.equal(terminal.name, `Key Vault: ${vscode.workspace.asRelativePath(refsFile, false)}`);
    terminal.sendText(`"${process.execPath}" "${script}" "${out}" ${FILE_NAMES.join(' ')}`);
    assert.deepEqual(await report(out), expectedFromFile());
    assert.match(w.script.notices.at(-1) ?? '', /Terminal ".*\.env\.keyvault": 4 variables from Key Vault/);
    terminal.dispose();
  });

  it('(c) from the Command Palette: the references files of the workspace are offered', async () => {
    const label = vscode.workspace.asRelativePath(refsFile, false);
    w.script.script({ picks: [label] });
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>(RunCommandIds.openTerminal);
    const offered = w.script.picked.at(-1)!.items.map((i) => i.label);
    assert.ok(offered.includes(label) && offered.includes(vscode.workspace.asRelativePath(missingFile, false)), offered.join(', '));
    assert.equal((terminal.creationOptions as vscode.TerminalOptions).isTransient, true);
    terminal.dispose();
  });

  it('(d) a reference to a missing secret stops the launch: nothing runs, the error names the reference', async () => {
    const out = path.join(dir, 'missing.json');
    const errors = w.script.errors.length;
    assert.equal(await vscode.debug.startDebugging(folder(), launch(out, missingFile, {}, ['PLAIN', 'MISSING'])), false);
    const shown = w.script.errors.slice(errors);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0]!, /missing\.env\.keyvault:2 MISSING=kv:\/\/kv-run-main\/not-there/);
    assert.match(shown[0]!, /"not-there" was not found in kv-run-main/);
    assert.equal(fs.existsSync(out), false, 'the script never ran');
    assert.equal(vscode.debug.activeDebugSession?.name, undefined, 'no debug session runs');
  });

  it('(d) a task whose reference is missing never starts its program', async () => {
    const task = (await vscode.tasks.fetchTasks({ type: 'keyvault' })).find((t) => t.name === missingTask) ?? assert.fail('the second task is listed');
    const errors = w.script.errors.length;
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((e) => {
        if (e.execution.task.name === missingTask) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.tasks.executeTask(task);
    await ended;
    const shown = w.script.errors.slice(errors);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0]!, new RegExp(`Task "${missingTask}" did not start — .*missing\\.env\\.keyvault:2 MISSING=kv://kv-run-main/not-there`));
    assert.equal(fs.existsSync(path.join(dir, 'task-missing.json')), false, 'the program never ran');
  });

  it('(d) a disabled secret stops the launch with an error that says so', async () => {
    const out = path.join(dir, 'disabled.json');
    const errors = w.script.errors.length;
    assert.equal(await vscode.debug.startDebugging(folder(), launch(out, disabledFile, {}, ['OFF'])), false);
    const shown = w.script.errors.slice(errors);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0]!, /disabled\.env\.keyvault:1 OFF=kv:\/\/kv-run-main\/switched-off: the secret "switched-off" in kv-run-main is disabled/);
    assert.equal(fs.existsSync(out), false);
  });

  it('(d) a vault that is not yours and a key URI: one error naming both, no request sent anywhere, no terminal', async () => {
    const cursor = await logCursor();
    const errors = w.script.errors.length;
    const terminals = vscode.window.terminals.length;
    const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(RunCommandIds.openTerminal, vscode.Uri.file(foreignFile));
    assert.equal(terminal, undefined);
    assert.equal(vscode.window.terminals.length, terminals, 'no terminal opened');
    const shown = w.script.errors.slice(errors);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0]!, /2 references could not be used/);
    assert.match(shown[0]!, /foreign\.env\.keyvault:2 FOREIGN=kv:\/\/kv-not-mine\/db-password: the vault kv-not-mine is not one of your vaults/);
    assert.match(shown[0]!, /foreign\.env\.keyvault:3 SIGNING: .*names a key or a certificate/);
    assert.deepEqual(await requestsSince(cursor, VAULT), [], 'nothing was read');
  });

  it('(e) no canary value in any file (logs, user-data, state databases, terminal persistence, workspace) nor in any text shown', async () => {
    const canaries = Object.values(CANARY);
    for (const text of w.script.shown) for (const c of canaries) assert.ok(!text.includes(c), `shown: ${text.slice(0, 80)}`);
    const { files } = await leakScanFiles(w.api);
    assert.deepEqual(filesHolding(files, canaryNeedles(canaries)), []);
  });
});
