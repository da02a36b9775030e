// Entry of the benchmark's per-action part, loaded INSIDE the extension host of a real VS Code (code-server) by
// scripts/bench/vscode.mjs, like test/e2e/index.ts: `run()` resolves when done. Drives the extension through its
// test entry (src/testApi.ts: the provider, the tree view, the scriptable prompts) and its commands only, against
// the emulator's benchmark seed (scripts/bench/seed.mjs) with injected latency, and writes what it measured to the
// JSON file named by BENCH_RESULTS_FILE. Nothing is asserted: the figures are the result.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { diagnostics } from './editor';
import { round, settle, sleep } from './probe';
import { Recorder } from './recorder';
import { search } from './search';
import { transport } from './transport';
import { indexWorkspace } from './workspaceIndex';
import { BenchTree } from './tree';
import { copyTenTimes, expandSecrets, largeListing, openTree, renderCost, versions } from './treeActions';

const EXTENSION_ID = 'azure-keyvault-explorer.azure-keyvault-explorer';

/** The extension's own activation in this extension host: timed here if nothing activated it yet, and VS Code's marks. */
async function activate(rec: Recorder): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  const wasActive = extension.isActive;
  const t0 = performance.now();
  const api = await extension.activate();
  const activateMs = performance.now() - t0;
  if (!api) throw new Error('the extension returns its test entry in test mode only');
  const marks = vscodeMarks();
  rec.details.code_server_activation = {
    already_active_when_the_bench_started: wasActive,
    ...(wasActive ? {} : { activate_call_ms: round(activateMs) }),
    ...marks,
  };
  return api;
}

/**
 * VS Code's performance marks of this extension in the extension host (`code/extHost/willLoadExtensionCode/<id>`,
 * `didLoadExtensionCode`, `willActivateExtension`, `didActivateExtension`), read from `globalThis.MonacoPerformanceMarks`
 * (VS Code's own mark store in Node) or Node's timeline, whichever holds them.
 */
function vscodeMarks(): Record<string, unknown> {
  const store = (globalThis as { MonacoPerformanceMarks?: { getMarks?: () => { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  const all = store?.getMarks?.() ?? performance.getEntriesByType('mark').map((m) => ({ name: m.name, startTime: m.startTime }));
  const ours = all.filter((m) => m.name.toLowerCase().includes(EXTENSION_ID));
  const at = (part: string) => ours.find((m) => m.name.includes(`/${part}/`))?.startTime;
  const [load, loaded, will, did] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  const out: Record<string, unknown> = { marks: ours.map((m) => m.name.replace(`/${EXTENSION_ID}`, '')), mark_store: store ? 'MonacoPerformanceMarks' : 'performance' };
  if (load !== undefined && loaded !== undefined) out.code_loading_ms = round(loaded - load);
  if (will !== undefined && did !== undefined) out.activate_ms = round(did - will);
  // What VS Code's Running Extensions view shows as load + activate; the gap between them is VS Code preparing
  // the extension's context (storage, secrets), not the extension's code.
  if (load !== undefined && loaded !== undefined && will !== undefined && did !== undefined) out.activation_ms = round(loaded - load + (did - will));
  if (load !== undefined && did !== undefined) out.load_to_activated_ms = round(did - load);
  return out;
}

async function signIn(api: TestApi): Promise<void> {
  await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
  for (let i = 0; i < 300; i++) {
    if (await api.services.session.account().catch(() => undefined)) return;
    await sleep(100);
  }
  throw new Error('not signed in after 30 s');
}

export async function run(): Promise<void> {
  const out = process.env.BENCH_RESULTS_FILE;
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? '40');
  const lines: string[] = [];
  const rec = new Recorder(latencyMs, (line) => {
    lines.push(line);
    if (out) fs.writeFileSync(`${out}.log`, `${lines.join('\n')}\n`);
  });
  const write = (extra: object = {}) => {
    if (out) fs.writeFileSync(out, JSON.stringify({ latency_ms: latencyMs, actions: rec.actions, details: rec.details, ...extra }, null, 2));
  };
  const t0 = performance.now();
  try {
    const api = await activate(rec);
    const tree = new BenchTree(api);
    await signIn(api);
    await settle();
    if (process.env.BENCH_ONLY === 'workspace-index') {
      // `npm run bench -- --only-index`: the index alone, with the view shown and 10,000 rows known, as in a full run.
      await openTree(rec, tree);
      await expandSecrets(rec, tree, api, 'kvb-s10k-a', 10_000, false, { inView: true });
      await indexWorkspace(rec, api);
      write({ duration_s: round((performance.now() - t0) / 1000) });
      return;
    }
    // The editor first: the view was never opened (editor features from the first moment).
    await diagnostics(rec);
    await openTree(rec, tree);
    for (const [size, vault] of [[25, 'kvb-s25-a'], [1000, 'kvb-s1k-a']] as const) await expandSecrets(rec, tree, api, vault, size, false);
    await largeListing(rec, tree, api);
    for (const [size, vault] of [[25, 'kvb-s25-b'], [1000, 'kvb-s1k-b'], [10_000, 'kvb-s10k-b']] as const) {
      const secrets = await expandSecrets(rec, tree, api, vault, size, true);
      if (size === 10_000) rec.details.draw_once_ms = round(await tree.draw(secrets, true));
    }
    await renderCost(rec, tree, api, rec.details.draw_once_ms as number);
    rec.details.transport = await transport(api, 'kvb-s25-a');
    await versions(rec, tree);
    await copyTenTimes(rec, tree, api);
    await search(rec, api);
    await indexWorkspace(rec, api);
    write({ duration_s: round((performance.now() - t0) / 1000) });
  } catch (error) {
    write({ error: String(error instanceof Error ? error.stack : error), duration_s: round((performance.now() - t0) / 1000) });
    throw error;
  }
}
