// Issue 14 items 7, 9 and 6 (crypto feedback) inside VS Code: the key picker of Encrypt/Sign lists only keys whose
// type and operations allow the action; vault pickers say the subscription and directory and mark a vault that
// could not be read; Search shows unreadable vaults as non-selectable rows with the reason; Expiring Soon names the
// role of the kind that failed; encrypt/decrypt/sign say what they did. Own subscription, seeded at run time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExpiringSoonResult } from '../../../src/commands/expiry/showExpiringSoon';
import { ExpiryCommandIds, KeyCommandIds } from '../../../src/model/commandIds';
import type { StreamSource } from '../../../src/platform/ui';
import { control } from './emulator';
import { editorWith } from './keysWorld';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'Pickers E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000000d7';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const MAIN = 'kv-np-main';
const DENIED = 'kv-np-denied';

async function seed(): Promise<void> {
  if (await hasVault(MAIN)) return;
  const vault = (name: string, content: object) => ({ name, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-np', location: 'westeurope', enableRbacAuthorization: true, ...content });
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      vault(MAIN, {
        keys: [
          { name: 'np-rsa', kty: 'RSA', size: 2048 },
          { name: 'np-ec', kty: 'EC', curve: 'P-256' },
          { name: 'np-sign-only', kty: 'RSA', size: 2048, ops: ['sign', 'verify'] },
          { name: 'np-enc-only', kty: 'RSA', size: 2048, ops: ['encrypt', 'decrypt'] },
        ],
      }),
      vault(DENIED, { deny: [{ all: true, reason: 'rbac' }], secrets: [{ name: 'np-hidden', versions: [{ value: 'x' }] }] }),
    ],
  });
}

const plain = (label: string): string => label.replace(/\$\([^)]*\)\s*/g, '');
const text = (i: vscode.QuickPickItem): string => `${plain(i.label)} | ${i.description ?? ''} | ${i.detail ?? ''}`;

