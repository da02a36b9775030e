// Issue 7 acceptance inside VS Code (emulator): a hover on a reference shows the object's metadata and never its
// (canary) value; diagnostics for a disabled, a deleted and a missing secret (and an expired one) from one
// listing of the vault, gone after their quick fixes; completions inside references; "Move to Key Vault" on a
// connection string creates the secret in the emulator and rewrites the line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getSecretValue } from '../../../src/azure/secretOps';
import { control, type LoggedRequest } from './emulator';
import { CANARY, discard, openAt, referencesWorld, RESOURCE_GROUP, SUBSCRIPTION_ID, VAULT, type ReferencesWorld } from './references-world';
import { eventually } from './tree';

async function cursor(): Promise<number> {
  return (await control<{ cursor: number }>('GET', '/requests?limit=1')).cursor;
}

async function requestsSince(since: number): Promise<LoggedRequest[]> {
  return (await control<{ requests: LoggedRequest[] }>('GET', `/requests?vault=${VAULT}&sinceId=${since}`)).requests;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** `eventually` wants a promise. */
const check = (f: () => void): Promise<void> => Promise.resolve().then(f);

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Key Vault').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('references: hover, diagnostics, completions, move (emulator)', function () {
  this.timeout(90_000);
  let w: ReferencesWorld;

  before(async () => {
    w = await referencesWorld();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('azureKeyVault').update('references.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    await w?.restore();
  });

  it('a hover shows vault, version, content type, state, expiry and links — never the value', async () => {
    const since = await cursor();
    const text = `{\n  "Canary": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/canary-secret/)",\n  "ByName": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=canary-secret;SecretVersion=ca000000000000000000000000000001)"\n}\n`;
    const editor = await openAt(w, 'hover/appsettings.json', text);
    const uri = editor.document.uri;
    const byUri = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('canary-secret/)'))));
    assert.match(byUri, new RegExp(`Key Vault secret \`canary-secret\`\\*\\* in vault \`${VAULT}\``));
    for (const expected of ['Version: current', 'Content type: text/plain', 'Enabled: yes', 'Tags: team=refs', 'Last updated: ', 'Reveal in Key Vault Explorer', 'Copy value']) {
      assert.ok(byUri.includes(expected), `"${expected}" in:\n${byUri}`);
    }
    // The emulator's vault is local: no portal link (src/azure/portal.ts portalLink; test/unit/portal.test.ts).
    assert.ok(!byUri.includes('Open in portal'), `no portal link for a local vault:\n${byUri}`);
    assert.match(byUri, /Expires: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in (199|200) days\)/);
    const byName = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('SecretName=canary'))));
    assert.match(byName, /Version: `ca000000000000000000000000000001` \(pinned\)/);
    for (const shown of [byUri, byName]) assert.ok(!shown.includes(CANARY), 'the hover never holds the value');
    const reads = (await requestsSince(since)).filter((r) => r.method === 'GET' && /^\/secrets\/canary-secret(\/[0-9a-f]{32})?\/?$/.test(r.path));
    assert.deepEqual(reads, [], 'no request read the value');

    // The links work: Reveal selects the item in the view; Copy value goes through the secrets area's command.
    const link = (command: string) => JSON.parse(decodeURIComponent(new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(byUri)![1]!)) as unknown[];
    const id = await vscode.commands.executeCommand<string>('azureKeyVault.revealReference', ...link('azureKeyVault.revealReference'));
    assert.ok(id.endsWith('/secrets/canary-secret'), id);
    assert.equal(w.api.treeView.selection[0]?.id, id);
    await vscode.commands.executeCommand('azureKeyVault.copyReferencedValue', ...link('azureKeyVault.copyReferencedValue'));
    // Ctrl+click on the name: a document link that reveals it too.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri, 5);
    assert.deepEqual(links.map((l) => editor.document.getText(l.range)), ['canary-secret', 'canary-secret']);
    assert.match(decodeURIComponent(String(links[0]!.target)), /^command:azureKeyVault\.revealReference\?\[\{"vaultUrl":"https:\/\/127\.0\.0\.1:\d+","vaultName":"kv-e2e-refs"/);
    assert.equal(await vscode.env.clipboard.readText(), CANARY, 'Copy value copies on request');
    await vscode.env.clipboard.writeText('');
    await discard(editor);
  });

  it('diagnostics flag disabled, deleted, missing and expired secrets from one listing of the vault', async () => {
    // The view is hidden (it would list what it shows again), and what earlier tests cached is forgotten.
    await vscode.commands.executeCommand('workbench.view.explorer');
    w.api.tree.refresh(await w.node());
    const since = await cursor();
    const text = [
      '{',
      `  "Disabled": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=ref-disabled)",`,
      `  "Deleted": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/ref-deleted/)",`,
      `  "Missing": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/ref-missing/)",`,
      `  "Expired": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=ref-expired)",`,
      `  "Fine": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=canary-secret)",`,
      `  "AlsoFine": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/api-token/)"`,
      '}',
      '',
    ].join('\n');
    const editor = await openAt(w, 'diagnostics/appsettings.json', text);
    const uri = editor.document.uri;
    await eventually(() => check(() => assert.deepEqual(codes(uri), ['disabled', 'deleted', 'missing', 'expired'])), 20_000);
    const [disabled] = vscode.languages.getDiagnostics(uri);
    assert.equal(editor.document.getText(disabled!.range), 'ref-disabled', 'the name is underlined');
    assert.match(disabled!.message, new RegExp(`secret "ref-disabled" is disabled in key vault "${VAULT}"`));
    // (The view may list what it shows again — versions of an expanded item — which is not the diagnostics' doing.)
    const gets = (await requestsSince(since)).filter((r) => r.method === 'GET' && r.status === 200).map((r) => r.path);
    assert.deepEqual(gets.filter((p) => p === '/secrets' || p === '/deletedsecrets').sort(), ['/deletedsecrets', '/secrets'], 'six references, one listing (and one of deleted secrets)');
    assert.deepEqual(gets.filter((p) => /^\/secrets\/[^/]+\/?([0-9a-f]{32})?$/.test(p)), [], 'no value is read');

    const fix = async (code: string, title: RegExp) => {
      const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.code === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action?.command, `a "${String(title)}" quick fix among: ${actions.map((a) => a.title).join(', ')}`);
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    };
    await fix('disabled', /^Enable the secret "ref-disabled"$/);
    await eventually(() => check(() => assert.deepEqual(codes(uri), ['deleted', 'missing', 'expired'])), 20_000);
    await fix('deleted', /^Recover the deleted secret "ref-deleted"$/);
    await eventually(() => check(() => assert.deepEqual(codes(uri), ['missing', 'expired'])), 20_000);
    w.script.inputs = ['a value typed by the user'];
    await fix('missing', /^Create the secret "ref-missing" in kv-e2e-refs…$/);
    await eventually(() => check(() => assert.deepEqual(codes(uri), ['expired'])), 20_000);
    w.script.assertDone();

    // The setting turns them off (and back on).
    const config = vscode.workspace.getConfiguration('azureKeyVault');
    await config.update('references.diagnostics', false, vscode.ConfigurationTarget.Global);
    await eventually(() => check(() => assert.deepEqual(codes(uri), [])));
    await config.update('references.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => check(() => assert.deepEqual(codes(uri), ['expired'])));
    await discard(editor);
  });

  it('completes vaults and secret names inside @Microsoft.KeyVault( and az.getSecret(', async () => {
    const complete = async (editor: vscode.TextEditor, trigger: string) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active, trigger)).items;
    const settings = await openAt(w, 'complete/appsettings.json', '{\n  "X": "@Microsoft.KeyVault(|"\n}\n');
    assert.ok((await complete(settings, '(')).some((i) => label(i) === `VaultName=${VAULT};SecretName=`));
    const names = await openAt(w, 'complete/appsettings.json', `{\n  "X": "@Microsoft.KeyVault(VaultName=${VAULT};SecretName=|"\n}\n`);
    const secretItems = (await complete(names, '=')).map(label);
    assert.ok(secretItems.includes('canary-secret') && secretItems.includes('api-token'), secretItems.join(', '));
    const params = await openAt(w, 'complete/main.bicepparam', 'param pw = az.getSecret(|');
    const vault = (await complete(params, '(')).find((i) => label(i) === VAULT);
    assert.equal((vault?.insertText as vscode.SnippetString | undefined)?.value, `'${SUBSCRIPTION_ID}', '${RESOURCE_GROUP}', '${VAULT}', '$0`);
    for (const editor of [settings, names, params]) await discard(editor);
  });

  it('"Move to Key Vault" on a connection string creates the secret and rewrites the line', async () => {
    const literal = 'DefaultEndpointsProtocol=https;AccountName=e2erefs;AccountKey=bW92ZS10by1rZXktdmF1bHQ=;EndpointSuffix=core.windows.net';
    const text = `{\n  "ConnectionStrings": {\n    "Storage": "${literal}"\n  }\n}\n`;
    const editor = await openAt(w, 'move/appsettings.json', text);
    const at = editor.document.positionAt(text.indexOf('AccountKey'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at));
    const move = actions.find((a) => a.title === 'Move to Key Vault…');
    assert.ok(move?.command, `Move to Key Vault among: ${actions.map((a) => a.title).join(', ')}`);
    w.script.picks = [VAULT];
    w.script.inputs = [(suggested) => (assert.equal(suggested, 'ConnectionStrings--Storage'), suggested ?? '')];
    await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
    w.script.assertDone();
    assert.equal(editor.document.getText(), `{\n  "ConnectionStrings": {\n    "Storage": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/ConnectionStrings--Storage/)"\n  }\n}\n`);
    const vaults = (await w.api.services.clients.get()).vaults;
    assert.equal((await getSecretValue(vaults, w.vaultUrl, 'ConnectionStrings--Storage')).value, literal);
    assert.ok(!w.script.shown.some((s) => s.includes('AccountKey=')), 'no prompt shows the literal');
    await discard(editor);
  });
});
