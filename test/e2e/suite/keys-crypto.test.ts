// Issue 6 acceptance inside VS Code: crypto from the editor, done in the vault. Encrypt → decrypt of a selection
// returns the original text; a signature made in the vault verifies LOCALLY (node:crypto) with the exported
// public key and fails after one byte changes; Verify Selection agrees; refusals happen before any request.
import * as assert from 'node:assert/strict';
import { constants, createPublicKey, verify } from 'node:crypto';
import * as vscode from 'vscode';
import { KeyCommandIds as Ids } from '../../../src/model/commandIds';
import { editorWith, keysWorld, VAULTS, type KeysWorld } from './keysWorld';
import { logCursor, requestsSince } from './scripted';

describe('keys: crypto from the editor (emulator)', function () {
  this.timeout(60_000);
  let w: KeysWorld;

  before(async () => {
    w = await keysWorld();
  });
  after(async () => {
    if (w) w.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  const publicPem = async (key: string): Promise<string> => {
    w.script.script({ picks: ['PEM', 'New untitled editor'] });
    const { text } = await vscode.commands.executeCommand<{ text: string }>(Ids.exportPublicKey, await w.node(VAULTS.main, 'Keys', key));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    return text;
  };

  it('encrypt → decrypt a selection returns the original text (RSA-OAEP-256, in the vault)', async () => {
    const original = 'connection=Server=tcp:db;Password=hunter2 ✓';
    const editor = await editorWith(original);
    const since = await logCursor();
    w.script.script({ picks: ['RSA-OAEP-256'] });
    const enc = await vscode.commands.executeCommand<{ results: string[] }>(Ids.encryptSelection, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    const ciphertext = editor.document.getText();
    assert.equal(ciphertext, enc.results[0]);
    assert.match(ciphertext, /^[A-Za-z0-9_-]{342}$/, 'base64url of 256 bytes');
    assert.ok((await requestsSince(since, VAULTS.main)).includes('200 POST /keys/app-rsa//encrypt'), 'encrypted in the vault');

    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(ciphertext.length));
    w.script.script({ picks: ['RSA-OAEP-256'] });
    await vscode.commands.executeCommand(Ids.decryptSelection, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    assert.equal(editor.document.getText(), original);
    assert.ok((await requestsSince(since, VAULTS.main)).includes('200 POST /keys/app-rsa//decrypt'), 'decrypted in the vault');
    assert.ok(!w.script.shown.some((s) => s.includes('hunter2')), 'the plaintext is never shown in a prompt or message');
  });

  it('from the palette the last key used is offered first', async () => {
    const editor = await editorWith('short text');
    w.script.script({ picks: ['app-rsa', 'RSA-OAEP'] });
    await vscode.commands.executeCommand(Ids.encryptSelection);
    assert.match(w.script.picked.at(-2)?.items.map((i) => `${i.label} ${i.description ?? ''}`).join('|') ?? '', /app-rsa kv-keys-main · last used/);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    w.script.script({ picks: ['app-rsa', 'RSA-OAEP'] });
    await vscode.commands.executeCommand(Ids.decryptSelection);
    assert.equal(editor.document.getText(), 'short text');
  });

  for (const [key, algorithm, opts] of [
    ['app-rsa', 'PS256', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }],
    ['app-rsa', 'RS256', {}],
    ['app-ec', 'ES256', { dsaEncoding: 'ieee-p1363' as const }],
  ] as const) {
    it(`a ${algorithm} signature made in the vault verifies locally with the exported public key, and fails after one byte changes`, async () => {
      const message = `release v1.2.3 signed with ${algorithm}`;
      let editor = await editorWith(message);
      const since = await logCursor();
      w.script.script({ picks: algorithm === 'ES256' ? [] : [algorithm] });
      const signed = await vscode.commands.executeCommand<{ signatures: string[] }>(Ids.signSelection, await w.node(VAULTS.main, 'Keys', key));
      assert.ok((await requestsSince(since, VAULTS.main)).some((r) => r.startsWith(`200 POST /keys/${key}/`) && r.endsWith('/sign')), 'signed in the vault');
      const [first, second] = editor.document.getText().split('\n');
      assert.equal(first, message, 'the selection stays');
      assert.equal(second, signed.signatures[0], 'the signature follows the selection');

      const pub = createPublicKey(await publicPem(key));
      const signature = Buffer.from(second!, 'base64url');
      assert.equal(verify('sha256', Buffer.from(message), { key: pub, ...opts }, signature), true, 'verifies locally');
      const changed = Buffer.from(message);
      changed[3] = changed[3]! ^ 0x01;
      assert.equal(verify('sha256', changed, { key: pub, ...opts }, signature), false, 'one changed byte fails');

      // Verify Selection (in the vault) offers the signature from the next line and agrees.
      editor = await vscode.window.showTextDocument(editor.document);
      const line0 = editor.document.lineAt(0).range;
      editor.selection = new vscode.Selection(line0.start, line0.end);
      w.script.script({ inputs: [(o) => o.value], picks: algorithm === 'ES256' ? [] : [algorithm] });
      assert.deepEqual(await vscode.commands.executeCommand(Ids.verifySelection, await w.node(VAULTS.main, 'Keys', key)), { algorithm, valid: true });
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 1), 'R'));
      editor.selection = new vscode.Selection(line0.start, line0.end);
      w.script.script({ inputs: [(o) => o.value], picks: algorithm === 'ES256' ? [] : [algorithm] });
      assert.deepEqual(await vscode.commands.executeCommand(Ids.verifySelection, await w.node(VAULTS.main, 'Keys', key)), { algorithm, valid: false });
      assert.match(w.script.errors.at(-1) ?? '', /does NOT match/);
    });
  }

  it('refuses before any request: no selection, an operation the key does not allow, a disabled key, too long a text', async () => {
    const since = await logCursor();
    const editor = await editorWith('x');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Ids.encryptSelection, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    assert.match(w.script.errors.at(-1) ?? '', /Select the text to encrypt/);

    editor.selection = new vscode.Selection(0, 0, 0, 1);
    await vscode.commands.executeCommand(Ids.encryptSelection, await w.node(VAULTS.main, 'Keys', 'sign-only'));
    assert.match(w.script.errors.at(-1) ?? '', /does not allow "encrypt"/);
    await vscode.commands.executeCommand(Ids.signSelection, await w.node(VAULTS.main, 'Keys', 'off-key'));
    assert.match(w.script.errors.at(-1) ?? '', /is disabled/);

    const long = await editorWith('x'.repeat(300));
    assert.ok(long);
    w.script.script({ picks: ['RSA-OAEP-256'] });
    await vscode.commands.executeCommand(Ids.encryptSelection, await w.node(VAULTS.main, 'Keys', 'app-rsa'));
    assert.match(w.script.errors.at(-1) ?? '', /at most 190 bytes/);
    const posts = (await requestsSince(since, VAULTS.main)).filter((r) => r.includes('POST'));
    assert.deepEqual(posts, [], 'no crypto request was sent');
  });
});
