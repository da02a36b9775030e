// Issue 4 acceptance inside VS Code: the real vscode.authentication path (the companion extension is the
// `microsoft` provider, backed by the emulator), tenants → subscriptions → vaults → groups → items → versions,
// paging, failures as nodes, attached vaults, sign-out. Names come from emulator/seeds/e2e.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import { clearRequests, control, emulatorInfo, requests } from './emulator';
import { activateExtension } from './helpers';
import { eventually, labelText, TreeReader } from './tree';

describe('browse with the VS Code account (emulator)', function () {
  let api: ExtensionApi;
  let tree: TreeReader;

  before(async () => {
    ({ api } = await activateExtension());
    tree = new TreeReader(api);
  });

  it('shows the welcome (an empty tree) while signed out', async () => {
    await vscode.commands.executeCommand('kvEmulatorAuth.signOut');
    await eventually(async () => assert.deepEqual(await tree.labels(), []));
  });

  it('signing in through VS Code shows both tenants', async () => {
    await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
    await eventually(async () => assert.deepEqual(await tree.labels(), ['Contoso', 'Fabrikam']));
    assert.equal(api.treeView.description, 'e2e@contoso.onmicrosoft.com');
  });

  it('a directory that needs its own sign-in (MFA, guest) shows a node that signs in to it', async () => {
    const fabrikam = emulatorInfo().tenants.find((t) => t.displayName === 'Fabrikam')!.id;
    const [node, ...rest] = await tree.children(await tree.path('Fabrikam'));
    assert.equal(rest.length, 0);
    const item = await tree.item(node!);
    assert.equal(labelText(item), 'Sign in to Fabrikam…');
    assert.equal(item.command?.command, 'azureKeyVault.signInToTenant');
    assert.deepEqual(item.command?.arguments, [fabrikam]);
    // The user completes that sign-in (VS Code's own flow; its consent dialog is refused in smoke-test mode, so
    // the companion completes it as the browser sign-in would): the session change refreshes the tree.
    await vscode.commands.executeCommand('kvEmulatorAuth.completeTenantSignIn', fabrikam);
    await eventually(async () => assert.deepEqual(await tree.labels(await tree.path('Fabrikam')), ['Fabrikam Shared']));
  });

  it('lists the subscriptions of each tenant (a Fabrikam token for Fabrikam)', async () => {
    assert.deepEqual(await tree.labels(await tree.path('Contoso')), ['Contoso Dev', 'Contoso Prod']);
    assert.deepEqual(await tree.labels(await tree.path('Fabrikam')), ['Fabrikam Shared']);
    assert.deepEqual(await tree.labels(await tree.path('Fabrikam', 'Fabrikam Shared')), ['kv-e2e-fabrikam']);
  });

  it('lists the vaults (and the Managed HSM) of a subscription with resource group and location', async () => {
    const prod = await tree.path('Contoso', 'Contoso Prod');
    assert.deepEqual(await tree.labels(prod), ['hsm-e2e-main', 'kv-e2e-denied', 'kv-e2e-main', 'kv-e2e-paging']);
    const main = await tree.hovered(await tree.child(prod, 'kv-e2e-main'));
    assert.equal(main.description, 'rg-e2e · westeurope');
    assert.match((main.tooltip as vscode.MarkdownString).value, /Soft delete: on, 7 days retention/);
    assert.match(String(main.contextValue), /^vault;arm/);
  });

  it('lists the vaults of every subscription of a directory with one Resource Graph query: the next expansion costs no request', async () => {
    // Refreshing the directory makes a new listing (the rest of the tree stays loaded for the tests below).
    await clearRequests();
    api.tree.refresh(await tree.path('Contoso'));
    // Contoso's vault listings only (the view itself may expand rows too: whoever asks, the count is the same).
    const contoso = emulatorInfo().tenants.find((t) => t.displayName === 'Contoso')!.id;
    const listings = async () =>
      (await requests({ plane: 'arm' })).filter((r) => r.tokenTenant === contoso && /ResourceGraph|KeyVault\/(vaults|managedHSMs)$/.test(r.path)).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(await tree.labels(await tree.path('Contoso', 'Contoso Prod')), ['hsm-e2e-main', 'kv-e2e-denied', 'kv-e2e-main', 'kv-e2e-paging']);
    assert.deepEqual(await listings(), ['POST /providers/Microsoft.ResourceGraph/resources'], 'one query for both Contoso subscriptions');
    assert.ok((await tree.labels(await tree.path('Contoso', 'Contoso Dev'))).includes('kv-e2e-dev'));
    assert.deepEqual(await listings(), ['POST /providers/Microsoft.ResourceGraph/resources'], 'expanding Contoso Dev sent nothing');
  });

  it("shows a vault's groups and its secrets with their states, never a value", async () => {
    const vault = await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main');
    assert.deepEqual(await tree.labels(vault), ['Secrets', 'Keys', 'Certificates', 'Deleted']);
    const secrets = await tree.child(vault, 'Secrets');
    const shown = new Map<string, vscode.TreeItem>();
    for (const n of await tree.children(secrets)) {
      const item = await tree.item(n);
      shown.set(labelText(item), item);
    }
    assert.deepEqual([...shown.keys()], ['api-key', 'db-password', 'disabled-secret', 'expired-secret', 'expiring-secret', 'future-secret', 'web-cert']);
    assert.equal(shown.get('api-key')!.description, 'application/json');
    // The secret that holds the certificate web-cert's private key, as the service lists it.
    assert.equal(shown.get('web-cert')!.description, 'managed by certificate');
    assert.match(String(shown.get('disabled-secret')!.description), /disabled/);
    assert.match(String(shown.get('expired-secret')!.description), /expired 2 days ago/);
    assert.match(String(shown.get('expiring-secret')!.description), /expires in [45] days/);
    assert.match(String(shown.get('future-secret')!.description), /active in [23] days/);
    assert.match(String(shown.get('expired-secret')!.contextValue), /^secret;enabled;expired/);
  });

  it('lists versions newest first with the current one marked', async () => {
    const versions = await tree.children(await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main', 'Secrets', 'db-password'));
    assert.equal(versions.length, 3);
    const items = await Promise.all(versions.map((v) => tree.item(v)));
    assert.match(String(items[0]!.description), /current/);
    assert.ok(items.slice(1).every((i) => !/current/.test(String(i.description))));
  });

  it('shows keys, certificates and deleted objects', async () => {
    const vault = await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main');
    const keys = await tree.children(await tree.child(vault, 'Keys'));
    const keyItems = await Promise.all(keys.map((k) => tree.item(k)));
    assert.deepEqual(keyItems.map((k) => [labelText(k), k.description]), [['ec-key', ''], ['rsa-key', ''], ['web-cert', 'managed by certificate']]);
    assert.equal((await tree.children(keys[1])).length, 2, 'rsa-key has 2 versions');
    assert.deepEqual(await tree.labels(await tree.child(vault, 'Certificates')), ['web-cert']);
    const deleted = await tree.child(vault, 'Deleted');
    assert.deepEqual(await tree.labels(await tree.child(deleted, 'Deleted secrets')), ['old-secret']);
    assert.deepEqual(await tree.labels(await tree.child(deleted, 'Deleted keys')), ['old-key']);
  });

  it('pages 60 secrets with "Load more…": 3 list requests, one auth challenge', async () => {
    await clearRequests();
    const secrets = await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-paging', 'Secrets');
    let labels = await tree.labels(secrets);
    assert.equal(labels.length, 26);
    assert.equal(labels.at(-1), 'Load more…');
    for (const expected of [51, 60]) {
      const more = (await tree.children(secrets)).at(-1)!;
      await vscode.commands.executeCommand('azureKeyVault.loadMore', more);
      labels = await tree.labels(secrets);
      assert.equal(labels.filter((l) => l.startsWith('secret-')).length, expected === 51 ? 50 : 60);
    }
    assert.ok(!labels.includes('Load more…'));
    const logged = await requests({ vault: 'kv-e2e-paging' });
    // At most one auth challenge: none once another local vault's challenge named the scope, since ARM listed this
    // vault and so its tenant is known (the presumed challenge, src/azure/sharedChallenge.ts).
    assert.ok(logged.filter((r) => r.status === 401).length <= 1, 'at most one challenge for the vault');
    assert.equal(logged.filter((r) => r.status === 200 && r.method === 'GET').length, 3, 'three pages');
  });

  it('shows a 403 as one "No access" node and the rest of the tree still loads', async () => {
    const denied = await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-denied', 'Secrets');
    const [node, ...rest] = await tree.children(denied);
    assert.equal(rest.length, 0);
    const item = await tree.item(node!);
    assert.equal(labelText(item), 'No access: RBAC role missing — Learn more');
    assert.equal(item.command?.command, 'vscode.open');
    const firewall = await tree.children(await tree.path('Contoso', 'Contoso Dev', 'kv-e2e-firewall', 'Secrets'));
    assert.equal(labelText(await tree.item(firewall[0]!)), 'No access: firewall — Learn more');
    assert.ok((await tree.labels(await tree.path('Contoso', 'Contoso Dev', 'kv-e2e-dev', 'Secrets'))).length > 0);
  });

  it('shows a service failure as an error node whose click retries', async function () {
    this.timeout(60_000); // the SDK retries a 500 three times (about 7 s) before it gives up
    const secrets = await tree.path('Contoso', 'Contoso Dev', 'kv-e2e-dev', 'Secrets');
    await control('POST', '/faults', { match: { vault: 'kv-e2e-dev', method: 'GET' }, action: 'status', status: 500 });
    try {
      api.tree.refresh(secrets);
      const [node, ...rest] = await tree.children(secrets);
      assert.equal(rest.length, 0);
      const item = await tree.item(node!);
      assert.match(labelText(item), / — Retry$/);
      assert.equal(item.command?.command, 'azureKeyVault.refresh');
      await control('DELETE', '/faults');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      assert.ok((await tree.labels(secrets)).includes('dev-db-password'));
    } finally {
      await control('DELETE', '/faults');
    }
  });

  it('browses an attached vault through the data plane only (no ARM call)', async () => {
    const url = emulatorInfo().vaults['kv-e2e-dev'];
    assert.ok(url);
    const realUi = api.ui.real;
    api.ui.use({ ...realUi, showInputBox: () => Promise.resolve(url) });
    try {
      await clearRequests();
      await vscode.commands.executeCommand('azureKeyVault.attachVault');
      const attached = await tree.child(undefined, 'Attached Vaults');
      assert.equal((await requests({ plane: 'arm' })).length, 0, 'attaching calls no ARM API');
      const [vault] = await tree.children(attached);
      assert.ok(vault);
      const secrets = await tree.labels(await tree.child(vault, 'Secrets'));
      assert.ok(secrets.length > 0);
      assert.equal((await requests({ plane: 'arm' })).length, 0, 'no ARM request for an attached vault');
      await vscode.commands.executeCommand('azureKeyVault.detachVault', vault);
    } finally {
      api.ui.reset();
    }
  });

  it('asks VS Code for the right scope and tenant per call (ARM vs vault; Fabrikam token for Fabrikam)', async () => {
    const info = emulatorInfo();
    const fabrikam = info.tenants.find((t) => t.displayName === 'Fabrikam')!.id;
    const contoso = info.tenants.find((t) => t.displayName === 'Contoso')!.id;
    await clearRequests();
    api.tree.refresh();
    assert.deepEqual(await tree.labels(await tree.path('Fabrikam', 'Fabrikam Shared')), ['kv-e2e-fabrikam']);
    assert.ok((await tree.labels(await tree.path('Fabrikam', 'Fabrikam Shared', 'kv-e2e-fabrikam', 'Secrets'))).length > 0);
    const logged = (await requests()).filter((r) => r.tokenTenant);
    const arm = logged.filter((r) => r.plane === 'arm');
    assert.ok(arm.length > 0 && arm.every((r) => r.tokenAudience === info.audiences.arm), 'ARM calls carry ARM tokens');
    assert.ok(arm.some((r) => /^\/subscriptions\/?$/.test(r.path) && r.tokenTenant === fabrikam), 'Fabrikam subscriptions listed with a Fabrikam token');
    assert.ok(arm.some((r) => r.path === '/tenants' && r.tokenTenant === contoso), 'tenants listed with a home-tenant token');
    const vault = logged.filter((r) => r.vault === 'kv-e2e-fabrikam');
    assert.ok(vault.length > 0 && vault.every((r) => r.tokenTenant === fabrikam && r.tokenAudience === info.audiences.vault), 'vault calls carry Fabrikam vault tokens');
  });

  it('signing out empties the tree back to the welcome view', async () => {
    await vscode.commands.executeCommand('kvEmulatorAuth.signOut');
    await eventually(async () => assert.deepEqual(await tree.labels(), []));
    assert.equal(api.treeView.description, undefined);
  });
});
