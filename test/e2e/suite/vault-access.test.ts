// Issue 22 inside VS Code against the emulator, whose data plane decides from its role assignments and access
// policies: a Secrets User sees secrets but no write command (the rows' context keys, judged with package.json's own
// menu `when` clauses) and the palette refuses a write with the reason; a user with no data role sees locked groups
// with the reason and no data-plane request is made; as Owner they grant themselves Secrets Officer and the write
// commands appear after the refresh; an access-policy vault's report matches its seeded policy; the access check
// costs at most 2 ARM calls per vault, once per session, again on refresh; the firewall verdict names the client
// address the vault's answers carry. Seeds its own subscription and vaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VaultAccess } from '../../../src/model/access';
import { AccessCommandIds, SecretCommandIds } from '../../../src/model/commandIds';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { control, type LoggedRequest } from './emulator';
import { hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually, labelText } from './tree';

const SUBSCRIPTION = 'Access E2E';
const SUBSCRIPTION_ID = 'e2e22000-0000-4000-8000-0000000000a1';
const TENANT = 'e2e0c000-0000-4000-8000-000000000001';
const USER = 'e2e0b000-0000-4000-8000-000000000001';
const READER_VAULT = 'kv-access-reader';
const NONE_VAULT = 'kv-access-none';
const POLICY_VAULT = 'kv-access-policy';
const SLOW_VAULT = 'kv-access-slow';
const FIREWALL_IN_VAULT = 'kv-access-fw-in';
const FIREWALL_OUT_VAULT = 'kv-access-fw-out';
const POLICY = { tenantId: TENANT, objectId: USER, permissions: { secrets: ['get', 'list'], keys: ['list'], certificates: [] as string[] } };

async function seed(): Promise<void> {
  if (await hasVault(READER_VAULT)) return;
  const vault = (name: string, extra: Record<string, unknown>) => ({
    name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-access', location: 'westeurope', softDeleteRetentionInDays: 7, ...extra,
  });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: TENANT }],
    vaults: [
      vault(READER_VAULT, { roleAssignments: [{ principalId: USER, role: 'Key Vault Secrets User' }], secrets: [{ name: 'acc-readable', versions: [{ value: 'readable' }] }] }),
      vault(NONE_VAULT, { roleAssignments: [{ principalId: USER, role: 'Owner' }], secrets: [{ name: 'acc-hidden', versions: [{ value: 'hidden' }] }] }),
      vault(SLOW_VAULT, { roleAssignments: [{ principalId: USER, role: 'Key Vault Secrets User' }] }),
      vault(POLICY_VAULT, { enableRbacAuthorization: false, accessPolicies: [POLICY], secrets: [{ name: 'acc-policy', versions: [{ value: 'policy' }] }] }),
      vault(FIREWALL_IN_VAULT, { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.0/8' }] }, secrets: [{ name: 'acc-fw', versions: [{ value: 'fw' }] }] }),
      vault(FIREWALL_OUT_VAULT, { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '203.0.113.0/24' }] }, secrets: [{ name: 'acc-fw', versions: [{ value: 'fw' }] }] }),
    ],
  });
}

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
}

/**
 * The commands package.json's `view/item/context` menu shows on a row with this context value: each `when` is a
 * conjunction of `view == …` and `viewItem =~ /…/` terms (anything else fails the test: it could not be judged here).
 */
function shownCommands(contextValue: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } };
  const shown = new Set<string>();
  for (const entry of manifest.contributes.menus['view/item/context'] ?? []) {
    const terms = (entry.when ?? '').split('&&').map((t) => t.trim()).filter(Boolean);
    const ok = terms.every((term) => {
      if (term === 'view == azureKeyVault.vaults') return true;
      const m = /^viewItem =~ \/(.*)\/([a-z]*)$/.exec(term);
      assert.ok(m, `cannot judge the when term "${term}" of ${entry.command}`);
      return new RegExp(m[1]!, m[2]).test(contextValue);
    });
    if (ok) shown.add(entry.command);
  }
  return shown;
}

/** Drawn locked (src/tree/access.ts lockItem): no expander, "no access", the `locked` facet. */
const locked = (item: vscode.TreeItem): boolean => /;locked$/.test(item.contextValue ?? '') && item.description === 'no access' && item.collapsibleState === vscode.TreeItemCollapsibleState.None;

