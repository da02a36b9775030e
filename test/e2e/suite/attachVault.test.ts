import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi as ExtensionApi } from '../../../src/testApi';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { Ui } from '../../../src/platform/ui';
import { activateExtension } from './helpers';

/** A Ui whose input box answers with the given text, after checking it with the command's own validator. */
function typing(text: string, seen: { validation?: string | null }): Partial<Ui> {
  return {
    showInputBox: async (options) => {
      const verdict = await options.validateInput?.(text);
      seen.validation = typeof verdict === 'string' ? verdict : (verdict?.message ?? null);
      return verdict ? undefined : text;
    },
  };
}

async function attachedNode(api: ExtensionApi, id: string): Promise<TreeNode> {
  const group = (await api.tree.getChildren()).find((n) => n.id === 'attached');
  assert.ok(group, 'no "Attached Vaults" group');
  const node = (await api.tree.getChildren(group)).find((n) => n.id === id);
  assert.ok(node, `no ${id} under Attached Vaults`);
  return node;
}

describe('attach a vault by URL', () => {
  let api: ExtensionApi;
  let realUi: Ui;

  before(async () => {
    ({ api } = await activateExtension());
    realUi = api.ui.real;
  });
  afterEach(() => {
    api.ui.reset();
  });

  it('adds the vault to the tree, shown by name and host', async () => {
    const seen: { validation?: string | null } = {};
    api.ui.use({ ...realUi, ...typing('contoso-app.vault.azure.net/', seen) });
    // The command returns the id of the node it revealed.
    const id = await vscode.commands.executeCommand<string>('azureKeyVault.attachVault');
    assert.equal(seen.validation, null);
    assert.equal(id, 'attached/https://contoso-app.vault.azure.net');
    const item = await api.tree.getTreeItem(await attachedNode(api, id));
    assert.equal(item.label, 'contoso-app');
    assert.equal(item.description, 'contoso-app.vault.azure.net');
  });

  it('refuses an invalid vault name before any call, with the rule in the message', async () => {
    const seen: { validation?: string | null } = {};
    api.ui.use({ ...realUi, ...typing('https://a--b.vault.azure.net', seen) });
    await vscode.commands.executeCommand('azureKeyVault.attachVault');
    assert.match(seen.validation ?? '', /not a valid vault name/);
    assert.ok(!api.services.attachedVaults.list().some((v) => v.url.includes('a--b')));
  });

  it('detaches the vault again (the group goes when it is empty)', async () => {
    const node = await attachedNode(api, 'attached/https://contoso-app.vault.azure.net');
    await vscode.commands.executeCommand('azureKeyVault.detachVault', node);
    const after = await api.tree.getChildren();
    assert.ok(!after.some((n) => n.id === 'attached'));
  });

});
