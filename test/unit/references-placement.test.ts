// Which format fits a file, and what gets inserted where (value inside a string or after `:`/`=`, an entry on
// a line of its own, the comma JSON needs, the declaration a value needs).
import * as assert from 'node:assert/strict';
import {
  dotnetKeyOf, formatForFile, formatsForFile, placeReferences, secretNameOfDotnetKey, toSnippet, toText, type FormatId, type PlacementContext,
} from '../../src/references';
import { hostCases, target } from './references-cases';

const t = target(hostCases[0]!, undefined);
const t2 = target(hostCases[0]!, undefined, { name: 'api-key' });

/** A context from text where `|` marks the cursor. */
function at(marked: string, path: string, languageId = 'plaintext'): PlacementContext {
  const offset = marked.indexOf('|');
  return { text: marked.replace('|', ''), offset, languageId, path };
}

describe('format for a file', () => {
  const cases: [string, string, FormatId, string?][] = [
    ['/w/appsettings.json', 'json', 'appServiceUri'],
    ['/w/appsettings.Development.json', 'json', 'appServiceUri'],
    ['C:\\w\\api\\local.settings.json', 'json', 'appServiceUri'],
    ['/w/infra/main.parameters.json', 'json', 'armParameter'],
    ['/w/infra/azuredeploy.parameters.prod.json', 'json', 'armParameter'],
    ['/w/infra/params.json', 'json', 'armParameter', '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#" }'],
    ['/w/infra/main.bicep', 'bicep', 'bicep'],
    ['/w/infra/main.bicepparam', 'bicep-params', 'bicepparam'],
    ['/w/infra/main.tf', 'terraform', 'terraform'],
    ['/w/.github/workflows/deploy.yml', 'yaml', 'githubActions'],
    ['/w/azure-pipelines.yml', 'yaml', 'azurePipelines'],
    ['/w/ci/build.yaml', 'yaml', 'azurePipelines', 'steps:\n- task: AzureCLI@2\n'],
    ['/w/k8s/spc.yaml', 'yaml', 'csi', 'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\n'],
    ['/w/appconfig.json', 'json', 'appConfig'],
    ['/w/Program.cs', 'csharp', 'dotnetKey'],
    ['/w/notes.md', 'markdown', 'uri'],
    ['/w/.env.keyvault', 'dotenv', 'kvUri'],
    ['/w/app/prod.env.keyvault', 'plaintext', 'kvUri'],
    ['/w/.env', 'dotenv', 'uri'],
  ];
  for (const [path, languageId, expected, text] of cases) {
    it(`${path} → ${expected}`, () => assert.equal(formatForFile({ path, languageId, ...(text ? { text } : {}) }), expected));
  }

  it('offers the best format first, then every other that can name the kind', () => {
    const offered = formatsForFile({ path: '/w/main.tf', languageId: 'terraform' }, 'secret');
    assert.equal(offered[0], 'terraform');
    assert.equal(new Set(offered).size, offered.length);
    assert.deepEqual(formatsForFile({ path: '/w/appsettings.json', languageId: 'json' }, 'key'), ['uri', 'csi', 'terraform']);
  });
});

