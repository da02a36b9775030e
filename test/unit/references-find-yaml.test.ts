// The parser on the formats the extension writes as YAML or shell (issue 19): SecretProviderClass objects (CSI
// driver), Azure Pipelines `AzureKeyVault@…` SecretsFilter names, `az keyvault … show --vault-name --name`. Exact
// positions (LF and CRLF), several documents, every objectType, what is not a reference; and the writers' own
// output read back: exactly the targets written, as the ecosystems' own readers (test/ecosystem/validators.ts) see them.
import * as assert from 'node:assert/strict';
import { entriesOf, findReferences, referenceFormats, toText, type FoundReference, type ReferenceTarget } from '../../src/references';
import { validators } from '../ecosystem/validators';
import { hostCases, target, version } from './references-cases';

const V2 = 'fedcba9876543210fedcba9876543210';
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
/** Each reference as [format, vault, kind, name, version] and the text at its name span. */
const summary = (text: string, refs: FoundReference[]) =>
  refs.map((r) => [r.format, r.vault.by === 'name' ? r.vault.name : r.vault.url, r.kind, r.name, r.version ?? '', text.slice(r.nameStart, r.nameEnd)]);

const providerClass = (name: string, vault: string, items: string) => `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${name}
spec:
  provider: azure
  parameters:
    keyvaultName: "${vault}"
    tenantId: "tid"
    objects: |
      array:
${items}`;

describe('parser: Secrets Store CSI driver SecretProviderClass', () => {
  const items = `        - |
          objectName: db-password
          objectType: secret
          objectAlias: DB_PASSWORD
        - |
          objectType: key      # the order of the fields is free
          objectName: "sign-key"
          objectVersion: "${version.toUpperCase()}"
        - |
          objectName: tls-cert
          objectType: cert
          objectVersion: ""
`;
  const text = `${providerClass('app', 'contoso-kv', items)}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-a-class
data:
  objectName: nothing-here
---
${providerClass('ops', 'fabrikam-kv', `        - |\n            objectName: api-key\n            objectType: secret\n            objectVersion: latest\n`)}`;

  for (const [eol, source] of [['LF', text], ['CRLF', crlf(text)]] as const) {
    it(`reads every object of every class, name spans exact (${eol}, several documents, every objectType)`, () => {
      const found = findReferences(source);
      assert.deepEqual(summary(source, found), [
        ['csi', 'contoso-kv', 'secret', 'db-password', '', 'db-password'],
        ['csi', 'contoso-kv', 'key', 'sign-key', version, 'sign-key'],
        ['csi', 'contoso-kv', 'certificate', 'tls-cert', '', 'tls-cert'],
        ['csi', 'fabrikam-kv', 'secret', 'api-key', '', 'api-key'],
      ]);
      // The span of an item covers its fields (the pin is inside it), from its first field's line.
      const pinned = found[1]!;
      assert.ok(source.slice(pinned.start, pinned.end).startsWith('objectType: key'));
      assert.ok(source.slice(pinned.start, pinned.end).includes(version.toUpperCase()));
      assert.ok(!/[\r\n]$/.test(source.slice(pinned.start, pinned.end)));
    });
  }

  it('reads a block indented by an odd amount, with the items at the array’s own column', () => {
    const odd = providerClass('odd', 'kv-odd', '').replace('objects: |\n      array:\n', 'objects: |\n         array:\n         - |\n             objectName: a1\n             objectType: secret\n');
    const found = findReferences(odd);
    assert.deepEqual(summary(odd, found), [['csi', 'kv-odd', 'secret', 'a1', '', 'a1']]);
  });

  it('takes nothing that is not a literal object of a literal class: templates, unknown types, no vault, other kinds, broken YAML', () => {
    assert.deepEqual(findReferences(providerClass('t', '$KEYVAULT_NAME', '        - |\n          objectName: x\n          objectType: secret\n')), []);
    assert.deepEqual(findReferences(providerClass('t', 'kv1', '        - |\n          objectName: $SECRET_NAME\n          objectType: secret\n')), []);
    assert.deepEqual(findReferences(providerClass('t', 'kv1', '        - |\n          objectName: x\n          objectType: blob\n')), []);
    assert.deepEqual(findReferences('kind: ConfigMap\ndata:\n  objects: |\n    array:\n      - |\n        objectName: x\n        objectType: secret\n'), []);
    assert.deepEqual(findReferences('kind: SecretProviderClass\nspec: [unclosed\n'), []);
  });

  it('reads what the CSI format writes: a class per vault, any kind, pinned or not, on every host (LF and CRLF)', () => {
    for (const c of hostCases) {
      const targets: ReferenceTarget[] = [
        target(c, undefined), target(c, version, { name: 'api-key' }), target(c, undefined, { kind: 'key', name: 'sign-key' }),
        target(c, V2, { kind: 'certificate', name: 'tls-cert' }), target(hostCases[(hostCases.indexOf(c) + 1) % hostCases.length]!, undefined, { vaultName: 'other-kv' }),
      ];
      const text = toText(entriesOf(referenceFormats.csi, targets));
      for (const source of [text, crlf(text)]) {
        const found = findReferences(source);
        assert.deepEqual(
          found.map((r) => [r.vault.by === 'name' && r.vault.name, r.kind, r.name, r.version]),
          targets.map((t) => [t.vaultName, t.kind, t.name, t.version]),
          source,
        );
        for (const r of found) assert.equal(source.slice(r.nameStart, r.nameEnd), r.name);
      }
    }
  });

  it('agrees with the ecosystem’s own reading of the class (validators.csi.reads)', async () => {
    const text = toText(entriesOf(referenceFormats.csi, [target(hostCases[0]!, undefined), target(hostCases[0]!, version, { kind: 'key', name: 'k' })]));
    const reads = await validators.csi.reads(text, 'spc.yaml');
    assert.deepEqual(findReferences(text).map((r) => [r.vault.by === 'name' && r.vault.name, r.kind, r.name, r.version]), reads.map((r) => [r.vault, r.kind, r.name, r.version]));
  });
});

