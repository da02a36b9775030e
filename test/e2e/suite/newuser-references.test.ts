// Issue 14 (items 5, 7 and 8, the references parts) inside VS Code (emulator): quick fixes that fit the problem
// (an expired reference: New Version / Extend Expiry; a missing one: Create, no Reveal that fails), no "Copy value"
// on a disabled secret's hover; Insert Reference's item picker flags expired and disabled secrets; completion
// labels keep the vault in sight; Insert Reference at the end of a line starts a line of its own where the
// syntax needs one. Its own subscription and vault, seeded at run time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../../src/commands/references/insertReference';
import type { Ui } from '../../../src/platform/ui';
import { discard, openAt, referencesWorld, seedOnce, type ReferencesWorld } from './references-world';
import { eventually } from './tree';

const SUBSCRIPTION = 'New User References E2E';
const SUBSCRIPTION_ID = 'e2e05000-0000-4000-8000-0000000014ef';
const VAULT = 'kv-e2e-newrefs';
const CONTOSO = 'e2e0c000-0000-4000-8000-000000000001';

function seed(): Promise<string> {
  return seedOnce(VAULT, {
    subscriptions: [{ id: SUBSCRIPTION_ID, displayName: SUBSCRIPTION, tenantId: CONTOSO }],
    vaults: [
      {
        name: VAULT, subscription: SUBSCRIPTION_ID, resourceGroup: 'rg-newrefs', location: 'westeurope', softDeleteRetentionInDays: 7,
        secrets: [
          { name: 'nr-ok', contentType: 'text/plain', versions: [{ value: 'ok value', exp: '+200d' }] },
          { name: 'nr-disabled', versions: [{ value: 'disabled value', enabled: false }] },
          { name: 'nr-expired', versions: [{ value: 'expired value', exp: '-2d', created: '-30d' }] },
          { name: 'nr-stale', versions: [{ value: 'stale value', exp: '-3d', created: '-30d' }] },
        ],
      },
    ],
  });
}

