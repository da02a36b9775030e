// Shared by the secrets e2e suites: scripted prompts (the Ui with answers given in order, recording everything
// shown), the run-time seed of their own subscription and vaults, and state checks through the extension's own
// src/azure code (no SDK client of the test's own).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { Ui } from '../../../src/ui';
import { control, emulatorInfo, type LoggedRequest } from './emulator';
import { activateExtension } from './helpers';
import { eventually, TreeReader } from './tree';

export const SUBSCRIPTION = 'Secrets E2E';
export const VAULTS = { main: 'kv-sec-main', pp: 'kv-sec-pp', nosd: 'kv-sec-nosd', target: 'kv-sec-target' } as const;
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-00000000005e';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

/** Answers, consumed in order per prompt kind. A pick is matched against item labels (icons stripped). */
export interface Answers {
  inputs?: (string | undefined)[];
  picks?: (string | undefined)[];
  many?: (string[] | undefined)[];
  confirms?: (string | undefined)[];
  errorActions?: (string | undefined)[];
  files?: (vscode.Uri[] | undefined)[];
}

const plain = (label: string): string => label.replace(/\$\([^)]*\)\s*/g, '');

/** The Ui with scripted answers; records every text the extension showed (for assertions and the canary scan). */
export class ScriptedUi {
  readonly shown: string[] = [];
  readonly errors: string[] = [];
  /** The buttons offered with each error message. */
  readonly errorButtons: string[][] = [];
  readonly notices: string[] = [];
  readonly validations: string[] = [];
  readonly confirms: { message: string; detail: string; actions: string[] }[] = [];
  private answers: Required<Answers> = { inputs: [], picks: [], many: [], confirms: [], errorActions: [], files: [] };

  constructor(private readonly real: Ui) {}

  script(answers: Answers): this {
    this.answers = {
      inputs: [...(answers.inputs ?? [])],
      picks: [...(answers.picks ?? [])],
      many: [...(answers.many ?? [])],
      confirms: [...(answers.confirms ?? [])],
      errorActions: [...(answers.errorActions ?? [])],
      files: [...(answers.files ?? [])],
    };
    return this;
  }

  /** Every answer was used (a command that asked less than expected is a failure too). */
  assertDone(): void {
    for (const [kind, left] of Object.entries(this.answers)) assert.equal((left as unknown[]).length, 0, `unused ${kind}: ${JSON.stringify(left)}`);
  }

