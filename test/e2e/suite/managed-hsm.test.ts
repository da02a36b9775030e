// Issue 17 inside VS Code: a Managed HSM shows beside the vaults of its subscription with its keys (Keys and Deleted
// only: an HSM holds no secret or certificate); its requests carry the HSM audience, never the vault one; keys are
// created and used in it (RSA-HSM, AES oct-HSM; an encrypt → decrypt round trip in the HSM); a Premium vault creates
// an RSA-HSM key, a Standard vault is offered software keys only; palette pickers for secrets leave the HSM out.
// Seeds its own subscription, vaults and HSM (the emulator's seed format: emulator/README.md, "Managed HSM").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { KeyCommandIds as Ids, SecretCommandIds } from '../../../src/model/commandIds';
import { control, type LoggedRequest } from './emulator';
import { hasVault, logCursor, requestsSince, scriptedWorld, type ScriptedWorld } from './scripted';

const SUBSCRIPTION = 'HSM E2E';
const SUBSCRIPTION_ID = 'e2e17000-0000-4000-8000-0000000000f1';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const HSM = 'hsm-e2e-pool';
const PREMIUM = 'kv-hsm-premium';
const STANDARD = 'kv-hsm-standard';

interface Info {
  user: { username: string } | null;
  users: { username: string; objectId: string }[];
  managedHsms?: Record<string, string>;
  audiences: { vault: string; managedHsm?: string };
}

async function seed(): Promise<void> {
  if (await hasVault(PREMIUM)) return;
  const info = await control<Info>('GET', '/info');
  const me = info.users.find((u) => u.username === info.user?.username)!.objectId;
  const place = { subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-hsm', location: 'westeurope' };
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      { name: PREMIUM, sku: 'premium', enableRbacAuthorization: true, ...place, keys: [{ name: 'soft-key', kty: 'EC' }] },
      { name: STANDARD, enableRbacAuthorization: true, ...place },
    ],
    managedHsms: [
      {
        name: HSM, ...place, initialAdminObjectIds: [me],
        roleAssignments: [{ objectId: me, role: 'Managed HSM Crypto User' }, { objectId: me, role: 'Managed HSM Crypto Officer' }],
        keys: [{ name: 'hsm-rsa', kty: 'RSA-HSM', size: 2048 }, { name: 'hsm-aes', kty: 'oct-HSM', size: 256 }, { name: 'hsm-gone', kty: 'EC-HSM', deleted: true }],
      },
    ],
  });
}

