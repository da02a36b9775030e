// Issue 8 acceptance inside VS Code: "Search Key Vault…" across vaults, the walkthrough. (Portal links: the emulator's
// vaults are local, so Open in Portal refuses them — test/e2e/suite/newuser-ui.test.ts; the links themselves are
// composed by src/azure/portal.ts `portalLink`, test/unit/portal.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, signedInSuite } from './helpers';
import { eventually } from './tree';

describe('search, portal and walkthrough', () => {
  const s = signedInSuite();

  it('finds a secret by part of its name across vaults and reveals it in the tree', async () => {
    const offered: string[] = [];
    const matches: string[] = [];
    s.api.ui.use({
      ...s.realUi,
      showStreamingQuickPick: async (batches) => {
        // The user types "db-pass": VS Code's filter keeps the matching entries; they pick the one in kv-e2e-main.
        const all = [];
        for await (const batch of batches(new AbortController().signal)) all.push(...batch);
        offered.push(...all.map((item) => `${item.label} | ${item.description ?? ''}`));
        const matching = all.filter((item) => item.label.includes('db-pass'));
        matches.push(...matching.map((item) => `${item.label} | ${item.description ?? ''}`));
        return matching.find((item) => item.description?.startsWith('kv-e2e-main'));
      },
    });
    const id = await vscode.commands.executeCommand<string>('azureKeyVault.search');
    assert.match(id, /\/vault\/kv-e2e-main\/secrets\/db-password$/);
    assert.deepEqual(matches.sort(), ['$(lock) db-password | kv-e2e-main · secret', '$(lock) dev-db-password | kv-e2e-dev · secret']);
    // Results came from several vaults and kinds.
    assert.ok(offered.some((o) => o.includes('kv-e2e-paging · secret')));
    assert.ok(offered.some((o) => o.includes('kv-e2e-main · key')));
    assert.ok(offered.some((o) => o.includes('kv-e2e-fabrikam')));
    await eventually(() => Promise.resolve(assert.equal(s.api.treeView.selection[0]?.id, id)));
  });

  it('contributes a walkthrough that opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: { id: string; steps: unknown[] }[] } }).contributes.walkthroughs;
    assert.equal(walkthroughs[0]?.id, 'azureKeyVault.gettingStarted');
    assert.ok(walkthroughs[0].steps.length >= 4);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#azureKeyVault.gettingStarted`, false);
  });
});
