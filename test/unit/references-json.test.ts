// JSON formats into existing files (issue 15 items 6, 7): keys relative to the object at the cursor (.NET's `:`,
// Functions' `__` in local.settings.json Values), unique in it; ARM parameters unique within `parameters`; App
// Configuration KVSet `{"items": [ … ]}`. Every output is judged by the ecosystem matrix's validators
// (test/ecosystem/validators.ts: jsonc-parser — no parse error, no duplicate key — plus the vendored SchemaStore
// appsettings / local.settings, ARM deploymentParameters 2019-04-01 and App Configuration KVSet schemas) and read
// back: which vault each setting reads.
import * as assert from 'node:assert/strict';
import * as jsonc from 'jsonc-parser';
import { toSnippet, toText, type FormatId, type ReferenceTarget } from '../../src/references';
import { validatorFor } from '../ecosystem/validators';
import { hostCases, target } from './references-cases';
import { insert } from './references-insert';

const contoso = target(hostCases[0]!, undefined);
const prodArm = '/subscriptions/00000000-0000-4000-8000-0000000000a2/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/prod-kv';
const prod = target(hostCases[0]!, undefined, { vaultUrl: 'https://prod-kv.vault.azure.net', vaultName: 'prod-kv', armId: prodArm });
const storage = target(hostCases[0]!, undefined, { name: 'ConnectionStrings--Storage' });
const prodStorage = { ...prod, name: 'ConnectionStrings--Storage' };

/** Inserts, validates with the ecosystem's validator, returns the file and what it reads (vault/name). */
async function check(marked: string, file: string, format: FormatId, targets: readonly ReferenceTarget[]): Promise<{ text: string; reads: string[]; json: unknown }> {
  const { text } = insert(marked, file, format, targets, 'json');
  const validator = validatorFor(file, text);
  assert.deepEqual((await validator.validate(text, file)).problems, [], text);
  const reads = (await validator.reads(text, file)).map((r) => `${r.vault}/${r.name}`);
  return { text, reads, json: jsonc.parse(text) as unknown };
}

