// Bicep and .bicepparam into existing files (issue 15 item 5): every symbol the file declares is taken, a vault
// declared `existing` with its literal name is reused, a new vault resource takes a free symbol, module parameters
// and .bicepparam params are unique. Each output is checked by the structural Bicep validator of the ecosystem
// matrix (test/ecosystem/validators.ts: no Bicep parser exists on npm) and read back: which vault each value reads.
import * as assert from 'node:assert/strict';
import { bicepVaultSymbols, findReferences, toSnippet, toText } from '../../src/references';
import { bicepDeclaredSymbols } from '../../src/references/formats/bicep';
import { bicep as bicepValidator, bicepparam as bicepparamValidator } from '../ecosystem/validators';
import { hostCases, target } from './references-cases';
import { insert } from './references-insert';

const contoso = target(hostCases[0]!, undefined);
const prodArm = '/subscriptions/00000000-0000-4000-8000-0000000000a2/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/prod-kv';
const prod = target(hostCases[0]!, undefined, { vaultUrl: 'https://prod-kv.vault.azure.net', vaultName: 'prod-kv', armId: prodArm, subscriptionId: '00000000-0000-4000-8000-0000000000a2', resourceGroup: 'rg-prod' });
const apiKey = target(hostCases[0]!, undefined, { name: 'api-key' });

async function valid(text: string, file = '/w/main.bicep'): Promise<void> {
  const validator = file.endsWith('.bicepparam') ? bicepparamValidator : bicepValidator;
  const result = await validator.validate(text, file);
  assert.deepEqual(result.problems, [], text);
}

async function reads(text: string): Promise<string[]> {
  return (await bicepValidator.reads(text, '/w/main.bicep')).map((r) => `${r.vault}/${r.name}`).sort();
}

const paramVault = `param vaultName string = 'contoso-kv'

resource contosoKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}
`;

