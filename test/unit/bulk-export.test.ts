// Issue 21, export (src/model/bulk/exportText.ts) and issue 20's kv:// short form in the editor (src/references/kvUri.ts):
// each references export read back by the extension's own parser (findReferences, parseEnvFile) to exactly the
// exported secrets and judged by its ecosystem's parser (dotenv, JSON, Bicep structural); the with-values .env read
// back by the real dotenv package to exactly the values; kv:// found in any text with exact positions, and renamed.
import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import { exportFileName, dotenvQuoted, referencesExportFormats, referencesText, valuesEnvText } from '../../src/model/bulk/exportText';
import { applyReplacements, findReferences, parseEnvFile, placeReferences, renameInText, toText, type ReferenceTarget } from '../../src/references';
import { envKeyOf } from '../../src/references/secretNames';
import { validators } from '../ecosystem/validators';

const armId = '/subscriptions/00000000-0000-4000-8000-0000000000a1/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-e2e-main';
const vault = { vaultUrl: 'https://127.0.0.1:8443', vaultName: 'kv-e2e-main', armId, subscriptionId: '00000000-0000-4000-8000-0000000000a1', resourceGroup: 'rg-app' };
const names = ['db-password', 'ConnectionStrings--Storage', 'api-key', '1st-token', '-1st-token'];
const targets: ReferenceTarget[] = names.map((name) => ({ ...vault, kind: 'secret', name }));
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('export: references files read back to exactly the exported secrets', () => {
  it('maps secret names to environment keys, the reverse of the import mapping', () => {
    assert.equal(envKeyOf('db-password'), 'DB_PASSWORD');
    assert.equal(envKeyOf('ConnectionStrings--Storage'), 'CONNECTIONSTRINGS__STORAGE');
    assert.equal(envKeyOf('1st-token'), '_1ST_TOKEN');
  });

  it('.env.keyvault: kv:// lines, keys numbered on a collision, read by parseEnvFile, findReferences and dotenv', async () => {
    const text = referencesText('envKeyvault', targets);
    const entries = parseEnvFile(text);
    assert.deepEqual(entries.map((e) => e.name), ['DB_PASSWORD', 'CONNECTIONSTRINGS__STORAGE', 'API_KEY', '_1ST_TOKEN', '_1ST_TOKEN2']);
    assert.deepEqual(entries.map((e) => (e.meaning.type === 'reference' ? `${JSON.stringify(e.meaning.reference.vault)} ${e.meaning.reference.name}` : e.meaning.type)), names.map((n) => `{"by":"name","name":"kv-e2e-main"} ${n}`));
    const found = findReferences(text);
    assert.deepEqual(found.map((r) => [r.format, r.name, r.vault]), names.map((n) => ['kvUri', n, { by: 'name', name: 'kv-e2e-main' }]));
    assert.deepEqual((await validators.dotenv.validate(text, '.env.keyvault')).problems, []);
    assert.deepEqual(sorted((await validators.dotenv.reads(text, '.env.keyvault')).map((r) => `${r.vault}/${r.name}`)), sorted(names.map((n) => `kv-e2e-main/${n}`)));
    assert.deepEqual(Object.values(dotenv.parse(text)), names.map((n) => `kv://kv-e2e-main/${n}`));
  });

  it('.env.keyvault names a vault attached by URL (no ARM id) by its host', () => {
    const text = referencesText('envKeyvault', [{ vaultUrl: 'https://127.0.0.1:8443', vaultName: '127.0.0.1', kind: 'secret', name: 'db-password' }]);
    assert.match(text, /^DB_PASSWORD=kv:\/\/127\.0\.0\.1:8443\/db-password$/m);
    assert.deepEqual(findReferences(text).map((r) => r.vault), [{ by: 'url', url: 'https://127.0.0.1:8443' }]);
  });

  it('App Service settings JSON: the [{name, value, slotSetting}] array of az webapp config appsettings, each value a SecretUri reference', () => {
    const text = referencesText('appServiceJson', targets);
    const parsed = JSON.parse(text) as { name: string; value: string; slotSetting: boolean }[];
    assert.ok(Array.isArray(parsed));
    for (const s of parsed) assert.deepEqual(Object.keys(s).sort(), ['name', 'slotSetting', 'value']);
    assert.deepEqual(parsed.map((s) => s.name), ['DB_PASSWORD', 'CONNECTIONSTRINGS__STORAGE', 'API_KEY', '_1ST_TOKEN', '_1ST_TOKEN2']);
    assert.ok(parsed.every((s) => s.slotSetting === false));
    assert.deepEqual(parsed.map((s) => s.value), names.map((n) => `@Microsoft.KeyVault(SecretUri=https://127.0.0.1:8443/secrets/${n}/)`));
    assert.deepEqual(findReferences(text).map((r) => [r.format, r.name, r.vault]), names.map((n) => ['appServiceUri', n, { by: 'url', url: 'https://127.0.0.1:8443' }]));
  });

  it('Bicep parameters: using + one az.getSecret param per secret, judged by the Bicep structural validator', async () => {
    const text = referencesText('bicepparam', targets);
    assert.match(text, /^using '\.\/main\.bicep'\n\n/);
    assert.deepEqual((await validators.bicepparam.validate(text, 'kv-e2e-main.bicepparam')).problems, []);
    assert.deepEqual((await validators.bicepparam.reads(text, 'kv-e2e-main.bicepparam')).map((r) => `${r.vault}/${r.name}`), names.map((n) => `kv-e2e-main/${n}`));
    assert.deepEqual(findReferences(text).map((r) => [r.format, r.name, r.vault]), names.map((n) => ['bicepparam', n, { by: 'name', name: 'kv-e2e-main', subscriptionId: vault.subscriptionId, resourceGroup: 'rg-app' }]));
  });

  it('proposes a file name per format', () => {
    assert.deepEqual(referencesExportFormats.map((f) => exportFileName(f, 'kv-e2e-main')), ['.env.keyvault', 'kv-e2e-main.appsettings-references.json', 'kv-e2e-main.bicepparam']);
  });
});

