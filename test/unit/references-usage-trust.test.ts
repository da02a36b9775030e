// The workspace index in an untrusted workspace reads nothing — no listing, no file — until trust is granted, then
// builds (src/platform/referenceIndex/workspaceIndex.ts). The e2e suite cannot toggle workspace trust, so this runs
// the real index class against a minimal stand-in of the `vscode` API (installed for this file only): a workspace of
// two files, trust off, then granted.
import * as assert from 'node:assert/strict';
import Module from 'node:module';

type Listener = (value: unknown) => void;

class EventEmitter {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: Listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value?: unknown): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

const uri = (path: string) => ({ scheme: 'file', path, fsPath: path, toString: () => `file://${path}` });
const files: Record<string, string> = {
  '/w/appsettings.json': '{ "Db": "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/db/)" }',
  '/w/main.tf': '# no reference here\n',
};

function standIn() {
  const trust = new EventEmitter();
  const calls = { findFiles: 0, stat: 0, readFile: 0, watchers: 0 };
  const none = () => ({ dispose: () => undefined });
  const workspace = {
    isTrusted: false,
    workspaceFolders: [{ uri: uri('/w'), name: 'w', index: 0 }],
    textDocuments: [] as unknown[],
    createFileSystemWatcher: () => (calls.watchers++, { onDidChange: none, onDidCreate: none, onDidDelete: none, dispose: () => undefined }),
    onDidChangeTextDocument: none,
    onDidCloseTextDocument: none,
    onDidChangeWorkspaceFolders: none,
    onDidChangeConfiguration: none,
    onDidGrantWorkspaceTrust: trust.event,
    getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
    asRelativePath: (u: { path: string }) => u.path.slice(3),
    findFiles: (pattern: { pattern: string }) => {
      calls.findFiles++;
      return Promise.resolve(pattern.pattern === '**/.gitignore' ? [] : Object.keys(files).map(uri));
    },
    fs: {
      stat: (u: { path: string }) => (calls.stat++, Promise.resolve({ type: 1, size: files[u.path]!.length })),
      readFile: (u: { path: string }) => (calls.readFile++, Promise.resolve(new TextEncoder().encode(files[u.path]))),
    },
  };
  const vscode = {
    EventEmitter,
    workspace,
    l10n: { t: (message: string) => message },
    RelativePattern: class {
      constructor(
        readonly base: unknown,
        readonly pattern: string,
      ) {}
    },
    CancellationTokenSource: class {
      readonly token = { isCancellationRequested: false, onCancellationRequested: none };
      cancel(): void {}
      dispose(): void {}
    },
    FileType: { File: 1, Directory: 2 },
    FileSystemError: class extends Error {},
  };
  return { vscode, trust, calls, workspace };
}

describe('workspace references: an untrusted workspace', () => {
  const load = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = load._load;
  let env: ReturnType<typeof standIn>;

  before(() => {
    env = standIn();
    load._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? env.vscode : original.call(this, request, ...rest);
    };
  });
  after(() => {
    load._load = original;
  });

  it('lists and reads nothing until trust is granted, then indexes', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the stand-in is installed
    const { WorkspaceReferenceIndex } = require('../../src/platform/referenceIndex/workspaceIndex') as typeof import('../../src/platform/referenceIndex/workspaceIndex');
    const log = { info: () => undefined, warn: () => undefined } as unknown as import('vscode').LogOutputChannel;
    const index = new WorkspaceReferenceIndex({ log, parseOptions: () => ({}) });
    const changes: unknown[] = [];
    index.onDidChange(() => changes.push(1));
    index.start();
    assert.equal(index.state, 'untrusted');
    await assert.rejects(index.ready(), /untrusted workspace/);
    const query = { vaultUrl: 'https://contoso.vault.azure.net', vaultName: 'contoso', kind: 'secret' as const, name: 'db' };
    assert.equal(index.filesUsing(query), undefined);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual({ ...env.calls, watchers: 0 }, { findFiles: 0, stat: 0, readFile: 0, watchers: 0 }, 'nothing listed, nothing read');

    env.workspace.isTrusted = true;
    env.trust.fire();
    await index.ready();
    assert.equal(index.state, 'ready');
    assert.equal(index.filesUsing(query), 1);
    assert.deepEqual(index.size, { files: 2, references: 1 });
    assert.equal(env.calls.readFile, 2);
    assert.ok(changes.length >= 1);
    index.dispose();
  });

  it('at activation only the door (referenceIndex/lazy.ts): no watcher, no listing, usage unknown, until the index starts', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the stand-in is installed
    const { LazyWorkspaceReferences } = require('../../src/platform/referenceIndex/lazy') as typeof import('../../src/platform/referenceIndex/lazy');
    const log = { info: () => undefined, warn: () => undefined } as unknown as import('vscode').LogOutputChannel;
    const query = { vaultUrl: 'https://contoso.vault.azure.net', vaultName: 'contoso', kind: 'secret' as const, name: 'db' };
    const zero = () => Object.assign(env.calls, { findFiles: 0, stat: 0, readFile: 0, watchers: 0 });

    // Trusted: idle until ready() (or start()) loads the index, which then creates its watchers and builds.
    env.workspace.isTrusted = true;
    zero();
    const door = new LazyWorkspaceReferences({ log, parseOptions: () => ({}) });
    assert.equal(door.state, 'idle');
    assert.equal(door.filesUsing(query), undefined, 'usage unknown before the index is loaded');
    assert.deepEqual(door.referencesTo(query), []);
    assert.deepEqual(door.all(), []);
    assert.deepEqual(env.calls, { findFiles: 0, stat: 0, readFile: 0, watchers: 0 });
    const changes: unknown[] = [];
    door.onDidChange(() => changes.push(1));
    await door.ready();
    assert.equal(door.state, 'ready');
    assert.equal(door.filesUsing(query), 1);
    assert.equal(door.readCount(), 2);
    assert.equal(env.calls.watchers, 3, 'the watchers exist once the index started');
    assert.ok(changes.length >= 1, 'the index changes reach the door listeners');
    door.dispose();

    // Untrusted: start() loads nothing; trust granted → the index loads and builds.
    env.workspace.isTrusted = false;
    zero();
    const later = new LazyWorkspaceReferences({ log, parseOptions: () => ({}) });
    later.start();
    assert.equal(later.state, 'untrusted');
    await assert.rejects(later.ready(), /untrusted workspace/);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(env.calls, { findFiles: 0, stat: 0, readFile: 0, watchers: 0 }, 'nothing created, listed or read');
    env.workspace.isTrusted = true;
    env.trust.fire();
    await later.ready();
    assert.equal(later.filesUsing(query), 1);
    assert.equal(env.calls.readFile, 2);
    later.dispose();
  });
});
