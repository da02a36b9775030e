// Issue 20: env files whose values may be Key Vault references (src/references/envFile.ts). Every literal is
// checked against the real `dotenv` package's `parse` (the world's parser), positions exactly, LF and CRLF alike;
// then the reference forms (App Service both forms, object URI, kv:// by name and by host) and what is refused.
import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import { mayHoldEnvReference } from '../../src/commands/run/envSniff';
import { envValueMeaning, envValues, parseEnvFile, type EnvEntry } from '../../src/references';

const V = '0123456789abcdef0123456789abcdef';

/** Files exercising dotenv's syntax: comments, export, colons, quotes of three kinds, multi-line, escapes, blanks. */
const files: Record<string, string> = {
  basic: 'A=1\nB = two\n  C=three  \n',
  comments: '# a comment\nA=1 # trailing\nB="quoted # kept" # gone\n#C=4\nD=#nothing\n',
  exportAndColon: 'export A=1\nexport  B = 2\nC: 3\nD:4\nexportE=5\n',
  quotes: `A='single'\nB="double"\nC=\`back\`\nD='it''s'\nE="a\\nb\\rc"\nF='a\\nb'\nG=\`a\\nb\`\n`,
  multiline: 'A="line one\nline two"\nB=after\nC=\'x\ny\'\nD=`p\nq`\nE=end\n',
  empty: 'A=\nB=""\nC=\'\'\nD=   \nE\nF=ok\n',
  oddities: 'A="unterminated\nB=2\n1X=y\nA.B-c=dots\n  \n\nZ="quoted" trailing\nY=  spaced value  \n',
  duplicates: 'A=first\nB=x\nA=second\n',
  unicode: 'GREETING=héllo wörld 😀\nNAME="Zoë"\n',
  references: [
    'PLAIN=hello',
    `APP=@Microsoft.KeyVault(SecretUri=https://kv-one.vault.azure.net/secrets/db-password/${V})`,
    'BYNAME="@Microsoft.KeyVault(VaultName=kv-one;SecretName=api-key)"',
    'URI=https://kv-one.vault.azure.net/secrets/token',
    "SHORT='kv://kv-one/short-one'",
    'HOST=kv://kv-two.vault.azure.net/other',
    'VAULT_URL=https://kv-one.vault.azure.net/',
  ].join('\n'),
};

/** The name → value map our entries give, the last definition of a name winning (what dotenv returns). */
const asObject = (entries: readonly EnvEntry[]) => Object.fromEntries([...envValues(entries)].map(([name, e]) => [name, e.value]));