describe('placement', () => {
  it('App Service: raw inside a string, quoted after a colon, a property (with commas) on its own line', () => {
    assert.equal(toText(placeReferences(at('{ "Db": "|" }', '/appsettings.json', 'json'), 'appServiceUri', [t]).template), '@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/)');
    assert.equal(toText(placeReferences(at('{ "Db": | }', '/appsettings.json', 'json'), 'appServiceUri', [t]).template), '"@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/)"');
    const entry = placeReferences(at('{\n  "A": "x"\n  |\n  "B": 1\n}', '/appsettings.json', 'json'), 'appServiceName', [t]);
    assert.equal(entry.mode, 'entry');
    assert.equal(toText(entry.template), '"db-password": "@Microsoft.KeyVault(VaultName=contoso-kv;SecretName=db-password)",');
    assert.deepEqual(entry.extras, [{ offset: '{\n  "A": "x"'.length, text: ',' }]);
    const first = placeReferences(at('{\n  |\n}', '/appsettings.json', 'json'), 'appServiceUri', [t]);
    assert.equal(first.extras, undefined);
  });

  it('several targets make several lines', () => {
    const json = placeReferences(at('{\n  |\n}', '/appsettings.json', 'json'), 'appServiceUri', [t, t2]);
    assert.equal(toText(json.template).split('\n').length, 2);
    assert.match(toSnippet(json.template), /^"\$\{1:db-password\}": .*,\n"\$\{2:api-key\}": /);
    const workflow = placeReferences(at('steps:\n  |', '/.github/workflows/ci.yml', 'yaml'), 'githubActions', [t, t2]);
    assert.match(toText(workflow.template), /id: kv-contoso-kv\n(.*\n)+.*--name db-password (.*\n)+.*--name api-key /);
    const uris = placeReferences(at('|', '/notes.md'), 'uri', [t, t2]);
    assert.equal(toText(uris.template), 'https://contoso-kv.vault.azure.net/secrets/db-password\nhttps://contoso-kv.vault.azure.net/secrets/api-key');
  });

  it('.bicepparam: the call after `=`, a param line elsewhere', () => {
    assert.equal(placeReferences(at('param db = |', '/main.bicepparam'), 'bicepparam', [t]).mode, 'value');
    assert.match(toText(placeReferences(at("using './main.bicep'\n|", '/main.bicepparam'), 'bicepparam', [t]).template), /^param dbPassword = az\.getSecret\(/);
    // An empty file gets the `using` a parameters file needs first.
    assert.match(toText(placeReferences(at('|', '/main.bicepparam'), 'bicepparam', [t]).template), /^using '\.\/main\.bicep'\n\nparam dbPassword = az\.getSecret\(/);
  });

  it('Bicep: reuses a declared vault symbol; a value elsewhere declares the vault at the end', () => {
    const declared = "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'contoso-kv'\n}\nmodule m './m.bicep' = {\n  params: {\n    pw: |\n  }\n}\n";
    assert.equal(toText(placeReferences(at(declared, '/main.bicep'), 'bicep', [t]).template), "vault.getSecret('db-password')");
    const bare = placeReferences(at("module m './m.bicep' = {\n  params: {\n    pw: |\n  }\n}\n", '/main.bicep'), 'bicep', [t]);
    assert.equal(toText(bare.template), "contosoKv.getSecret('db-password')");
    assert.match(bare.extras![0]!.text, /^\n\nresource contosoKv 'Microsoft\.KeyVault\/vaults@2023-07-01' existing = \{/);
  });

  it('Terraform: a value after `=` adds its data source once', () => {
    const p = placeReferences(at('resource "x" "y" {\n  password = |\n}\n', '/main.tf'), 'terraform', [t]);
    assert.equal(toText(p.template), 'data.azurerm_key_vault_secret.db_password.value');
    assert.match(p.extras![0]!.text, /data "azurerm_key_vault_secret" "db_password"/);
    const again = placeReferences(at(`${p.extras![0]!.text}\nresource "x" "z" {\n  password = |\n}\n`, '/main.tf'), 'terraform', [t]);
    assert.equal(again.extras, undefined);
  });

  it('CSI: an array item inside a SecretProviderClass, the whole class elsewhere', () => {
    const spc = 'kind: SecretProviderClass\nspec:\n  parameters:\n    keyvaultName: contoso-kv\n    objects: |\n      array:\n        ';
    const inArray = placeReferences({ text: spc, offset: spc.length, languageId: 'yaml', path: '/spc.yaml' }, 'csi', [t]);
    assert.equal(inArray.mode, 'value');
    assert.equal(toText(inArray.template), '- |\n  objectName: db-password\n  objectType: secret');
    assert.match(toText(placeReferences(at('|', '/spc.yaml', 'yaml'), 'csi', [t]).template), /^apiVersion: secrets-store/);
  });

  it('App Configuration: escaped inside a JSON string', () => {
    assert.equal(
      toText(placeReferences(at('{ "value": "|" }', '/kv.json', 'json'), 'appConfig', [t]).template),
      '{\\"uri\\":\\"https://contoso-kv.vault.azure.net/secrets/db-password\\"}',
    );
  });
});

describe('.NET configuration keys', () => {
  it('maps -- to : and back', () => {
    assert.equal(dotnetKeyOf('ConnectionStrings--Db--Primary'), 'ConnectionStrings:Db:Primary');
    assert.equal(secretNameOfDotnetKey('ConnectionStrings:Db'), 'ConnectionStrings--Db');
    for (const name of ['a', 'A--B', 'x--y--z']) assert.equal(secretNameOfDotnetKey(dotnetKeyOf(name)), name);
  });
});