describe('Bicep into an existing file (issue 15 item 5)', () => {
  it('finds every declared symbol, not those in comments or strings', () => {
    const text = `targetScope = 'resourceGroup'
import { shared, other as alias } from './types.bicep'
import * as ns from './ns.bicep'
@secure()
param pw string
@description('x') var prefix = 'resource fake'
// resource commented 'x' = {}
/* module hidden './x.bicep' = {} */
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  resource blobs 'blobServices' = { name: 'default' }
}
module app './app.bicep' = { name: 'app' }
output endpoint string = storage.properties.primaryEndpoints.blob
type config = { name: string }
func greet(name string) string => 'hi \${name}'
metadata owner = 'me'
var s = '''
param insideString string
'''
`;
    assert.deepEqual([...bicepDeclaredSymbols(text)].sort(), ['alias', 'app', 'blobs', 'config', 'endpoint', 'greet', 'ns', 'owner', 'prefix', 'pw', 's', 'shared', 'storage']);
  });

  it('a vault symbol declared with a non-literal name is not reused: the new resource takes a free symbol', async () => {
    const { text, placement } = insert(`${paramVault}
module m './m.bicep' = {
  name: 'm'
  params: {
    pw: |
  }
}
`, '/w/main.bicep', 'bicep', [contoso]);
    assert.equal(toText(placement.template), "contosoKv2.getSecret('db-password')");
    assert.match(text, /^resource contosoKv2 'Microsoft\.KeyVault\/vaults@2023-07-01' existing = \{\n {2}name: 'contoso-kv'/m);
    await valid(text);
    assert.deepEqual(await reads(text), ['contoso-kv/db-password']);
  });

  it('reuses an existing vault whose literal name matches, whatever its symbol, also for a module entry', async () => {
    const existing = "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'contoso-kv' }\n\n|";
    const { text } = insert(existing, '/w/main.bicep', 'bicep', [contoso, apiKey]);
    assert.equal(text.match(/^resource /gm)?.length, 1);
    assert.match(text, /dbPassword: vault\.getSecret\('db-password'\)\n {4}apiKey: vault\.getSecret\('api-key'\)/);
    await valid(text);
    assert.equal(bicepVaultSymbols(text).get('contoso-kv'), 'vault');
  });

  it('the same secret from two vaults: one module parameter each, named after the vault', async () => {
    const { text } = insert('|', '/w/main.bicep', 'bicep', [contoso, prod]);
    assert.match(text, /contosoKvDbPassword: contosoKv\.getSecret\('db-password'\)\n {4}prodKvDbPassword: prodKv\.getSecret\('db-password'\)/);
    await valid(text);
    assert.deepEqual(await reads(text), ['contoso-kv/db-password', 'prod-kv/db-password']);
  });

  it('a second insertion into the same file: vaults reused, module and symbols unique', async () => {
    const first = insert('|', '/w/main.bicep', 'bicep', [contoso]).text;
    const { text } = insert(`${first}\n\n|`, '/w/main.bicep', 'bicep', [contoso, prod]);
    assert.equal(text.match(/'Microsoft\.KeyVault\/vaults@/g)?.length, 2);
    assert.match(text, /^module app2 '\.\/app\.bicep' = \{\n {2}name: 'app2'/m);
    await valid(text);
    assert.deepEqual(await reads(text), ['contoso-kv/db-password', 'contoso-kv/db-password', 'prod-kv/db-password']);
  });

  it('a symbol taken by a param, var or output is not used for a vault', async () => {
    const { text } = insert("param contosoKv string\nvar prodKv = 1\noutput contosoKv2 string = 'x'\n\nmodule m './m.bicep' = {\n  params: {\n    pw: |\n  }\n}\n", '/w/main.bicep', 'bicep', [contoso]);
    assert.match(text, /pw: contosoKv3\.getSecret/);
    await valid(text);
  });

  it("inside a module's params: parameter lines; inside another block: everything at the end of the file", async () => {
    const file = `${paramVault}\nmodule app './app.bicep' = {\n  name: 'app'\n  params: {\n    dbPassword: 1\n    |\n  }\n}\n`;
    const inParams = insert(file, '/w/main.bicep', 'bicep', [contoso, prod]);
    assert.match(inParams.text, /dbPassword: 1\n {4}contosoKvDbPassword: contosoKv2\.getSecret\('db-password'\)\n {4}prodKvDbPassword: prodKv\.getSecret\('db-password'\)\n {2}\}/);
    assert.match(inParams.text, /\n\nresource prodKv 'Microsoft\.KeyVault\/vaults@2023-07-01' existing = \{\n {2}name: 'prod-kv'\n[^]*\}\n$/);
    await valid(inParams.text);
    const inBody = insert(file.replace("  name: 'app'\n", "  name: 'app'\n  |\n").replace('    |\n', ''), '/w/main.bicep', 'bicep', [contoso]);
    assert.deepEqual(inBody.placement.template, []);
    assert.match(inBody.text, /\n\}\n\nresource contosoKv2 [^]*\n\nmodule app2 '\.\/app\.bicep' = \{[^]*\n\}\n$/);
    await valid(inBody.text);
    assert.deepEqual(await reads(inBody.text), ['contoso-kv/db-password']);
  });

  it('text after the cursor moves to the next line', async () => {
    const { text } = insert("|param x string\n", '/w/main.bicep', 'bicep', [contoso]);
    assert.match(text, /\n\}\nparam x string\n$/);
    await valid(text);
  });

  it('keeps module tab stops after the vault fields of a vault attached by URL', () => {
    const attached = { vaultUrl: 'https://contoso-kv.vault.azure.net', vaultName: 'contoso-kv', kind: 'secret' as const, name: 'db-password' };
    const { placement } = insert('|', '/w/main.bicep', 'bicep', [attached]);
    assert.match(toSnippet(placement.template), /resourceGroup\('\$\{1:subscription-id\}', '\$\{2:resource-group\}'\)[\s\S]*module \$\{3:app\} '\$\{4:\.\/app\.bicep\}'[\s\S]*\$\{5:dbPassword\}: contosoKv/);
  });

  it('parses getSecret on existing vaults only when the name is a literal', () => {
    const text = `${paramVault}resource other 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'prod-kv'
  scope: resourceGroup('sub-1', 'rg-1')
}
var a = contosoKv.getSecret('x')
var b = other.getSecret('y', '0123456789abcdef0123456789abcdef')
`;
    const found = findReferences(text).filter((f) => f.format === 'bicep');
    assert.deepEqual(found.map((f) => [f.name, f.vault]), [['y', { by: 'name', name: 'prod-kv', subscriptionId: 'sub-1', resourceGroup: 'rg-1' }]]);
  });
});

describe('.bicepparam into an existing file (issue 15 item 5)', () => {
  it('param names unique against the file and each other; a file without `using` gets one', async () => {
    const { text, placement } = insert("param dbPassword = 'x'\n|", '/w/main.bicepparam', 'bicepparam', [contoso, prod]);
    assert.deepEqual(placement.extras, [{ offset: 0, text: "using './main.bicep'\n\n" }]);
    assert.match(text, /^param contosoKvDbPassword = az\.getSecret\('[^']+', 'rg-app', 'contoso-kv', 'db-password'\)\nparam prodKvDbPassword = az\.getSecret\('[^']+', 'rg-prod', 'prod-kv', 'db-password'\)$/m);
    await valid(text, '/w/main.bicepparam');
    const again = insert("using './main.bicep'\nparam dbPassword = 'x'\n|", '/w/main.bicepparam', 'bicepparam', [contoso]);
    assert.equal(again.placement.extras, undefined);
    assert.match(again.text, /^param dbPassword2 = /m);
    await valid(again.text, '/w/main.bicepparam');
  });

  it('an empty file: using first, its path a tab stop', async () => {
    const { text, placement } = insert('|', '/w/main.bicepparam', 'bicepparam', [contoso]);
    assert.match(toSnippet(placement.template), /^using '\$\{1:\.\/main\.bicep\}'\n\nparam \$\{2:dbPassword\} = /);
    await valid(text, '/w/main.bicepparam');
  });
});
