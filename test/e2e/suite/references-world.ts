// Shared by the references e2e suites: their own subscription and vault (seeded at run time, so quick fixes can
// change it without touching other suites' data), scripted prompts, copies of the sample workspace files in a
// temporary folder (edits never touch the repository), and helpers to open, edit and read documents.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import type { ItemNode } from '../../../src/tree/ItemNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { Ui } from '../../../src/platform/ui';
import { control } from './emulator';
import { activateExtension } from './helpers';
import { eventually, TreeReader } from './tree';

export const SUBSCRIPTION = 'References E2E';
export const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000007ef';
export const VAULT = 'kv-e2e-refs';
export const RESOURCE_GROUP = 'rg-refs';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
/** The value of `canary-secret`: a hover, a diagnostic or an insertion must never show it. */
export const CANARY = `REFS-CANARY-${randomUUID()}`;

/** Seeds `seedDocument` unless the emulator already has `vault` (once per emulator process); `vault`'s URL. */
export async function seedOnce(vault: string, seedDocument: object): Promise<string> {
  const info = await control<{ vaults: Record<string, string> }>('GET', '/info');
  if (info.vaults[vault]) return info.vaults[vault];
  const result = await control<{ vaults: { name: string; url: string }[] }>('POST', '/seed', seedDocument);
  const url = result.vaults.find((v) => v.name === vault)?.url;
  assert.ok(url, `the emulator seeded ${vault}`);
  return url;
}

function seed(): Promise<string> {
  return seedOnce(VAULT, {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: RESOURCE_GROUP, location: 'westeurope', softDeleteRetentionInDays: 7, timings: { deleteDelayMs: 200 },
        secrets: [
          { name: 'canary-secret', contentType: 'text/plain', tags: { team: 'refs' }, versions: [{ value: CANARY, exp: '+200d', version: 'ca000000000000000000000000000001' }] },
          { name: 'api-token', versions: [{ value: 'token-v1' }] },
          { name: 'ref-disabled', versions: [{ value: 'disabled value', enabled: false }] },
          { name: 'ref-deleted', versions: [{ value: 'deleted value' }], deleted: { deletedDate: '-1d' } },
          { name: 'ref-expired', versions: [{ value: 'expired value', exp: '-2d', created: '-30d' }] },
        ],
      },
    ],
  });
}

/** Answers given in order; a pick matches an item label (icons stripped). */
export class Script {
  picks: string[] = [];
  inputs: (string | ((suggested: string | undefined) => string))[] = [];
  confirms: string[] = [];
  readonly shown: string[] = [];

  ui(real: Ui): Ui {
    return {
      ...real,
      showQuickPick: async <T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions) => {
        const list = await items;
        this.shown.push(`${options.title ?? ''}: ${list.map((i) => i.label).join(', ')}`);
        const want = this.picks.shift();
        assert.ok(want !== undefined, `unexpected quick pick: ${options.title ?? ''}`);
        const plain = (l: string) => l.replace(/\$\([^)]*\)\s*/g, '');
        const found = list.find((i) => plain(i.label) === want);
        assert.ok(found, `no "${want}" in ${options.title ?? ''}: ${list.map((i) => plain(i.label)).join(', ')}`);
        return found;
      },
      showInputBox: async (options) => {
        this.shown.push(`${options.title ?? ''} ${options.prompt ?? ''}`);
        const answer = this.inputs.shift();
        assert.ok(answer !== undefined, `unexpected input box: ${options.title ?? ''}`);
        const text = typeof answer === 'function' ? answer(options.value) : answer;
        assert.ok(!(await options.validateInput?.(text)), `the input "${text}" was refused`);
        return text;
      },
      confirm: (message) => {
        this.shown.push(message);
        return Promise.resolve(this.confirms.shift());
      },
      showErrorMessage: (message) => {
        this.shown.push(message);
        return Promise.reject(new Error(`error shown: ${message}`));
      },
    };
  }

  assertDone(): void {
    assert.deepEqual([this.picks, this.inputs, this.confirms], [[], [], []], 'every scripted answer was used');
  }
}

export interface ReferencesWorld {
  readonly api: ExtensionApi;
  readonly tree: TreeReader;
  readonly vaultUrl: string;
  readonly script: Script;
  readonly realUi: Ui;
  /** A temporary copy of the sample workspace. */
  readonly dir: string;
  node(...labels: string[]): Promise<TreeNode>;
  item(name: string): Promise<ItemNode>;
  restore(): Promise<void>;
}

function copyTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
      copyTree(source, target);
    } else fs.copyFileSync(source, target);
  }
}

/** Another suite's world: its own seed (returns the vault URL), subscription and vault; a wrapper around the scripted Ui. */
export interface WorldOptions {
  readonly seed: () => Promise<string>;
  readonly subscription: string;
  readonly vault: string;
  /** Copy the sample workspace into the temporary folder (default true). */
  readonly copyWorkspace?: boolean;
  readonly wrapUi?: (scripted: Ui) => Ui;
}

export async function referencesWorld(options: WorldOptions = { seed, subscription: SUBSCRIPTION, vault: VAULT }): Promise<ReferencesWorld> {
  const { api } = await activateExtension();
  const tree = new TreeReader(api);
  const vaultUrl = await options.seed();
  await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
  api.tree.refresh();
  await eventually(async () => assert.ok((await tree.labels(await tree.path('Contoso'))).includes(options.subscription)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-refs-'));
  if (options.copyWorkspace !== false) copyTree(vscode.workspace.workspaceFolders![0]!.uri.fsPath, dir);
  const realUi = api.ui.real;
  const script = new Script();
  const scripted = script.ui(realUi);
  api.ui.use(options.wrapUi ? options.wrapUi(scripted) : scripted);
  const node = (...labels: string[]) => tree.path('Contoso', options.subscription, options.vault, ...labels);
  return {
    api, tree, vaultUrl, script, realUi, dir, node,
    item: async (name) => (await node('Secrets', name)) as ItemNode,
    restore: async () => {
      api.ui.reset();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a file of the temporary workspace copy, optionally replacing its content (unsaved: the file on disk
 * keeps the sample) with the cursor at the last `|` of `marked` (or at the end).
 */
export async function openAt(world: ReferencesWorld, relative: string, marked?: string): Promise<vscode.TextEditor> {
  const file = path.join(world.dir, relative);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  const cursor = marked?.lastIndexOf('|') ?? -1;
  if (marked !== undefined) {
    const content = cursor >= 0 ? marked.slice(0, cursor) + marked.slice(cursor + 1) : marked;
    const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    assert.ok(await editor.edit((b) => b.replace(all, content)));
  }
  const position = document.positionAt(cursor >= 0 ? cursor : document.getText().length);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** Closes the editor without saving (the temporary copy on disk stays as it was). */
export async function discard(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
