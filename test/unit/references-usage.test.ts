// The pure parts of the workspace index: matching a reference to an object (vault by URL or name, kind, name,
// pinned version), line/character conversion (CRLF, CR, LF; UTF-16), previews, per-file indexing with the real
// parser, and the exclusion globs (search.exclude, .gitignore).
import * as assert from 'node:assert/strict';
import { findReferences, type FoundReference } from '../../src/references';
import { filesUsing, indexText, mayReference, lineStarts, offsetAt, positionAt, previewOf, PREVIEW_MAX, referencesTo, refersTo, type ObjectQuery } from '../../src/references/usage';
import { enabledPatterns, excludeGlob, expandBraces, gitignoreGlobs, hasIndexedType, indexedFileGlobs, indexedFilesGlob } from '../../src/platform/referenceIndex/ignoreGlobs';

const version = '0123456789abcdef0123456789abcdef';
const query: ObjectQuery = { vaultUrl: 'https://contoso.vault.azure.net', vaultName: 'contoso', subscriptionId: 'sub-1', resourceGroup: 'rg-app', kind: 'secret', name: 'DbPassword' };

function ref(partial: Partial<FoundReference>): FoundReference {
  return { format: 'uri', start: 0, end: 1, nameStart: 0, nameEnd: 1, vault: { by: 'url', url: 'https://contoso.vault.azure.net' }, kind: 'secret', name: 'DbPassword', ...partial };
}

describe('workspace references: matching (refersTo)', () => {
  it('matches by vault URL origin (case, trailing slash, default port) and name case-insensitively', () => {
    assert.ok(refersTo(ref({ vault: { by: 'url', url: 'https://CONTOSO.vault.azure.net:443/' }, name: 'dbpassword' }), query));
    assert.ok(!refersTo(ref({ vault: { by: 'url', url: 'https://contoso2.vault.azure.net' } }), query));
    assert.ok(!refersTo(ref({ vault: { by: 'url', url: 'https://contoso.vault.azure.net:8443' } }), query));
    assert.ok(!refersTo(ref({ name: 'DbPassword2' }), query));
  });

  it('matches by vault name; subscription and group break ties only when both sides give them', () => {
    assert.ok(refersTo(ref({ vault: { by: 'name', name: 'Contoso' } }), query));
    assert.ok(refersTo(ref({ vault: { by: 'name', name: 'contoso', subscriptionId: 'SUB-1', resourceGroup: 'RG-APP' } }), query));
    assert.ok(!refersTo(ref({ vault: { by: 'name', name: 'contoso', subscriptionId: 'sub-2' } }), query));
    assert.ok(!refersTo(ref({ vault: { by: 'name', name: 'contoso', resourceGroup: 'rg-other' } }), query));
    const attached: ObjectQuery = { vaultUrl: query.vaultUrl, vaultName: 'contoso', kind: 'secret', name: 'DbPassword' };
    assert.ok(refersTo(ref({ vault: { by: 'name', name: 'contoso', subscriptionId: 'sub-2' } }), attached));
  });

  it('a version query matches only references pinned to it; an unversioned query matches all', () => {
    const pinned = ref({ version });
    assert.ok(refersTo(pinned, query));
    assert.ok(refersTo(ref({}), query));
    assert.ok(refersTo(pinned, { ...query, version: version.toUpperCase() }));
    assert.ok(!refersTo(ref({}), { ...query, version }));
    assert.ok(!refersTo(ref({ version: 'f'.repeat(32) }), { ...query, version }));
  });

  it('kinds: a secret query takes secrets only; a certificate query takes its secret and key too', () => {
    assert.ok(!refersTo(ref({ kind: 'key' }), query));
    const cert: ObjectQuery = { ...query, kind: 'certificate' };
    for (const kind of ['certificate', 'secret', 'key'] as const) assert.ok(refersTo(ref({ kind }), cert), kind);
    assert.ok(!refersTo(ref({ kind: 'certificate' }), { ...query, kind: 'key' }));
  });
});