describe('parser: Azure Pipelines AzureKeyVault@ SecretsFilter', () => {
  const pipeline = `trigger:
  - main
stages:
  - stage: deploy
    jobs:
      - job: app
        steps:
          - task: AzureKeyVault@2
            inputs:
              azureSubscription: 'conn'
              KeyVaultName: 'contoso-kv'
              SecretsFilter: 'app-db, api-key ,  redis-pass'
              RunAsPreJob: false
          - task: azurekeyvault@1
            inputs:
              azureSubscription: conn
              keyvaultname: fabrikam-kv
              secretsfilter: sb-conn,*
          - task: AzureKeyVault@2
            inputs:
              azureSubscription: conn
              KeyVaultName: $(vaultName)
              SecretsFilter: not-this
          - task: AzureKeyVault@2
            inputs:
              azureSubscription: conn
              KeyVaultName: contoso-kv
              SecretsFilter: '*'
          - script: echo "$(app-db)"
`;
  for (const [eol, source] of [['LF', pipeline], ['CRLF', crlf(pipeline)]] as const) {
    it(`reads each name of the filter at its position, spaces around it, any letter case of task and inputs (${eol}); * and a variable vault are not references`, () => {
      const found = findReferences(source);
      assert.deepEqual(summary(source, found), [
        ['azurePipelines', 'contoso-kv', 'secret', 'app-db', '', 'app-db'],
        ['azurePipelines', 'contoso-kv', 'secret', 'api-key', '', 'api-key'],
        ['azurePipelines', 'contoso-kv', 'secret', 'redis-pass', '', 'redis-pass'],
        ['azurePipelines', 'fabrikam-kv', 'secret', 'sb-conn', '', 'sb-conn'],
      ]);
      for (const r of found) assert.equal(source.slice(r.start, r.end), r.name, 'the reference is the name');
    });
  }

  it('reads a double-quoted and a plain filter; a folded one (its text is not its value) is skipped', () => {
    const task = (filter: string) => `steps:\n- task: AzureKeyVault@2\n  inputs:\n    azureSubscription: c\n    KeyVaultName: kv1\n    SecretsFilter: ${filter}\n`;
    assert.deepEqual(findReferences(task('"a,b"')).map((r) => r.name), ['a', 'b']);
    assert.deepEqual(findReferences(task('a')).map((r) => r.name), ['a']);
    assert.deepEqual(findReferences(task('>\n      a,\n      b')).map((r) => r.name), []);
  });

  it('reads what the Azure Pipelines format writes: the task’s names by vault, a pinned version as the CLI task’s URI', async () => {
    for (const c of hostCases) {
      const targets = [target(c, undefined), target(c, undefined, { name: 'api-key' }), target(c, version, { name: 'old-db' })];
      const text = `steps:\n${toText(entriesOf(referenceFormats.azurePipelines, targets))}\n`;
      const found = findReferences(text);
      assert.deepEqual(found.map((r) => [r.format, r.name, r.version]), [['azurePipelines', 'db-password', undefined], ['azurePipelines', 'api-key', undefined], ['uri', 'old-db', version]], text);
      assert.deepEqual(found.map((r) => r.vault), [{ by: 'name', name: c.name }, { by: 'name', name: c.name }, { by: 'url', url: c.url }]);
      assert.deepEqual((await validators.azurePipelines.validate(text, 'azure-pipelines.yml')).problems, []);
    }
  });
});