describe('App Service settings in JSON files (issue 15 item 6)', () => {
  const nested = '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "ConnectionStrings": {\n    "Db": "x"\n    |\n  }\n}\n';

  it('inside "ConnectionStrings" the key is relative: "Storage", not "ConnectionStrings:Storage"', async () => {
    const { json, reads } = await check(nested, '/w/appsettings.json', 'appServiceUri', [storage]);
    assert.deepEqual(Object.keys((json as { ConnectionStrings: object }).ConnectionStrings), ['Db', 'Storage']);
    assert.deepEqual(reads, ['contoso-kv/ConnectionStrings--Storage']);
  });

  it('a key outside the section keeps its whole name; a key the object has gets a number', async () => {
    const { json } = await check(nested, '/w/appsettings.json', 'appServiceName', [contoso, storage, prodStorage]);
    assert.deepEqual(Object.keys((json as { ConnectionStrings: object }).ConnectionStrings), ['Db', 'db-password', 'Storage', 'Storage2']);
    const again = await check('{\n  "ConnectionStrings": { "storage": "x", "Storage2": "y" },\n  "A": 1|\n}', '/w/appsettings.json', 'appServiceUri', [storage]);
    assert.deepEqual(Object.keys(again.json as object), ['ConnectionStrings', 'A', 'ConnectionStrings:Storage']);
  });

  it('an empty appsettings.json gets its braces', async () => {
    const { text, reads } = await check('|', '/w/appsettings.json', 'appServiceUri', [storage, prod]);
    assert.match(text, /^\{\n {2}"ConnectionStrings:Storage": "@Microsoft\.KeyVault\(SecretUri=https:\/\/contoso-kv[^"]*",\n {2}"db-password": "@Microsoft\.KeyVault\(SecretUri=https:\/\/prod-kv/);
    assert.deepEqual(reads, ['contoso-kv/ConnectionStrings--Storage', 'prod-kv/db-password']);
  });

  it('after the root\'s closing brace the setting is appended inside it', async () => {
    const { json } = await check('{\n  "A": "x"\n}\n|', '/w/appsettings.json', 'appServiceUri', [contoso]);
    assert.deepEqual(Object.keys(json as object), ['A', 'db-password']);
  });

  it('local.settings.json: Values keys use __, top-level settings go into Values, an empty file gets the layout', async () => {
    const values = await check('{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "UseDevelopmentStorage=true",\n    |\n  }\n}', '/w/local.settings.json', 'appServiceUri', [storage]);
    assert.deepEqual(Object.keys((values.json as { Values: object }).Values), ['AzureWebJobsStorage', 'ConnectionStrings__Storage']);
    const top = await check('{\n  "IsEncrypted": false,\n  |\n  "Values": {\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"\n  }\n}', '/w/local.settings.json', 'appServiceName', [storage, prodStorage]);
    assert.deepEqual(Object.keys((top.json as { Values: object }).Values), ['FUNCTIONS_WORKER_RUNTIME', 'ConnectionStrings__Storage', 'ConnectionStrings__Storage2']);
    assert.deepEqual(top.reads, ['contoso-kv/ConnectionStrings--Storage', 'prod-kv/ConnectionStrings--Storage']);
    const empty = await check('|', '/w/local.settings.json', 'appServiceUri', [storage]);
    assert.deepEqual(empty.json, { IsEncrypted: false, Values: { ConnectionStrings__Storage: '@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/ConnectionStrings--Storage/)' } });
    const connections = await check('{\n  "Values": {},\n  "ConnectionStrings": {\n    |\n  }\n}', '/w/local.settings.json', 'appServiceUri', [storage]);
    assert.deepEqual(Object.keys((connections.json as { ConnectionStrings: object }).ConnectionStrings), ['Storage']);
  });

  it('.NET key typed as a property name: relative to its object and unique in it', () => {
    const at = (marked: string, file = '/w/appsettings.json') => toText(insert(marked, file, 'dotnetKey', [storage], 'json').placement.template);
    assert.equal(at('{ "ConnectionStrings": { "Storage": "a", "|": "b" } }'), 'Storage2');
    assert.equal(at('{ "ConnectionStrings": { "|": "b" } }'), 'Storage');
    assert.equal(at('{ "Values": { "|": "b" } }', '/w/local.settings.json'), 'ConnectionStrings__Storage');
    assert.equal(at('{ "Db": "|" }'), 'ConnectionStrings:Storage');
    assert.equal(at('var x =\n|', '/w/Program.cs'), 'configuration["ConnectionStrings:Storage"]');
  });
});

describe('ARM parameter files (issue 15 item 6)', () => {
  it('an empty file gets the whole parameters file, the official schema accepts it', async () => {
    const { text, reads } = await check('|', '/w/main.parameters.json', 'armParameter', [contoso, prod]);
    assert.match(text, /^\{\n {2}"\$schema": "https:\/\/schema\.management\.azure\.com\/schemas\/2019-04-01\/deploymentParameters\.json#",\n {2}"contentVersion": "1\.0\.0\.0",\n {2}"parameters": \{\n {4}"contosoKvDbPassword": \{/);
    assert.deepEqual(reads, ['contoso-kv/db-password', 'prod-kv/db-password']);
  });

  const existing = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "dbPassword": { "value": "x" }|\n  }\n}\n';

  it('names unique within parameters; outside parameters the parameter is appended to it', async () => {
    const inside = await check(existing, '/w/main.parameters.json', 'armParameter', [contoso]);
    assert.deepEqual(Object.keys((inside.json as { parameters: object }).parameters), ['dbPassword', 'dbPassword2']);
    const outside = await check(existing.replace('|', '').replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",|'), '/w/main.parameters.json', 'armParameter', [contoso, prod]);
    assert.deepEqual(Object.keys((outside.json as { parameters: object }).parameters), ['dbPassword', 'contosoKvDbPassword', 'prodKvDbPassword']);
    assert.deepEqual(outside.reads, ['contoso-kv/db-password', 'prod-kv/db-password']);
    const trailingComma = await check(existing.replace('"x" }|', '"x" },\n    |'), '/w/main.parameters.json', 'armParameter', [contoso]);
    assert.deepEqual(Object.keys((trailingComma.json as { parameters: object }).parameters), ['dbPassword', 'dbPassword2']);
  });

  it('keeps the tab stops of one parameter', () => {
    const { placement } = insert('{\n  "parameters": {\n    |\n  }\n}', '/w/main.parameters.json', 'armParameter', [contoso], 'json');
    assert.match(toSnippet(placement.template), /^"\$\{1:dbPassword\}": \{/);
  });
});

describe('App Configuration KVSet files (issue 15 item 7)', () => {
  it('an empty file gets {"items": [ … ]}, the KVSet schema accepts it', async () => {
    const { json, reads } = await check(' \n|', '/w/appconfig.json', 'appConfig', [contoso, prod]);
    assert.deepEqual((json as { items: { key: string }[] }).items.map((i) => i.key), ['db-password', 'db-password2']);
    assert.deepEqual(reads, ['contoso-kv/db-password', 'prod-kv/db-password']);
  });

  const kvset = '{\n  "items": [\n    {\n      "key": "color",\n      "value": "blue",\n      "label": null,\n      "content_type": null\n    }\n  ]\n}\n';

  it('outside items the key-values are appended to items; inside, they go at the cursor with commas', async () => {
    const after = await check(`${kvset}|`, '/w/appconfig.json', 'appConfig', [contoso]);
    assert.deepEqual((after.json as { items: { key: string }[] }).items.map((i) => i.key), ['color', 'db-password']);
    const inItem = await check(kvset.replace('"blue",', '"blue",|'), '/w/appconfig.json', 'appConfig', [contoso]);
    assert.deepEqual((inItem.json as { items: { key: string }[] }).items.map((i) => i.key), ['color', 'db-password']);
    const inside = await check(kvset.replace('  ]', '    |\n  ]'), '/w/appconfig.json', 'appConfig', [contoso, storage]);
    assert.deepEqual((inside.json as { items: { key: string }[] }).items.map((i) => i.key), ['color', 'db-password', 'ConnectionStrings:Storage']);
    const emptyItems = await check('{ "items": [|] }', '/w/appconfig.json', 'appConfig', [contoso]);
    assert.equal((emptyItems.json as { items: unknown[] }).items.length, 1);
  });

  it('a key the file has (no label) gets a number; an object without items gets one', async () => {
    const again = await check(`${kvset.replace('"color"', '"db-password"')}|`, '/w/appconfig.json', 'appConfig', [contoso]);
    assert.deepEqual((again.json as { items: { key: string }[] }).items.map((i) => i.key), ['db-password', 'db-password2']);
    const bare = await check('{\n  |\n}', '/w/appconfig.json', 'appConfig', [contoso]);
    assert.equal((bare.json as { items: unknown[] }).items.length, 1);
  });
});
