// Issue 12 item 3 inside VS Code: a hostile name in a `.bicepparam` file, and hostile tags and content types in a
// vault (written through the official SDK client), reach hovers and tree tooltips as TEXT — no link, no command,
// no remote image (a tracking pixel) — and the hover is trusted for our two reference commands only. Each hover is
// read through `vscode.executeHoverProvider` (what VS Code renders), each tooltip through the view's data provider,
// and both are rendered by VS Code's own markdown engine (`markdown.api.render`) to see what would show.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { setSecret } from '../../../src/azure/secretOps';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Markdown E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000012d0';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-e2e-markdown';
const RG = 'rg-markdown';

/** A link to a VS Code command that is not ours, and a remote image that would load when shown. */
const COMMAND = '[x](command:workbench.action.openSettings)';
const PIXEL = '![p](https://attacker.example/p.png)';
const HTML = '<img src="https://attacker.example/h.png">';
/** A name that closes the code span it is put in, then links. */
const BREAKOUT = `a\`${COMMAND}\`b`;
const ours = ['azureKeyVault.revealReference', 'azureKeyVault.copyReferencedValue'];

/** The world: an empty vault in its own subscription (ARM, seeded once per emulator: the SDK cannot create vaults). */
async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    // ARM's own text goes into the vault's tooltip too.
    vaults: [{ name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: RG, location: PIXEL, secrets: [] }],
  });
}

/** The links and images in raw markdown, backslash-escaped brackets skipped: `[text](target)`. */
function linksIn(markdown: string): { image: boolean; text: string; target: string }[] {
  const escaped = (at: number) => /(^|[^\\])(\\\\)*\\$/.test(markdown.slice(0, at)); // an odd run of backslashes before
  return [...markdown.matchAll(/(!?)\[((?:\\.|[^[\]\\])*)\]\(([^)\s]*)\)/g)]
    .map((m) => (m[1] && escaped(m.index) ? { ...m, 1: '', index: m.index + 1 } : m))
    .filter((m) => !escaped(m.index + m[1]!.length))
    .map((m) => ({ image: m[1] === '!', text: m[2]!, target: m[3]! }));
}

/** What CommonMark shows for escaped text: each backslash escape is its character. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** HTML rendered by VS Code's markdown engine (markdown-it, with linkify: bare URLs become links there). */
async function rendered(markdown: string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', markdown);
}

/** Nothing in the markdown is a link or an image but ours; rendered, no image, no foreign href. */
async function assertInert(markdown: string, allowed: (target: string) => boolean, what: string): Promise<void> {
  const html = await rendered(markdown);
  assert.doesNotMatch(html, /<img/i, `${what}: rendered with an image:\n${html}`);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.ok(allowed(href!.replace(/&amp;/g, '&')), `${what}: rendered with a link to ${href}:\n${html}`);
  assert.doesNotMatch(html, /(href|src)="https?:\/\/attacker/, `${what}: rendered with a link or image to the attacker:\n${html}`);
  // The raw markdown too (VS Code's hover renders with marked, not markdown-it): no link or image syntax but ours.
  for (const link of linksIn(markdown)) {
    assert.ok(!link.image, `${what}: an image ${link.target} in:\n${markdown}`);
    assert.ok(allowed(link.target), `${what}: a link to ${link.target} in:\n${markdown}`);
  }
}

const ourCommand = (target: string) => ours.some((c) => target.startsWith(`command:${c}?`));
const ourLinks = (target: string) => ourCommand(target) || /^https:\/\/[^/]*portal[^/]*\//.test(target);

/** Our hover on the `az.getSecret(` of the line that starts with `param`. */
async function hoverAt(doc: vscode.TextDocument, param: string): Promise<vscode.MarkdownString> {
  const line = doc.getText().indexOf(`${param} = `);
  assert.ok(line >= 0, param);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('getSecret', line)));
  const ourHovers = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c && c.value.includes('Key Vault'));
  assert.equal(ourHovers.length, 1, `one hover of ours at ${param}`);
  return ourHovers[0]!;
}

