// Subscription filter (persisted, reflected at once) and the name-prefix filter of a vault group.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { signedInSuite } from './helpers';
import { eventually } from './tree';

describe('subscription and name filters', () => {
  const s = signedInSuite();
  after(async () => {
    await vscode.workspace.getConfiguration('azureKeyVault').update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Select Subscriptions… keeps the chosen ones, persists them and updates the tree at once', async () => {
    const offered: string[] = [];
    s.api.ui.use({
      ...s.realUi,
      showQuickPick: async (items) => {
        const all = (await items) as readonly (vscode.QuickPickItem & { picked?: boolean })[];
        offered.push(...all.map((i) => `${i.label}${i.picked ? ' ✓' : ''}`));
        return all.filter((i) => i.label === 'Contoso Prod' || i.label === 'Fabrikam Shared') as never;
      },
    });
    await vscode.commands.executeCommand('azureKeyVault.selectSubscriptions');
    // Every subscription is offered, all checked while nothing is filtered (other suites may add their own).
    for (const seeded of ['Contoso Dev ✓', 'Contoso Prod ✓', 'Fabrikam Shared ✓']) assert.ok(offered.includes(seeded), seeded);
    assert.ok(offered.every((o) => o.endsWith(' ✓')));
    const saved = vscode.workspace.getConfiguration('azureKeyVault').get<string[]>('subscriptions', []);
    assert.equal(saved.length, 2);
    await eventually(async () => assert.deepEqual(await s.tree.labels(await s.tree.path('Contoso')), ['Contoso Prod']));
    assert.deepEqual(await s.tree.labels(await s.tree.path('Fabrikam')), ['Fabrikam Shared']);
  });

  it('Filter by Name… narrows a group to a name prefix, and clears again', async () => {
    const secrets = await s.tree.path('Contoso', 'Contoso Prod', 'kv-e2e-main', 'Secrets');
    s.api.ui.use({ ...s.realUi, showInputBox: () => Promise.resolve('EXP') });
    await vscode.commands.executeCommand('azureKeyVault.filterGroup', secrets);
    assert.deepEqual(await s.tree.labels(secrets), ['expired-secret', 'expiring-secret']);
    assert.equal((await s.tree.item(secrets)).description, 'filter: EXP*');
    s.api.ui.use({ ...s.realUi, showInputBox: () => Promise.resolve('') });
    await vscode.commands.executeCommand('azureKeyVault.filterGroup', secrets);
    assert.ok((await s.tree.labels(secrets)).length > 2);
  });
});
