// Shared by the keys, certificates and decorations e2e suites: their own subscription and vaults (seeded at run
// time, once per emulator), scripted prompts that record what the extension showed, request-log helpers, and
// the scan for private key material on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { Ui } from '../../../src/ui';
import { control, emulatorInfo, type LoggedRequest } from './emulator';
import { activateExtension } from './helpers';
import { eventually, TreeReader } from './tree';

export const SUBSCRIPTION = 'Keys E2E';
export const VAULTS = { main: 'kv-keys-main', pp: 'kv-keys-pp', deco: 'kv-keys-deco' } as const;
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-00000000006b';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

/** One scripted answer: a text (input, pick by label), a function of the prompt's options, or a dismissal. */
export type Answer = string | undefined | ((options: { value?: string; items?: readonly vscode.QuickPickItem[] }) => string | undefined);

export interface Answers {
  inputs?: Answer[];
  picks?: Answer[];
  many?: (string[] | undefined)[];
  confirms?: (string | undefined)[];
  saves?: (vscode.Uri | undefined)[];
  opens?: (vscode.Uri[] | undefined)[];
}

const plain = (label: string): string => label.replace(/\$\([^)]*\)\s*/g, '');

/** The Ui with scripted answers (in order, per kind); records every text the extension showed. */
export class ScriptedUi {
  readonly shown: string[] = [];
  readonly errors: string[] = [];
  readonly infos: string[] = [];
  readonly validations: string[] = [];
  readonly confirms: { message: string; detail: string }[] = [];
  /** The items of every quick pick, as shown. */
  readonly picked: { title?: string; items: readonly vscode.QuickPickItem[] }[] = [];
  private left: Required<Answers> = { inputs: [], picks: [], many: [], confirms: [], saves: [], opens: [] };

  constructor(private readonly real: Ui) {}

  script(answers: Answers): this {
    this.left = { inputs: [...(answers.inputs ?? [])], picks: [...(answers.picks ?? [])], many: [...(answers.many ?? [])], confirms: [...(answers.confirms ?? [])], saves: [...(answers.saves ?? [])], opens: [...(answers.opens ?? [])] };
    this.validations.length = 0;
    return this;
  }

  assertDone(): void {
    for (const [kind, left] of Object.entries(this.left)) assert.equal((left as unknown[]).length, 0, `unused ${kind} answers: ${(left as unknown[]).length}`);
  }