describe('security: names, tags and content types show as text in hovers and tooltips (emulator)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  let dir: string;
  let vaultUrl: string;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    vaultUrl = w.vaultUrl(VAULT);
    const vaults = (await w.api.services.clients.get()).vaults;
    // Through the official SDK client (the extension's own, with its token guard): what a hostile writer could store.
    await setSecret(vaults, vaultUrl, 'hostile-meta', 'not shown', { contentType: `${PIXEL} ${COMMAND}`, tags: { [COMMAND]: PIXEL, note: `${HTML} ${BREAKOUT}` } });
    w.api.tree.refresh();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-md-'));
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a hostile reference name, vault name or version in a .bicepparam file shows as text; the hover trusts only our commands', async () => {
    const call = (vault: string, name: string, version?: string) => `az.getSecret('${SUBSCRIPTION_ID}', '${RG}', '${vault}', '${name}'${version ? `, '${version}'` : ''})`;
    const lines = [
      `param a = ${call(VAULT, COMMAND)}`,
      `param b = ${call(VAULT, PIXEL)}`,
      `param c = ${call(VAULT, BREAKOUT)}`,
      `param d = ${call(PIXEL, 'n')}`,
      `param e = ${call(VAULT, 'hostile-meta', COMMAND)}`,
      `param f = ${call(VAULT, 'hostile-meta')}`,
    ];
    const file = path.join(dir, 'main.bicepparam');
    fs.writeFileSync(file, `using 'main.bicep'\n\n${lines.join('\n')}\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const cases: [param: string, hostile: string, state: RegExp][] = [
      ['param c', BREAKOUT, /Not found in `kv-e2e-markdown`/],
      ['param a', COMMAND, /Not found in `kv-e2e-markdown`/],
      ['param b', PIXEL, /Not found in `kv-e2e-markdown`/],
      ['param d', PIXEL, /This vault is not among your vaults/],
      ['param e', COMMAND.toLowerCase(), /does not exist; the current version is described below/],
      ['param f', `${PIXEL} ${COMMAND}`, /Reveal in Key Vault Explorer/],
    ];
    for (const [param, hostile, state] of cases) {
      const hover = await hoverAt(doc, param);
      const markdown = hover.value;
      assert.match(markdown, state, `${param}:\n${markdown}`);
      await assertInert(markdown, ourLinks, param);
      assert.deepEqual(hover.isTrusted, { enabledCommands: ours }, `${param}: trusted for our two commands only`);
      assert.ok(!hover.supportHtml, `${param}: no HTML`);
      assert.ok(shown(markdown).includes(hostile), `${param}: the hostile text reads as itself:\n${markdown}`);
      assert.ok(!markdown.includes(hostile), `${param}: never raw (not even in a code span):\n${markdown}`);
    }
    // The resolved hover: the vault's content type and tags as text, next to our own links (which still work).
    const resolved = (await hoverAt(doc, 'param f')).value;
    assert.ok(shown(resolved).includes(`Tags: ${COMMAND}=${PIXEL}, note=${HTML} ${BREAKOUT}`), resolved);
    assert.deepEqual(linksIn(resolved).filter((l) => ourCommand(l.target)).map((l) => l.target.split('?')[0]), ours.map((c) => `command:${c}`));
    const reveal = linksIn(resolved).find((l) => l.target.startsWith('command:azureKeyVault.revealReference?'))!;
    const id = await vscode.commands.executeCommand<string>('azureKeyVault.revealReference', ...(JSON.parse(decodeURIComponent(reveal.target.split('?')[1]!)) as unknown[]));
    assert.ok(id.endsWith('/secrets/hostile-meta'), id);
  });

  it('tree tooltips show what the vault and ARM say as text: no link, no image, not trusted', async () => {
    const secrets = await w.node(VAULT, 'Secrets');
    const row = (await w.tree.children(secrets)).find((n) => n.id.endsWith('/hostile-meta'));
    assert.ok(row, 'the hostile secret is listed');
    const rows = [row, ...(await w.tree.children(row)), await w.node(VAULT)];
    for (const node of rows) {
      const tooltip = (await w.tree.hovered(node)).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, `${node.id}: a markdown tooltip`);
      const markdown = tooltip.value;
      await assertInert(markdown, () => false, node.id);
      assert.ok(!tooltip.isTrusted, `${node.id}: not trusted`);
      assert.ok(!tooltip.supportHtml, `${node.id}: no HTML`);
      assert.ok(!markdown.includes(PIXEL) && !markdown.includes(COMMAND) && !markdown.includes(HTML), `${node.id}: nothing raw:\n${markdown}`);
    }
    const item = (await w.tree.hovered(row)).tooltip as vscode.MarkdownString;
    assert.ok(shown(item.value).includes(`Content type: ${PIXEL} ${COMMAND}`), item.value);
    assert.ok(shown(item.value).includes(`Tags: ${COMMAND}=${PIXEL}, note=${HTML} ${BREAKOUT}`), item.value);
    const vault = (await w.tree.hovered(await w.node(VAULT))).tooltip as vscode.MarkdownString;
    assert.ok(shown(vault.value).includes(`Resource group: ${RG} · ${PIXEL}`), vault.value);
  });
});
