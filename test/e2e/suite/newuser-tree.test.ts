// Issue 14 items 3 and 4 inside VS Code: one rule and one day count for the expiry badges (an item's badge is the day
// count of its description; a group's badge counts its coloured rows; the vault's badge is the sum of what is known of
// its groups and survives a refresh), and tooltips / version rows without internals up front. Seeds its own vault.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExpiryCommandIds } from '../../../src/model/commandIds';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { control } from './emulator';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually, labelText } from './tree';

const SUBSCRIPTION = 'NewUser Tree E2E';
const SUBSCRIPTION_ID = 'e2e14000-0000-4000-8000-0000000000a3';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-nu-tree';
/** A vault the tree does not expand before "Expiring Soon…" (known from the scan only). */
const SCANNED = 'kv-nu-tree-scan';
/** A vault whose groups are expanded one by one (no scan). */
const GROWING = 'kv-nu-tree-grow';

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-nu-tree', location: 'westeurope', enableRbacAuthorization: true,
        secrets: [
          { name: 'fine-secret', versions: [{ value: 'fine' }] },
          { name: 'soon-5', versions: [{ value: 'old', exp: '+300d' }, { value: 'five', exp: '+5d' }] },
          { name: 'soon-10', versions: [{ value: 'ten', exp: '+10d' }] },
        ],
        keys: [
          { name: 'fine-key', kty: 'EC' },
          { name: 'old-key', kty: 'EC', exp: '-3d' },
          { name: 'soon-key', kty: 'EC', exp: '+7d' },
        ],
        // Its secret and key are listed too (managed by the certificate).
        certificates: [{ name: 'soon-cert', subject: 'CN=soon.nu-tree.e2e', keyType: 'EC', notBefore: '-300d', expires: '+20d' }],
      },
      {
        name: SCANNED, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-nu-tree', location: 'westeurope', enableRbacAuthorization: true,
        secrets: [{ name: 'gone-secret', versions: [{ value: 'gone', exp: '-1d' }] }, { name: 'fine-secret', versions: [{ value: 'fine' }] }],
        keys: [{ name: 'soon-key', kty: 'EC', exp: '+3d' }],
      },
      {
        name: GROWING, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-nu-tree', location: 'westeurope', enableRbacAuthorization: true,
        secrets: [{ name: 'gone-secret', versions: [{ value: 'gone', exp: '-1d' }] }, { name: 'soon-secret', versions: [{ value: 'soon', exp: '+4d' }] }],
        keys: [{ name: 'soon-key', kty: 'EC', exp: '+3d' }],
      },
    ],
  });
}