describe('export with values: a .env dotenv reads back exactly', () => {
  const tricky = [
    'plain', 'with spaces  ', '  leading', "it's", 'say "hi"', 'back`tick', `all ' " \` three`, 'a#hash', 'dollar $HOME ${X}', 'back\\slash\\', 'line\nbreaks\nhere',
    'literal \\n escape', 'crlf\r\nvalue', 'ünïcödé ✓', '=equals=', 'x'.repeat(5000),
  ];

  it('quotes each value so that dotenv and the extension\'s parser read it unchanged', () => {
    for (const value of tricky) {
      const quoted = dotenvQuoted(value);
      assert.ok(quoted !== undefined, JSON.stringify(value));
      const text = `K=${quoted}\n`;
      assert.equal(dotenv.parse(text).K, value, `dotenv: ${JSON.stringify(value)}`);
      assert.equal(parseEnvFile(text)[0]!.value, value, `parseEnvFile: ${JSON.stringify(value)}`);
    }
  });

  it('refuses a value no quoting keeps (all three quotes and a carriage return)', () => {
    assert.equal(dotenvQuoted(`' " \` \r`), undefined);
  });

  it('writes KEY=value lines for exactly the given secrets, and names the unwritable ones', () => {
    const values = tricky.map((value, i) => ({ name: `secret-${i}`, value }));
    const out = valuesEnvText('kv-e2e-main', [...values, { name: 'bad', value: `' " \` \r` }], new Date('2026-12-06T20:00:00Z'));
    const parsed = dotenv.parse(out.text);
    assert.deepEqual(parsed, Object.fromEntries(values.map((v) => [envKeyOf(v.name), v.value])));
    assert.deepEqual(out.written.map((w) => w.name), values.map((v) => v.name));
    assert.deepEqual(out.unwritable, ['bad']);
    assert.match(out.text, /^# Secret values of vault kv-e2e-main, exported 2026-12-06T20:00:00\.000Z\. PLAIN TEXT/);
  });
});

describe('kv:// references in any text (issue 20: hovers, diagnostics, index, Find References, Rename)', () => {
  const v = '0123456789abcdef0123456789abcdef';

  it('finds the short form with exact positions: by vault name, by host, pinned, quoted', () => {
    const text = [
      'DB_PASSWORD=kv://kv-e2e-main/db-password',
      `API_KEY="kv://127.0.0.1:8443/api-key/${v.toUpperCase()}"`,
      "TOKEN='kv://contoso-kv.vault.azure.net/token/'",
      'export OTHER=kv://kv-e2e-main/other # comment',
    ].join('\n');
    const at = (fragment: string) => text.indexOf(fragment);
    const found = findReferences(text);
    assert.deepEqual(found, [
      { format: 'kvUri', start: at('kv://kv-e2e-main/db'), end: at('kv://kv-e2e-main/db') + 28, nameStart: at('db-password'), nameEnd: at('db-password') + 11, vault: { by: 'name', name: 'kv-e2e-main' }, kind: 'secret', name: 'db-password' },
      { format: 'kvUri', start: at('kv://127'), end: at('kv://127') + 60, nameStart: at('api-key'), nameEnd: at('api-key') + 7, vault: { by: 'url', url: 'https://127.0.0.1:8443' }, kind: 'secret', name: 'api-key', version: v },
      { format: 'kvUri', start: at('kv://contoso'), end: at('kv://contoso') + 38, nameStart: at('token/'), nameEnd: at('token/') + 5, vault: { by: 'url', url: 'https://contoso-kv.vault.azure.net' }, kind: 'secret', name: 'token' },
      { format: 'kvUri', start: at('kv://kv-e2e-main/other'), end: at('kv://kv-e2e-main/other') + 22, nameStart: at('other #'), nameEnd: at('other #') + 5, vault: { by: 'name', name: 'kv-e2e-main' }, kind: 'secret', name: 'other' },
    ]);
    assert.deepEqual(found.map((r) => text.slice(r.start, r.end)), ['kv://kv-e2e-main/db-password', `kv://127.0.0.1:8443/api-key/${v.toUpperCase()}`, 'kv://contoso-kv.vault.azure.net/token/', 'kv://kv-e2e-main/other']);
  });

  it('passes over what is no reference: a bad name or host, a version that is not one, kv:// inside the path of a URL', () => {
    const text = [
      'A=kv://kv-e2e-main/bad_name',
      'B=kv://example.com/db-password',
      'C=kv://kv-e2e-main/db-password/not-a-version',
      'D=https://example.com/kv://kv-e2e-main/db-password',
      'E=kv://x/db-password',
    ].join('\n');
    assert.deepEqual(findReferences(text), []);
  });

  it('renames the name segment, and moves a pin to the copied version', () => {
    const text = `A=kv://kv-e2e-main/db-password\nB=kv://kv-e2e-main/db-password/${v}\nC=kv://kv-e2e-main/api-key\n`;
    const refs = findReferences(text).filter((r) => r.name === 'db-password');
    const next = 'fedcba9876543210fedcba9876543210';
    const result = renameInText(text, refs, { newName: 'database-password', fromVersion: v, toVersion: next });
    assert.deepEqual(result.kept, []);
    assert.equal(applyReplacements(text, result.edits), `A=kv://kv-e2e-main/database-password\nB=kv://kv-e2e-main/database-password/${next}\nC=kv://kv-e2e-main/api-key\n`);
  });
});

describe('kv:// placement (Insert Reference As… in a .env.keyvault)', () => {
  const t = (name: string, extra: Partial<ReferenceTarget> = {}): ReferenceTarget => ({ ...vault, kind: 'secret', name, ...extra });

  it('after `=`: the reference; on a line of its own: KEY=kv:// lines, keys unique against the file', () => {
    const text = 'DB_PASSWORD=kv://kv-e2e-main/old\nX=';
    const value = placeReferences({ text, offset: text.length, languageId: 'dotenv', path: '/w/.env.keyvault' }, 'kvUri', [t('db-password')]);
    assert.deepEqual([value.mode, toText(value.template)], ['value', 'kv://kv-e2e-main/db-password']);
    const lines = placeReferences({ text: `${text}\n`, offset: text.length + 1, languageId: 'dotenv', path: '/w/.env.keyvault' }, 'kvUri', [t('db-password'), t('api-key')]);
    assert.deepEqual([lines.mode, toText(lines.template)], ['entry', 'DB_PASSWORD2=kv://kv-e2e-main/db-password\nAPI_KEY=kv://kv-e2e-main/api-key']);
  });
});
