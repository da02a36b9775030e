// Every reference format × {unversioned, versioned} × {public, China, US Gov, emulator host}: golden strings of
// the value (inside a string / after `:` or `=`) and of the entry (a line of its own), pinned exactly.
import * as assert from 'node:assert/strict';
import { formatIds, referenceFormats, toSnippet, toText, type FormatId } from '../../src/references';
import { hostCases, sub, target, tenant, version, type HostCase } from './references-cases';

type Golden = (c: HostCase, v: string | undefined) => { value: string; entry: string };

const secretPath = (c: HostCase, v: string | undefined) => `${c.url}/secrets/db-password${v ? `/${v}` : ''}`;

const goldens: Record<FormatId, Golden> = {
  appServiceUri: (c, v) => {
    const value = `@Microsoft.KeyVault(SecretUri=${secretPath(c, v)}${v ? '' : '/'})`;
    return { value, entry: `"db-password": "${value}"` };
  },
  appServiceName: (c, v) => {
    const value = `@Microsoft.KeyVault(VaultName=${c.name};SecretName=db-password${v ? `;SecretVersion=${v}` : ''})`;
    return { value, entry: `"db-password": "${value}"` };
  },
  armParameter: (c, v) => {
    const value = `{
  "reference": {
    "keyVault": {
      "id": "${c.armId}"
    },
    "secretName": "db-password"${v ? `,\n    "secretVersion": "${v}"` : ''}
  }
}`;
    return { value, entry: `"dbPassword": ${value}` };
  },
  bicep: (c, v) => {
    const value = `${c.symbol}.getSecret('db-password'${v ? `, '${v}'` : ''})`;
    return {
      value,
      entry: `resource ${c.symbol} 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: '${c.name}'
  scope: resourceGroup('${sub}', 'rg-app')
}

module app './app.bicep' = {
  name: 'app'
  params: {
    dbPassword: ${value}
  }
}`,
    };
  },
  bicepparam: (c, v) => {
    const value = `az.getSecret('${sub}', 'rg-app', '${c.name}', 'db-password'${v ? `, '${v}'` : ''})`;
    return { value, entry: `param dbPassword = ${value}` };
  },
  appConfig: (c, v) => ({
    value: `{"uri":"${secretPath(c, v)}"}`,
    entry: `{
  "key": "db-password",
  "value": "{\\"uri\\":\\"${secretPath(c, v)}\\"}",
  "label": null,
  "content_type": "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"
}`,
  }),
  csi: (c, v) => {
    const item = `- |\n  objectName: db-password\n  objectType: secret${v ? `\n  objectVersion: "${v}"` : ''}`;
    return {
      value: item,
      entry: `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${c.name}
spec:
  provider: azure
  parameters:
    usePodIdentity: "false"
    clientID: "workload-identity-client-id"
    keyvaultName: ${c.name}${c.csiCloud ? `\n    cloudName: ${c.csiCloud}` : ''}
    tenantId: "${tenant}"
    objects: |
      array:
        - |
          objectName: db-password
          objectType: secret${v ? `\n          objectVersion: "${v}"` : ''}`,
    };
  },
  githubActions: (c, v) => {
    // az keyvault secret show, by vault and name where az knows the cloud's host, else (pinned, emulator) by id.
    const source = v || c.cloud === 'emulator' ? `--id ${secretPath(c, v)}` : `--vault-name ${c.name} --name db-password`;
    const delimiter = 'KV_EOF_3f9c2a7d51e84b06';
    return {
      value: `\${{ steps.kv-${c.name}.outputs.db-password }}`,
      entry: `- name: Get secrets from ${c.name}
  id: kv-${c.name}
  shell: bash
  run: |
    # Needs a prior azure/login step: az reads with its identity and its cloud (China, US Gov: its environment input).
    value="$(az keyvault secret show ${source} --query value --output tsv)"
    while IFS= read -r line; do if [ -n "$line" ]; then echo "::add-mask::$line"; fi; done <<< "$value"
    printf 'db-password<<${delimiter}\\n%s\\n${delimiter}\\n' "$value" >> "$GITHUB_OUTPUT"`,
    };
  },
  azurePipelines: (c, v) => ({
    value: '$(db-password)',
    entry: v
      ? `- task: AzureCLI@2
  displayName: Get db-password (pinned version) from ${c.name}
  inputs:
    azureSubscription: 'service-connection'
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      value="$(az keyvault secret show --id ${secretPath(c, v)} --query value --output tsv)"
      value="\${value//'%'/'%AZP25'}"; value="\${value//$'\\r'/'%0D'}"; value="\${value//$'\\n'/'%0A'}"
      echo "##vso[task.setvariable variable=db-password;issecret=true]$value"`
      : `- task: AzureKeyVault@2
  displayName: Get secrets from ${c.name}
  inputs:
    azureSubscription: 'service-connection'
    KeyVaultName: '${c.name}'
    SecretsFilter: 'db-password'
    RunAsPreJob: false`,
  }),
  terraform: (c, v) => ({
    value: 'data.azurerm_key_vault_secret.db_password.value',
    entry: `data "azurerm_key_vault_secret" "db_password" {
  name         = "db-password"
  key_vault_id = "${c.armId}"${v ? `\n  version      = "${v}"` : ''}
}`,
  }),
  dotnetKey: () => ({ value: 'db-password', entry: 'configuration["db-password"]' }),
  uri: (c, v) => ({ value: secretPath(c, v), entry: secretPath(c, v) }),
  kvUri: (c, v) => {
    const value = `kv://${c.name}/db-password${v ? `/${v}` : ''}`;
    return { value, entry: `DB_PASSWORD=${value}` };
  },
};

