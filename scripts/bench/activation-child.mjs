// One fresh process of the activation measurement (spawned by ./activation.mjs):
//   node activation-child.mjs <bundle.js> <extension root>      (NODE_PATH points at the `vscode` stand-in)
// Loads the stand-in first (VS Code's API exists before any extension loads), builds a fake ExtensionContext,
// then times `require(bundle)` and `activate(context)` and prints one JSON line:
//   { requireMs, activateMs, totalMs, subscriptions, loaded: [bundle files loaded by activation], asyncErrors }
// Errors thrown by activate are reported as { error } (exit code 1). Rejections that surface shortly after
// activate (work it started in the background) are listed in asyncErrors, not fatal: the stand-in answers
// "nothing" (undefined, empty lists) where the real VS Code would answer something.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [bundle, extRoot] = process.argv.slice(2).map((p) => path.resolve(p));
const asyncErrors = [];
process.on('unhandledRejection', (reason) => asyncErrors.push(String(reason?.stack ?? reason).split('\n').slice(0, 2).join(' | ')));
process.on('uncaughtException', (error) => asyncErrors.push(`uncaught: ${String(error?.stack ?? error).split('\n').slice(0, 2).join(' | ')}`));

const require = createRequire(bundle);
const resolved = require.resolve('vscode');
if (!resolved.includes(`${path.sep}node_modules${path.sep}vscode${path.sep}`) || !fs.existsSync(path.join(path.dirname(resolved), 'runtime.js')))
  throw new Error(`'vscode' resolves to ${resolved}, not to the benchmark's stand-in`);
const stub = require('vscode/runtime.js');
const vscode = require('vscode');
const context = makeContext(vscode, stub, extRoot);

let out;
try {
  const t0 = performance.now();
  const ext = require(bundle);
  const t1 = performance.now();
  const result = ext.activate(context);
  if (result && typeof result.then === 'function') await result;
  const t2 = performance.now();
  const distDir = path.dirname(bundle) + path.sep;
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(distDir)).map((f) => path.basename(f)).sort();
  out = { requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, subscriptions: context.subscriptions.length, loaded };
} catch (error) {
  out = { error: String(error?.stack ?? error).split('\n').slice(0, 4).join(' | ') };
}
// Let the work activate started in the background run into the stand-in for a moment.
await new Promise((resolve) => setTimeout(resolve, 50));
out.asyncErrors = asyncErrors.slice(0, 3);
out.asyncErrorCount = asyncErrors.length;
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(out.error ? 1 : 0);

function makeContext(vscode, stub, root) {
  const memento = () => {
    const values = new Map();
    return {
      get: (key, fallback) => (values.has(key) ? values.get(key) : fallback),
      update: async (key, value) => void (value === undefined ? values.delete(key) : values.set(key, value)),
      keys: () => [...values.keys()],
      setKeysForSync: () => undefined,
    };
  };
  const secrets = new Map();
  const secretsChanged = new vscode.EventEmitter();
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-bench-ctx-'));
  process.on('exit', () => fs.rmSync(storage, { recursive: true, force: true }));
  const dirUri = (name) => vscode.Uri.file(path.join(storage, name));
  const packageJSON = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const extensionUri = vscode.Uri.file(root);
  // Every member of ExtensionContext exists (made from its type); the ones extensions use are real.
  const context = stub.makeInterface(['ExtensionContext']);
  Object.assign(context, {
    subscriptions: [],
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (key) => secrets.get(key),
      store: async (key, value) => void (secrets.set(key, value), secretsChanged.fire({ key })),
      delete: async (key) => void (secrets.delete(key), secretsChanged.fire({ key })),
      keys: async () => [...secrets.keys()],
      onDidChange: secretsChanged.event,
    },
    extensionUri,
    extensionPath: root,
    storageUri: dirUri('workspace'),
    storagePath: path.join(storage, 'workspace'),
    globalStorageUri: dirUri('global'),
    globalStoragePath: path.join(storage, 'global'),
    logUri: dirUri('log'),
    logPath: path.join(storage, 'log'),
    extensionMode: vscode.ExtensionMode.Production,
    asAbsolutePath: (relative) => path.join(root, relative),
    extension: {
      id: `${packageJSON.publisher}.${packageJSON.name}`,
      extensionUri,
      extensionPath: root,
      isActive: true,
      packageJSON,
      extensionKind: vscode.ExtensionKind.Workspace,
      exports: undefined,
      activate: async () => undefined,
    },
  });
  return context;
}
