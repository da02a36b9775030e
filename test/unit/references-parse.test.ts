// The parser: parse(format(x)) = x for every parseable format × {unversioned, versioned} × every host, with
// positions; and what it must not take for a reference.
import * as assert from 'node:assert/strict';
import { findReferences, referenceAt, referenceFormats, toText, type FormatId, type FoundReference, type ReferenceTarget } from '../../src/references';
import { hostCases, target, version } from './references-cases';

/** What the text of each parseable format says about its target (the parser returns exactly that). */
const parseable: Partial<Record<FormatId, (t: ReferenceTarget) => Omit<FoundReference, 'start' | 'end' | 'nameStart' | 'nameEnd'>>> = {
  appServiceUri: (t) => ({ format: 'appServiceUri', vault: { by: 'url', url: t.vaultUrl }, kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  appServiceName: (t) => ({ format: 'appServiceName', vault: { by: 'name', name: t.vaultName }, kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  armParameter: (t) => ({ format: 'armParameter', vault: byName(t), kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  bicep: (t) => ({ format: 'bicep', vault: byName(t), kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  bicepparam: (t) => ({ format: 'bicepparam', vault: byName(t), kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  appConfig: (t) => ({ format: 'appConfig', vault: { by: 'url', url: t.vaultUrl }, kind: 'secret', name: t.name, ...(t.version ? { version: t.version } : {}) }),
  terraform: (t) => ({ format: 'terraform', vault: byName(t), kind: t.kind, name: t.name, ...(t.version && t.kind !== 'key' ? { version: t.version } : {}) }),
  uri: (t) => ({ format: 'uri', vault: { by: 'url', url: t.vaultUrl }, kind: t.kind, name: t.name, ...(t.version ? { version: t.version } : {}) }),
};

function byName(t: ReferenceTarget) {
  return { by: 'name' as const, name: t.vaultName, subscriptionId: t.subscriptionId!, resourceGroup: t.resourceGroup! };
}

function strip(r: FoundReference) {
  const { start: _s, end: _e, nameStart: _ns, nameEnd: _ne, ...rest } = r;
  return rest;
}

describe('reference parser: parse(format(x)) = x', () => {
  for (const [id, expected] of Object.entries(parseable) as [FormatId, (t: ReferenceTarget) => object][]) {
    for (const c of hostCases) {
      for (const v of [undefined, version]) {
        it(`${id}, ${c.cloud}, ${v ? 'versioned' : 'unversioned'}`, () => {
          const t = target(c, v);
          // A Bicep or Terraform value alone names a symbol declared elsewhere: only the entry says which vault.
          const texts = [toText(referenceFormats[id].entry(t)), ...(id === 'bicep' || id === 'terraform' ? [] : [toText(referenceFormats[id].value(t))])];
          for (const text of texts) {
            const found = findReferences(text);
            assert.equal(found.length, 1, `one reference in:\n${text}`);
            assert.deepEqual(strip(found[0]!), expected(t));
            assert.equal(text.slice(found[0]!.nameStart, found[0]!.nameEnd), t.name, 'the name range covers the name');
          }
        });
      }
    }
  }

  it('parses keys and certificates by URI and Terraform data source', () => {
    for (const kind of ['key', 'certificate'] as const) {
      for (const id of ['uri', 'terraform'] as const) {
        const t = target(hostCases[3]!, version, { kind, name: `my-${kind}` });
        const [found] = findReferences(toText(referenceFormats[id].entry(t)));
        assert.deepEqual(strip(found!), parseable[id]!(t));
      }
    }
  });

  it('covers the whole reference: the range of an App Service setting ends at its parenthesis', () => {
    const text = '{ "Db": "@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/)" }';
    const [found] = findReferences(text);
    assert.equal(text.slice(found!.start, found!.end), '@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/)');
  });
});

describe('reference parser: text as people write it', () => {
  it('finds several references in order, keeping only the outermost of nested matches', () => {
    const text = [
      '{',
      '  "A": "@Microsoft.KeyVault(SecretUri=https://a-kv.vault.azure.net/secrets/one)",',
      '  "B": "@microsoft.keyvault( VaultName = b-kv ; SecretName = two ; SecretVersion = 0123456789ABCDEF0123456789ABCDEF )",',
      '  "C": "https://c-kv.vault.azure.net/keys/three/",',
      '  "D": "{\\"uri\\":\\"https://d-kv.vault.azure.net/secrets/four\\"}"',
      '}',
    ].join('\n');
    const found = findReferences(text);
    assert.deepEqual(found.map((r) => [r.format, r.name, r.version]), [
      ['appServiceUri', 'one', undefined],
      ['appServiceName', 'two', '0123456789abcdef0123456789abcdef'],
      ['uri', 'three', undefined],
      ['appConfig', 'four', undefined],
    ]);
    for (const r of found) assert.equal(text.slice(r.nameStart, r.nameEnd), r.name);
    assert.deepEqual(found[1]!.vault, { by: 'name', name: 'b-kv' });
  });

  it('ignores URIs of hosts that are not vaults, unless the host is under a custom cloud suffix', () => {
    const text = 'see https://github.com/org/repo/secrets/new and https://kv.vault.contoso.dev/secrets/x';
    assert.deepEqual(findReferences(text), []);
    const [found] = findReferences(text, { vaultDnsSuffixes: ['vault.contoso.dev'] });
    assert.deepEqual(found?.vault, { by: 'url', url: 'https://kv.vault.contoso.dev' });
  });

  it('takes a loopback emulator host with its port, and a name without a version', () => {
    const [found] = findReferences('x=https://127.0.0.1:41004/secrets/db-password/not-a-version');
    assert.deepEqual(strip(found!), { format: 'uri', vault: { by: 'url', url: 'https://127.0.0.1:41004' }, kind: 'secret', name: 'db-password' });
  });

  it('reads ARM parameter references whatever the order of their properties', () => {
    const text = `{ "parameters": { "pw": { "reference": { "secretName": "db-password", "keyVault": { "id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1" } } } } }`;
    const [found] = findReferences(text);
    assert.deepEqual(found?.vault, { by: 'name', name: 'kv1', subscriptionId: 's1', resourceGroup: 'rg' });
    assert.equal(found?.name, 'db-password');
    assert.ok(referenceAt(text, text.indexOf('keyVault')));
  });

  it('reads Bicep getSecret on an existing vault in the current resource group, and skips unknown symbols', () => {
    const text = `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv1'\n  scope: resourceGroup('rg')\n}\nparams: { a: kv.getSecret('one')\n b: other.getSecret('two') }`;
    const found = findReferences(text);
    assert.deepEqual(found.map((r) => [r.name, r.vault]), [['one', { by: 'name', name: 'kv1', resourceGroup: 'rg' }]]);
  });

  it('reads Terraform data sources whose key_vault_id is another data source', () => {
    const text = `data "azurerm_key_vault" "main" {\n  name                = "kv1"\n  resource_group_name = "rg"\n}\n\ndata "azurerm_key_vault_secret" "pw" {\n  name         = "db-password"\n  key_vault_id = data.azurerm_key_vault.main.id\n}\n`;
    const [found] = findReferences(text);
    assert.deepEqual(strip(found!), { format: 'terraform', vault: { by: 'name', name: 'kv1', resourceGroup: 'rg' }, kind: 'secret', name: 'db-password' });
  });

  it('finds nothing in text without references, and the reference under an offset', () => {
    assert.deepEqual(findReferences('{ "Logging": { "LogLevel": "Information" }, "az": "az.getSecret(sub, rg)" }'), []);
    const text = 'param x = az.getSecret(\'s\', \'rg\', \'kv\', \'pw\')';
    assert.equal(referenceAt(text, 0), undefined);
    assert.equal(referenceAt(text, text.indexOf('pw'))?.name, 'pw');
  });
});
