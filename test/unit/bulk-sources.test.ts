// Issue 21: the sources of a bulk import (src/model/bulk): .env through the extension's dotenv parser, JSON settings
// (appsettings.json nested, local.settings.json's Values, arrays by index) and YAML, and the rewrite of a .env into
// its references file.
import * as assert from 'node:assert/strict';
import { readEnvSettings, withReferences } from '../../src/model/bulk/envReader';
import { readSource, sourceFormatOf } from '../../src/model/bulk/readers';
import { readJsonSettings, readYamlSettings } from '../../src/model/bulk/settingsReaders';

const pairs = (read: { entries: readonly { key: string; value: string }[] }) => read.entries.map((e) => `${e.key}=${e.value}`);

describe('bulk import: source readers (pure)', () => {
  it('picks the reader by file name', () => {
    assert.equal(sourceFormatOf('/w/.env'), 'env');
    assert.equal(sourceFormatOf('/w/.env.production'), 'env');
    assert.equal(sourceFormatOf('C:\\w\\prod.env'), 'env');
    assert.equal(sourceFormatOf('/w/appsettings.Development.json'), 'json');
    assert.equal(sourceFormatOf('/w/values.yml'), 'yaml');
    assert.equal(sourceFormatOf('/w/config.yaml'), 'yaml');
    assert.equal(sourceFormatOf('/w/notes.txt'), undefined);
  });

  it('reads a .env: literals in file order; references and earlier definitions of a name passed over', () => {
    const text = [
      '# comment',
      'export DB_PASSWORD="p@ss # not a comment"',
      'API_KEY=abc123 # trailing comment',
      'TOKEN=first',
      'REF=kv://kv-one/db-password',
      'APP=@Microsoft.KeyVault(VaultName=kv-one;SecretName=api-key)',
      'BAD=kv://x/',
      'TOKEN=second',
      'MULTI="line one\nline two"',
    ].join('\n');
    const read = readEnvSettings(text);
    assert.deepEqual(pairs(read), ['DB_PASSWORD=p@ss # not a comment', 'API_KEY=abc123', 'TOKEN=second', 'MULTI=line one\nline two']);
    assert.deepEqual(read.entries.map((e) => e.line), [1, 2, 7, 8]);
    assert.deepEqual(read.passedOver.map((p) => p.key), ['TOKEN', 'REF', 'APP', 'BAD']);
    assert.match(read.passedOver[0]!.reason, /line 4: defined again on line 8/);
    assert.match(read.passedOver[1]!.reason, /already a Key Vault reference/);
    assert.match(read.passedOver[3]!.reason, /not a valid one/);
    assert.ok(read.passedOver.every((p) => !p.reason.includes('kv://')), 'no value in a reason');
  });

  it('reads appsettings.json: nested keys joined with ":", arrays by index, numbers and booleans as text, comments allowed', () => {
    const text = `{
      // .NET accepts comments and trailing commas
      "ConnectionStrings": { "Db": "Server=x;Password=y", },
      "Logging": { "LogLevel": { "Default": "Information" } },
      "Hosts": ["a.example", "b.example"],
      "Retries": 3, "Enabled": true, "Nothing": null,
      "KeyVaultRef": "@Microsoft.KeyVault(SecretUri=https://kv-one.vault.azure.net/secrets/x)",
    }`;
    const read = readJsonSettings(text, 'appsettings.json');
    assert.deepEqual(pairs(read), ['ConnectionStrings:Db=Server=x;Password=y', 'Logging:LogLevel:Default=Information', 'Hosts:0=a.example', 'Hosts:1=b.example', 'Retries=3', 'Enabled=true', 'Nothing=']);
    assert.deepEqual(read.passedOver.map((p) => p.key), ['KeyVaultRef']);
  });

  it("reads local.settings.json's Values only, and refuses an encrypted one", () => {
    const text = JSON.stringify({ IsEncrypted: false, Values: { AzureWebJobsStorage: 'UseDevelopmentStorage=true', 'Db:Password': 'pw', Queue__Name: 'q' }, Host: { LocalHttpPort: 7071 } });
    assert.deepEqual(pairs(readSource('/app/local.settings.json', text)), ['AzureWebJobsStorage=UseDevelopmentStorage=true', 'Db:Password=pw', 'Queue__Name=q']);
    assert.throws(() => readSource('/app/local.settings.json', JSON.stringify({ IsEncrypted: true, Values: { A: 'x' } })), /encrypted/);
  });

  it('says where a JSON file is broken, without quoting it', () => {
    assert.throws(() => readJsonSettings('{\n "a": "s3cret"\n "b": 1 }', 'appsettings.json'), (e: Error) => /line 3/.test(e.message) && !e.message.includes('s3cret'));
    assert.throws(() => readJsonSettings('[1, 2]'.replace('[1, 2]', '"text"'), 'x.json'), /no settings object/);
  });

  it('reads YAML nested like JSON', () => {
    const read = readYamlSettings('db:\n  password: "p w"\n  port: 5432\nhosts:\n  - a\n  - b\nref: kv://kv-one/x\n', 'values.yaml');
    assert.deepEqual(pairs(read), ['db:password=p w', 'db:port=5432', 'hosts:0=a', 'hosts:1=b']);
    assert.deepEqual(read.passedOver.map((p) => p.key), ['ref']);
    assert.throws(() => readYamlSettings('a: [1, 2\nb: secret-value', 'bad.yaml'), (e: Error) => /not valid YAML/.test(e.message) && !e.message.includes('secret-value'));
  });

  it('rewrites only the converted definitions of a .env (every definition of the name), keeping the rest byte for byte', () => {
    const text = '# keep me\r\nexport DB_PASSWORD="p@ss"  # comment\r\nPORT=3000\r\nTOKEN=\r\nTOKEN=abc\r\nMULTI="a\r\nb"\r\n';
    const read = readEnvSettings(text);
    const out = withReferences(text, read.definitions, new Map([
      ['DB_PASSWORD', 'kv://kv-one/DB-PASSWORD'],
      ['TOKEN', 'kv://kv-one/TOKEN'],
      ['MULTI', 'kv://kv-one/MULTI'],
    ]));
    assert.equal(out, '# keep me\r\nexport DB_PASSWORD=kv://kv-one/DB-PASSWORD  # comment\r\nPORT=3000\r\nTOKEN=kv://kv-one/TOKEN\r\nTOKEN=kv://kv-one/TOKEN\r\nMULTI=kv://kv-one/MULTI\r\n');
    const back = readEnvSettings(out);
    assert.deepEqual(back.entries.map((e) => e.key), ['PORT']);
    assert.equal(back.definitions.filter((d) => d.meaning.type === 'reference').length, 4);
  });
});
