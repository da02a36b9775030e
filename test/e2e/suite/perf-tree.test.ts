// Issue 16 inside VS Code: the tree of a 1,000-secret vault costs the floor in list requests, with and without an
// open editor holding references to that vault (a redraw of the tree — a page appended — never drops the reference
// cache, so diagnostics do not list the vault again), the tree's pages answer the editor (no second listing), a
// "Load more…" keeps the rows and TreeItems already shown, and markdown tooltips are built on hover
// (resolveTreeItem) with what they always held and no value. Request counts come from the emulator's request log;
// nothing here measures time. Seeds its own subscription and vault.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { control, type LoggedRequest } from './emulator';
import { hasVault, logCursor, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';

const SUBSCRIPTION = 'Perf Tree E2E';
const SUBSCRIPTION_ID = 'e2e16000-0000-4000-8000-0000000000f1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-perf-tree';
const COUNT = 1000;
/** 25 a page (the default page size of the tree and of the service). */
const PAGES = COUNT / 25;
const name = (i: number) => `bulk-${String(i).padStart(4, '0')}`;
const value = (i: number) => `perf-tree-value-${i}`;

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  const secrets = Array.from({ length: COUNT }, (_, i) => ({ name: name(i), ...(i % 10 === 0 ? { contentType: 'text/plain' } : {}), versions: [{ value: value(i) }] }));
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [{ name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-perf-tree', location: 'westeurope', enableRbacAuthorization: true, secrets }],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until the diagnostics of the references file are in: the missing secret, and only it. */
const diagnosed = (uri: vscode.Uri) => eventually(() => Promise.resolve().then(() => assert.deepEqual(codes(uri), ['missing'])), 30_000);
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Key Vault').map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

describe('perf-tree: a 1,000-secret vault costs the floor in list requests, with or without an open editor (emulator)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;
  let dir: string;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-perf-tree-'));
    // The first request to a vault meets its authentication challenge (a 401, then the same request with a token):
    // met here, so the counts below are the actions' own.
    await w.tree.children(await w.node(VAULT, 'Secrets'));
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The vault's requests since `since`, once nothing new came for 1.5 s (a diagnostics check is debounced 400 ms). */
  async function settled(since: number): Promise<LoggedRequest[]> {
    let seen = -1;
    for (;;) {
      const { requests } = await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${VAULT}&sinceId=${since}`);
      if (requests.length === seen) return requests;
      seen = requests.length;
      await sleep(1500);
    }
  }
  const lists = (requests: readonly LoggedRequest[]) => requests.filter((r) => r.method === 'GET' && r.path === '/secrets');

  /** Secrets of the vault, its listing dropped (a refresh: the next expand lists again), once the log is quiet. */
  async function freshSecrets(): Promise<TreeNode> {
    const secrets = await w.node(VAULT, 'Secrets');
    w.api.tree.refresh(secrets);
    await settled(await logCursor());
    return secrets;
  }

  /**
   * Clicks "Load more…" until the listing ends; every row (those folded into ranges too). `reread` gets what the
   * view reads again after each page: the listing's own children.
   */
  async function loadAll(group: TreeNode, reread?: (children: TreeNode[]) => void): Promise<TreeNode[]> {
    for (;;) {
      const children = await w.tree.children(group);
      reread?.(children);
      const last = children[children.length - 1];
      if (!last?.id.endsWith('/more')) return w.tree.rows(group);
      assert.ok(await w.api.services.view.loadMore(last));
    }
  }

  /** An appsettings.json holding two references to the vault: the last secret, and one that does not exist. */
  async function openReferences(): Promise<vscode.Uri> {
    const file = path.join(dir, 'appsettings.json');
    const url = w.vaultUrl(VAULT);
    fs.writeFileSync(file, `{\n  "Last": "@Microsoft.KeyVault(SecretUri=${url}/secrets/${name(COUNT - 1)}/)",\n  "Missing": "@Microsoft.KeyVault(SecretUri=${url}/secrets/no-such-secret/)"\n}\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    return document.uri;
  }

  it('without an editor: the first page is one list call, every page one call each', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const secrets = await freshSecrets();
    const since = await logCursor();
    assert.equal((await w.tree.children(secrets)).length, 25 + 1, '25 rows and "Load more…"');
    assert.deepEqual(lists(await settled(since)).length, 1, 'the first page: one list call');
    assert.equal((await loadAll(secrets)).length, COUNT);
    const all = await settled(since);
    assert.equal(lists(all).length, PAGES, 'one list call per page');
    assert.deepEqual(all.filter((r) => !(r.method === 'GET' && r.path === '/secrets')), [], 'nothing else');
  });

  it('with an editor holding references to the vault: the same floor (a page appended drops no cache; diagnostics do not list again)', async () => {
    const secrets = await freshSecrets();
    const uri = await openReferences();
    // The diagnostics check the references (the missing one is reported), then nothing more is asked.
    await diagnosed(uri);
    await settled(await logCursor());
    const since = await logCursor();
    assert.equal((await w.tree.children(secrets)).length, 25 + 1);
    assert.equal(lists(await settled(since)).length, 1, 'the first page: one list call, as without an editor');
    assert.equal((await loadAll(secrets)).length, COUNT);
    assert.equal(lists(await settled(since)).length, PAGES, 'one list call per page, as without an editor');
    assert.deepEqual(codes(uri), ['missing'], 'the diagnostics still stand');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the tree's pages answer the editor: diagnostics and hovers of a vault the tree listed send no list call", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const secrets = await freshSecrets();
    assert.equal((await loadAll(secrets)).length, COUNT);
    await settled(await logCursor());
    const since = await logCursor();
    const uri = await openReferences();
    await diagnosed(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf(name(COUNT - 1))));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(shown.includes(name(COUNT - 1)), shown);
    const after = await settled(since);
    assert.deepEqual(lists(after), [], `no list of the vault's secrets: ${after.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Load more…" keeps the rows already shown and their TreeItems (not rebuilt)', async () => {
    const secrets = await freshSecrets();
    const first = (await w.tree.children(secrets)).slice(0, 25);
    const items = await Promise.all(first.map((n) => w.tree.item(n)));
    const more = (await w.tree.children(secrets))[25]!;
    assert.ok(await w.api.services.view.loadMore(more));
    const after = await w.tree.children(secrets);
    assert.equal(after.length, 50 + 1);
    first.forEach((node, i) => assert.equal(after[i], node, `row ${i} is the same node`));
    for (const [i, node] of first.entries()) assert.equal(await w.tree.item(node), items[i], `row ${i} keeps its TreeItem`);
    assert.equal(after[50], more, 'the same "Load more…" row');
  });

  it('past 500 rows the listing folds into ranges: a page re-reads at most 500 rows + the ranges, and a row in a range can be revealed', async () => {
    const secrets = await freshSecrets();
    const reads: number[] = [];
    const rows = await loadAll(secrets, (children) => reads.push(children.length));
    assert.deepEqual(rows.map((r) => r.id), Array.from({ length: COUNT }, (_, i) => `${secrets.id}/${name(i)}`), 'every row once, in order');
    // Up to 500 rows the listing is flat (25 a page, "Load more…" last); past that the re-read stays bounded.
    assert.deepEqual(reads.slice(0, 20), Array.from({ length: 20 }, (_, i) => 25 * (i + 1) + 1));
    assert.ok(Math.max(...reads) <= 500 + 2 + 1, `a re-read never exceeds 500 rows, the ranges and "Load more…": ${Math.max(...reads)}`);
    const top = await w.tree.children(secrets);
    assert.deepEqual(await Promise.all(top.map(async (n) => { const item = await w.tree.item(n); return [item.label, item.description, item.contextValue]; })), [
      ['1–500', `${name(0)} … ${name(499)}`, 'range'],
      ['501–1000', `${name(500)} … ${name(999)}`, 'range'],
    ]);
    // The ranges keep their rows (the same nodes) and are found again by VS Code's reveal through getParent.
    const row = (await w.tree.children(top[1]))[250]!;
    assert.equal(row.id, `${secrets.id}/${name(750)}`);
    assert.equal(w.api.tree.getParent(row), top[1], 'a row in a range: the range is its parent');
    assert.equal(w.api.tree.getParent(top[1]!), secrets, "a range's parent is the listing");
    const vaultTarget = (await w.node(VAULT)).target;
    assert.equal(vaultTarget?.type, 'vault');
    const revealed = await w.api.services.view.reveal({ vault: vaultTarget.vault, kind: 'secret', name: name(750) });
    assert.equal(revealed, row.id);
    assert.deepEqual(w.api.treeView.selection.map((n) => n.id), [row.id], 'selected in the view, inside its range');
    // A filter applies to every row loaded; a short result is flat again.
    w.api.services.view.setFilter(secrets, 'bulk-07');
    const filtered = await w.tree.children(secrets);
    assert.deepEqual(filtered.map((r) => r.id), Array.from({ length: 100 }, (_, i) => `${secrets.id}/${name(700 + i)}`));
    w.api.services.view.setFilter(secrets, '');
    assert.equal((await w.tree.children(secrets)).length, 2, 'the two ranges again');
  });

  it('tooltips are built on hover (resolveTreeItem) and hold what they held, never a value', async () => {
    const secrets = await freshSecrets();
    const [row] = await w.tree.children(secrets);
    const vault = await w.node(VAULT);
    for (const node of [row!, vault]) assert.equal((await w.tree.item(node)).tooltip, undefined, `${node.id}: no tooltip before a hover`);
    const tooltip = (await w.tree.hovered(row!)).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'a markdown tooltip');
    for (const line of [`**${name(0)}** (secret)`, 'ID: ', 'Content type: text/plain', 'Enabled: yes', 'Expiration: ', 'Created: ']) assert.ok(tooltip.value.includes(line), `"${line}" in:\n${tooltip.value}`);
    assert.ok(!tooltip.value.includes(value(0)), 'no value');
    assert.equal((await w.tree.item(row!)).tooltip, tooltip, 'built once: the row keeps it');
    const [version] = await w.tree.children(row);
    const versionTip = (await w.tree.hovered(version!)).tooltip as vscode.MarkdownString;
    assert.match(versionTip.value, new RegExp(`\\*\\*${name(0)}/[0-9a-f]{32}\\*\\* \\(secret\\)`));
    const vaultTip = (await w.tree.hovered(vault)).tooltip as vscode.MarkdownString;
    assert.match(vaultTip.value, /Resource group: rg-perf-tree · westeurope/);
    assert.match(vaultTip.value, /Permission model: Azure RBAC/);
  });
});
