// The view's actions: open the tree, expand Secrets (with and without an open editor referencing the vault),
// expand a secret's 200 versions, copy a value 10 times. Floors are in pages of 25 (the service's page size).
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/TreeNode';
import { closeEditors, openEditor, referencingFile } from './editor';
import { BlockProbe, collectGarbage, heapUsedMb, round, settle, startCpuProfile } from './probe';
import type { Recorder } from './recorder';
import type { BenchTree } from './tree';

const PAGE = 25;
const pages = (n: number) => Math.ceil(n / PAGE);
export const TENANT_1_SUB_1 = ['Bench Tenant 1', 'Bench T1 Sub 01'];
const VAULT_PATHS: Record<string, string[]> = {
  'kvb-s25-a': TENANT_1_SUB_1, 'kvb-s1k-a': TENANT_1_SUB_1, 'kvb-s10k-a': TENANT_1_SUB_1, 'kvb-s25-b': TENANT_1_SUB_1, 'kvb-s1k-b': TENANT_1_SUB_1,
  'kvb-s10k-b': ['Bench Tenant 1', 'Bench T1 Sub 02'], 'kvb-s10k-c': ['Bench Tenant 1', 'Bench T1 Sub 02'],
};

export const vaultNode = (tree: BenchTree, vault: string) => tree.path(...VAULT_PATHS[vault]!, vault);

/** Open the tree: tenants, the subscriptions of every tenant and the vaults of every subscription, as VS Code would. */
export async function openTree(rec: Recorder, tree: BenchTree): Promise<void> {
  // Floor: tenants (1), subscriptions of each of 3 tenants (3), the vaults of each tenant's 10 subscriptions in one
  // Resource Graph query (3; 50 vaults < one page). Tenants → subscriptions → vaults: 3 round trips.
  await rec.measure('open_tree', { requests: 7, roundTrips: 3 }, async () => {
    const tenants = await tree.children();
    const subscriptions = (await Promise.all(tenants.map((t) => tree.children(t)))).flat();
    const vaults = (await Promise.all(subscriptions.map((s) => tree.children(s)))).flat();
    return { tenants: tenants.length, subscriptions: subscriptions.length, vaults: vaults.length };
  });
}

/**
 * When VS Code first asks the provider for `node`'s children and when the extension answered (the provider's
 * getChildren wrapped on the instance VS Code holds; restored by stop()).
 */
function watchChildren(api: TestApi, node: TreeNode): { stop(): { askedAt?: number; answeredAt?: number } } {
  const provider = api.tree;
  const times: { askedAt?: number; answeredAt?: number } = {};
  // An own property shadows the class's method for the instance VS Code holds; deleting it restores the method.
  provider.getChildren = async (asked?: TreeNode) => {
    const mine = asked === node && times.askedAt === undefined;
    if (mine) times.askedAt = performance.now();
    const children = await Object.getPrototypeOf(provider).getChildren.call(provider, asked) as TreeNode[];
    if (mine) times.answeredAt = performance.now();
    return children;
  };
  return {
    stop: () => {
      delete (provider as { getChildren?: unknown }).getChildren;
      return times;
    },
  };
}

/** The vault's Secrets node, with the vault's auth challenge already answered (by listing its Keys). */
async function warmSecrets(tree: BenchTree, vault: string, warm: boolean): Promise<TreeNode> {
  const node = await vaultNode(tree, vault);
  if (warm) await tree.children(await tree.child(node, 'Keys'));
  return tree.child(node, 'Secrets');
}

export interface ListingOptions {
  /** Show the view with the Secrets node expanded in it, so VS Code renders every page as a user would see it. */
  inView?: boolean;
  afterFirstPage?: () => Promise<void>;
  afterPage?: (children: TreeNode[]) => Promise<void>;
  /** Recorded under another name (a listing made for another measurement). */
  label?: string;
}

/**
 * Expands Secrets of `vault` (`size` secrets): the first page, then every page through "Load more…". Without an
 * editor the vault's challenge is answered beforehand (its Keys listed); with one, the editor's own check did it.
 * Floor: 1 request for the first page, ⌈size/25⌉ for all pages, one round trip each (a page needs the previous
 * page's continuation token). Returns the Secrets node.
 */
export async function expandSecrets(rec: Recorder, tree: BenchTree, api: TestApi, vault: string, size: number, withEditor: boolean, options: ListingOptions = {}): Promise<TreeNode> {
  const suffix = `${withEditor ? '_with_editor' : ''}${options.label ? `_${options.label}` : ''}`;
  if (withEditor) {
    const width = String(size).length;
    await openEditor(referencingFile(vault, `secret-${'1'.padStart(width, '0')}`));
    await settle(); // the editor's own check of the reference (not measured)
  }
  const secrets = await warmSecrets(tree, vault, !withEditor);
  if (options.inView) await vscode.commands.executeCommand('azureKeyVault.vaults.focus');
  const first = await rec.measure(`expand_secrets_${size}_first_page${suffix}`, { requests: 1, roundTrips: 1 }, async () => {
    if (!options.inView) return { rows: (await tree.children(secrets)).length };
    // In the view: the user expands the node (VS Code asks for its children); the bench waits for the same rows.
    // What VS Code's reveal costs before it asks (and after it has the rows) is told apart from the extension's answer.
    const watch = watchChildren(api, secrets);
    const t0 = performance.now();
    await api.treeView.reveal(secrets, { expand: true, select: false, focus: false }).then(undefined, (e: unknown) => void (rec.details.reveal_error = String(e)));
    const rows = (await tree.children(secrets)).length;
    const t1 = performance.now();
    const { askedAt, answeredAt } = watch.stop();
    return askedAt === undefined || answeredAt === undefined
      ? { rows }
      : { rows, extension_ms: round(answeredAt - askedAt), vscode_before_ask_ms: round(askedAt - t0), vscode_after_answer_ms: round(t1 - answeredAt) };
  });
  if (options.afterFirstPage) await options.afterFirstPage();
  const rest = await rec.measure(`expand_secrets_${size}_rest${suffix}`, { requests: pages(size) - 1, roundTrips: pages(size) - 1 }, async () => {
    const loaded = await tree.loadRest(secrets, options.afterPage);
    return { rows: loaded.rows, load_more_clicks: loaded.pages };
  });
  delete rec.actions[`expand_secrets_${size}_rest${suffix}`];
  rec.combine(`expand_secrets_${size}_all_pages${suffix}`, first, rest, { requests: pages(size), roundTrips: pages(size) }, { rows: rest.rows, load_more_clicks: rest.load_more_clicks });
  if (withEditor) await closeEditors();
  return secrets;
}

