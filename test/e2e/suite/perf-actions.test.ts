// Issue 16 inside VS Code: request floors of three benchmark actions, counted in the emulator's request log (never
// timed). Copy a value 10 times: one GET of the value per copy, nothing listed, nothing kept (a value changed between
// copies is what the next copy gets). Expand a secret with 200 versions: the first page is one request, every page
// ⌈200/25⌉. Search across 30 vaults: each page of each kind of each vault listed once — and results shown page by page
// while listings are still outstanding (hung by an injected fault), closing the picker aborting them.
// Own subscription, seeded at run time; the settings changed here are put back after the suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setSecret } from '../../../src/azure/secretOps';
import { SecretCommandIds } from '../../../src/model/commandIds';
import type { StreamSource } from '../../../src/platform/ui';
import { clearRequests, control, requests, type LoggedRequest } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Perf E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000000f1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const ACTIONS = 'kv-pa-actions';
const VERSIONS = 200;
const PAGE = 25;
/** The 30 vaults of the search: vault i holds 3, 30 or 60 secrets (1, 2 or 3 pages) and, when odd, one key. */
const SEARCHED = Array.from({ length: 30 }, (_, i) => ({ name: `kv-pa-s${String(i).padStart(2, '0')}`, secrets: [3, 30, 60][i % 3]!, keys: i % 2 }));
const KIND_PATHS = { secret: '/secrets', key: '/keys', certificate: '/certificates' } as const;

async function seed(): Promise<void> {
  if (await hasVault(ACTIONS)) return;
  const vault = (name: string, content: object) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-pa', location: 'westeurope', ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(ACTIONS, {
        secrets: [
          { name: 'copy-me', versions: [{ value: 'copy value 1' }] },
          { name: 'many-versions', versions: Array.from({ length: VERSIONS }, (_, v) => ({ value: `v${v}`, created: `-${VERSIONS - v}h` })) },
        ],
      }),
      ...SEARCHED.map((v) =>
        vault(v.name, {
          secrets: Array.from({ length: v.secrets }, (_, n) => ({ name: `${v.name}-secret-${n}`, versions: [{ value: 'x' }] })),
          keys: Array.from({ length: v.keys }, (_, n) => ({ name: `${v.name}-key-${n}`, kty: 'EC', curve: 'P-256' })),
        }),
      ),
    ],
  });
}

const pages = (items: number): number => Math.max(1, Math.ceil(items / PAGE));
const line = (r: LoggedRequest): string => `${r.status} ${r.method} ${r.path}`;

/** What a search offered, batch by batch: `vault · kind` of each row (one batch is one page of one listing). */
interface Offered {
  batches: { where: string; rows: number }[];
  rows: vscode.QuickPickItem[];
}

