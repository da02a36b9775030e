// Editor features from the first moment (issue 16): in a window where nothing has touched the extension — its view
// never opened, no command of ours run — opening an appsettings.json (onLanguage:json activates it) gives the hover
// and the diagnostics of its references. Every other suite activates the extension, so this one runs alone in
// a fresh VS Code window of its own (scripts/test.mjs: E2E_FRESH=1 and a grep for FRESH_SUITE, scripts/e2e/run.mjs);
// in the main run it is not defined at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/testApi';
import { extensionId } from './helpers';
import { emulatorInfo, requests } from './emulator';
import { eventually } from './tree';

/** Must equal FRESH_SUITE in scripts/e2e/run.mjs (the grep of the fresh-window run). */
const FRESH_SUITE = 'editor features before the view is opened';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

if (process.env.E2E_FRESH === '1') {
  describe(FRESH_SUITE, function () {
    this.timeout(60_000);
    const extension = () => vscode.extensions.getExtension<TestApi | undefined>(extensionId)!;
    let dir = '';

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('costs nothing until used: no request sent, no lazy chunk loaded (Azure SDK, references, index, command handlers)', async () => {
      // VS Code meets the JSON language while the window starts (its own JSON models), so onLanguage:json may activate
      // the extension then (the extension host log says "activationEvent: 'onLanguage:json'"): activation must stay
      // cheap (`npm run bench`: activation_ms) and do nothing a user has not asked for.
      assert.ok(extension(), 'the extension is installed');
      const sent = await requests();
      assert.deepEqual(sent.map((r) => `${r.method} ${r.plane} ${r.path}`), [], 'no request reached the emulator');
      const dist = path.join(extension().extensionPath, 'dist');
      // Every bundle but the activation bundle and the shared l10n is a chunk loaded on first use.
      const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'extension.js' && f !== 'l10n.js').map((f) => path.join(dist, f));
      assert.ok(chunks.some((c) => c.endsWith('reference-index.js')), 'the chunks are listed');
      assert.deepEqual(Object.keys(require.cache).filter((m) => chunks.includes(m)), [], 'no chunk loaded before use');
    });

    it('opening appsettings.json activates it: the hover and the diagnostics of its references work without the view', async () => {
      // Signed in to VS Code's Microsoft account, as a user already is: through the test-only auth companion.
      await vscode.commands.executeCommand('kvEmulatorAuth.signIn');
      const vaultUrl = emulatorInfo().vaults['kv-e2e-main'];
      assert.ok(vaultUrl, 'the e2e seed has kv-e2e-main');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-fresh-'));
      const file = path.join(dir, 'appsettings.json');
      const text = `{\n  "Db": "@Microsoft.KeyVault(SecretUri=${vaultUrl}/secrets/db-password/)",\n  "Off": "@Microsoft.KeyVault(VaultName=kv-e2e-main;SecretName=disabled-secret)"\n}\n`;
      fs.writeFileSync(file, text);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);

      await eventually(() => Promise.resolve(assert.equal(extension().isActive, true, 'activated by opening a JSON file')), 20_000);
      const diagnostics = await eventually(() => {
        const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Azure Key Vault');
        assert.equal(ours.length, 1, 'one problem: the disabled secret');
        return Promise.resolve(ours);
      }, 30_000);
      assert.equal(document.getText(diagnostics[0]!.range), 'disabled-secret');
      assert.equal(diagnostics[0]!.code, 'disabled');

      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(text.indexOf('db-password'))));
      assert.match(hover, /Key Vault secret `db-password`\*\* in vault `kv-e2e-main`/);
      assert.ok(hover.includes('Enabled: yes'), hover);

      // None of it needed the view: it was never shown.
      const api = extension().exports;
      assert.ok(api, 'the test API (test mode)');
      assert.equal(api.treeView.visible, false, 'the Key Vault view was never opened');
    });
  });
}
