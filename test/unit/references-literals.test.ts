// "Move to Key Vault" detection: which literals look like secrets, where they are, and the names suggested from
// their keys (JSON key paths become .NET-style `Section--Key` names).
import * as assert from 'node:assert/strict';
import { classifyLiteral, findSecretLiterals, jsonKeyPathAt, secretLiteralAt, secretNameFrom, suggestNameAt } from '../../src/references';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const storage = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=YWJjZGVmZw==;EndpointSuffix=core.windows.net';

describe('secret literals', () => {
  it('classifies connection strings, JWTs, PEM keys and password settings', () => {
    assert.equal(classifyLiteral(storage), 'connectionString');
    assert.equal(classifyLiteral('Server=db;Database=app;User Id=sa;Password=Hunter2!;'), 'connectionString');
    assert.equal(classifyLiteral('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=R;SharedAccessKey=abc='), 'connectionString');
    assert.equal(classifyLiteral(jwt), 'jwt');
    assert.equal(classifyLiteral('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----'), 'pem');
    assert.equal(classifyLiteral('s3cr3t-Passw0rd', 'DB_PASSWORD'), 'password');
  });

  it('leaves alone references, placeholders, URLs, short values and ordinary settings', () => {
    for (const value of ['@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)', '${DB_PASSWORD}', '$(password)', '{{ .Values.pw }}', 'https://example.com/a', 'short', '********']) {
      assert.equal(classifyLiteral(value, 'password'), undefined, value);
    }
    assert.equal(classifyLiteral('Information', 'LogLevel'), undefined);
    assert.equal(classifyLiteral('a long passphrase with spaces', 'password'), undefined);
  });

  it('finds literals in JSON with their .NET-style names, and never a key', () => {
    const text = JSON.stringify({ ConnectionStrings: { Storage: storage, Name: 'not secret' }, Auth: { Token: jwt }, Db: { Password: 'hunter2hunter2' } }, null, 2);
    const found = findSecretLiterals(text, { json: true });
    assert.deepEqual(found.map((l) => [l.kind, l.suggestedName]), [['connectionString', 'ConnectionStrings--Storage'], ['jwt', 'Auth--Token'], ['password', 'Db--Password']]);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), storage, 'the string content, without quotes');
    const at = text.indexOf('AccountKey');
    assert.equal(secretLiteralAt(text, at, at, { json: true })?.suggestedName, 'ConnectionStrings--Storage');
    assert.equal(secretLiteralAt(text, text.indexOf('not secret')), undefined);
  });

  it('finds unquoted settings (.env, properties, YAML) and PEM blocks', () => {
    const text = 'DB_PASSWORD=s3cr3tpassw0rd\nexport API_KEY="abcdefgh12345"\nNAME=bob\nspring.datasource.password: changeme123\nkey: |\n-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n';
    const found = findSecretLiterals(text);
    assert.deepEqual(found.map((l) => [l.kind, l.suggestedName, text.slice(l.start, l.end).split('\n')[0]]), [
      ['password', 'DB-PASSWORD', 's3cr3tpassw0rd'],
      ['password', 'API-KEY', 'abcdefgh12345'],
      ['password', 'spring-datasource-password', 'changeme123'],
      ['pem', 'private-key', '-----BEGIN PRIVATE KEY-----'],
    ]);
  });

  it('derives valid secret names', () => {
    assert.equal(secretNameFrom('ConnectionStrings:Db'), 'ConnectionStrings--Db');
    assert.equal(secretNameFrom('Logging__LogLevel__Default'), 'Logging--LogLevel--Default');
    assert.equal(secretNameFrom('my.app/password!'), 'my-app-password');
    assert.equal(secretNameFrom(undefined), 'moved-secret');
    assert.equal(secretNameFrom('x'.repeat(200)).length, 127);
    assert.equal(suggestNameAt('{ "A": { "B": "' , 14, { json: true }), 'A--B');
  });

  it('walks JSON key paths through arrays and comments', () => {
    const text = '{\n  // comment with "quotes"\n  "a": [ { "b": 1 }, { "c": "|" } ],\n  "d": "x"\n}';
    assert.deepEqual(jsonKeyPathAt(text, text.indexOf('|')), ['a', 'c']);
    assert.deepEqual(jsonKeyPathAt(text, text.indexOf('"x"')), ['d']);
  });
});
