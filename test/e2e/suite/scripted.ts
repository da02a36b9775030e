// Shared by the secrets, keys, certificates and decorations e2e suites: the Ui with scripted answers (recording
// everything the extension showed), a world of their own (a subscription seeded at run time, signed in, the
// scripted Ui set), request-log helpers and the scan of files on disk for leaked material.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { NoticeAction, Ui } from '../../../src/platform/ui';
import { control, emulatorInfo, type LoggedRequest } from './emulator';
import { activateExtension } from './helpers';
import { eventually, TreeReader } from './tree';

/** One scripted answer: a text (input, pick by label), a function of the prompt's options, or a dismissal. */
export type Answer = string | undefined | ((options: { value?: string; items?: readonly vscode.QuickPickItem[] }) => string | undefined);

/** Answers, consumed in order per prompt kind. A pick is matched against item labels (icons stripped). */
export interface Answers {
  inputs?: Answer[];
  picks?: Answer[];
  many?: (string[] | undefined)[];
  confirms?: (string | undefined)[];
  /** The button clicked on each error message that offers buttons (undefined: none). */
  errorActions?: (string | undefined)[];
  /** The button clicked on each information message that offers buttons (undefined: none). */
  infoActions?: (string | undefined)[];
  saves?: (vscode.Uri | undefined)[];
  opens?: (vscode.Uri[] | undefined)[];
}

const plain = (label: string): string => label.replace(/\$\([^)]*\)\s*/g, '');

/** The item labelled `want`, else the first whose label contains it. */
function matching<T extends vscode.QuickPickItem>(list: readonly T[], want: string): T | undefined {
  return list.find((i) => plain(i.label) === want) ?? list.find((i) => plain(i.label).includes(want));
}

/** The Ui with scripted answers (in order, per kind); records every text the extension showed. */
export class ScriptedUi {
  /** Every prompt, item, message and confirmation shown (for assertions and leak scans). */
  readonly shown: string[] = [];
  readonly errors: string[] = [];
  /** The buttons offered with each error message. */
  readonly errorButtons: string[][] = [];
  readonly infos: string[] = [];
  readonly notices: string[] = [];
  /** What input boxes said about the answers since the last `script()`. */
  readonly validations: string[] = [];
  /** What input boxes said about any answer (never cleared). */
  readonly allValidations: string[] = [];
  readonly confirms: { message: string; detail: string; actions: string[] }[] = [];
  /** The items of every quick pick, as shown. */
  readonly picked: { title?: string; items: readonly vscode.QuickPickItem[] }[] = [];
  private left: Required<Answers> = { inputs: [], picks: [], many: [], confirms: [], errorActions: [], infoActions: [], saves: [], opens: [] };

  constructor(private readonly real: Ui) {}

  script(answers: Answers): this {
    this.left = {
      inputs: [...(answers.inputs ?? [])],
      picks: [...(answers.picks ?? [])],
      many: [...(answers.many ?? [])],
      confirms: [...(answers.confirms ?? [])],
      errorActions: [...(answers.errorActions ?? [])],
      infoActions: [...(answers.infoActions ?? [])],
      saves: [...(answers.saves ?? [])],
      opens: [...(answers.opens ?? [])],
    };
    this.validations.length = 0;
    return this;
  }

