// Secrets Store CSI driver (SecretProviderClass) into empty and existing files, every output checked with the
// `yaml` package: the documents parse, each class's `objects` parses again as YAML and each array item too (with
// objectName / objectType), metadata.name is unique, and every object is listed in the class of its own vault.
import * as assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { placeReferences, referenceFormats, toSnippet, toText, type Placement, type PlacementContext, type ReferenceTarget } from '../../src/references';
import { hostCases, target, version } from './references-cases';

const [publicCloud, china] = hostCases;
const a = target(publicCloud!, undefined);
const a2 = target(publicCloud!, undefined, { name: 'api-key' });
const otherUrl = 'https://other-kv.vault.azure.net';
const b = target(publicCloud!, undefined, { vaultUrl: otherUrl, vaultName: 'other-kv', armId: undefined, name: 'storage-key' });

/** A context from text where `§` marks the cursor (`|` is YAML's block scalar). */
function at(marked: string): PlacementContext {
  const offset = marked.indexOf('§');
  return { text: marked.replace('§', ''), offset, languageId: 'yaml', path: '/k8s/spc.yaml' };
}

/** The text after VS Code applies the placement: extras first, then the snippet indented like the cursor's line. */
function applied(ctx: PlacementContext, p: Placement): string {
  const end = ctx.endOffset ?? ctx.offset;
  const line = ctx.text.slice(ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1, ctx.offset);
  const lead = /^[ \t]*/.exec(line)![0];
  const edits = [...(p.extras ?? []).map((x) => ({ from: x.offset, to: x.offset, text: x.text })), { from: ctx.offset, to: end, text: toText(p.template).replace(/\n/g, `\n${lead}`) }];
  let out = '';
  let at = 0;
  for (const e of edits.sort((x, y) => x.from - y.from)) {
    out += ctx.text.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + ctx.text.slice(at);
}

const place = (marked: string, targets: readonly ReferenceTarget[]) => {
  const ctx = at(marked);
  const p = placeReferences(ctx, 'csi', targets);
  return { p, text: applied(ctx, p) };
};

/** Validates the file and says which objects each class (by vault) lists. */
function classes(text: string): Map<string, string[]> {
  const docs = parseAllDocuments(text);
  const byVault = new Map<string, string[]>();
  const names = new Set<string>();
  for (const doc of docs) {
    assert.deepEqual(doc.errors.map((e) => e.message), [], text);
    const spc = doc.toJS() as { kind?: string; metadata: { name: string }; spec: { parameters: Record<string, string> } } | null;
    if (spc?.kind !== 'SecretProviderClass') continue;
    assert.ok(!names.has(spc.metadata.name), `metadata.name ${spc.metadata.name} twice:\n${text}`);
    names.add(spc.metadata.name);
    for (const value of Object.values(spc.spec.parameters)) assert.equal(typeof value, 'string', 'parameters are strings');
    const objects = parse(spc.spec.parameters.objects!) as { array: string[] };
    const listed = objects.array.map((item) => {
      const o = parse(item) as { objectName: string; objectType: string; objectVersion?: string };
      assert.ok(o.objectName && ['secret', 'key', 'cert'].includes(o.objectType), item);
      return `${o.objectName}${o.objectVersion ? `@${o.objectVersion}` : ''}`;
    });
    const vault = `${spc.spec.parameters.keyvaultName}${spc.spec.parameters.cloudName ? `/${spc.spec.parameters.cloudName}` : ''}`;
    assert.ok(!byVault.has(vault), `two classes for ${vault}`);
    byVault.set(vault, listed);
  }
  return byVault;
}

const existing = (vault: string, items = '        - |\n          objectName: db-password\n          objectType: secret\n', name = vault) => `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: ${name}
spec:
  provider: azure
  parameters:
    keyvaultName: ${vault}
    objects: |
      array:
${items}    tenantId: "t"
`;

describe('CSI SecretProviderClass: several vaults', () => {
  it('gives each class its own tab stops and a distinct default name', () => {
    const template = referenceFormats.csi.entries!([a, a2, b]);
    const snippet = toSnippet(template);
    assert.match(snippet, /name: \$\{1:contoso-kv\}[\s\S]*clientID: "\$\{2:workload-identity-client-id\}"/);
    assert.match(snippet, /---\n[\s\S]*name: \$\{3:other-kv\}[\s\S]*clientID: "\$\{4:workload-identity-client-id\}"/);
    assert.deepEqual(classes(toText(template)), new Map([['contoso-kv', ['db-password', 'api-key']], ['other-kv', ['storage-key']]]));
  });

  it('numbers the names of two vaults of the same name in two clouds, and of a name the file has', () => {
    const cn = target(china!, version);
    const { text } = place(`${existing('contoso-kv', undefined, 'x')}\n§`, [cn, b]);
    assert.deepEqual(classes(text), new Map([['contoso-kv', ['db-password']], ['contoso-kv/AzureChinaCloud', [`db-password@${version}`]], ['other-kv', ['storage-key']]]));
    const named = place(`${existing('x', undefined, 'contoso-kv')}§`, [a]).text;
    assert.match(named, /name: contoso-kv-2\n/);
    classes(named);
  });

  it('in a file that is not YAML (notes), the classes at the cursor', () => {
    const p = placeReferences({ text: '# Notes\n\nSee:\n\nMore text.\n', offset: '# Notes\n\n'.length, languageId: 'markdown', path: '/notes.md' }, 'csi', [a, b]);
    assert.equal(p.mode, 'entry');
    assert.equal(p.extras, undefined);
    assert.deepEqual(classes(toText(p.template)), new Map([['contoso-kv', ['db-password']], ['other-kv', ['storage-key']]]));
  });

  it('writes an empty file as one document per vault', () => {
    const { p, text } = place('§', [a, b]);
    assert.equal(p.mode, 'entry');
    assert.equal(p.extras, undefined);
    assert.deepEqual(classes(text), new Map([['contoso-kv', ['db-password']], ['other-kv', ['storage-key']]]));
  });
});

describe('CSI SecretProviderClass: into an existing file', () => {
  it('appends to the class of the same vault and adds a document for another vault at the cursor', () => {
    const { p, text } = place(`${existing('contoso-kv')}§`, [a2, b]);
    assert.equal(p.extras!.length, 1);
    assert.match(toText(p.template), /^---\napiVersion/);
    assert.deepEqual(classes(text), new Map([['contoso-kv', ['db-password', 'api-key']], ['other-kv', ['storage-key']]]));
  });

  it('never adds to the class of another vault; a new class goes to the end when the cursor is inside a document', () => {
    const { p, text } = place(existing('other-kv').replace('  provider: azure\n', '  provider: azure\n§\n'), [a]);
    assert.deepEqual(p.template, []);
    assert.deepEqual(classes(text), new Map([['other-kv', ['db-password']], ['contoso-kv', ['db-password']]]));
    assert.match(text, /tenantId: "t"\n---\napiVersion/);
  });

  it('puts an item at the cursor inside the array (indented like the items), other vaults elsewhere', () => {
    const marked = existing('contoso-kv', '        - |\n          objectName: first\n          objectType: secret\n§\n        - |\n          objectName: last\n          objectType: key\n');
    const { p, text } = place(marked, [a, b]);
    assert.equal(p.mode, 'value');
    assert.equal(toText(p.template), '        - |\n          objectName: db-password\n          objectType: secret');
    assert.deepEqual(classes(text), new Map([['contoso-kv', ['first', 'db-password', 'last']], ['other-kv', ['storage-key']]]));
    const indented = place(marked.replace('§', '        §'), [a]);
    assert.equal(toText(indented.p.template), '- |\n  objectName: db-password\n  objectType: secret');
    assert.deepEqual(classes(indented.text).get('contoso-kv'), ['first', 'db-password', 'last']);
  });

  it('a cursor in the blank space or on the indented last line of the file: new documents after the items, unindented', () => {
    const end = existing('contoso-kv').replace(/ {4}tenantId: "t"\n$/, '');
    for (const marked of [`${end}        §\n`, `${end}        §`, `${end}§`, `${existing('contoso-kv').trimEnd()}§`]) {
      const { text } = place(marked, [a2, b]);
      assert.deepEqual(classes(text), new Map([['contoso-kv', ['db-password', 'api-key']], ['other-kv', ['storage-key']]]), marked);
    }
  });

  it('appends when the cursor is inside an item, and skips objects the class lists already', () => {
    const marked = existing('contoso-kv', '        - |\n          objectName: db-password§\n          objectType: secret\n');
    const { p, text } = place(marked, [a, target(publicCloud!, version), a2]);
    assert.deepEqual(p.template, []);
    assert.deepEqual(classes(text).get('contoso-kv'), ['db-password', `db-password@${version}`, 'api-key']);
    const again = place(`${text}§`, [a, a2]);
    assert.deepEqual(again.p.template, []);
    assert.equal(again.p.extras, undefined);
  });

  it('between documents: a new document with the separators it needs', () => {
    const two = `${existing('x')}---\n§\n---\n${existing('y')}`;
    const { p, text } = place(two, [a]);
    assert.match(toText(p.template), /^apiVersion/);
    assert.deepEqual([...classes(text).keys()], ['x', 'contoso-kv', 'y']);
    const blank = place(`${existing('x')}\n§\n\n---\n${existing('y')}`, [a]);
    assert.match(toText(blank.p.template), /^---\napiVersion[\s\S]*objectType: secret$/);
    assert.deepEqual([...classes(blank.text).keys()], ['x', 'contoso-kv', 'y']);
  });

  it('adds a class after other kinds of documents', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web§\nspec:\n  replicas: 1\n';
    const { p, text } = place(deployment, [a, b]);
    assert.deepEqual(p.template, []);
    assert.equal(parseAllDocuments(text).length, 3);
    assert.deepEqual(classes(text), new Map([['contoso-kv', ['db-password']], ['other-kv', ['storage-key']]]));
  });
});
