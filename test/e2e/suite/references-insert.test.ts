// Issue 7 acceptance inside VS Code (emulator): Insert Reference writes the syntax of the file at hand into an
// appsettings.json, a .bicepparam, a main.parameters.json, a .tf, a workflow and a pipeline (exact text, commas
// and indentation included); versions, several objects, "Insert As…" and the palette; and a drop of tree items
// into an open editor through the drag controller and the drop edit provider.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as YAML from 'yaml';
import { ReferenceDragController, ReferenceDropProvider } from '../../../src/editor/dragAndDrop';
import { referenceMimeType } from '../../../src/editor/constants';
import type { InsertResult } from '../../../src/commands/references/insertReference';
import type { VaultNode } from '../../../src/tree/VaultNode';
import type { VersionNode } from '../../../src/tree/VersionNode';
import { discard, openAt, referencesWorld, RESOURCE_GROUP, SUBSCRIPTION_ID, VAULT, type ReferencesWorld } from './references-world';

describe('references: insert and drop (emulator)', function () {
  this.timeout(60_000);
  let w: ReferencesWorld;
  let armId: string;

  before(async () => {
    w = await referencesWorld();
    const vault = (await w.node()) as VaultNode;
    armId = vault.vault.info!.id;
  });
  after(async () => {
    await w?.restore();
  });

  const insert = async (...args: unknown[]) => vscode.commands.executeCommand<InsertResult>('azureKeyVault.insertReference', ...args);

  it('appsettings.json: an App Service setting in the section, with the comma the line before needs', async () => {
    const original = '{\n  "ConnectionStrings": {\n    "Db": "@Microsoft.KeyVault(VaultName=kv-e2e-main;SecretName=db-password)"\n    |\n  },\n  "AllowedHosts": "*"\n}\n';
    const editor = await openAt(w, 'appsettings.json', original);
    const result = await insert(await w.item('canary-secret'));
    assert.equal(result.format, 'appServiceUri');
    const reference = `@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/canary-secret/)`;
    assert.equal(
      editor.document.getText(),
      `{\n  "ConnectionStrings": {\n    "Db": "@Microsoft.KeyVault(VaultName=kv-e2e-main;SecretName=db-password)",\n    "canary-secret": "${reference}"\n  },\n  "AllowedHosts": "*"\n}\n`,
    );
    assert.equal((JSON.parse(editor.document.getText()) as { ConnectionStrings: Record<string, string> }).ConnectionStrings['canary-secret'], reference);
    await discard(editor);
  });

  it('appsettings.json: inside a string, the reference alone; a pinned version from a version node', async () => {
    const editor = await openAt(w, 'appsettings.json', '{\n  "Token": "|"\n}\n');
    const versions = (await w.tree.children(await w.item('canary-secret'))) as VersionNode[];
    await insert(versions[0]);
    assert.deepEqual(w.script.shown, []);
    assert.equal(editor.document.getText(), `{\n  "Token": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/canary-secret/ca000000000000000000000000000001)"\n}\n`);
    await discard(editor);
  });

  it('.bicepparam: az.getSecret after `=`, a whole param line on a line of its own', async () => {
    const editor = await openAt(w, 'infra/main.bicepparam', "using 'main.bicep'\n\nparam location = 'westeurope'\nparam dbPassword = |\n");
    await insert(await w.item('canary-secret'));
    const call = `az.getSecret('${SUBSCRIPTION_ID}', '${RESOURCE_GROUP}', '${VAULT}', 'canary-secret')`;
    assert.equal(editor.document.getText(), `using 'main.bicep'\n\nparam location = 'westeurope'\nparam dbPassword = ${call}\n`);
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await insert(await w.item('api-token'));
    assert.ok(editor.document.getText().endsWith(`\nparam apiToken = az.getSecret('${SUBSCRIPTION_ID}', '${RESOURCE_GROUP}', '${VAULT}', 'api-token')`));
    await discard(editor);
  });

  it('main.parameters.json: an ARM Key Vault reference parameter, indented, after a comma', async () => {
    const marked = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "location": {\n      "value": "westeurope"\n    }\n    |\n  }\n}\n';
    const editor = await openAt(w, 'infra/main.parameters.json', marked);
    const result = await insert(await w.item('canary-secret'));
    assert.equal(result.format, 'armParameter');
    const expected = marked.replace(
      '    }\n    |',
      `    },\n    "canarySecret": {\n      "reference": {\n        "keyVault": {\n          "id": "${armId}"\n        },\n        "secretName": "canary-secret"\n      }\n    }`,
    );
    assert.equal(editor.document.getText(), expected);
    const parsed = JSON.parse(editor.document.getText()) as { parameters: { canarySecret: { reference: { keyVault: { id: string }; secretName: string } } } };
    assert.equal(parsed.parameters.canarySecret.reference.keyVault.id, `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.KeyVault/vaults/${VAULT}`);
    await discard(editor);
  });

  it('main.tf: a data source with the vault resource id', async () => {
    const editor = await openAt(w, 'infra/main.tf', 'provider "azurerm" {\n  features {}\n}\n\n|');
    await insert(await w.item('canary-secret'));
    assert.equal(
      editor.document.getText(),
      `provider "azurerm" {\n  features {}\n}\n\ndata "azurerm_key_vault_secret" "canary_secret" {\n  name         = "canary-secret"\n  key_vault_id = "${armId}"\n}`,
    );
    await discard(editor);
  });

  it('.github/workflows/deploy.yml: an az keyvault step (masked, multi-line output) at the indentation of the steps', async () => {
    const original = 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      |\n';
    const editor = await openAt(w, '.github/workflows/deploy.yml', original);
    const result = await insert(await w.item('canary-secret'));
    assert.equal(result.format, 'githubActions');
    const step = [
      `      - name: Get secrets from ${VAULT}`,
      `        id: kv-${VAULT}`,
      '        shell: bash',
      '        run: |',
      '          # Needs a prior azure/login step: az reads with its identity and its cloud (China, US Gov: its environment input).',
      `          value="$(az keyvault secret show --id ${w.vaultUrl}/secrets/canary-secret --query value --output tsv)"`,
      '          while IFS= read -r line; do if [ -n "$line" ]; then echo "::add-mask::$line"; fi; done <<< "$value"',
      `          printf 'canary-secret<<KV_EOF_3f9c2a7d51e84b06\\n%s\\nKV_EOF_3f9c2a7d51e84b06\\n' "$value" >> "$GITHUB_OUTPUT"`,
    ];
    assert.equal(editor.document.getText(), `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${step.join('\n')}\n`);
    await discard(editor);
  });

  it('azure-pipelines.yml: one AzureKeyVault@2 task for several selected secrets', async () => {
    const editor = await openAt(w, 'azure-pipelines.yml', 'steps:\n  |\n');
    const a = await w.item('canary-secret');
    const b = await w.item('api-token');
    await insert(a, [a, b]);
    assert.equal(
      editor.document.getText(),
      `steps:\n  - task: AzureKeyVault@2\n    displayName: Get secrets from ${VAULT}\n    inputs:\n      azureSubscription: 'service-connection'\n      KeyVaultName: '${VAULT}'\n      SecretsFilter: 'canary-secret,api-token'\n      RunAsPreJob: false\n`,
    );
    await discard(editor);
  });

  it('a SecretProviderClass of the same vault gets one more entry of its objects array; another vault\'s class is left alone', async () => {
    const sample = fs.readFileSync(path.join(w.dir, 'k8s/secret-provider-class.yaml'), 'utf8');
    // The same vault: the entry joins its objects (the cursor on a new line of the array).
    const own = sample.replace('keyvaultName: kv-e2e-main', `keyvaultName: ${VAULT}`);
    const editor = await openAt(w, 'k8s/own-class.yaml', `${own}|`);
    await insert(await w.item('api-token'));
    assert.equal(editor.document.getText(), `${own}        - |\n          objectName: api-token\n          objectType: secret`);
    await discard(editor);
    // The sample's class reads kv-e2e-main: the entry goes into a SecretProviderClass of its own vault (a new document).
    const other = await openAt(w, 'k8s/secret-provider-class.yaml', `${sample}|`);
    await insert(await w.item('api-token'));
    const text = other.document.getText();
    assert.ok(text.startsWith(sample), 'the kv-e2e-main class is unchanged');
    const docs = YAML.parseAllDocuments(text).map((d) => d.toJS() as { spec: { parameters: { keyvaultName: string; objects: string } } });
    assert.deepEqual(docs.map((d) => d.spec.parameters.keyvaultName), ['kv-e2e-main', VAULT]);
    assert.match(docs[1]!.spec.parameters.objects, /objectName: api-token/);
    assert.doesNotMatch(docs[0]!.spec.parameters.objects, /api-token/);
    await discard(other);
  });

  it('"Insert Reference As…" offers every syntax, this file\'s first; the palette asks kind, vault and item', async () => {
    const editor = await openAt(w, 'notes.md', 'See |\n');
    w.script.picks = ['Key Vault URI'];
    await vscode.commands.executeCommand('azureKeyVault.insertReferenceAs', await w.item('api-token'));
    assert.equal(editor.document.getText(), `See ${w.vaultUrl}/secrets/api-token\n`);
    assert.match(w.script.shown.at(-1)!, /^Insert the reference as…: Key Vault URI, App Service/);
    w.script.picks = ['Secret', VAULT, 'canary-secret'];
    await insert();
    assert.equal(editor.document.getText(), `See ${w.vaultUrl}/secrets/api-token${w.vaultUrl}/secrets/canary-secret\n`);
    w.script.assertDone();
    await discard(editor);
  });

  it('a drop of tree items into an editor inserts their references, one per line', async () => {
    const editor = await openAt(w, 'appsettings.json', '{\n  "A": "a",\n  |\n}\n');
    const items = [await w.item('canary-secret'), await w.item('api-token')];
    // What VS Code does on a drag from the view: the controller fills the data transfer…
    const transfer = new vscode.DataTransfer();
    new ReferenceDragController().handleDrag(items, transfer);
    const payload = await transfer.get(referenceMimeType)!.asString();
    assert.deepEqual((JSON.parse(payload) as { name: string }[]).map((t) => t.name), ['canary-secret', 'api-token']);
    assert.ok(!/value/i.test(payload), 'names and ids only');
    // …and on the drop into the editor, the drop edit provider turns it into an edit, which VS Code applies.
    const edit = await new ReferenceDropProvider().provideDocumentDropEdits(editor.document, editor.selection.active, transfer);
    assert.ok(edit && edit.insertText instanceof vscode.SnippetString);
    assert.match(String(edit.title), /App Service/);
    assert.ok(await editor.insertSnippet(edit.insertText, editor.selection.active));
    assert.equal(
      editor.document.getText(),
      `{\n  "A": "a",\n  "canary-secret": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/canary-secret/)",\n  "api-token": "@Microsoft.KeyVault(SecretUri=${w.vaultUrl}/secrets/api-token/)"\n}\n`,
    );
    await discard(editor);
  });
});
