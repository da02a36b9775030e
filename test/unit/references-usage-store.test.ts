// The workspace index's store (src/platform/referenceIndex/store.ts, no vscode): files set, replaced and dropped
// (a folder drops every file below it), queries by name bucket, sizes; and the bounded parallel runner.
import * as assert from 'node:assert/strict';
import * as references from '../../src/references';
import { forEachLimited } from '../../src/platform/referenceIndex/slices';
import { ReferenceStore } from '../../src/platform/referenceIndex/store';

const url = 'https://contoso.vault.azure.net';
const fileText = (names: string[]) => names.map((n) => `"${n}": "@Microsoft.KeyVault(SecretUri=${url}/secrets/${n}/)"`).join('\n');
const indexed = (file: string, names: string[]) => references.indexText(file, fileText(names), references.findReferences(fileText(names)));
const query = (name: string) => ({ vaultUrl: url, vaultName: 'contoso', kind: 'secret' as const, name });

describe('workspace references: the index store', () => {
  it('answers per name, replaces a file, drops files and folders', () => {
    const store = new ReferenceStore(() => references);
    assert.ok(store.set('file:///w/a.json', indexed('file:///w/a.json', ['db', 'api'])));
    assert.ok(store.set('file:///w/sub/b.json', indexed('file:///w/sub/b.json', ['db'])));
    assert.ok(store.set('file:///w/sub/c.json', []));
    assert.deepEqual(store.size, { files: 3, references: 3 });
    assert.equal(store.filesUsing(query('DB')), 2);
    assert.deepEqual(store.referencesTo(query('db')).map((r) => r.file), ['file:///w/a.json', 'file:///w/sub/b.json']);
    assert.ok(!store.set('file:///w/a.json', indexed('file:///w/a.json', ['db', 'api'])), 'the same references: no change');
    assert.ok(store.set('file:///w/a.json', indexed('file:///w/a.json', ['api'])));
    assert.equal(store.filesUsing(query('db')), 1);
    assert.deepEqual(store.all().map((r) => `${r.file} ${r.ref.name}`), ['file:///w/a.json api', 'file:///w/sub/b.json db']);
    assert.ok(store.delete('file:///w/sub'));
    assert.deepEqual(store.size, { files: 1, references: 1 });
    assert.ok(!store.delete('file:///w/su'), 'a prefix that is not a folder drops nothing');
    assert.equal(store.filesUsing(query('db')), 0);
  });

  it('runs work at most N at a time, every item once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([...Array(20).keys()], 3, async (i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      done.push(i);
      running--;
    });
    assert.equal(most, 3);
    assert.deepEqual(done.sort((a, b) => a - b), [...Array(20).keys()]);
  });
});