describe('parser: az keyvault … show by vault and name', () => {
  it('reads the arguments in any order and spelling, quoted, continued on the next line; pins with --version', () => {
    const script = [
      'az keyvault secret show --vault-name kv1 --name app-db --query value -o tsv',
      'value=$(az keyvault secret show -n "api-key" --vault-name=kv2)',
      'az keyvault key show \\',
      '    --name sign-key \\',
      `    --vault-name 'kv3' --version ${version.toUpperCase()}`,
      'az keyvault certificate download --vault-name kv4 --name=tls-cert --file c.pem; echo done',
      'az keyvault secret show `',
      '  --vault-name kv5 --name ps-secret',
    ].join('\n');
    for (const source of [script, crlf(script)]) {
      assert.deepEqual(summary(source, findReferences(source)), [
        ['githubActions', 'kv1', 'secret', 'app-db', '', 'app-db'],
        ['githubActions', 'kv2', 'secret', 'api-key', '', 'api-key'],
        ['githubActions', 'kv3', 'key', 'sign-key', version, 'sign-key'],
        ['githubActions', 'kv4', 'certificate', 'tls-cert', '', 'tls-cert'],
        ['githubActions', 'kv5', 'secret', 'ps-secret', '', 'ps-secret'],
      ]);
    }
  });

  it('takes no variable, no Managed HSM, no half command; --id stays a URI reference', () => {
    assert.deepEqual(findReferences('az keyvault secret show --vault-name "$KV" --name app-db'), []);
    assert.deepEqual(findReferences('az keyvault secret show --vault-name kv1 --name ${{ inputs.name }}'), []);
    assert.deepEqual(findReferences('az keyvault key show --hsm-name hsm1 --name k1'), []);
    assert.deepEqual(findReferences('az keyvault secret show --vault-name kv1\n--name app-db'), []);
    assert.deepEqual(findReferences('az keyvault secret set --vault-name kv1 --name app-db --value x'), []);
    const [byId] = findReferences('az keyvault secret show --id https://kv1.vault.azure.net/secrets/app-db --vault-name kv1 --name app-db');
    assert.deepEqual([byId?.format, byId?.name], ['uri', 'app-db']);
  });

  it('reads what the GitHub Actions format writes: --vault-name/--name on Azure’s clouds, --id for a pin or another host', async () => {
    for (const c of hostCases) {
      const targets = [target(c, undefined), target(c, version, { name: 'api-key' })];
      const step = toText(entriesOf(referenceFormats.githubActions, targets));
      const text = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      ${step.replace(/\n/g, '\n      ')}\n`;
      const found = findReferences(text);
      const byName = c.cloud !== 'emulator';
      assert.deepEqual(found.map((r) => [r.format, r.name, r.version, r.vault]), [
        [byName ? 'githubActions' : 'uri', 'db-password', undefined, byName ? { by: 'name', name: c.name } : { by: 'url', url: c.url }],
        ['uri', 'api-key', version, { by: 'url', url: c.url }],
      ], text);
      const reads = await validators.githubActions.reads(text, '.github/workflows/deploy.yml');
      assert.deepEqual(reads.map((r) => [r.name, r.version]), [['db-password', undefined], ['api-key', version]]);
    }
  });
});