describe('Managed HSM: beside the vaults, keys only, its own audience (emulator)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  let info: Info;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
    info = await control<Info>('GET', '/info');
  });
  after(async () => {
    w?.api.ui.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => w.script.assertDone());

  const hsmRequests = async (since: number): Promise<LoggedRequest[]> => (await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${HSM}&sinceId=${since}`)).requests;
  const host = (url: string | undefined) => (url ? new URL(url).host : undefined);

  it('lists the HSM beside the vaults of its subscription, with Keys and Deleted only', async () => {
    const subscription = await w.tree.path('Contoso', SUBSCRIPTION);
    assert.deepEqual(await w.tree.labels(subscription), [HSM, PREMIUM, STANDARD]);
    const node = await w.node(HSM);
    const item = await w.tree.item(node);
    assert.equal(item.description, 'Managed HSM · rg-hsm · westeurope');
    assert.match(String(item.contextValue), /^hsm;arm;/);
    const tooltip = (await w.tree.hovered(node)).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /\*\*hsm-e2e-pool\*\* \(Managed HSM\)/);
    assert.match(tooltip.value, /Permission model: Managed HSM local RBAC/);
    assert.deepEqual(await w.tree.labels(node), ['Keys', 'Deleted']);
    assert.deepEqual(await w.tree.labels(await w.node(HSM, 'Keys')), ['hsm-aes', 'hsm-rsa']);
    const deleted = await w.tree.children(await w.node(HSM, 'Deleted'));
    assert.equal(deleted.length, 1, 'deleted keys only');
    assert.deepEqual(await w.tree.labels(deleted[0]), ['hsm-gone']);
  });

  it("the HSM's requests carry the HSM audience, never the vault one", async () => {
    assert.ok(info.audiences.managedHsm, 'the emulator names its Managed HSM audience');
    const since = await logCursor();
    const node = await w.node(HSM, 'Keys');
    w.api.tree.refresh(node);
    await w.tree.children(node);
    const sent = (await hsmRequests(since)).filter((r) => r.tokenAudience !== undefined);
    assert.ok(sent.length > 0, 'the listing went to the HSM with a token');
    assert.deepEqual([...new Set(sent.map((r) => host(r.tokenAudience)))], [host(info.audiences.managedHsm)]);
    assert.notEqual(host(info.audiences.managedHsm), host(info.audiences.vault));
  });

  it('encrypt → decrypt a selection with an HSM key returns the original text, both done in the HSM', async () => {
    const original = 'hsm plaintext ✓';
    const document = await vscode.workspace.openTextDocument({ content: original });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(original.length));
    const since = await logCursor();
    w.script.script({ picks: ['RSA-OAEP-256'] });
    await vscode.commands.executeCommand(Ids.encryptSelection, await w.node(HSM, 'Keys', 'hsm-rsa'));
    const ciphertext = editor.document.getText();
    assert.notEqual(ciphertext, original);
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(ciphertext.length));
    w.script.script({ picks: ['RSA-OAEP-256'] });
    await vscode.commands.executeCommand(Ids.decryptSelection, await w.node(HSM, 'Keys', 'hsm-rsa'));
    assert.equal(editor.document.getText(), original);
    const done = (await requestsSince(since, HSM)).filter((r) => r.includes('POST'));
    assert.deepEqual(done, ['200 POST /keys/hsm-rsa//encrypt', '200 POST /keys/hsm-rsa//decrypt']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates keys in the HSM (only HSM types offered: RSA-HSM, EC-HSM, AES oct-HSM)', async () => {
    w.script.script({ picks: ['AES 256 (oct-HSM)'], inputs: ['made-aes', '', ''], many: [['encrypt', 'decrypt']] });
    await vscode.commands.executeCommand(Ids.create, await w.node(HSM));
    const offered = w.script.picked.at(-1)!.items.map((i) => i.label);
    assert.ok(offered.length > 0 && offered.every((l) => /-HSM|oct-HSM/.test(l)), offered.join(', '));
    const key = await (await w.api.services.clients.get()).vaults.keys(info.managedHsms![HSM]!).getKey('made-aes');
    assert.equal(key.keyType, 'oct-HSM');
    assert.deepEqual([...(key.keyOperations ?? [])].sort(), ['decrypt', 'encrypt']);
    assert.ok((await w.tree.labels(await w.node(HSM, 'Keys'))).includes('made-aes'), 'the Keys group was refreshed');
  });

  it('a Premium vault creates an RSA-HSM key; a Standard vault is offered software keys only', async () => {
    w.script.script({ picks: ['RSA-HSM 2048'], inputs: ['made-hsm-rsa', '', ''], many: [['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey']] });
    await vscode.commands.executeCommand(Ids.create, await w.node(PREMIUM));
    const key = await (await w.api.services.clients.get()).vaults.keys(w.vaultUrl(PREMIUM)).getKey('made-hsm-rsa');
    assert.equal(key.keyType, 'RSA-HSM');

    w.script.script({ picks: [undefined], inputs: ['not-made'] });
    await vscode.commands.executeCommand(Ids.create, await w.node(STANDARD));
    const offered = w.script.picked.at(-1)!.items.map((i) => i.label);
    assert.ok(offered.includes('RSA 2048') && !offered.some((l) => l.includes('HSM')), offered.join(', '));
  });

  it('the palette offers the HSM for keys, never for secrets', async () => {
    w.script.script({ picks: [undefined] });
    await vscode.commands.executeCommand(SecretCommandIds.create);
    const forSecrets = w.script.picked.at(-1)!.items.map((i) => i.label);
    assert.ok(forSecrets.includes(PREMIUM) && !forSecrets.includes(HSM), forSecrets.join(', '));
    w.script.script({ picks: [undefined] });
    await vscode.commands.executeCommand(Ids.create);
    assert.ok(w.script.picked.at(-1)!.items.map((i) => i.label).includes(HSM), 'offered for keys');
  });
});
