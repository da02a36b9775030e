// Issue 6 acceptance inside VS Code: expiry decorations. A seeded vault with an expired key, an expiring
// certificate and a disabled secret shows the three states on the items, rolled up on their groups and on the
// vault, without any request beyond the listings; "Expiring Soon…" lists every expiring object across the
// listed vaults with a bounded, counted number of requests and badges vaults the tree never loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExpiryCommandIds } from '../../../src/model/commandIds';
import type { ExpiringSoonResult } from '../../../src/commands/expiry/showExpiringSoon';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { control, type LoggedRequest } from './emulator';
import { keysWorld, VAULTS, type KeysWorld } from './keysWorld';
import { logCursor, requestsSince } from './scripted';

describe('decorations: expiry states on items, groups and vaults; Expiring Soon (emulator)', function () {
  this.timeout(60_000);
  let w: KeysWorld;

  before(async () => {
    w = await keysWorld();
  });
  after(() => {
    if (w) w.api.ui.reset();
  });
  afterEach(() => w.script.assertDone());

  const decoration = async (node: TreeNode) => {
    const item = await w.tree.item(node);
    assert.ok(item.resourceUri, `no resourceUri on ${node.id}`);
    const d = w.api.services.decorations.provideFileDecoration(item.resourceUri);
    return d ? { badge: d.badge, color: (d.color)?.id, tooltip: d.tooltip } : undefined;
  };

  it('shows expired, expiring and disabled on items, their groups and the vault — no extra request', async () => {
    const vault = await w.node(VAULTS.deco);
    const since = await logCursor();
    const groups = Object.fromEntries(await Promise.all(['Secrets', 'Keys', 'Certificates'].map(async (g) => [g, await w.tree.child(vault, g)] as const)));
    for (const g of Object.values(groups)) await w.tree.children(g);
    assert.deepEqual((await requestsSince(since, VAULTS.deco)).filter((r) => r.startsWith('200')), ['200 GET /secrets', '200 GET /keys', '200 GET /certificates']);

    const after = await logCursor();
    assert.deepEqual(await decoration(await w.tree.child(groups.Keys, 'old-key')), { badge: '!', color: 'problemsErrorIcon.foreground', tooltip: 'Expired' });
    const soon = await decoration(await w.tree.child(groups.Certificates, 'soon-cert'));
    assert.equal(soon?.color, 'problemsWarningIcon.foreground');
    assert.match(String(soon?.badge), /^(9|10)$/, 'days left');
    assert.match(String(soon?.tooltip), /^Expires in (9|10) days$/);
    assert.deepEqual(await decoration(await w.tree.child(groups.Secrets, 'off-secret')), { badge: 'D', color: 'disabledForeground', tooltip: 'Disabled' });
    assert.equal(await decoration(await w.tree.child(groups.Keys, 'fine-key')), undefined, 'a healthy item is not decorated');

    assert.deepEqual(await decoration(groups.Keys!), { badge: '1', color: 'problemsErrorIcon.foreground', tooltip: '1 expired' });
    assert.deepEqual(await decoration(groups.Certificates!), { badge: '1', color: 'problemsWarningIcon.foreground', tooltip: '1 expiring within 30 days' });
    assert.deepEqual(await decoration(groups.Secrets!), { badge: undefined, color: undefined, tooltip: '1 disabled' });
    assert.deepEqual(await decoration(vault), { badge: '2', color: 'problemsErrorIcon.foreground', tooltip: '1 expired · 1 expiring within 30 days · 1 disabled' });
    assert.deepEqual(await requestsSince(after, VAULTS.deco), [], 'decorations cost no request');
  });

  it('follows azureKeyVault.expiryWarningDays (5 days: the certificate is no longer "expiring")', async () => {
    const config = vscode.workspace.getConfiguration('azureKeyVault');
    await config.update('expiryWarningDays', 5, vscode.ConfigurationTarget.Global);
    try {
      const certificates = await w.node(VAULTS.deco, 'Certificates');
      assert.equal(await decoration(await w.tree.child(certificates, 'soon-cert')), undefined);
      await w.tree.children(certificates);
      assert.equal(await decoration(certificates), undefined);
    } finally {
      await config.update('expiryWarningDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Expiring Soon lists every expired or expiring object across the listed vaults, with a counted number of requests', async () => {
    // The Vaults view out of sight and no editor open (their reference diagnostics would list vaults too), so
    // nothing else lists meanwhile: the log then holds the scan alone.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    w.api.tree.refresh();
    await w.tree.path('Contoso', 'Contoso Prod');
    // Earlier suites may still have work finishing in the background (a certificate operation whose completion
    // re-lists its vault's groups): wait until the vaults have been quiet for 2.5 s, then measure the scan alone.
    for (let quietSince = Date.now(), deadline = Date.now() + 20_000; Date.now() - quietSince < 2500 && Date.now() < deadline; ) {
      await control('DELETE', '/requests');
      await new Promise((r) => setTimeout(r, 500));
      if ((await control<{ requests: LoggedRequest[] }>('GET', '/requests?plane=vault')).requests.length > 0) quietSince = Date.now();
    }
    await control('DELETE', '/requests');
    w.script.script({ picks: [undefined] });
    const scanStart = Date.now();
    const result = await vscode.commands.executeCommand<ExpiringSoonResult>(ExpiryCommandIds.showExpiringSoon);
    const found = result.entries.map((e) => `${e.vault}/${e.kind}/${e.name}/${e.state}`);
    for (const expected of ['kv-keys-deco/key/old-key/expired', 'kv-keys-deco/certificate/soon-cert/expiring', 'kv-e2e-main/secret/expired-secret/expired', 'kv-e2e-main/secret/expiring-secret/expiring']) {
      assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    }
    assert.ok(!found.some((f) => f.includes('/fine-')), 'healthy objects are not listed');
    assert.ok(!found.some((f) => f.startsWith('kv-keys-deco/secret/off-secret')), 'disabled is not expiring');
    assert.ok(result.failures.some((f) => f.vault === 'kv-e2e-denied'), 'a vault that refuses is reported, not fatal');
    // Soonest first.
    const times = result.entries.map((e) => Date.parse(e.expiresOn));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    // The request count: one list request per page per kind per vault (data plane, successful or refused). A tree
    // listing still in flight from before the scan (the refresh above drops it, the emulator logs it when it ends) is
    // not the scan's: only requests that started after the scan did are counted.
    const logged = (await control<{ requests: LoggedRequest[] }>('GET', '/requests?plane=vault')).requests.filter((r) => Date.parse(r.time) - r.durationMs >= scanStart - 2);
    const lists = logged.filter((r) => r.method === 'GET' && /^\/(secrets|keys|certificates)$/.test(r.path) && r.status !== 401);
    assert.equal(lists.length, result.requests + result.failures.length, `list requests seen: ${lists.map((r) => `${r.vault ?? ''}${r.path} ${r.status}`).join(', ')}`);
    assert.ok(result.requests <= result.vaults * 3 * 40, 'bounded');
    await vscode.commands.executeCommand('azureKeyVault.vaults.focus');
    const pick = w.script.picked.at(-1)!;
    assert.match(pick.title ?? '', /expiring within 30 days/);
  });

  it('after the scan a vault the tree has not loaded shows its badge', async () => {
    const main = await w.tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main');
    const d = await decoration(main);
    assert.equal(d?.color, 'problemsErrorIcon.foreground');
    assert.match(String(d?.tooltip), /1 expired · 1 expiring within 30 days · 1 disabled · 1 not yet active/);
  });
});