describe('performance: request floors of copy, versions and search (issue 16)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  const config = () => vscode.workspace.getConfiguration('azureKeyVault');

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    // Search lists every vault of the selected subscriptions: this suite's only.
    await config().update('subscriptions', [SUBSCRIPTION_ID], vscode.ConfigurationTarget.Global);
    await config().update('clipboardClearSeconds', 0, vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await control('DELETE', '/faults');
    w.api.ui.use(w.script.ui);
    w.script.assertDone();
  });
  after(async () => {
    await config().update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
    await config().update('clipboardClearSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.env.clipboard.writeText('');
    if (w) w.api.ui.reset();
  });

  /** Runs Search with a picker that reads batches as `read` says, then closes (nothing picked). */
  const search = async (read: (batches: StreamSource<vscode.QuickPickItem>) => Promise<void>): Promise<void> => {
    w.api.ui.use({
      ...w.script.ui,
      showStreamingQuickPick: async <T extends vscode.QuickPickItem>(batches: StreamSource<T>) => {
        await read(batches);
        return undefined;
      },
    });
    await Promise.resolve(vscode.commands.executeCommand('azureKeyVault.search')).catch(() => undefined);
  };

  it('copy a value 10 times: one GET of the value per copy, nothing else; a changed value is what the next copy gets', async () => {
    const node = await w.node(ACTIONS, 'Secrets', 'copy-me');
    const { vaults } = await w.api.services.clients.get();
    await clearRequests();
    const copied: string[] = [];
    for (let i = 1; i <= 10; i++) {
      if (i === 6) await setSecret(vaults, w.vaultUrl(ACTIONS), 'copy-me', 'copy value 2');
      await vscode.commands.executeCommand(SecretCommandIds.copyValue, node);
      copied.push(await vscode.env.clipboard.readText());
    }
    assert.deepEqual(copied, [...Array<string>(5).fill('copy value 1'), ...Array<string>(5).fill('copy value 2')], 'never a kept value');
    const logged = (await requests({ vault: ACTIONS })).map(line);
    const reads = logged.filter((r) => r.split(' ')[1] === 'GET');
    assert.deepEqual(reads, Array<string>(10).fill('200 GET /secrets/copy-me/'), 'the floor: one read per copy, no listing, no versions');
    assert.deepEqual(logged.filter((r) => r.split(' ')[1] !== 'GET'), ['200 PUT /secrets/copy-me'], 'only the test’s own write besides');
  });

  it(`expand a secret with ${VERSIONS} versions: the first page is one request; all pages ⌈${VERSIONS}/${PAGE}⌉`, async () => {
    const node = await w.node(ACTIONS, 'Secrets', 'many-versions');
    await clearRequests();
    let children = await w.tree.labels(node);
    assert.equal(children.length, PAGE + 1);
    assert.equal(children.at(-1), 'Load more…');
    assert.deepEqual((await requests({ vault: ACTIONS })).map(line), ['200 GET /secrets/many-versions/versions'], 'first page: one request');
    while (children.at(-1) === 'Load more…') {
      await vscode.commands.executeCommand('azureKeyVault.loadMore', (await w.tree.children(node)).at(-1));
      children = await w.tree.labels(node);
    }
    assert.equal(children.length, VERSIONS);
    assert.deepEqual((await requests({ vault: ACTIONS })).map(line), Array<string>(pages(VERSIONS)).fill('200 GET /secrets/many-versions/versions'), 'every page once');
  });

  it('search across 30 vaults: each page of each kind of each vault listed once, results handed on page by page', async () => {
    await clearRequests();
    const offered: Offered = { batches: [], rows: [] };
    await search(async (batches) => {
      for await (const batch of batches(new AbortController().signal)) {
        offered.rows.push(...batch);
        offered.batches.push({ where: batch[0]?.description ?? '', rows: batch.length });
      }
    });
    for (const v of SEARCHED) {
      const logged = await requests({ vault: v.name });
      const lists = logged.filter((r) => r.status === 200).map((r) => r.path);
      const want = { secret: pages(v.secrets), key: pages(v.keys), certificate: 1 };
      for (const [kind, path] of Object.entries(KIND_PATHS)) {
        assert.equal(lists.filter((p) => p === path).length, want[kind as keyof typeof want], `${v.name}: ${kind} pages`);
      }
      assert.equal(lists.length, want.secret + want.key + want.certificate, `${v.name}: nothing but the listings: ${logged.map(line).join(', ')}`);
      assert.ok(logged.filter((r) => r.status === 401).length <= 1, `${v.name}: at most its one auth challenge`);
      const secretBatches = offered.batches.filter((b) => b.where === `${v.name} · secret`);
      assert.deepEqual(secretBatches.map((b) => b.rows), Array.from({ length: pages(v.secrets) }, (_, p) => Math.min(PAGE, v.secrets - p * PAGE)), `${v.name}: one batch per page`);
      assert.equal(offered.rows.filter((r) => r.description === `${v.name} · key`).length, v.keys);
    }
    assert.ok(!offered.rows.some((r) => r.kind === vscode.QuickPickItemKind.Separator), 'every vault was read');
  });

  it('search shows results while listings are still outstanding; closing the picker aborts them', async () => {
    // kv-pa-s01 never answers (its listings stay in flight) and neither do kv-pa-s00's keys.
    const hung = SEARCHED[1]!.name;
    await control('POST', '/faults', { match: { plane: 'vault', vault: hung }, action: 'hang' });
    await control('POST', '/faults', { match: { plane: 'vault', vault: SEARCHED[0]!.name, pathRegex: '^/keys/?$' }, action: 'hang' });
    await clearRequests();
    const events: string[] = [];
    const after: vscode.QuickPickItem[] = [];
    await search(async (batches) => {
      const close = new AbortController();
      const stream = batches(close.signal)[Symbol.asyncIterator]();
      const first = await stream.next();
      assert.ok(!first.done && first.value.length > 0, 'a first batch with results');
      events.push('results shown');
      // The listings of the hung vault were sent and never answered: they were outstanding when the results showed.
      await eventuallyHung(hung);
      events.push(`${hung} unanswered`);
      close.abort();
      events.push('picker closed');
      for (let next = await stream.next(); !next.done; next = await stream.next()) after.push(...next.value);
      events.push('stream ended');
    });
    assert.deepEqual(events, ['results shown', `${hung} unanswered`, 'picker closed', 'stream ended']);
    assert.ok(!after.some((r) => r.description?.startsWith(hung) || r.label.includes(hung)), 'an aborted listing is not reported as a vault that could not be read');
  });

  /**
   * Waits until the emulator holds a request of `vault` it will never answer (its listings, or the auth challenge
   * they wait on when the vault is new to this session).
   */
  async function eventuallyHung(vault: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const held = (await requests({ vault })).filter((r) => r.status === 0 && (r as LoggedRequest & { fault?: string }).fault === 'hang');
      if (held.length > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    return assert.fail(`the listings of ${vault} never reached the emulator`);
  }
});