  get ui(): Ui {
    return {
      ...this.real,
      showInputBox: async (options) => {
        this.shown.push([options.title, options.prompt, options.placeHolder].filter(Boolean).join(' | '));
        assert.ok(this.left.inputs.length > 0, `unexpected input box: ${options.title ?? ''} — ${options.prompt ?? ''}`);
        const a = this.left.inputs.shift();
        const answer = typeof a === 'function' ? a({ ...(options.value !== undefined ? { value: options.value } : {}) }) : a;
        if (answer !== undefined && options.validateInput) {
          const verdict = await options.validateInput(answer);
          if (verdict) this.validations.push(typeof verdict === 'string' ? verdict : verdict.message);
        }
        return answer;
      },
      showQuickPick: async <T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions) => {
        const list = await items;
        this.picked.push({ ...(options.title ? { title: options.title } : {}), items: list });
        this.shown.push([options.title, options.placeHolder, ...list.map((i) => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`)].filter(Boolean).join(' | '));
        assert.ok(this.left.picks.length > 0, `unexpected quick pick: ${options.title ?? ''}: ${list.map((i) => plain(i.label)).join(', ')}`);
        const a = this.left.picks.shift();
        const want = typeof a === 'function' ? a({ items: list }) : a;
        if (want === undefined) return undefined;
        const found = list.find((i) => plain(i.label) === want) ?? list.find((i) => plain(i.label).includes(want));
        assert.ok(found, `no item "${want}" in ${options.title ?? ''}: ${list.map((i) => plain(i.label)).join(', ')}`);
        return found;
      },
      pickMany: <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        this.shown.push([options.title, ...items.map((i) => i.label)].filter(Boolean).join(' | '));
        assert.ok(this.left.many.length > 0, `unexpected multi-select pick: ${options.title ?? ''}`);
        const want = this.left.many.shift();
        return Promise.resolve(want === undefined ? undefined : items.filter((i) => want.includes(plain(i.label))));
      },
      confirm: (message, detail) => {
        this.confirms.push({ message, detail });
        this.shown.push(`${message} | ${detail}`);
        assert.ok(this.left.confirms.length > 0, `unexpected confirmation: ${message}`);
        return Promise.resolve(this.left.confirms.shift());
      },
      showErrorMessage: (message) => {
        this.errors.push(message);
        this.shown.push(message);
        return Promise.resolve(undefined);
      },
      showInformationMessage: (message) => {
        this.infos.push(message);
        this.shown.push(message);
        return Promise.resolve(undefined);
      },
      notify: (message) => {
        this.shown.push(message);
      },
      showSaveDialog: () => {
        assert.ok(this.left.saves.length > 0, 'unexpected save dialog');
        return Promise.resolve(this.left.saves.shift());
      },
      showOpenDialog: () => {
        assert.ok(this.left.opens.length > 0, 'unexpected open dialog');
        return Promise.resolve(this.left.opens.shift());
      },
    };
  }
}

/** The suites' world: a subscription with three vaults, seeded once per emulator process. */
async function seedWorld(): Promise<void> {
  const info = await control<{ vaults: Record<string, string> }>('GET', '/info');
  if (info.vaults[VAULTS.main]) return;
  const vault = (name: string, extra: object, content: object) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-keys', location: 'westeurope', timings: { deleteDelayMs: 200, certificateDelayMs: 1500 }, ...extra, ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(VAULTS.main, { softDeleteRetentionInDays: 7, enableRbacAuthorization: true }, {
        keys: [
          { name: 'app-rsa', kty: 'RSA', size: 2048, tags: { team: 'payments' } },
          { name: 'app-ec', kty: 'EC', curve: 'P-256' },
          { name: 'sign-only', kty: 'RSA', size: 2048, ops: ['sign', 'verify'] },
          { name: 'off-key', kty: 'EC', enabled: false },
          { name: 'rotate-me', kty: 'EC', curve: 'P-384' },
          { name: 'del-key', kty: 'EC' },
          { name: 'gone-key', kty: 'EC', deleted: true },
          { name: 'purge-key', kty: 'EC', deleted: true },
        ],
        certificates: [
          { name: 'web', subject: 'CN=web.keys.e2e, O=Contoso', sans: ['web.keys.e2e', 'www.keys.e2e'], validityMonths: 12 },
          { name: 'pem-cert', subject: 'CN=pem.keys.e2e', keyType: 'EC', contentType: 'pem' },
          { name: 'locked', subject: 'CN=locked.keys.e2e', exportable: false },
          { name: 'renew-me', subject: 'CN=renew.keys.e2e', keyType: 'EC' },
          { name: 'off-cert', subject: 'CN=off.keys.e2e', keyType: 'EC', enabled: false },
          { name: 'del-cert', subject: 'CN=del.keys.e2e', keyType: 'EC' },
          { name: 'gone-cert', subject: 'CN=gone.keys.e2e', keyType: 'EC', deleted: true },
        ],
      }),
      vault(VAULTS.pp, { enablePurgeProtection: true, softDeleteRetentionInDays: 30 }, {
        keys: [{ name: 'pp-key', kty: 'EC', deleted: true }],
        certificates: [{ name: 'pp-cert', keyType: 'EC', deleted: true }],
      }),
      // The decorations seed: an expired key, an expiring certificate and a disabled secret (+ a healthy one each).
      vault(VAULTS.deco, {}, {
        secrets: [{ name: 'fine-secret', versions: [{ value: 'fine' }] }, { name: 'off-secret', versions: [{ value: 'off', enabled: false }] }],
        keys: [{ name: 'fine-key', kty: 'EC' }, { name: 'old-key', kty: 'EC', exp: '-3d' }],
        certificates: [{ name: 'soon-cert', subject: 'CN=soon.keys.e2e', keyType: 'EC', notBefore: '-300d', expires: '+10d' }],
      }),
    ],
  });
}

export interface KeysWorld {
  api: ExtensionApi;
  tree: TreeReader;
  script: ScriptedUi;
  realUi: Ui;
  /** A node of the suites' subscription: `node(VAULTS.main, 'Keys', 'app-rsa')`. */
  node(...labels: string[]): Promise<TreeNode>;
  vaultUrl(name: string): string;
}

/** Signs in, seeds, and sets the scripted Ui (restore with `world.api.services.ui = world.realUi`). */
export async function keysWorld(): Promise<KeysWorld> {
  const { api } = await activateExtension();
  const tree = new TreeReader(api);
  await seedWorld();
  await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
  api.services.tree.refresh();
  await eventually(async () => assert.ok((await tree.labels(await tree.path('Contoso'))).includes(SUBSCRIPTION)));
  const realUi = api.services.ui;
  const script = new ScriptedUi(realUi);
  api.services.ui = script.ui;
  const urls = (await control<{ vaults: Record<string, string> }>('GET', '/info')).vaults;
  return {
    api,
    tree,
    script,
    realUi,
    node: (...labels) => tree.path('Contoso', SUBSCRIPTION, ...labels),
    vaultUrl: (name) => urls[name] ?? emulatorInfo().vaults[name] ?? assert.fail(`no vault ${name}`),
  };
}

export async function logCursor(): Promise<number> {
  return (await control<{ cursor: number }>('GET', '/requests?limit=1')).cursor;
}

/** `status METHOD path` of one vault's requests since a cursor. */
export async function requestsSince(cursor: number, vault: string): Promise<string[]> {
  const { requests } = await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${vault}&sinceId=${cursor}`);
  return requests.map((r) => `${r.status} ${r.method} ${r.path}`);
}

/** An untitled editor holding `text`, everything selected. */
export async function editorWith(text: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(text.length));
  return editor;
}

/** Every file under `dir` (bounded) whose text contains one of `needles`. */
export function filesContaining(dir: string, needles: readonly string[], skip: readonly string[] = []): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 12 || !fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (skip.some((s) => p === s)) continue;
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.isFile() && fs.statSync(p).size < 20_000_000) {
        const text = fs.readFileSync(p).toString('latin1');
        if (needles.some((n) => text.includes(n))) found.push(p);
      }
    }
  };
  walk(dir, 0);
  return found;
}