describe('issue 20: env files (dotenv syntax) with Key Vault references', () => {
  describe('reads every file as the dotenv package does', () => {
    for (const [id, text] of Object.entries(files)) {
      for (const eol of ['\n', '\r\n']) {
        it(`${id} (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
          const source = text.replace(/\n/g, eol);
          const entries = parseEnvFile(source);
          assert.deepEqual(asObject(entries), dotenv.parse(source));
          for (const e of entries) {
            assert.equal(source.slice(e.nameStart, e.nameEnd), e.name, `${e.name}: the name range`);
            const lineStart = source.split(/\r?\n/).slice(0, e.line).reduce((n, l) => n + l.length + eol.length, 0);
            assert.ok(e.nameStart >= lineStart && e.nameStart <= lineStart + source.split(/\r?\n/)[e.line]!.length, `${e.name}: on line ${e.line}`);
            const raw = source.slice(e.valueStart, e.valueEnd);
            // The raw range holds the value as written: its dotenv reading is the entry's value.
            assert.equal(dotenv.parse(`X=${raw.replace(/\r\n/g, '\n')}`).X ?? '', e.value, `${e.name}: the raw value ${JSON.stringify(raw)}`);
          }
        });
      }
    }
  });

  it('reads 400 generated files (every piece of the syntax, mixed) exactly as dotenv does, positions included', () => {
    let seed = 20;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(list: readonly T[]): T => list[next(list.length)]!;
    const names = ['A', 'DB_PASSWORD', 'a.b-c', 'export', 'X1', '1X', 'bad name', '', 'K'];
    const separators = ['=', ' = ', '= ', ': ', ':', ' =', '=\t'];
    const values = [
      'plain', 'two words', '  padded  ', 'with # comment', 'a#b', '', '"double"', "'single'", '`back`', '"esc \\n and \\r"', "'esc \\n'",
      '"multi\nline"', "'multi\nline'", '`multi\nline`', '"unterminated', "'it''s'", '"quote" trailing', '"a \\" b"', 'kv://kv-one/n', '=equals=',
      '"# not a comment" # comment', 'é 😀', '\t tab',
    ];
    const definition = () => `${pick(['', 'export ', 'export  '])}${pick(names)}${pick(separators)}${pick(values)}${pick(['', ' # c', '  '])}`;
    const lines = () => (next(4) === 0 ? pick(['', '# comment', '   ']) : definition());
    let total = 0;
    for (let file = 0; file < 400; file++) {
      const eol = pick(['\n', '\r\n']);
      const source = Array.from({ length: 1 + next(12) }, lines).join(eol).replace(/\n/g, eol === '\n' ? '\n' : '\r\n').replace(/\r\r\n/g, '\r\n');
      const entries = parseEnvFile(source);
      assert.deepEqual(asObject(entries), dotenv.parse(source), JSON.stringify(source));
      for (const e of entries) {
        assert.equal(source.slice(e.nameStart, e.nameEnd), e.name, JSON.stringify(source));
        assert.equal(e.line, source.slice(0, e.nameStart).split(/\r\n|\n/).length - 1, JSON.stringify(source));
        assert.equal(dotenv.parse(`X=${source.slice(e.valueStart, e.valueEnd)}`).X ?? '', e.value, JSON.stringify(source));
      }
      total += entries.length;
    }
    assert.ok(total > 1000, `${total} definitions read`);
  });

  it('gives exact positions: lines, the name, the raw value with its quotes', () => {
    const text = '# header\r\nexport API_URL = "https://x"  # c\r\n\r\nMULTI="a\r\nb"\r\nLAST=kv://kv-one/n\r\n';
    const [api, multi, last] = parseEnvFile(text);
    assert.deepEqual([api!.line, multi!.line, last!.line], [1, 3, 5]);
    assert.equal(text.slice(api!.valueStart, api!.valueEnd), '"https://x"');
    assert.equal(text.slice(multi!.valueStart, multi!.valueEnd), '"a\r\nb"');
    assert.equal(multi!.value, 'a\nb', 'CRLF inside a quoted value reads as LF, as dotenv');
    assert.equal(text.slice(last!.nameStart, last!.valueEnd), 'LAST=kv://kv-one/n');
    const empty = parseEnvFile('A=\nB=1')[0]!;
    assert.equal(empty.valueStart, empty.valueEnd, 'NAME= has an empty value range');
  });

  it('keeps every definition of a name, in order (the last is the one used)', () => {
    const entries = parseEnvFile(files.duplicates!);
    assert.deepEqual(entries.map((e) => `${e.line}:${e.name}=${e.value}`), ['0:A=first', '1:B=x', '2:A=second']);
    assert.equal(envValues(entries).get('A')?.value, 'second');
  });

  it('classifies the reference forms and leaves literals alone', () => {
    const meanings = Object.fromEntries(parseEnvFile(files.references!).map((e) => [e.name, e.meaning]));
    assert.deepEqual(meanings, {
      PLAIN: { type: 'literal' },
      APP: { type: 'reference', reference: { form: 'appService', vault: { by: 'url', url: 'https://kv-one.vault.azure.net' }, name: 'db-password', version: V } },
      BYNAME: { type: 'reference', reference: { form: 'appService', vault: { by: 'name', name: 'kv-one' }, name: 'api-key' } },
      URI: { type: 'reference', reference: { form: 'uri', vault: { by: 'url', url: 'https://kv-one.vault.azure.net' }, name: 'token' } },
      SHORT: { type: 'reference', reference: { form: 'kv', vault: { by: 'name', name: 'kv-one' }, name: 'short-one' } },
      HOST: { type: 'reference', reference: { form: 'kv', vault: { by: 'url', url: 'https://kv-two.vault.azure.net' }, name: 'other' } },
      VAULT_URL: { type: 'literal' },
    });
  });

  it('kv:// takes a version, a port on a loopback host (a local emulator) and a custom cloud suffix', () => {
    assert.deepEqual(envValueMeaning(`kv://kv-one/n/${V.toUpperCase()}`), { type: 'reference', reference: { form: 'kv', vault: { by: 'name', name: 'kv-one' }, name: 'n', version: V } });
    assert.deepEqual(envValueMeaning('kv://127.0.0.1:8443/n'), { type: 'reference', reference: { form: 'kv', vault: { by: 'url', url: 'https://127.0.0.1:8443' }, name: 'n' } });
    assert.equal(envValueMeaning('kv://kv.vault.example.test/n').type, 'invalid', 'not a Key Vault host');
    assert.equal(envValueMeaning('kv://kv.vault.example.test/n', { vaultDnsSuffixes: ['vault.example.test'] }).type, 'reference');
  });

  it('refuses keys, certificates and values that start like a reference but are not one — naming them, never a value', () => {
    const refused = [
      'https://kv-one.vault.azure.net/keys/signing',
      'https://kv-one.vault.azure.net/certificates/tls',
      '@Microsoft.KeyVault(SecretUri=https://kv-one.vault.azure.net/certificates/tls)',
      '@Microsoft.KeyVault(VaultName=kv-one)',
      '@Microsoft.KeyVault(SecretUri=https://kv-one.vault.azure.net/secrets/a) and more',
      'kv://kv-one',
      'kv://kv-one/bad_name',
      'kv://kv-one/n/not-a-version',
      'kv://x/n',
      'kv://evil.example.com/n',
    ];
    for (const value of refused) {
      const meaning = envValueMeaning(value);
      assert.equal(meaning.type, 'invalid', value);
      assert.ok(meaning.type === 'invalid' && meaning.message.includes(value), `the message names the value as written: ${value}`);
    }
    assert.match((envValueMeaning('https://kv-one.vault.azure.net/certificates/tls') as { message: string }).message, /\/secrets\/ URI/);
  });

  it('the cheap first look finds every file that holds a reference and skips plain ones', () => {
    for (const value of [files.references!, 'A=kv://x/y', 'A=@Microsoft.KeyVault(x)', 'A=https://h/keys/k']) assert.ok(mayHoldEnvReference(value), value);
    for (const id of ['basic', 'comments', 'quotes', 'multiline', 'unicode']) assert.equal(mayHoldEnvReference(files[id]!), false, id);
    for (const value of parseEnvFile(files.references!).filter((e) => e.meaning.type !== 'literal')) assert.ok(mayHoldEnvReference(value.value), value.name);
  });
});
