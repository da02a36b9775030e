// Subscription filter (persisted, reflected at once) and the name-prefix filter of a vault group.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Ui } from '../../../src/ui';
import { activateExtension, signedIn } from './helpers';
import { eventually, TreeReader } from './tree';

describe('subscription and name filters', () => {
  let api: ExtensionApi;
  let realUi: Ui;
  let tree: TreeReader;

  before(async () => {
    ({ api } = await activateExtension());
    realUi = api.services.ui;
    tree = new TreeReader(api);
    await signedIn(() => tree.labels());
  });
  afterEach(() => {
    api.services.ui = realUi;
  });
  after(async () => {
    await vscode.workspace.getConfiguration('azureKeyVault').update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Select Subscriptions… keeps the chosen ones, persists them and updates the tree at once', async () => {
    const offered: string[] = [];
    api.services.ui = {
      ...realUi,
      showQuickPick: async (items) => {
        const all = (await items) as readonly (vscode.QuickPickItem & { picked?: boolean })[];
        offered.push(...all.map((i) => `${i.label}${i.picked ? ' ✓' : ''}`));
        return all.filter((i) => i.label === 'Contoso Prod' || i.label === 'Fabrikam Shared') as never;
      },
    };
    await vscode.commands.executeCommand('azureKeyVault.selectSubscriptions');
    // Every subscription is offered, all checked while nothing is filtered (other suites may add their own).
    for (const seeded of ['Contoso Dev ✓', 'Contoso Prod ✓', 'Fabrikam Shared ✓']) assert.ok(offered.includes(seeded), seeded);
    assert.ok(offered.every((o) => o.endsWith(' ✓')));
    const saved = vscode.workspace.getConfiguration('azureKeyVault').get<string[]>('subscriptions', []);
    assert.equal(saved.length, 2);
    await eventually(async () => assert.deepEqual(await tree.labels(await tree.path('Contoso')), ['Contoso Prod']));
    assert.deepEqual(await tree.labels(await tree.path('Fabrikam')), ['Fabrikam Shared']);
  });

  it('Filter by Name… narrows a group to a name prefix, and clears again', async () => {
    const secrets = await tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main', 'Secrets');
    api.services.ui = { ...realUi, showInputBox: () => Promise.resolve('EXP') };
    await vscode.commands.executeCommand('azureKeyVault.filterGroup', secrets);
    assert.deepEqual(await tree.labels(secrets), ['expired-secret', 'expiring-secret']);
    assert.equal((await tree.item(secrets)).description, 'filter: EXP*');
    api.services.ui = { ...realUi, showInputBox: () => Promise.resolve('') };
    await vscode.commands.executeCommand('azureKeyVault.filterGroup', secrets);
    assert.ok((await tree.labels(secrets)).length > 2);
  });
});
