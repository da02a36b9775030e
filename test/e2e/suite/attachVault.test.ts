import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { Ui } from '../../../src/ui';
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

describe('attach a vault by URL', () => {
  let api: ExtensionApi;
  let realUi: Ui;

  before(async () => {
    ({ api } = await activateExtension());
    realUi = api.services.ui;
  });
  afterEach(() => {
    api.services.ui = realUi;
  });

  it('adds the vault to the tree, shown by name and host', async () => {
    const seen: { validation?: string | null } = {};
    api.services.ui = { ...realUi, ...typing('contoso-app.vault.azure.net/', seen) };
    // The command returns the node it revealed (the bundle's own class: compare by id, not instanceof).
    const node = await vscode.commands.executeCommand<TreeNode>('azureKeyVault.attachVault');
    assert.equal(seen.validation, null);
    assert.equal(node?.id, 'attached/https://contoso-app.vault.azure.net');
    const roots = await api.services.tree.getChildren();
    const item = await api.services.tree.getTreeItem(roots.find((n) => n.id === 'attached/https://contoso-app.vault.azure.net')!);
    assert.equal(item.label, 'contoso-app');
    assert.equal(item.description, 'contoso-app.vault.azure.net');
  });

  it('refuses an invalid vault name before any call, with the rule in the message', async () => {
    const seen: { validation?: string | null } = {};
    api.services.ui = { ...realUi, ...typing('https://a--b.vault.azure.net', seen) };
    await vscode.commands.executeCommand('azureKeyVault.attachVault');
    assert.match(seen.validation ?? '', /not a valid vault name/);
    const roots = await api.services.tree.getChildren();
    assert.ok(!roots.some((n) => n.id.includes('a--b')));
  });

  it('detaches the vault again', async () => {
    const roots = await api.services.tree.getChildren();
    const node = roots.find((n) => n.id === 'attached/https://contoso-app.vault.azure.net');
    assert.ok(node);
    await vscode.commands.executeCommand('azureKeyVault.detachVault', node);
    const after = await api.services.tree.getChildren();
    assert.ok(!after.some((n) => n.id === node.id));
  });

});