const check = (f: () => void): Promise<void> => Promise.resolve().then(f);
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Key Vault').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('newuser references: quick fixes, pickers, completions, end of line (emulator)', function () {
  this.timeout(90_000);
  let w: ReferencesWorld;
  /** Every quick pick's items, as shown. */
  const picked: vscode.QuickPickItem[][] = [];

  before(async () => {
    w = await referencesWorld({
      seed, subscription: SUBSCRIPTION, vault: VAULT, copyWorkspace: false,
      wrapUi: (scripted): Ui => ({
        ...scripted,
        showQuickPick: async (items, options) => {
          const list = await items;
          picked.push([...list]);
          return scripted.showQuickPick(list, options);
        },
      }),
    });
  });
  after(async () => {
    await w?.restore();
  });

  const insert = async (...args: unknown[]) => vscode.commands.executeCommand<InsertResult>('azureKeyVault.insertReference', ...args);

  const fixesText = [
    '{',
    `  "Expired": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=nr-stale)",`,
    `  "Missing": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=nr-missing)",`,
    `  "Disabled": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=nr-disabled)"`,
    '}',
    '',
  ].join('\n');
  const fixesEditor = async () => {
    const editor = await openAt(w, 'fixes/appsettings.json', fixesText);
    await eventually(() => check(() => assert.ok(codes(editor.document.uri).length >= 2, codes(editor.document.uri).join(', '))), 20_000);
    return editor;
  };
  const actionsFor = async (uri: vscode.Uri, code: string) => {
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.code === code);
    assert.ok(diagnostic, `a "${code}" diagnostic among ${codes(uri).join(', ')}`);
    return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
  };

  it('item 5: an expired reference offers New Version and Extend Expiry (besides Reveal)', async () => {
    const editor = await fixesEditor();
    const uri = editor.document.uri;
    await eventually(() => check(() => assert.ok(codes(uri).includes('expired'))), 20_000);
    const expired = await actionsFor(uri, 'expired');
    const titles = expired.map((a) => a.title);
    const newVersion = expired.find((a) => a.title === 'New Version of secret "nr-stale"…');
    const extend = expired.find((a) => a.title === 'Extend the expiry of secret "nr-stale"…');
    assert.ok(newVersion && extend, `New Version and Extend Expiry among: ${titles.join(', ')}`);
    assert.equal(newVersion.command?.command, 'azureKeyVault.newSecretVersion');
    assert.equal(extend.command?.command, 'azureKeyVault.editSecretExpiry');
    assert.ok(titles.some((t) => t.startsWith('Reveal')), 'Reveal stays for an expired secret');
    // Extend Expiry: straight to the date (no "What do you want to change?" pick); the diagnostic goes once the
    // vault has the new date.
    w.script.inputs = ['+90d'];
    await vscode.commands.executeCommand(extend.command.command, ...(extend.command.arguments ?? []));
    w.script.assertDone();
    await eventually(() => check(() => assert.deepEqual(codes(uri).sort(), ['disabled', 'missing'])), 20_000);
    await discard(editor);
  });

  it('item 5: a missing secret offers Create, and no Reveal that would fail', async () => {
    const editor = await fixesEditor();
    const missing = (await actionsFor(editor.document.uri, 'missing')).map((a) => a.title);
    assert.ok(missing.includes(`Create the secret "nr-missing" in ${VAULT}…`), missing.join(', '));
    assert.ok(!missing.some((t) => t.startsWith('Reveal')), `no Reveal for a missing secret: ${missing.join(', ')}`);
    await discard(editor);
  });

  it('item 5: the hover on a disabled secret does not offer Copy value', async () => {
    const editor = await fixesEditor();
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(fixesText.indexOf('nr-disabled'))));
    assert.ok(hover.includes('Enabled: $(circle-slash) no'), hover);
    assert.ok(!hover.includes('Copy value'), `no Copy value on a disabled secret:\n${hover}`);
    await discard(editor);
  });

  it('item 7: Insert Reference\'s item picker flags expired and disabled secrets', async () => {
    const editor = await openAt(w, 'notes.md', 'See |\n');
    picked.length = 0;
    w.script.picks = ['Secret', VAULT, 'nr-ok'];
    await insert();
    w.script.assertDone();
    const items = picked[2]!;
    const row = (name: string) => items.find((i) => i.label.replace(/\$\([^)]*\)\s*/g, '') === name)!;
    const words = (i: vscode.QuickPickItem) => `${i.description ?? ''} ${i.detail ?? ''}`;
    assert.match(words(row('nr-disabled')), /disabled/);
    assert.match(words(row('nr-expired')), /expired|expires/, JSON.stringify(row('nr-expired')));
    assert.doesNotMatch(words(row('nr-ok')), /expired|disabled/);
    await discard(editor);
  });

  it('item 7: completion labels name the vault (the label, or the description of a short label)', async () => {
    const complete = async (e: vscode.TextEditor, trigger: string) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, e.selection.active, trigger)).items;
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? { label: i.label } : i.label);
    const vaults = await openAt(w, 'complete/appsettings.json', '{\n  "X": "@Microsoft.KeyVault(|"\n}\n');
    const ours = (await complete(vaults, '(')).filter((i) => JSON.stringify(i).includes(VAULT) || JSON.stringify(i).includes(w.vaultUrl));
    assert.ok(ours.length >= 2, 'both forms are offered for the vault');
    for (const i of ours) assert.ok(labelOf(i).label.includes(VAULT), `the vault leads the label: ${JSON.stringify(labelOf(i))}`);
    const names = await openAt(w, 'complete/appsettings.json', `{\n  "X": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=|"\n}\n`);
    const secrets = await complete(names, '=');
    const ok = secrets.find((i) => labelOf(i).label === 'nr-ok');
    assert.ok(ok, secrets.map((i) => labelOf(i).label).join(', '));
    assert.ok(labelOf(ok).description?.includes(VAULT), `the vault in the description: ${JSON.stringify(labelOf(ok))}`);
    assert.match(labelOf(secrets.find((i) => labelOf(i).label === 'nr-expired')!).description ?? '', /expired/);
    for (const e of [vaults, names]) await discard(e);
  });

  /** The script lines of our az keyvault step for one secret (masked, multi-line output). */
  const runLines = (name: string) =>
    [
      '# Needs a prior azure/login step: az reads with its identity and its cloud (China, US Gov: its environment input).',
      `value="$(az keyvault secret show --id ${w.vaultUrl}/secrets/${name} --query value --output tsv)"`,
      'while IFS= read -r line; do if [ -n "$line" ]; then echo "::add-mask::$line"; fi; done <<< "$value"',
      `printf '${name}<<KV_EOF_3f9c2a7d51e84b06\\n%s\\nKV_EOF_3f9c2a7d51e84b06\\n' "$value" >> "$GITHUB_OUTPUT"`,
    ].map((l) => `          ${l}`).join('\n');

  it('item 8: at the end of a workflow line, the step goes on a new line at its indentation', async () => {
    const workflow = await openAt(w, '.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    steps:\n      - uses: actions/checkout@v4|\n');
    await insert(await w.item('nr-ok'));
    assert.equal(
      workflow.document.getText(),
      `jobs:\n  deploy:\n    steps:\n      - uses: actions/checkout@v4\n      - name: Get secrets from ${VAULT}\n        id: kv-${VAULT}\n        shell: bash\n        run: |\n${runLines('nr-ok')}\n`,
    );
    await discard(workflow);
  });

  it('item 8: JSON and .env entries at the end of a line go on a new line', async () => {
    const settings = await openAt(w, 'eol/appsettings.json', '{\n  "A": "b"|\n}\n');
    await insert(await w.item('nr-ok'));
    assert.equal(settings.document.getText(), `{\n  "A": "b",\n  "nr-ok": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/nr-ok/)"\n}\n`);
    await discard(settings);

    const env = await openAt(w, 'eol/.env', 'PORT=8080|\n');
    await insert(await w.item('nr-ok'));
    assert.equal(env.document.getText(), `PORT=8080\nNR_OK_URI=${w.vaultUrl}/secrets/nr-ok\n`);
    await discard(env);
  });

  it('item 8: inline values (inside quotes, after =) stay inline', async () => {
    const inline = await openAt(w, 'eol/appsettings.json', '{\n  "Token": "|"\n}\n');
    await insert(await w.item('nr-ok'));
    assert.equal(inline.document.getText(), `{\n  "Token": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/nr-ok/)"\n}\n`);
    await discard(inline);
    const param = await openAt(w, 'eol/main.bicepparam', "using 'main.bicep'\nparam pw = |\n");
    await insert(await w.item('nr-ok'));
    assert.match(param.document.getText(), /^using 'main\.bicep'\nparam pw = az\.getSecret\(.*'nr-ok'\)\n$/);
    await discard(param);
  });
});
