import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allCommandIds } from '../../../src/model/commandIds';
import { activateExtension, type PackageJson } from './helpers';

describe('activation inside VS Code', () => {
  // Read before activation: which modules were loaded by VS Code's own activation of the extension.
  let sdkBundle = '';

  it('is not active before its view, a command or a file that can hold references is used (no eager activation events)', function () {
    const extension = vscode.extensions.getExtension('azure-keyvault-explorer.azure-keyvault-explorer');
    assert.ok(extension);
    const manifest = extension.packageJSON as PackageJson;
    for (const event of manifest.activationEvents ?? []) assert.match(event, /^(onLanguage:[\w-]+|onDebug)$/, event);
    sdkBundle = path.join(extension.extensionPath, 'dist', 'azure-sdk.js');
  });

  it('activates and loads no Azure SDK module (nor any other lazy chunk: identity, references, index, command handlers) while doing so', async () => {
    const { extension } = await activateExtension();
    const loaded = Object.keys(require.cache);
    const chunks = lazyChunks(path.join(extension.extensionPath, 'dist'));
    assert.ok(chunks.some((c) => c.endsWith('commands-secrets.js')) && chunks.some((c) => c.endsWith('reference-index.js')), 'the chunks are listed');
    // The chunks, not node_modules/yaml or jsonc-parser: this suite's own files (compiled tests of src/references)
    // load those into the same extension host; the extension reaches them only through dist/references.js.
    const ourAzure = loaded.filter((m) => chunks.includes(m) || (m.startsWith(extension.extensionPath) && /[\\/]node_modules[\\/]@azure[\\/]/.test(m)));
    assert.deepEqual(ourAzure, [], 'activation must not evaluate @azure/* modules nor load a lazy chunk');
    // Positive control: the check sees the SDK bundle once something loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the bundle by path is the point
    require(sdkBundle);
    assert.ok(Object.keys(require.cache).includes(sdkBundle));
  });

  it('registers the view: its focus command opens it', async () => {
    const { api } = await activateExtension();
    const view = api.treeView;
    // The command can resolve before the workbench has told the extension host that the view is shown (`visible`
    // turns true a moment later), so wait for the visibility event, bounded, instead of reading `visible` at once.
    await becomesVisible(view, () => vscode.commands.executeCommand('azureKeyVault.vaults.focus'));
    assert.equal(view.visible, true);
  });

  it('registers every command declared in package.json, and declares every command it registers', async () => {
    const { extension } = await activateExtension();
    const declared = (extension.packageJSON as PackageJson).contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true))
      // VS Code adds `<viewId>.focus`, `.resetViewLocation`, … for each view: those are not ours to declare.
      .filter((id) => id.startsWith('azureKeyVault.') && !id.startsWith('azureKeyVault.vaults.'))
      .sort();
    assert.deepEqual(registered, declared);
    assert.deepEqual([...allCommandIds].sort(), declared);
  });
});

/** Every bundle of dist/ but the activation bundle and the shared l10n: the chunks loaded on first use. */
function lazyChunks(dist: string): string[] {
  return fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && f !== 'extension.js' && f !== 'l10n.js')
    .map((f) => path.join(dist, f));
}

/**
 * Runs `action` and resolves once `view` is visible: at once if it is when the action has finished, otherwise on its
 * `onDidChangeVisibility` event (subscribed before the action, so the change cannot be missed). Rejects if the view
 * has not shown `timeoutMs` after the action finished.
 */
async function becomesVisible(view: vscode.TreeView<unknown>, action: () => Thenable<unknown>, timeoutMs = 10_000): Promise<void> {
  let subscription: vscode.Disposable | undefined;
  const shown = new Promise<void>((resolve) => {
    subscription = view.onDidChangeVisibility((e) => {
      if (e.visible) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await action();
    if (view.visible) return;
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the view did not become visible within ${timeoutMs} ms`)), timeoutMs);
      void shown.then(resolve);
    });
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}
