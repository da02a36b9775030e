// The validators themselves: each accepts a correct file and rejects the faults issue 15 found (1–7), so a passing
// matrix means the real tools accepted the output, not that a validator looked away.
import * as assert from 'node:assert/strict';
import { validators, type Validator } from './validators';

async function accepts(v: Validator, text: string, fileName: string): Promise<void> {
  const r = await v.validate(text, fileName);
  assert.deepEqual(r.problems, [], `${v.id} should accept:\n${text}`);
  assert.equal(r.ok, true);
}

async function rejects(v: Validator, text: string, fileName: string, expected: RegExp): Promise<void> {
  const r = await v.validate(text, fileName);
  assert.equal(r.ok, false, `${v.id} should reject:\n${text}`);
  assert.ok(r.problems.some((p) => expected.test(p)), `${v.id}: no problem matches ${String(expected)}: ${JSON.stringify(r.problems)}`);
}

const workflow = (steps: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const cliStep = (id: string, vault: string, name: string) => `      - id: ${id}
        shell: bash
        run: |
          value="$(az keyvault secret show --vault-name ${vault} --name ${name} --query value --output tsv)"
          echo "::add-mask::$value"
          echo "${name}=$value" >> "$GITHUB_OUTPUT"
`;

describe('ecosystem validators: accept the right thing, reject the faults of issue 15', function () {
  this.timeout(60_000);

  it('GitHub Actions (GitHub’s own parser): duplicate step ids (2), the deprecated action (1), an unmasked output, not a workflow', async () => {
    const v = validators.githubActions;
    await accepts(v, workflow(cliStep('kv-a', 'contoso-kv', 'db-password') + cliStep('kv-b', 'fabrikam-kv', 'db-password')), 'w.yml');
    await rejects(v, workflow(cliStep('keyvault', 'contoso-kv', 'a') + cliStep('keyvault', 'fabrikam-kv', 'b')), 'w.yml', /The identifier 'keyvault' may not be used more than once/);
    await rejects(v, workflow("      - id: keyvault\n        uses: Azure/get-keyvault-secrets@v1\n        with:\n          keyvault: contoso-kv\n          secrets: 'a'\n"), 'w.yml', /deprecated/);
    await rejects(v, workflow('      - id: kv\n        run: |\n          value="$(az keyvault secret show --vault-name v --name a --query value -o tsv)"\n          echo "a=$value" >> "$GITHUB_OUTPUT"\n'), 'w.yml', /without ::add-mask::/);
    await rejects(v, '- name: step\n  run: echo\n', 'w.yml', /A sequence was not expected/);
    assert.deepEqual(
      (await v.resolve!(workflow(cliStep('kv-b', 'fabrikam-kv', 'db-password')), 'w.yml', '${{ steps.kv-b.outputs.db-password }}')).map((r) => r.vault),
      ['fabrikam-kv'],
    );
  });

  it('Azure Pipelines (service-schema.json): a valid pipeline, an unknown key, one variable from two vaults', async () => {
    const v = validators.azurePipelines;
    const task = (vault: string, names: string) => `  - task: AzureKeyVault@2\n    inputs:\n      azureSubscription: 'c'\n      KeyVaultName: '${vault}'\n      SecretsFilter: '${names}'\n      RunAsPreJob: false\n`;
    await accepts(v, `trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nsteps:\n${task('contoso-kv', 'a,b')}`, 'azure-pipelines.yml');
    await rejects(v, `steps:\n  - tsak: AzureKeyVault@2\n`, 'azure-pipelines.yml', /service-schema\.json/);
    await rejects(v, `steps:\n${task('contoso-kv', 'db-password')}${task('fabrikam-kv', 'db-password')}`, 'azure-pipelines.yml', /\$\(db-password\) is set from 2 vaults/);
  });

  it('ARM parameters (deploymentParameters.json): a reference, a misspelt property, duplicate parameters', async () => {
    const v = validators.armParameters;
    const file = (params: string) => `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {${params}}\n}`;
    const ref = (name: string, prop = 'secretName') => `"${name}": { "reference": { "keyVault": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v" }, "${prop}": "x" } }`;
    await accepts(v, file(ref('a')), 'main.parameters.json');
    await rejects(v, file(ref('a', 'secretname')), 'main.parameters.json', /additional properties|must have required property 'secretName'/);
    await rejects(v, file(`${ref('a')}, ${ref('a')}`), 'main.parameters.json', /duplicate key "a"/);
    await rejects(v, `"a": { "value": 1 }`, 'main.parameters.json', /JSON|must be object/);
  });

  it('App Configuration (KVSet + KeyVaultReference schemas): a bare item is not an import file (7), a bad uri', async () => {
    const v = validators.appConfigKvset;
    const item = (uri: string) => `{ "key": "Db", "value": ${JSON.stringify(JSON.stringify({ uri }))}, "label": null, "content_type": "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8" }`;
    await accepts(v, `{ "items": [ ${item('https://contoso-kv.vault.azure.net/secrets/db')} ] }`, 'appconfig.json');
    await rejects(v, item('https://contoso-kv.vault.azure.net/secrets/db'), 'appconfig.json', /must have required property 'items'/);
    await rejects(v, `{ "items": [ ${item('https://contoso-kv.vault.azure.net/keys/db')} ] }`, 'appconfig.json', /KeyVaultReference.*pattern/);
  });

  it('appsettings.json / local.settings.json: the section repeated in a nested key (6), `:` in Values, comments allowed', async () => {
    const v = validators.appSettings;
    await accepts(v, '{\n  // comment\n  "ConnectionStrings": { "Storage": "x" },\n}', 'appsettings.json');
    await rejects(v, '{ "ConnectionStrings": { "ConnectionStrings:Storage": "x" } }', 'appsettings.json', /ConnectionStrings:ConnectionStrings:Storage/);
    await rejects(v, '{ "Values": { "ConnectionStrings:Storage": "x" } }', 'local.settings.json', /write "ConnectionStrings__Storage"/);
    await rejects(v, '"Db": "x"', 'appsettings.json', /JSON/);
  });

  it('Terraform (HCL parser): syntax, one label twice (4), a data source without key_vault_id; the vault behind a reference', async () => {
    const v = validators.terraform;
    const kv = 'data "azurerm_key_vault" "f" {\n  name                = "fabrikam-kv"\n  resource_group_name = "rg"\n}\n';
    const secret = (label: string) => `data "azurerm_key_vault_secret" "${label}" {\n  name         = "db-password"\n  key_vault_id = data.azurerm_key_vault.f.id\n}\n`;
    await accepts(v, kv + secret('db_password'), 'main.tf');
    await rejects(v, kv + secret('db_password') + secret('db_password'), 'main.tf', /duplicate data "azurerm_key_vault_secret" "db_password"/);
    await rejects(v, 'data "azurerm_key_vault_secret" "x" {\n  name = "a"\n}\n', 'main.tf', /has no key_vault_id/);
    await rejects(v, 'data "x" "y" {\n  a = \n', 'main.tf', /hcl2json/);
    const resolved = await v.resolve!(kv + secret('db_password'), 'main.tf', 'data.azurerm_key_vault_secret.db_password.value');
    assert.deepEqual(resolved.map((r) => r.vault), ['fabrikam-kv']);
  });

  it('SecretProviderClass (yaml): two classes with one name (3), an item outside objects, a bad objectType', async () => {
    const v = validators.csi;
    const spc = (name: string, vault: string, items: string) => `apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: ${name}\nspec:\n  provider: azure\n  parameters:\n    keyvaultName: ${vault}\n    tenantId: "t"\n    objects: |\n      array:\n${items}`;
    const item = (name: string, type = 'secret') => `        - |\n          objectName: ${name}\n          objectType: ${type}\n`;
    await accepts(v, spc('a', 'contoso-kv', item('db')), 'spc.yaml');
    await rejects(v, `${spc('a', 'contoso-kv', item('db'))}---\n${spc('a', 'fabrikam-kv', item('db'))}`, 'spc.yaml', /metadata\.name 'a' used by 2/);
    await rejects(v, `${spc('a', 'contoso-kv', item('db'))}- |\n  objectName: x\n  objectType: secret\n`, 'spc.yaml', /YAML/);
    await rejects(v, spc('a', 'contoso-kv', item('db', 'password')), 'spc.yaml', /objectType "password"/);
  });

  it('Bicep (structural): a symbol twice (5), a module parameter twice (5), a bare expression, unbalanced braces', async () => {
    const v = validators.bicep;
    const vault = (sym: string, name: string) => `resource ${sym} 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: ${name}\n}\n`;
    await accepts(v, `${vault('kv', "'contoso-kv'")}module m './m.bicep' = {\n  name: 'm'\n  params: {\n    pw: kv.getSecret('db')\n  }\n}\n`, 'main.bicep');
    await rejects(v, `param n string = 'contoso-kv'\n${vault('kv', 'n')}${vault('kv', "'contoso-kv'")}`, 'main.bicep', /symbol 'kv' declared 2 times/);
    await rejects(v, `${vault('kv', "'v'")}module m './m.bicep' = {\n  name: 'm'\n  params: {\n    pw: kv.getSecret('db')\n    pw: kv.getSecret('db')\n  }\n}\n`, 'main.bicep', /property 'pw' is declared twice/);
    await rejects(v, `${vault('kv', "'v'")}kv.getSecret('db')\n`, 'main.bicep', /is not a declaration/);
    await rejects(v, `${vault('kv', "'v'")}module m './m.bicep' = {\n`, 'main.bicep', /never closed/);
    await rejects(validators.bicepparam, "param a = az.getSecret('s', 'r', 'v', 'n')\n", 'main.bicepparam', /no using declaration/);
    await rejects(validators.bicepparam, "using './main.bicep'\nparam a = az.getSecret('s', 'r', 'v', 'n')\nparam a = 1\n", 'main.bicepparam', /symbol 'a' declared 2 times/);
  });

  it('.env (dotenv): a URI read back under its key, a bare line, a key twice', async () => {
    const v = validators.dotenv;
    await accepts(v, 'A=https://contoso-kv.vault.azure.net/secrets/a\n# c\nB="x"\n', '.env');
    await rejects(v, 'https://contoso-kv.vault.azure.net/secrets/a\n', '.env', /is not KEY=value/);
    await rejects(v, 'A=1\nA=2\n', '.env', /key A set twice/);
    assert.deepEqual((await v.reads('A=https://contoso-kv.vault.azure.net/secrets/a/0123\n', '.env')).map((r) => [r.vault, r.name, r.version]), [['contoso-kv', 'a', '0123']]);
  });

  it('Key Vault URIs and C# (structural)', async () => {
    await accepts(validators.keyVaultUri, 'see https://contoso-kv.vault.azure.net/secrets/a/0123456789abcdef0123456789abcdef', 'notes.md');
    await rejects(validators.keyVaultUri, 'https://contoso-kv.vault.azure.net/secrets/a/b/c', 'notes.md', /not a Key Vault object identifier/);
    await accepts(validators.csharp, 'var x = builder.Configuration["A:B"];\n', 'Program.cs');
    await rejects(validators.csharp, 'var x = builder.Configuration["A\nB"];\n', 'Program.cs', /CS1010/);
  });
});