  get ui(): Ui {
    return {
      ...this.real,
      showInputBox: async (options) => {
        this.shown.push([options.title, options.prompt, options.placeHolder].filter(Boolean).join(' | '));
        assert.ok(this.answers.inputs.length > 0, `unexpected input box: ${options.title ?? ''} ${options.prompt ?? ''}`);
        const answer = this.answers.inputs.shift();
        if (answer !== undefined && options.validateInput) {
          const result = await options.validateInput(answer);
          if (result) this.validations.push(typeof result === 'string' ? result : result.message);
        }
        return answer;
      },
      showQuickPick: async <T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions) => {
        const list = await items;
        this.shown.push([options.title, options.placeHolder, ...list.map((i) => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`)].filter(Boolean).join(' | '));
        assert.ok(this.answers.picks.length > 0, `unexpected quick pick: ${options.title ?? ''}`);
        const want = this.answers.picks.shift();
        if (want === undefined) return undefined;
        const found = list.find((i) => plain(i.label) === want) ?? list.find((i) => plain(i.label).includes(want));
        assert.ok(found, `no item "${want}" in ${options.title ?? ''}: ${list.map((i) => plain(i.label)).join(', ')}`);
        return found;
      },
      pickMany: <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        this.shown.push([options.title, options.placeHolder, ...items.map((i) => `${i.label} ${i.description ?? ''}`)].filter(Boolean).join(' | '));
        assert.ok(this.answers.many.length > 0, `unexpected multi-select pick: ${options.title ?? ''}`);
        const want = this.answers.many.shift();
        return Promise.resolve(want === undefined ? undefined : items.filter((i) => want.some((w) => plain(i.label).includes(w))));
      },
      confirm: (message, detail, ...actions) => {
        this.confirms.push({ message, detail, actions });
        this.shown.push(`${message} | ${detail}`);
        assert.ok(this.answers.confirms.length > 0, `unexpected confirmation: ${message}`);
        return Promise.resolve(this.answers.confirms.shift());
      },
      showErrorMessage: (message, ...actions) => {
        this.errors.push(message);
        this.errorButtons.push(actions);
        this.shown.push(message);
        const answer = this.answers.errorActions.shift();
        return Promise.resolve(answer !== undefined && actions.includes(answer) ? answer : undefined);
      },
      showInformationMessage: (message) => {
        this.shown.push(message);
        return Promise.resolve(undefined);
      },
      notify: (message) => {
        this.notices.push(message);
        this.shown.push(message);
      },
      showOpenDialog: () => Promise.resolve(this.answers.files.shift()),
    };
  }
}

/** The secrets suites' world: their own subscription with four vaults, seeded once per emulator. */
export async function seedSecretsWorld(): Promise<void> {
  const info = await control<{ vaults: Record<string, string> }>('GET', '/info');
  if (info.vaults[VAULTS.main]) return;
  const vault = (name: string, extra: object, secrets: object[]) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-sec', location: 'westeurope', timings: { deleteDelayMs: 200 }, ...extra, secrets });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(VAULTS.main, { softDeleteRetentionInDays: 7, enableRbacAuthorization: true }, [
        { name: 'app-secret', contentType: 'text/plain', tags: { env: 'e2e', owner: 'secrets' }, versions: [{ value: 'app-secret-v1', created: '-2d' }, { value: 'app-secret-v2', created: '-1d' }] },
        { name: 'json-config', contentType: 'application/json', versions: [{ value: '{"feature":true,"level":3}' }] },
        { name: 'off-secret', versions: [{ value: 'off value', enabled: false }] },
        { name: 'rotate-me', contentType: 'text/plain', tags: { rotated: 'no' }, versions: [{ value: 'rotate-v1' }] },
        { name: 'attr-secret', versions: [{ value: 'attr value' }] },
        { name: 'edit-me', contentType: 'application/json', tags: { kind: 'config' }, versions: [{ value: '{"a":1}' }] },
        { name: 'conflict-me', versions: [{ value: 'conflict v1' }] },
        { name: 'reset-me', versions: [{ value: 'reset v1' }] },
        { name: 'del-one', versions: [{ value: 'x1' }] },
        { name: 'del-two', versions: [{ value: 'x2' }] },
        { name: 'gone-secret', versions: [{ value: 'gone' }], deleted: { deletedDate: '-1d' } },
        { name: 'purge-me', versions: [{ value: 'purge' }], deleted: { deletedDate: '-1d' } },
      ]),
      vault(VAULTS.pp, { enablePurgeProtection: true, softDeleteRetentionInDays: 30 }, [{ name: 'pp-deleted', versions: [{ value: 'protected' }], deleted: { deletedDate: '-1d' } }]),
      vault(VAULTS.nosd, { enableSoftDelete: false }, [{ name: 'temp-secret', versions: [{ value: 'temporary' }] }]),
      vault(VAULTS.target, {}, [{ name: 'existing-target', versions: [{ value: 'target value' }] }]),
    ],
  });
}

export interface SecretsWorld {
  api: ExtensionApi;
  tree: TreeReader;
  script: ScriptedUi;
  realUi: Ui;
  /** A node of the suites' subscription: `node(VAULTS.main, 'Secrets', 'app-secret')`. */
  node(...labels: string[]): Promise<TreeNode>;
  vaultUrl(name: string): string;
}

/** Signs in, seeds, and sets the scripted Ui (restore it with `world.api.services.ui = world.realUi`). */
export async function secretsWorld(): Promise<SecretsWorld> {
  const { api } = await activateExtension();
  const tree = new TreeReader(api);
  await seedSecretsWorld();
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

/** Requests of one vault since a cursor of the request log. */
export async function requestsSince(cursor: number, vault: string): Promise<LoggedRequest[]> {
  return (await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${vault}&sinceId=${cursor}`)).requests;
}

export async function logCursor(): Promise<number> {
  return (await control<{ cursor: number }>('GET', '/requests?limit=1')).cursor;
}

/** Writes (PUT, PATCH, POST, DELETE) in a list of logged requests. */
export function writes(logged: LoggedRequest[]): string[] {
  return logged.filter((r) => r.method !== 'GET').map((r) => `${r.status} ${r.method} ${r.path}`);
}
