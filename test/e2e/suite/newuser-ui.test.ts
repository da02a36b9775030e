// Issue 14, items 6 and 8 inside VS Code: a write ends with a notification (its *Reveal* / *Undo* buttons work), a copy
// stays a status-bar message; the view's title keeps a few icons and *Sign in* only while signed out; *Open in Portal*
// is neither offered on nor run for a vault without a portal (the emulator's loopback vaults); the README and the
// walkthrough say that dropping into an editor needs Shift. Seeds its own subscription; restores the scripted Ui.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { latestSecretProperties } from '../../../src/azure/secretOps';
import { CommandIds, SecretCommandIds } from '../../../src/model/commandIds';
import type { Ui } from '../../../src/platform/ui';
import { control } from './emulator';
import { extensionId } from './helpers';
import { hasVault, scriptedWorld, type ScriptedWorld } from './scripted';
import { eventually } from './tree';

const SUBSCRIPTION = 'New user UI E2E';
const SUBSCRIPTION_ID = 'e2e14000-0000-4000-8000-0000000000a6';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';
const VAULT = 'kv-newuser-ui';

async function seed(): Promise<void> {
  if (await hasVault(VAULT)) return;
  await control('POST', '/seed', {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-ui', location: 'westeurope', softDeleteRetentionInDays: 7, enableRbacAuthorization: true,
        secrets: [{ name: 'toggle-me', versions: [{ value: 'toggle' }] }, { name: 'copy-me', versions: [{ value: 'copy' }] }],
      },
    ],
  });
}

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

interface Manifest {
  contributes: { menus: Record<string, MenuItem[]>; walkthroughs: { steps: { id: string; description: string; media: { markdown?: string } }[] }[] };
}
const manifest = () => vscode.extensions.getExtension(extensionId)!.packageJSON as Manifest;
const root = () => vscode.extensions.getExtension(extensionId)!.extensionPath;

describe('new user: feedback and small things (issue 14 items 6, 8)', function () {
  this.timeout(90_000);
  let w: ScriptedWorld;
  const shown: { message: string; actions: string[] }[] = [];
  let answer: string | undefined;

  before(async () => {
    w = await scriptedWorld(SUBSCRIPTION, seed);
  });
  beforeEach(() => {
    shown.length = 0;
    answer = undefined;
    // The scripted prompts, but notices go through the extension's own rule (not the script's `notify`).
    const rest: Partial<Ui> = Object.fromEntries(Object.entries(w.script.ui).filter(([name]) => name !== 'notify' && name !== 'showInformationMessage'));
    w.api.ui.use({
      ...rest,
      showInformationMessage: (message: string, ...actions: string[]) => {
        shown.push({ message, actions });
        const chosen = answer;
        answer = undefined;
        return Promise.resolve(chosen !== undefined && actions.includes(chosen) ? chosen : undefined);
      },
    });
  });
  after(() => {
    if (w) w.api.ui.reset();
  });

  const enabled = async (name: string) => (await latestSecretProperties((await w.api.services.clients.get()).vaults, w.vaultUrl(VAULT), name))?.enabled;

  it('6: Disable ends with a notification offering Reveal and Undo; Undo enables it again', async () => {
    answer = 'Undo';
    await vscode.commands.executeCommand(SecretCommandIds.disable, await w.node(VAULT, 'Secrets', 'toggle-me'));
    assert.match(shown[0]?.message ?? '', /^Disabled secret "toggle-me" in kv-newuser-ui$/, `notifications: ${JSON.stringify(shown)}`);
    assert.deepEqual(shown[0]?.actions, ['Reveal', 'Undo']);
    await eventually(async () => assert.equal(await enabled('toggle-me'), true, 'Undo re-enables the secret'));
    await eventually(() => Promise.resolve(assert.match(shown[1]?.message ?? '', /^Enabled secret "toggle-me" in kv-newuser-ui$/)));
  });

  it('6: a copy stays a status-bar message (no notification)', async () => {
    await vscode.commands.executeCommand(SecretCommandIds.copyVaultUri, await w.node(VAULT));
    assert.deepEqual(shown, []);
  });

  it('8: Open in Portal is not offered on an emulator (loopback) vault and is refused from the palette', async () => {
    const item = await w.api.tree.getTreeItem(await w.node(VAULT));
    assert.match(String(item.contextValue), /;noPortal\b/, `vault row facets: ${String(item.contextValue)}`);
    // Its secrets and their versions carry it too (the same menu entry is offered on item and version rows).
    const secret = await w.node(VAULT, 'Secrets', 'toggle-me');
    assert.match(String((await w.api.tree.getTreeItem(secret)).contextValue), /^secret;(.*;)?noPortal\b/);
    const [version] = await w.api.tree.getChildren(secret);
    assert.match(String((await w.api.tree.getTreeItem(version!)).contextValue), /^version;(.*;)?noPortal\b/);
    const menu = manifest().contributes.menus['view/item/context']!.find((m) => m.command === CommandIds.openInPortal)!;
    assert.match(menu.when ?? '', /\(\?!\.\*;noPortal\)/);
    const opened: string[] = [];
    const errors = w.script.errors.length;
    w.api.ui.use({ ...w.script.ui, openExternal: (uri: vscode.Uri) => (opened.push(uri.toString()), Promise.resolve(true)) });
    await vscode.commands.executeCommand(CommandIds.openInPortal, await w.node(VAULT));
    assert.deepEqual(opened, [], 'no portal link for a loopback vault');
    assert.match(w.script.errors.slice(errors).join('\n'), /has no Azure portal/);
  });

  it('8: the view title keeps at most 4 icons; Sign in only while signed out', () => {
    const title = manifest().contributes.menus['view/title']!.filter((m) => m.when?.includes('view == azureKeyVault.vaults'));
    const icons = title.filter((m) => m.group?.startsWith('navigation'));
    assert.ok(icons.length <= 3, `navigation icons (plus Collapse All): ${icons.map((m) => m.command).join(', ')}`);
    const signIn = title.find((m) => m.command === CommandIds.signIn)!;
    assert.match(signIn.when ?? '', /!azureKeyVault\.signedIn/);
  });

  it('8: the README and the walkthrough say that dropping into an editor needs Shift', () => {
    assert.match(fs.readFileSync(path.join(root(), 'README.md'), 'utf8'), /hold(ing)? \*{0,2}Shift\*{0,2}/i);
    const step = manifest().contributes.walkthroughs[0]!.steps.find((s) => s.id === 'reference')!;
    const media = fs.readFileSync(path.join(root(), step.media.markdown!), 'utf8');
    assert.match(`${step.description}\n${media}`, /Shift/);
  });
});