describe('reference formats (golden strings)', () => {
  it('covers every format', () => {
    assert.deepEqual(Object.keys(goldens).sort(), [...formatIds].sort());
  });

  for (const id of formatIds) {
    describe(id, () => {
      for (const c of hostCases) {
        for (const v of [undefined, version]) {
          it(`${c.cloud}, ${v ? 'versioned' : 'unversioned'}`, () => {
            const format = referenceFormats[id];
            const expected = goldens[id](c, v);
            assert.equal(toText(format.value(target(c, v))), expected.value);
            assert.equal(toText(format.entry(target(c, v))), expected.entry);
          });
        }
      }
    });
  }
});

describe('reference formats: kinds, attached vaults, snippets', () => {
  const [publicCloud, , , emulator] = hostCases as [HostCase, HostCase, HostCase, HostCase];

  it('reaches a certificate through its secret where the syntax only knows secrets', () => {
    const cert = target(publicCloud, undefined, { kind: 'certificate', name: 'web-cert' });
    assert.equal(toText(referenceFormats.appServiceUri.value(cert)), '@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/web-cert/)');
    assert.equal(toText(referenceFormats.appConfig.value(cert)), '{"uri":"https://contoso-kv.vault.azure.net/secrets/web-cert"}');
    assert.equal(toText(referenceFormats.uri.value(cert)), 'https://contoso-kv.vault.azure.net/certificates/web-cert');
    assert.equal(toText(referenceFormats.csi.value(cert)), '- |\n  objectName: web-cert\n  objectType: cert');
    assert.equal(toText(referenceFormats.terraform.value(cert)), 'data.azurerm_key_vault_certificate.web_cert.secret_id');
  });

  it('writes keys where the syntax has them, and never pins a Terraform key version', () => {
    const key = target(emulator, version, { kind: 'key', name: 'rsa-key' });
    assert.deepEqual(Object.values(referenceFormats).filter((f) => f.kinds.includes('key')).map((f) => f.id), ['csi', 'terraform', 'uri']);
    assert.equal(toText(referenceFormats.uri.value(key)), `https://127.0.0.1:8443/keys/rsa-key/${version}`);
    assert.equal(toText(referenceFormats.csi.value(key)), `- |\n  objectName: rsa-key\n  objectType: key\n  objectVersion: "${version}"`);
    assert.equal(
      toText(referenceFormats.terraform.entry(key)),
      `data "azurerm_key_vault_key" "rsa_key" {\n  name         = "rsa-key"\n  key_vault_id = "${emulator.armId}"\n}`,
    );
    assert.equal(toText(referenceFormats.terraform.value(key)), 'data.azurerm_key_vault_key.rsa_key.id');
    assert.equal(referenceFormats.terraform.versionable('key'), false);
  });

  it('turns what a vault attached by URL does not know into fields to fill in', () => {
    const attached = { vaultUrl: 'https://contoso-kv.vault.azure.net', vaultName: 'contoso-kv', kind: 'secret' as const, name: 'db-password' };
    assert.equal(
      toSnippet(referenceFormats.bicepparam.entry(attached)),
      "param ${1:dbPassword} = az.getSecret('${2:subscription-id}', '${3:resource-group}', 'contoso-kv', 'db-password')",
    );
    assert.equal(
      toSnippet(referenceFormats.terraform.entry(attached)),
      'data "azurerm_key_vault_secret" "db_password" {\n  name         = "db-password"\n' +
        '  key_vault_id = "/subscriptions/${1:subscription-id}/resourceGroups/${2:resource-group}/providers/Microsoft.KeyVault/vaults/contoso-kv"\n\\}',
    );
    assert.match(toSnippet(referenceFormats.csi.entry(attached)), /tenantId: "\$\{3:tenant-id\}"/);
    assert.match(toSnippet(referenceFormats.armParameter.entry(attached)), /"id": "\/subscriptions\/\$\{2:subscription-id\}\/resourceGroups\/\$\{3:resource-group\}\//);
  });

  it('renders snippets with tab stops, mirrored fields and escaped literals', () => {
    const t = target(publicCloud, undefined);
    assert.equal(toSnippet(referenceFormats.appServiceUri.entry(t)), '"${1:db-password}": "@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/)"');
    const bicep = toSnippet(referenceFormats.bicep.entry(t));
    assert.match(bicep, /^module \$\{1:app\} '\$\{2:\.\/app\.bicep\}' = \{$/m);
    assert.match(bicep, /^ {2}name: '\$\{1\}'$/m);
    assert.match(bicep, /^ {4}\$\{3:dbPassword\}: contosoKv\.getSecret\('db-password'\)$/m);
    assert.match(toSnippet(referenceFormats.githubActions.entry(target(publicCloud, version))), /value="\\\$\(az keyvault secret show/);
    assert.equal(toSnippet(referenceFormats.githubActions.value(t)), '\\${{ steps.kv-contoso-kv.outputs.db-password \\}\\}');
  });

  it('uses the .NET configuration key of a hierarchical secret name', () => {
    const t = target(publicCloud, undefined, { name: 'ConnectionStrings--Db' });
    assert.equal(toText(referenceFormats.dotnetKey.value(t)), 'ConnectionStrings:Db');
    assert.equal(toText(referenceFormats.appServiceUri.entry(t)), '"ConnectionStrings:Db": "@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/ConnectionStrings--Db/)"');
  });
});
