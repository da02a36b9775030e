// Rename Secret on the formats read from YAML and scripts (src/references/rename.ts): a SecretsFilter entry renames
// the pipeline variable it makes (its `$(…)` and `variables['…']` uses in the file), a CSI objectName keeps the mounted
// file's name (an `objectAlias` with the old name when the item has none), `--name`/`-n`/`--name=` of `az keyvault`;
// pins to the copied version move (objectVersion, --version). The files stay valid for their own readers.
import * as assert from 'node:assert/strict';
import { applyReplacements, findReferences, renameInText, type FoundReference } from '../../src/references';
import { validators } from '../ecosystem/validators';
import { version } from './references-cases';

const NEW = 'app-database';
const NEW_VERSION = 'fedcba9876543210fedcba9876543210';
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const spec = { newName: NEW, fromVersion: version, toVersion: NEW_VERSION };
const renamed = (text: string, pick: (r: FoundReference) => boolean = (r) => r.name === 'app-db') => {
  const result = renameInText(text, findReferences(text).filter(pick), spec);
  return { ...result, text: applyReplacements(text, result.edits) };
};

describe('rename: Azure Pipelines SecretsFilter entries and the variables they make', () => {
  const pipeline = (name: string, other = 'app-db') => `steps:
- task: AzureKeyVault@2
  inputs:
    azureSubscription: 'conn'
    KeyVaultName: 'kv1'
    SecretsFilter: 'api-key, ${name}'
- task: AzureKeyVault@2
  displayName: the same secret again
  inputs:
    azureSubscription: 'conn'
    KeyVaultName: 'kv1'
    SecretsFilter: '${name}'
- script: ./deploy.sh --db "$(${name})" --db-again "$(${name.toUpperCase()})" --old "$(${other}-old)"
  condition: ne(variables['${name}'], '')
`;

  for (const [eol, convert] of [['LF', (s: string) => s], ['CRLF', crlf]] as const) {
    it(`renames the entries and every use of the variable in the file, once each (${eol})`, async () => {
      const text = convert(pipeline('app-db'));
      const result = renamed(text);
      assert.equal(result.rewritten.length, 2);
      assert.deepEqual(result.kept, []);
      assert.equal(result.text, convert(pipeline(NEW)).replace(`$(${NEW.toUpperCase()})`, `$(${NEW})`));
      assert.deepEqual((await validators.azurePipelines.validate(result.text, 'azure-pipelines.yml')).problems, []);
      const reads = await validators.azurePipelines.reads(result.text, 'azure-pipelines.yml');
      assert.deepEqual(reads.map((r) => r.name).sort(), ['api-key', NEW, NEW]);
    });
  }

  it('leaves the variables of another name alone (a longer name, another secret)', () => {
    const text = pipeline('app-db');
    const result = renamed(text, (r) => r.name === 'api-key');
    assert.equal(result.text, text.replace("'api-key, app-db'", `'${NEW}, app-db'`));
  });
});

describe('rename: CSI SecretProviderClass objects', () => {
  const spc = (items: string) => `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: app
spec:
  provider: azure
  secretObjects:
  - secretName: app-secrets
    type: Opaque
    data:
    - objectName: app-db
      key: db
  parameters:
    keyvaultName: kv1
    tenantId: tid
    objects: |
      array:
${items}`;
  const item = (name: string, extra = '') => `        - |\n          objectName: ${name}\n          objectType: secret${extra}\n`;

  for (const [eol, convert] of [['LF', (s: string) => s], ['CRLF', crlf]] as const) {
    it(`renames objectName and keeps the mounted file's name with objectAlias (${eol})`, async () => {
      const text = convert(spc(item('app-db') + item('api-key')));
      const result = renamed(text);
      assert.equal(result.text, convert(spc(`        - |\n          objectName: ${NEW}\n          objectAlias: app-db\n          objectType: secret\n${item('api-key')}`)));
      assert.deepEqual((await validators.csi.validate(result.text, 'spc.yaml')).problems, []);
      assert.deepEqual((await validators.csi.reads(result.text, 'spc.yaml')).map((r) => r.name), [NEW, 'api-key']);
      assert.deepEqual(findReferences(result.text).map((r) => r.name), [NEW, 'api-key']);
      // Renamed again: the alias is there already, only the name changes.
      const again = renameInText(result.text, findReferences(result.text).filter((r) => r.name === NEW), { newName: 'app-db-3' });
      assert.equal(applyReplacements(result.text, again.edits), result.text.replace(`objectName: ${NEW}`, 'objectName: app-db-3'));
    });
  }

  it('keeps an alias the item has, moves a pin to the copied version, leaves a pin to another version', () => {
    const text = spc(item('app-db', `\n          objectAlias: DB\n          objectVersion: "${version}"`) + item('app-db', '\n          objectVersion: 11111111111111111111111111111111'));
    const result = renamed(text);
    assert.deepEqual(result.kept.map((k) => k.reason), ['pinnedOtherVersion']);
    const at = text.indexOf('          objectName: app-db\n');
    assert.equal(result.text, `${text.slice(0, at)}${text.slice(at).replace('objectName: app-db\n', `objectName: ${NEW}\n`)}`.replace(version, NEW_VERSION));
  });

  it('puts the alias on a line of its own when objectName ends the file', () => {
    const text = spc('        - |\n          objectType: secret\n          objectName: app-db');
    assert.equal(renamed(text).text, `${text.slice(0, -'app-db'.length)}${NEW}\n          objectAlias: app-db`);
  });
});

describe('rename: az keyvault … show --vault-name --name', () => {
  it('renames --name, -n and --name=, and moves a --version pin to the copied version', () => {
    const text = [
      'az keyvault secret show --vault-name kv1 --name app-db --query value',
      'az keyvault secret show -n "app-db" --vault-name kv1',
      `az keyvault secret show --vault-name=kv1 --name=app-db --version ${version}`,
      'az keyvault secret show --vault-name kv1 --name api-key',
    ].join('\n');
    const result = renamed(text);
    assert.equal(result.rewritten.length, 3);
    assert.equal(result.text, text.replace(/app-db/g, NEW).replace(version, NEW_VERSION));
  });
});