describe('workspace references: positions and previews', () => {
  it('lineStarts and positionAt count CRLF, CR and LF line ends as VS Code does', () => {
    const text = 'a\r\nbb\rccc\nd';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 3, 6, 10]);
    assert.deepEqual(positionAt(starts, 0), { line: 0, character: 0 });
    assert.deepEqual(positionAt(starts, 4), { line: 1, character: 1 });
    assert.deepEqual(positionAt(starts, 8), { line: 2, character: 2 });
    assert.deepEqual(positionAt(starts, 10), { line: 3, character: 0 });
    assert.deepEqual(positionAt(starts, 11), { line: 3, character: 1 });
    for (let offset = 0; offset <= text.length; offset++) {
      const p = positionAt(starts, offset);
      assert.equal(offsetAt(starts, p.line, p.character, text.length), offset);
    }
  });

  it('characters are UTF-16 code units (an emoji counts two)', () => {
    const text = 'line\nx 😀 https://contoso.vault.azure.net/secrets/DbPassword';
    const found = findReferences(text);
    const [indexed] = indexText('file:///a.txt', text, found);
    assert.deepEqual(indexed!.range, { startLine: 1, startCharacter: 5, endLine: 1, endCharacter: 55 });
    assert.deepEqual(indexed!.nameRange, { startLine: 1, startCharacter: 45, endLine: 1, endCharacter: 55 });
  });

  it('previews are the trimmed line, bounded, around the reference on long lines', () => {
    const text = '    "A": "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/DbPassword/)",  \nnext';
    assert.equal(previewOf(text, lineStarts(text), 0), '"A": "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/DbPassword/)",');
    const long = `${'x'.repeat(1000)} https://contoso.vault.azure.net/secrets/DbPassword ${'y'.repeat(1000)}`;
    const p = previewOf(long, lineStarts(long), 0, 1001);
    assert.ok(p.length <= PREVIEW_MAX, String(p.length));
    assert.ok(p.includes('secrets/Db'), p);
  });

  it('indexText gives every reference of a file with its line, and queries select and count by file', () => {
    const a = ['{', '  "Db": "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/DbPassword/)",', `  "Pinned": "@Microsoft.KeyVault(VaultName=contoso;SecretName=DbPassword;SecretVersion=${version})",`, '  "Other": "@Microsoft.KeyVault(VaultName=contoso;SecretName=ApiKey)"', '}'].join('\n');
    const b = "param db = az.getSecret('sub-1', 'rg-app', 'contoso', 'DbPassword')\n";
    const refs = [...indexText('file:///w/b.bicepparam', b, findReferences(b)), ...indexText('file:///w/a.json', a, findReferences(a))];
    assert.equal(refs.length, 4);
    const all = referencesTo(refs, query);
    assert.deepEqual(all.map((r) => [r.file, r.range.startLine, r.nameRange.startCharacter]), [
      ['file:///w/a.json', 1, 79],
      ['file:///w/a.json', 2, 62],
      ['file:///w/b.bicepparam', 0, 55],
    ]);
    const lines = { 'file:///w/a.json': a.split('\n'), 'file:///w/b.bicepparam': b.split('\n') } as Record<string, string[]>;
    for (const r of all) assert.equal(lines[r.file]![r.nameRange.startLine]!.slice(r.nameRange.startCharacter, r.nameRange.endCharacter), 'DbPassword');
    assert.equal(filesUsing(refs, query), 2);
    assert.deepEqual(referencesTo(refs, { ...query, version }).map((r) => r.range.startLine), [2]);
    assert.equal(filesUsing(refs, { ...query, name: 'Missing' }), 0);
    assert.ok(all.every((r) => !r.preview.includes('\n')));
  });
});

describe('workspace references: which texts are parsed at all', () => {
  it('every text the parser finds a reference in passes mayReference; others are skipped', async () => {
    const { referenceFormats, toText } = await import('../../src/references');
    const { hostCases, target, version: v } = await import('./references-cases');
    let checked = 0;
    for (const format of Object.values(referenceFormats)) {
      for (const c of hostCases) {
        for (const kind of format.kinds) {
          const t = target(c, v, { kind, name: `my-${kind}` });
          for (const text of [toText(format.entry(t)), toText(format.value(t))]) {
            if (findReferences(text).length === 0) continue;
            checked++;
            assert.ok(mayReference(text), text);
          }
        }
      }
    }
    assert.ok(checked > 50, String(checked));
    assert.ok(!mayReference('{ "Logging": { "LogLevel": { "Default": "Information" } } }'));
  });
});

describe('workspace references: exclusions', () => {
  it('expands braces (nested too) for VS Code globs', () => {
    assert.deepEqual(expandBraces('**/{a,b}/x'), ['**/a/x', '**/b/x']);
    assert.deepEqual(expandBraces('{a,{b,c}d}'), ['a', 'bd', 'cd']);
    assert.deepEqual(expandBraces('plain'), ['plain']);
  });

  it('search.exclude: the patterns switched on, `when` clauses left out', () => {
    assert.deepEqual(enabledPatterns({ '**/node_modules': true, '**/dist': false, '**/*.js': { when: '$(basename).ts' }, '**/{out,bin}': true }), ['**/node_modules', '**/out', '**/bin']);
  });

  it('.gitignore lines become globs relative to the workspace folder', () => {
    const text = ['# comment', '', 'node_modules/', '/build', '*.log', 'secret/keep.json', '!important.log', 'a\\#b', 'tmp  '].join('\n');
    assert.deepEqual(gitignoreGlobs(text), ['**/node_modules/**', 'build', 'build/**', '**/*.log', '**/*.log/**', 'secret/keep.json', 'secret/keep.json/**', '**/tmp', '**/tmp/**']);
    assert.deepEqual(gitignoreGlobs('generated/\n/local.json', 'infra/app'), ['infra/app/**/generated/**', 'infra/app/local.json', 'infra/app/local.json/**']);
  });

  it('one exclude glob; file types the index reads', () => {
    assert.equal(excludeGlob([]), undefined);
    assert.equal(excludeGlob(['a/**']), 'a/**');
    assert.equal(excludeGlob(['a/**', 'b', 'a/**']), '{a/**,b}');
    for (const yes of ['a/appsettings.json', 'main.bicep', 'x.bicepparam', 'main.tf', 'x.tf.json', 'p.tfvars', 'w.yml', 'k.yaml', 'C.cs', '.env', 'web.config']) assert.ok(hasIndexedType(yes), yes);
    for (const no of ['a.png', 'README.md', 'x.ts', 'Makefile']) assert.ok(!hasIndexedType(no), no);
  });

  it('the listing searches, one per group of file types, find exactly the files of the include glob', () => {
    const parts = indexedFileGlobs.flatMap(expandBraces);
    assert.deepEqual([...parts].sort(), expandBraces(indexedFilesGlob).sort());
    assert.equal(new Set(parts).size, parts.length, 'no type searched twice');
    assert.ok(indexedFileGlobs.length > 1 && indexedFileGlobs.length < 6, 'a few searches, not one per type');
  });
});