/**
 * 10,000 secrets without an editor, in the view: the longest event-loop block while the pages load, and the heap
 * before, after listing and after collapsing the node (after a forced GC where V8 allows it).
 */
export async function largeListing(rec: Recorder, tree: BenchTree, api: TestApi): Promise<void> {
  const gc1 = await collectGarbage();
  const before = heapUsedMb();
  const probe = new BlockProbe();
  // BENCH_CPU_PROFILE=<file>: a CPU profile of the extension host while the pages load (to find what blocks).
  const profile = process.env.BENCH_CPU_PROFILE ? await startCpuProfile() : undefined;
  probe.start();
  const pageAt: number[] = [];
  const mark = () => Promise.resolve(void pageAt.push(probe.elapsed()));
  await expandSecrets(rec, tree, api, 'kvb-s10k-a', 10_000, false, { inView: true, afterFirstPage: mark, afterPage: mark });
  const block = probe.stop();
  if (profile) await profile.stopInto(process.env.BENCH_CPU_PROFILE!);
  // Which page had just been shown when each long block began (0: before the first page).
  const longest = block.longest.map((b) => ({ ...b, after_page: pageAt.filter((t) => t <= b.at_ms).length }));
  await collectGarbage();
  const listed = heapUsedMb();
  await vscode.commands.executeCommand('workbench.actions.treeView.azureKeyVault.vaults.collapseAll');
  const gc3 = await collectGarbage(5000);
  const collapsed = heapUsedMb();
  rec.details.max_block = { ...block, longest, last_page_at_ms: pageAt.at(-1), while: 'Secrets of kvb-s10k-a: first page and 399 × Load more…, expanded in the visible view' };
  rec.details.heap = { method: gc1 === 'gc' && gc3 === 'gc' ? 'heapUsed after a forced full GC (--expose-gc set at run time)' : 'heapUsed after settling (no GC available)', before_mb: before, after_listing_mb: listed, after_collapse_mb: collapsed };
  rec.details.max_block_ms = block.max_block_ms;
  rec.details.heap_growth_mb = round(collapsed - before);
}

/**
 * Render cost: what VS Code reads again after each of the 400 pages (getChildren + getTreeItem of the listing's
 * children: past 500 rows, the ranges and the rows after them), against one draw of all 10,000 rows.
 */
export async function renderCost(rec: Recorder, tree: BenchTree, api: TestApi, drawOnceMs: number): Promise<void> {
  let total = 0;
  let draws = 0;
  const secrets = await vaultSecrets(tree, 'kvb-s10k-c');
  const drawn = async () => {
    total += await tree.draw(secrets);
    draws++;
  };
  await expandSecrets(rec, tree, api, 'kvb-s10k-c', 10_000, false, { afterFirstPage: drawn, afterPage: drawn, label: 'render' });
  const listing = rec.actions.expand_secrets_10000_all_pages_render;
  for (const key of ['expand_secrets_10000_first_page_render', 'expand_secrets_10000_all_pages_render']) delete rec.actions[key];
  rec.details.render = { all_pages_ms: round(total), draws, draw_once_ms: round(drawOnceMs), vault: 'kvb-s10k-c (all pages) / kvb-s10k-b (once)', listing };
  rec.details.render_ratio = drawOnceMs > 0 ? round(total / drawOnceMs, 2) : null;
}

const vaultSecrets = async (tree: BenchTree, vault: string) => tree.child(await vaultNode(tree, vault), 'Secrets');

/** Expand "versions-200" (200 versions) in kvb-s25-a, every page. Floor: ⌈200/25⌉ = 8 pages, one after another. */
export async function versions(rec: Recorder, tree: BenchTree): Promise<void> {
  const secret = await tree.child(await vaultSecrets(tree, 'kvb-s25-a'), 'versions-200');
  await rec.measure('expand_versions_200', { requests: pages(200), roundTrips: pages(200) }, async () => {
    await tree.children(secret);
    const loaded = await tree.loadRest(secret);
    return { rows: loaded.rows, load_more_clicks: loaded.pages };
  });
}

/** Copy Value 10 times (one secret of a listed vault). Floor: one GET per copy (values are never cached). */
export async function copyTenTimes(rec: Recorder, tree: BenchTree, api: TestApi): Promise<void> {
  const secret = await tree.child(await vaultSecrets(tree, 'kvb-s25-a'), 'secret-01');
  api.ui.use({ notify: () => undefined });
  try {
    await rec.measure('copy_value_x10', { requests: 10, roundTrips: 10 }, async () => {
      for (let i = 0; i < 10; i++) await vscode.commands.executeCommand('azureKeyVault.copySecretValue', secret);
    });
  } finally {
    api.ui.reset();
  }
}