describe('newuser-tree: one rule for badges, readable tooltips and version rows (emulator)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  after(() => {
    if (w) w.api.ui.reset();
  });
  afterEach(() => w.script.assertDone());

  const spec = async (node: TreeNode) => {
    const item = await w.tree.item(node);
    assert.ok(item.resourceUri, `no resourceUri on ${node.id}`);
    return w.api.services.decorations.specFor(item.resourceUri);
  };
  const iconColor = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.color?.id : undefined);
  const urgent = (color: string | undefined) => color === 'problemsErrorIcon.foreground' || color === 'problemsWarningIcon.foreground';

  it('3: an item badge is the day count of its description', async () => {
    const secrets = await w.node(VAULT, 'Secrets');
    const keys = await w.node(VAULT, 'Keys');
    for (const [group, name] of [[secrets, 'soon-5'], [secrets, 'soon-10'], [keys, 'soon-key']] as const) {
      const node = await w.tree.child(group, name);
      const description = String((await w.tree.item(node)).description);
      const days = /expires in (\d+) days/.exec(description)?.[1];
      assert.ok(days, `${name}: "${description}"`);
      const d = await spec(node);
      assert.equal(d?.badge, days, `${name}: badge ${d?.badge} vs "${description}"`);
      assert.equal(d?.tooltip, `Expires in ${days} days`);
    }
  });

  it('3: a group badge counts its coloured rows; Keys with an expired and an expiring key has a badge', async () => {
    for (const groupLabel of ['Secrets', 'Keys', 'Certificates']) {
      const group = await w.node(VAULT, groupLabel);
      let coloured = 0;
      for (const node of await w.tree.children(group)) {
        const item = await w.tree.item(node);
        const d = item.resourceUri ? w.api.services.decorations.specFor(item.resourceUri) : undefined;
        if (urgent(iconColor(item)) || urgent(d?.color)) coloured++;
      }
      const badge = (await spec(group))?.badge;
      assert.equal(badge ?? '0', String(coloured), `${groupLabel}: badge ${badge} but ${coloured} coloured rows`);
    }
    // The key a certificate manages says its state in words, uncoloured and uncounted: the certificate stands for it.
    const managed = await w.tree.item(await w.node(VAULT, 'Keys', 'soon-cert'));
    assert.match(String(managed.description), /managed by certificate · expires in \d+ days/);
    assert.equal(iconColor(managed), undefined);
    assert.equal(w.api.services.decorations.specFor(managed.resourceUri!), undefined);
    const keys = await spec(await w.node(VAULT, 'Keys'));
    assert.deepEqual({ badge: keys?.badge, color: keys?.color }, { badge: '2', color: 'problemsErrorIcon.foreground' });
  });

  it('3: a vault badge never grows as its groups are expanded: none until all three are known, then their sum', async () => {
    const vaultBadge = async () => (await spec(await w.node(GROWING)))?.badge;
    const seen: (string | undefined)[] = [await vaultBadge()];
    for (const g of ['Secrets', 'Keys', 'Certificates']) {
      await w.tree.children(await w.node(GROWING, g));
      seen.push(await vaultBadge());
    }
    assert.deepEqual(seen, [undefined, undefined, undefined, '3']);
    w.api.tree.refresh();
    assert.equal(await vaultBadge(), '3', 'after a refresh');
  });

  it('3: the vault badge is the sum of its groups, stable across a refresh and after a scan as groups expand', async () => {
    const sumOfGroups = async () => {
      let n = 0;
      for (const g of ['Secrets', 'Keys', 'Certificates']) n += Number((await spec(await w.node(VAULT, g)))?.badge ?? 0);
      return String(n);
    };
    const vaultBadge = async () => (await spec(await w.node(VAULT)))?.badge;
    assert.equal(await vaultBadge(), await sumOfGroups());
    assert.equal(await vaultBadge(), '5');
    // A refresh of the whole tree: the vault keeps its badge (last known roll-ups until each group reloads).
    w.api.tree.refresh();
    assert.equal(await vaultBadge(), '5', 'after a refresh');

    // A vault known from "Expiring Soon…" only: its badge survives a refresh and does not change as its groups load.
    const scannedBadge = async () => (await spec(await w.node(SCANNED)))?.badge;
    w.script.script({ picks: [undefined] });
    await vscode.commands.executeCommand(ExpiryCommandIds.showExpiringSoon);
    await vscode.commands.executeCommand('azureKeyVault.vaults.focus');
    assert.equal(await scannedBadge(), '2', 'after the scan');
    assert.equal(await vaultBadge(), '5', 'the scanned vault that was loaded');
    w.api.tree.refresh();
    assert.equal(await scannedBadge(), '2', 'after the scan and a refresh');
    const seen: string[] = [];
    for (const g of ['Secrets', 'Keys', 'Certificates']) {
      await w.tree.children(await w.node(SCANNED, g));
      seen.push(String(await scannedBadge()));
    }
    assert.deepEqual(seen, ['2', '2', '2'], 'as its groups load');
    for (const g of ['Secrets', 'Keys', 'Certificates']) await w.tree.children(await w.node(VAULT, g));
    assert.equal(await vaultBadge(), '5', 'after the groups reloaded');
    assert.equal(await sumOfGroups(), '5');
  });

  it('4: group tooltips show no raw id', async () => {
    const vault = await w.node(VAULT);
    for (const node of await w.tree.children(vault)) {
      const item = await w.tree.item(node);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      // Without a tooltip of its own VS Code shows the row's resource URI (its raw node id).
      assert.ok(tooltip, `${labelText(item)}: a tooltip of its own`);
      assert.doesNotMatch(String(tooltip), /%2F|tenant|\/vault\/|keyvault-tree/i, `${labelText(item)}: ${String(tooltip)}`);
    }
  });

  it('4: version rows lead with the date, then "current", then the short id', async () => {
    const versions = await eventually(async () => {
      const v = await w.tree.children(await w.node(VAULT, 'Secrets', 'soon-5'));
      assert.equal(v.length, 2);
      return v;
    });
    const [current, older] = await Promise.all(versions.map((v) => w.tree.item(v)));
    for (const item of [current!, older!]) {
      assert.match(labelText(item), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, `label "${labelText(item)}" is the date`);
      assert.match(String(item.description), /(^|· )[0-9a-f]{8}$/, `description "${String(item.description)}" ends with the short id`);
    }
    assert.match(String(current!.description), /^current · /);
    assert.doesNotMatch(String(older!.description), /current/);
  });
});