describe('new user: pickers, search and expiring soon (issue 14 items 6, 7, 9)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  const forget = () => w.api.services.context.workspaceState.update('azureKeyVault.lastCryptoKey', undefined);

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  afterEach(() => w.script.assertDone());
  after(async () => {
    if (w) {
      w.api.ui.reset();
      await forget();
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Runs a crypto command from the palette on the editor's text: vault MAIN, then the key; returns the keys offered. */
  const keysOffered = async (command: string, pick: string | undefined, more: string[] = []): Promise<string[]> => {
    await forget();
    let offered: string[] = [];
    w.script.script({
      picks: [
        MAIN,
        ({ items }) => {
          offered = (items ?? []).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => plain(i.label));
          return pick;
        },
        ...more,
      ],
    });
    await Promise.resolve(vscode.commands.executeCommand(command)).catch(() => undefined);
    return offered.sort();
  };

  it('item 7: the encrypt key picker lists only RSA keys that allow encrypt (no EC, no sign-only)', async () => {
    await editorWith('plain text');
    assert.deepEqual(await keysOffered(KeyCommandIds.encryptSelection, undefined), ['np-enc-only', 'np-rsa']);
  });

  it('item 7: the sign key picker lists only keys that allow sign', async () => {
    await editorWith('plain text');
    assert.deepEqual(await keysOffered(KeyCommandIds.signSelection, undefined), ['np-ec', 'np-rsa', 'np-sign-only']);
  });

  it('item 6: encrypt, decrypt and sign say what they did, naming key and algorithm', async () => {
    const editor = await editorWith('tell me');
    const infos = () => [...w.script.infos, ...w.script.notices].join('\n');
    await keysOffered(KeyCommandIds.encryptSelection, 'np-rsa', ['RSA-OAEP-256']);
    assert.notEqual(editor.document.getText(), 'tell me', 'encrypted');
    assert.match(infos(), /Encrypted the selection with key np-rsa \(RSA-OAEP-256\)/);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await keysOffered(KeyCommandIds.decryptSelection, 'np-rsa', ['RSA-OAEP-256']);
    assert.equal(editor.document.getText(), 'tell me');
    assert.match(infos(), /Decrypted the selection with key np-rsa \(RSA-OAEP-256\)/);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await keysOffered(KeyCommandIds.signSelection, 'np-ec', []);
    assert.match(infos(), /Signed the selection with key np-ec \(ES256\)/);
  });

  it('item 7: the vault picker shows the subscription and directory of each vault', async () => {
    await editorWith('plain text');
    await forget();
    let offered: readonly vscode.QuickPickItem[] = [];
    w.script.script({ picks: [({ items }) => ((offered = items ?? []), undefined)] });
    await Promise.resolve(vscode.commands.executeCommand(KeyCommandIds.encryptSelection)).catch(() => undefined);
    const main = offered.find((i) => plain(i.label) === MAIN);
    assert.ok(main, `no ${MAIN} in ${offered.map(text).join(', ')}`);
    assert.match(text(main), new RegExp(SUBSCRIPTION), text(main));
    assert.match(text(main), /Contoso/, text(main));
  });

  it('item 9: Search shows a vault it could not read as a row with the reason; picking it explains and reveals nothing', async () => {
    const all: vscode.QuickPickItem[] = [];
    const selectedBefore = w.api.treeView.selection[0]?.id;
    w.api.ui.use({
      ...w.script.ui,
      showStreamingQuickPick: async <T extends vscode.QuickPickItem>(batches: StreamSource<T>) => {
        const offered: T[] = [];
        for await (const batch of batches(new AbortController().signal)) offered.push(...batch);
        all.push(...offered);
        return offered.find((i) => plain(i.label) === DENIED);
      },
    });
    try {
      await Promise.resolve(vscode.commands.executeCommand('azureKeyVault.search')).catch(() => undefined);
    } finally {
      w.api.ui.use(w.script.ui);
    }
    const row = all.find((i) => plain(i.label) === DENIED);
    assert.ok(row, `no row for ${DENIED} among ${all.length} results`);
    assert.match(text(row), /could not be read.*no data-plane role/i, text(row));
    assert.equal(row.alwaysShow, true, 'shown whatever is typed');
    assert.ok(!('item' in row) || (row as { item?: unknown }).item === undefined, 'not a search result');
    assert.ok(all.indexOf(row) > all.findIndex((i) => i.description?.startsWith(`${MAIN} ·`)), 'after the results');
    assert.match(w.script.errors.at(-1) ?? '', new RegExp(`Could not list the secrets of ${DENIED}:.*Key Vault Secrets User`), 'picking it says what to ask for');
    assert.equal(w.api.treeView.selection[0]?.id, selectedBefore, 'nothing revealed');
  });

  it('item 7: after a failed listing the vault picker marks the vault the user cannot read', async () => {
    await editorWith('plain text');
    await forget();
    let offered: readonly vscode.QuickPickItem[] = [];
    w.script.script({ picks: [({ items }) => ((offered = items ?? []), undefined)] });
    await Promise.resolve(vscode.commands.executeCommand(KeyCommandIds.encryptSelection)).catch(() => undefined);
    const denied = offered.find((i) => plain(i.label).includes(DENIED));
    assert.ok(denied, `${DENIED} is still offered (marked, not hidden)`);
    assert.match(text(denied), /cannot read|could not (be )?read|no access/i, text(denied));
    const main = offered.find((i) => plain(i.label) === MAIN)!;
    assert.doesNotMatch(text(main), /cannot read|could not (be )?read|no access/i);
  });

  it('item 9: Expiring Soon names the role of the kind that could not be listed', async () => {
    w.script.script({ picks: [undefined] });
    const result = await vscode.commands.executeCommand<ExpiringSoonResult>(ExpiryCommandIds.showExpiringSoon);
    const mine = result.failures.filter((f) => f.vault === DENIED);
    const byKind = Object.fromEntries(mine.map((f) => [f.kind, f.message]));
    assert.ok(byKind.key && byKind.certificate && byKind.secret, JSON.stringify(mine));
    assert.doesNotMatch(byKind.key, /Secrets User/, byKind.key);
    assert.match(byKind.key, /Crypto User|Key Vault Reader/, byKind.key);
    assert.doesNotMatch(byKind.certificate, /Secrets User/, byKind.certificate);
    assert.match(byKind.certificate, /Certificate/, byKind.certificate);
    assert.match(byKind.secret, /Secrets User/, byKind.secret);
    // The role also stands on its own (the picker's description: the detail line is cut at the picker's width).
    assert.deepEqual(Object.fromEntries(mine.map((f) => [f.kind, f.role])), {
      secret: 'Key Vault Secrets User',
      key: 'Key Vault Reader (metadata) or Key Vault Crypto User',
      certificate: 'Key Vault Certificate User',
    });
  });
});