/** The write commands of a secret's row. */
const WRITES = [SecretCommandIds.newVersion, SecretCommandIds.delete, SecretCommandIds.editAttributes, SecretCommandIds.disable];

describe('issue 22: access at a glance — what I may do, why not, how to get it (emulator)', function () {
  this.timeout(180_000);
  let w: ScriptedWorld;

  const vaultNode = (name: string) => w.node(name);
  const group = async (vault: string, label: string): Promise<TreeNode> => w.tree.child(await vaultNode(vault), label);
  const armCalls = async (since: number, vault: string): Promise<LoggedRequest[]> =>
    (await control<{ requests: LoggedRequest[] }>('GET', `/requests?plane=arm&sinceId=${since}&pathContains=${vault}`)).requests.filter((r) => /Microsoft\.Authorization|\/vaults\/[^/]+$/i.test(r.path));

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });

  afterEach(() => w.api.ui.use(w.script.ui));

  it('a Secrets User lists and reads secrets, sees no write command on their rows, and the palette refuses a write with the reason', async () => {
    const secrets = await group(READER_VAULT, 'Secrets');
    const secretsItem = await w.tree.item(secrets);
    assert.ok(!locked(secretsItem), secretsItem.contextValue);
    assert.deepEqual(await w.tree.labels(secrets), ['acc-readable']);
    const row = (await w.tree.children(secrets))[0]!;
    const rowContext = (await w.tree.item(row)).contextValue ?? '';
    const shown = shownCommands(rowContext);
    assert.ok(shown.has(SecretCommandIds.copyValue), `copy value is offered: ${rowContext}`);
    for (const id of WRITES) assert.ok(!shown.has(id), `${id} is hidden on a Secrets User's row (${rowContext})`);
    const vaultContext = (await w.tree.item(await vaultNode(READER_VAULT))).contextValue ?? '';
    assert.ok(!shownCommands(vaultContext).has(SecretCommandIds.create), `Create Secret is hidden on the vault row (${vaultContext})`);
    assert.ok(!shownCommands(secretsItem.contextValue ?? '').has(SecretCommandIds.create), 'and on the Secrets group');
    assert.ok(!shownCommands(vaultContext).has(AccessCommandIds.grantMe), 'Grant Me… is not offered without roleAssignments/write');
    // Keys: a Secrets User may not list them — the group is locked, nothing is asked.
    const keys = await w.tree.item(await group(READER_VAULT, 'Keys'));
    assert.ok(locked(keys), keys.contextValue);
    assert.equal((keys.iconPath as vscode.ThemeIcon).id, 'lock');

    // The report names the role.
    const access = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.showMyAccess, await vaultNode(READER_VAULT));
    assert.equal(access.model, 'rbac');
    assert.ok(access.roles.some((r) => r.name === 'Key Vault Secrets User'), JSON.stringify(access.roles));
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, /Key Vault Secrets User/);
    assert.match(report, new RegExp(USER));

    // From the palette: refused before any request, with the reason and the ways out.
    const cursor = await logCursor();
    w.script.script({ picks: [READER_VAULT] });
    await vscode.commands.executeCommand(SecretCommandIds.create);
    const error = w.script.errors.at(-1) ?? '';
    assert.match(error, /not allowed in kv-access-reader/);
    assert.match(error, /Key Vault Secrets User/);
    assert.match(error, /Key Vault Secrets Officer/);
    assert.ok(w.script.errorButtons.at(-1)?.includes('Request Access…'));
    assert.deepEqual(await requestsSince(cursor, READER_VAULT), [], 'no data-plane request');
  });

  it('with no data role the groups are locked with the reason, and no data-plane request is made', async () => {
    const cursor = await logCursor();
    const secrets = await group(NONE_VAULT, 'Secrets');
    const item = await w.tree.item(secrets);
    assert.ok(locked(item), item.contextValue);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.equal(item.description, 'no access');
    assert.match(typeof item.tooltip === 'string' ? item.tooltip : '', /No role you hold on this vault allows you to list secrets|do not allow you to list/);
    assert.match(typeof item.tooltip === 'string' ? item.tooltip : '', /Key Vault (Secrets User|Reader)/);
    assert.deepEqual(await w.tree.children(secrets), []);
    for (const label of ['Keys', 'Certificates']) assert.ok(locked(await w.tree.item(await group(NONE_VAULT, label))), label);
    assert.deepEqual(await requestsSince(cursor, NONE_VAULT), [], 'not one data-plane request (none failed)');
    // Owner may assign roles: Grant Me… is offered on the vault and on the locked groups.
    assert.ok(shownCommands((await w.tree.item(await vaultNode(NONE_VAULT))).contextValue ?? '').has(AccessCommandIds.grantMe));
    assert.ok(shownCommands(item.contextValue ?? '').has(AccessCommandIds.grantMe));
  });

  it('an Owner grants themselves Key Vault Secrets Officer: after the confirmation the groups open and the write commands appear', async () => {
    const cursor = await logCursor();
    w.script.script({ picks: ['Key Vault Secrets Officer'], confirms: ['Assign'] });
    const after = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.grantMe, await vaultNode(NONE_VAULT));
    w.script.assertDone();
    const confirm = w.script.confirms.at(-1)!;
    assert.match(confirm.message, /Assign Key Vault Secrets Officer on kv-access-none/);
    assert.match(confirm.detail, /propagat|few minutes/i);
    assert.equal(after.capabilities.secret.write, true);
    const puts = (await control<{ requests: LoggedRequest[] }>('GET', `/requests?plane=arm&sinceId=${cursor}&method=PUT`)).requests;
    assert.equal(puts.filter((r) => /roleAssignments/i.test(r.path) && r.status < 300).length, 1, 'one role assignment created');
    w.api.tree.refresh();
    const secrets = await eventually(async () => {
      const node = await group(NONE_VAULT, 'Secrets');
      assert.ok(!locked(await w.tree.item(node)));
      return node;
    });
    assert.deepEqual(await w.tree.labels(secrets), ['acc-hidden']);
    const rowContext = (await w.tree.item((await w.tree.children(secrets))[0]!)).contextValue ?? '';
    for (const id of WRITES) assert.ok(shownCommands(rowContext).has(id), `${id} is offered now (${rowContext})`);
    const groupContext = (await w.tree.item(secrets)).contextValue ?? '';
    assert.ok(shownCommands(groupContext).has(SecretCommandIds.create), `Create Secret is offered on the group now (${groupContext})`);
  });

  it("an access-policy vault's report matches its seeded policy", async () => {
    const access = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.showMyAccess, await vaultNode(POLICY_VAULT));
    assert.equal(access.model, 'accessPolicy');
    assert.equal(access.policies.length, 1);
    assert.deepEqual([...(access.policies[0]!.permissions.secrets ?? [])], POLICY.permissions.secrets);
    assert.equal(access.capabilities.secret.list, true);
    assert.equal(access.capabilities.secret.read, true);
    assert.equal(access.capabilities.secret.write, false);
    assert.equal(access.capabilities.key.list, true);
    assert.equal(access.capabilities.key.read, false);
    assert.equal(access.capabilities.certificate.list, false);
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, /access polic/i);
    assert.match(report, new RegExp(USER));
    assert.ok(locked(await w.tree.item(await group(POLICY_VAULT, 'Certificates'))));
    assert.ok(!locked(await w.tree.item(await group(POLICY_VAULT, 'Secrets'))));
    assert.deepEqual(await w.tree.labels(await group(POLICY_VAULT, 'Secrets')), ['acc-policy']);
  });

  it("the firewall verdict names the address the vault saw (x-ms-keyvault-network-info): unknown before its first answer, then allowed or blocked", async () => {
    const before = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.showMyAccess, await vaultNode(FIREWALL_IN_VAULT));
    assert.deepEqual([before.network.state, before.network.state === 'firewall' && before.network.clientIp], ['firewall', undefined], JSON.stringify(before.network));
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Your IP address is not known yet/);
    const cursor = await logCursor();
    const secrets = await group(FIREWALL_IN_VAULT, 'Secrets');
    assert.deepEqual(await w.tree.labels(secrets), ['acc-fw'], 'the firewall lets 127.0.0.1 in');
    const known = await eventually(() => {
      const access = w.api.services.access.known(w.vaultUrl(FIREWALL_IN_VAULT));
      assert.ok(access?.network.state === 'firewall' && access.network.clientIp === '127.0.0.1', JSON.stringify(access?.network));
      return Promise.resolve(access);
    });
    assert.equal(known.network.state === 'firewall' && known.network.allowed, true);
    // The address only redraws the vault's row: its groups and their listings are kept (no second listing).
    assert.deepEqual(await w.tree.labels(await group(FIREWALL_IN_VAULT, 'Secrets')), ['acc-fw']);
    assert.deepEqual((await requestsSince(cursor, FIREWALL_IN_VAULT)).filter((r) => !r.startsWith('401 ')).map((r) => r.replace(/\?.*$/, '').replace(/\/$/, '')), ['200 GET /secrets']);
    const inside = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.showMyAccess, await vaultNode(FIREWALL_IN_VAULT));
    assert.ok(inside.network.state === 'firewall' && inside.network.matchedRule === '127.0.0.0/8');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Your IP address `127\.0\.0\.1` is allowed by the rule `127\.0\.0\.0\/8`/);
    const tooltip = (await w.tree.hovered(await vaultNode(FIREWALL_IN_VAULT))).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value.replace(/\\/g, ''), /firewall on, your address 127\.0\.0\.1 is allowed/, tooltip.value);

    // The other vault's firewall refuses the listing (403 ForbiddenByFirewall); its answer names the address all the same.
    await w.tree.children(await group(FIREWALL_OUT_VAULT, 'Secrets'));
    const outside = await eventually(async () => {
      const access = await vscode.commands.executeCommand<VaultAccess>(AccessCommandIds.showMyAccess, await vaultNode(FIREWALL_OUT_VAULT));
      assert.ok(access.network.state === 'firewall' && access.network.clientIp === '127.0.0.1' && access.network.allowed === false, JSON.stringify(access.network));
      return access;
    });
    assert.equal(outside.capabilities.secret.list, true, 'the network never locks: the role allows it');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Your IP address `127\.0\.0\.1` matches no rule: the firewall blocks you/);
  });

  it('Request Access… copies a ready-to-send message: the vault, the permissions to add, the object id, the az line', async () => {
    w.script.script({ picks: ['Key Vault Secrets Officer'] });
    const message = await vscode.commands.executeCommand<string>(AccessCommandIds.requestAccess, await vaultNode(POLICY_VAULT));
    w.script.assertDone();
    assert.equal(await vscode.env.clipboard.readText(), message);
    assert.match(message, /kv-access-policy/);
    assert.match(message, new RegExp(USER));
    assert.match(message, /az keyvault set-policy --name kv-access-policy .*--object-id e2e0b000-0000-4000-8000-000000000001 --secret-permissions [a-z ]*set/);
    w.script.script({ picks: ['Key Vault Crypto User'] });
    const rbac = await vscode.commands.executeCommand<string>(AccessCommandIds.requestAccess, await vaultNode(READER_VAULT));
    assert.match(rbac, /az role assignment create --role "Key Vault Crypto User" --assignee-object-id e2e0b000-0000-4000-8000-000000000001 --assignee-principal-type User --scope \/subscriptions\/e2e22000-0000-4000-8000-0000000000a1\/resourceGroups\/rg-access\/providers\/Microsoft\.KeyVault\/vaults\/kv-access-reader/);
  });

  it('a slow ARM does not hold a vault shut: its groups show unchecked, then follow the verdict when it comes', async () => {
    await control('POST', '/faults', { match: { plane: 'arm', pathRegex: `${SLOW_VAULT}/providers/Microsoft\\.Authorization/permissions` }, action: 'latency', latencyMs: 9000, count: 1 });
    const node = await vaultNode(SLOW_VAULT);
    const groups = await w.tree.children(node);
    assert.equal(w.api.services.access.known(w.vaultUrl(SLOW_VAULT)), undefined, 'the check is still running');
    const keys = groups.find((g) => g.id.endsWith('/keys'))!;
    assert.ok(!locked(await w.tree.item(keys)), 'nothing is locked on a guess');
    await eventually(async () => {
      const again = await w.tree.child(await vaultNode(SLOW_VAULT), 'Keys');
      assert.ok(locked(await w.tree.item(again)), 'locked once the verdict came');
    }, 20_000);
  });

  it('the access check costs at most 2 ARM calls per vault, once per session, and again on refresh', async () => {
    const name = READER_VAULT;
    const node = await vaultNode(name);
    let cursor = await logCursor();
    await w.tree.children(node);
    assert.deepEqual(await armCalls(cursor, name), [], 'cached: expanding again asks nothing');
    cursor = await logCursor();
    w.api.tree.refresh(node);
    await w.tree.children(await vaultNode(name));
    const calls = await armCalls(cursor, name);
    assert.ok(calls.length >= 1 && calls.length <= 2, `a refresh asks again, in at most 2 calls: ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
    assert.equal(labelText(await w.tree.item(node)), name);
  });
});