  /** Every answer was used (a command that asked less than expected is a failure too). */
  assertDone(): void {
    for (const [kind, left] of Object.entries(this.left)) assert.equal((left as unknown[]).length, 0, `unused ${kind} answers: ${JSON.stringify(left)}`);
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
          if (verdict) {
            const text = typeof verdict === 'string' ? verdict : verdict.message;
            this.validations.push(text);
            this.allValidations.push(text);
          }
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
        const found = matching(list, want);
        assert.ok(found, `no item "${want}" in ${options.title ?? ''}: ${list.map((i) => plain(i.label)).join(', ')}`);
        return found;
      },
      pickMany: <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        this.shown.push([options.title, options.placeHolder, ...items.map((i) => `${i.label} ${i.description ?? ''}`)].filter(Boolean).join(' | '));
        assert.ok(this.left.many.length > 0, `unexpected multi-select pick: ${options.title ?? ''}`);
        const want = this.left.many.shift();
        if (want === undefined) return Promise.resolve(undefined);
        const chosen = new Set(want.map((w) => matching(items, w)));
        return Promise.resolve(items.filter((i) => chosen.has(i)));
      },
      confirm: (message, detail, ...actions) => {
        this.confirms.push({ message, detail, actions });
        this.shown.push(`${message} | ${detail}`);
        assert.ok(this.left.confirms.length > 0, `unexpected confirmation: ${message}`);
        return Promise.resolve(this.left.confirms.shift());
      },
      showErrorMessage: (message, ...actions) => {
        this.errors.push(message);
        this.errorButtons.push(actions);
        this.shown.push(message);
        const answer = this.left.errorActions.shift();
        return Promise.resolve(answer !== undefined && actions.includes(answer) ? answer : undefined);
      },
      showInformationMessage: (message, ...actions) => {
        this.infos.push(message);
        this.shown.push(message);
        const answer = actions.length > 0 ? this.left.infoActions.shift() : undefined;
        return Promise.resolve(answer !== undefined && actions.includes(answer) ? answer : undefined);
      },
      notify: (message) => {
        this.notices.push(message);
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

export interface ScriptedWorld {
  api: ExtensionApi;
  tree: TreeReader;
  script: ScriptedUi;
  realUi: Ui;
  /** A node of the world's subscription: `node(vault, 'Keys', 'app-rsa')`. */
  node(...labels: string[]): Promise<TreeNode>;
  vaultUrl(name: string): string;
}

/**
 * Signs in, seeds (once per emulator: `seed` checks), waits for `subscription` in the tree and sets the scripted
 * Ui (restore it with `world.api.ui.reset()`).
 */
export async function scriptedWorld(subscription: string, seed: () => Promise<void>): Promise<ScriptedWorld> {
  const { api } = await activateExtension();
  const tree = new TreeReader(api);
  await seed();
  await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
  api.tree.refresh();
  await eventually(async () => assert.ok((await tree.labels(await tree.path('Contoso'))).includes(subscription)));
  const realUi = api.ui.real;
  const script = new ScriptedUi(realUi);
  api.ui.use(script.ui);
  const urls = (await control<{ vaults: Record<string, string> }>('GET', '/info')).vaults;
  return {
    api,
    tree,
    script,
    realUi,
    node: (...labels) => tree.path('Contoso', subscription, ...labels),
    vaultUrl: (name) => urls[name] ?? emulatorInfo().vaults[name] ?? assert.fail(`no vault ${name}`),
  };
}

/** Whether the emulator already has `vault` (a world is seeded once per emulator process). */
/** Runs a command with the world's scripted Ui, also keeping the buttons of its last notification; it must return something. */
export async function runKeepingActions<T>(w: ScriptedWorld, id: string, ...args: unknown[]): Promise<{ result: T; actions: readonly NoticeAction[] }> {
  let actions: readonly NoticeAction[] = [];
  const ui: Ui = {
    ...w.script.ui,
    notify: (message, options) => {
      actions = options?.actions ?? [];
      w.script.notices.push(message);
      w.script.shown.push(message);
    },
  };
  w.api.ui.use(ui);
  try {
    const errors = w.script.errors.length;
    const result = (await vscode.commands.executeCommand(id, ...args)) as T | undefined;
    return { result: result ?? assert.fail(`${id} returned nothing; errors: ${w.script.errors.slice(errors).join(' | ')}`), actions };
  } finally {
    w.api.ui.use(w.script.ui);
  }
}

export async function hasVault(vault: string): Promise<boolean> {
  return (await control<{ vaults: Record<string, string> }>('GET', '/info')).vaults[vault] !== undefined;
}

export async function logCursor(): Promise<number> {
  return (await control<{ cursor: number }>('GET', '/requests?limit=1')).cursor;
}

/** `status METHOD path` of one vault's requests since a cursor of the request log. */
export async function requestsSince(cursor: number, vault: string): Promise<string[]> {
  const { requests } = await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${vault}&sinceId=${cursor}`);
  return requests.map((r) => `${r.status} ${r.method} ${r.path}`);
}

/** Every file below `dir` (what cannot be read is passed over: VS Code writes there meanwhile). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Those of `files` whose bytes contain one of `needles` (a string as UTF-8). */
export function filesHolding(files: readonly string[], needles: readonly (string | Buffer)[]): string[] {
  const wanted = needles.map((n) => (typeof n === 'string' ? Buffer.from(n, 'utf8') : n));
  const found: string[] = [];
  for (const f of files) {
    let data: Buffer;
    try {
      data = fs.readFileSync(f);
    } catch {
      continue;
    }
    if (wanted.some((n) => data.includes(n))) found.push(f);
  }
  return found;
}

/** Every file below `dir` whose bytes contain one of `needles`. */
export function filesContaining(dir: string, needles: readonly (string | Buffer)[]): string[] {
  return filesHolding(filesUnder(dir), needles);
}
