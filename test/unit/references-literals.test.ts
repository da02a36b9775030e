// "Move to Key Vault" detection: which literals look like secrets, where they are, and the names suggested from
// their keys (JSON key paths become .NET-style `Section--Key` names).
import * as assert from 'node:assert/strict';
import { classifyLiteral, findSecretLiterals, jsonKeyPathAt, secretLiteralAt, secretNameFrom, suggestNameAt } from '../../src/references';
import { isPlaceholder, isPublicJwt, jwtPayload } from '../../src/references/literals';

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
    const text = 'DB_PASSWORD=s3cr3tpassw0rd\nexport API_KEY="abcdefgh12345"\nNAME=bob\nspring.datasource.password: 9fK2mQx7Lp\nkey: |\n-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n';
    const found = findSecretLiterals(text);
    assert.deepEqual(found.map((l) => [l.kind, l.suggestedName, text.slice(l.start, l.end).split('\n')[0]]), [
      ['password', 'DB-PASSWORD', 's3cr3tpassw0rd'],
      ['password', 'API-KEY', 'abcdefgh12345'],
      ['password', 'spring-datasource-password', '9fK2mQx7Lp'],
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

  it('tells placeholders from real values (issue 15 item 8)', () => {
    for (const v of ['YOUR_API_KEY_HERE', 'your-secret', 'changeme', 'change_me', 'changeit', '<password>', '{your_password}', '[password-here]', 'xxxxxxxx', 'XXXX-XXXX-XXXX', '********', '00000000-0000-0000-0000-000000000000', '${DB_PASSWORD}', '$(sqlPassword)', '{{ .Values.pw }}', '%DB_PASSWORD%', '#{DbPassword}#', '__DbPassword__', '$DB_PASSWORD', 'SAS_KEY_VALUE', 'INSERT_TOKEN_HERE', 'my-sample-key', 'AKIAIOSFODNN7EXAMPLE', '...']) {
      assert.ok(isPlaceholder(v), v);
    }
    for (const v of ['Tr0ub4dor#3xK9', 'hunter2hunter2', 'YourStrong@Passw0rd', 'mysecretpassword', 'Password1!', '{p@ss;w0rd}', 'Eby8vdM02xNOcqFl', 'Q7_ZX_2024_KP']) {
      assert.equal(isPlaceholder(v), false, v);
    }
  });

  it('decodes JWT payloads safely and knows the public ones', () => {
    const token = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJlLW5vdC1yZWFs`;
    assert.deepEqual(jwtPayload(token({ role: 'anon', name: 'Zoë' })), { role: 'anon', name: 'Zoë' }, 'UTF-8 payloads');
    assert.equal(isPublicJwt(token({ role: 'anon' })), true);
    assert.equal(isPublicJwt(token({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })), true);
    assert.equal(isPublicJwt(token({ role: 'service_role' })), false);
    assert.equal(classifyLiteral(token({ role: 'authenticated', sub: 'u1' })), 'jwt');
    for (const junk of ['eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.sig', 'a.b', '', 'eyJ!!!.eyJ???.x', `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('[1,2]').toString('base64url')}.x`]) {
      assert.doesNotThrow(() => jwtPayload(junk));
      assert.equal(isPublicJwt(junk), false, junk);
    }
    assert.equal(jwtPayload('eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.sig'), undefined, 'a payload that is not JSON');
    assert.equal(classifyLiteral('eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbiBhdCBhbGw.c2lnbmF0dXJlLW5vdC1yZWFs'), 'jwt', 'undecodable: treated as a real token');
  });

  it('finds the new kinds with names from their keys, or kind-specific names without one', () => {
    const sas = 'https://contoso.blob.core.windows.net/c?sv=2022-11-02&sr=c&sp=r&se=2026-01-01&sig=c2lnbmF0dXJl';
    const text = `call("${sas}");\nconnect("postgres://app:Xk9vQ2mL7p@db:5432/app");\nuse("${['sk', 'live', 'Qw3rTy8uIo9pAs5dFg6hJk7l'].join('_')}");\n`;
    assert.deepEqual(findSecretLiterals(text).map((l) => [l.kind, l.suggestedName]), [['sas', 'sas-token'], ['uri', 'connection-uri'], ['apiKey', 'api-key']]);
    assert.equal(classifyLiteral('CustomerId', 'PrimaryKey'), undefined, 'a column name, not a key');
    assert.equal(classifyLiteral('Qk9vbXZ0c2xhc2hlcy1ub3QtYS1yZWFsLWtleS0xMjM0NTY3OA==', 'CosmosDb:PrimaryKey'), 'password');
    assert.equal(classifyLiteral('https://contoso.vault.azure.net/secrets/db', 'DB_PASSWORD'), undefined, 'a URL is an address');
  });

  it('reads .env comments like Docker Compose: # after whitespace only, never inside quotes', () => {
    const text = 'A_PASSWORD=abc#defghij\nB_PASSWORD=Zq8vN3xL0pRt # note\nC_PASSWORD="p4ss #w0rd!x9xx" # note\n# D_PASSWORD=Qw3rTy8uIo9p\n';
    assert.deepEqual(findSecretLiterals(text).map((l) => text.slice(l.start, l.end)), ['abc#defghij', 'Zq8vN3xL0pRt']);
  });
});

