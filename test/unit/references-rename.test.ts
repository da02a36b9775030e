// Rename Secret's rewrite of references (src/references/rename.ts): for every format the parser reads, as the
// formats write it on every host — unpinned, pinned to the copied (current) version, pinned to another version —
// the parser reads back the same reference under the new name (and the new version where the pin moved) and
// nothing else in the text changed; then whole files of every ecosystem, rewritten, are judged by the ecosystem's
// own parser or schema (test/ecosystem/validators.ts) and read the new name from the same vault.
import * as assert from 'node:assert/strict';
import {
  applyReplacements, findReferences, placeReferences, referenceFormats, renameInText, renameReference, toText,
  type FormatId, type FoundReference, type ReferenceTarget,
} from '../../src/references';
import { applyPlacement } from '../ecosystem/apply';
import { CONTOSO, FABRIKAM, cursorOf, documentsFor } from '../ecosystem/documents';
import { validatorFor, validators, type Validator } from '../ecosystem/validators';
import { hostCases, target, version } from './references-cases';

const NEW = 'database-password';
const NEW_VERSION = 'fedcba9876543210fedcba9876543210';
const OTHER = '11111111111111111111111111111111';
const parseable: readonly FormatId[] = ['appServiceUri', 'appServiceName', 'armParameter', 'bicep', 'bicepparam', 'appConfig', 'terraform', 'uri', 'kvUri'];

const positionless = ({ start: _s, end: _e, nameStart: _ns, nameEnd: _ne, name: _n, version: _v, ...rest }: FoundReference) => rest;

/** The texts a format writes for a target: the entry, and the value where it names its vault by itself. */
function textsOf(id: FormatId, t: ReferenceTarget): string[] {
  return [toText(referenceFormats[id].entry(t)), ...(id === 'bicep' || id === 'terraform' ? [] : [toText(referenceFormats[id].value(t))])];
}

describe('rename: one reference of every format, on every host', () => {
  for (const id of parseable) {
    for (const c of hostCases) {
      it(`${id}, ${c.cloud}: unpinned and pinned to the copied version are rewritten; the rest of the text is unchanged`, () => {
        for (const pin of [undefined, version]) {
          for (const text of textsOf(id, target(c, pin))) {
            const [ref] = findReferences(text);
            assert.ok(ref, text);
            const outcome = renameReference(text, ref, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION });
            assert.ok(outcome.rewrite, `rewritten:\n${text}`);
            assert.equal(outcome.repinned, pin !== undefined);
            const after = applyReplacements(text, outcome.edits);
            const [again, ...more] = findReferences(after);
            assert.equal(more.length, 0);
            assert.equal(again!.name, NEW);
            assert.equal(again!.version, pin ? NEW_VERSION : undefined);
            assert.deepEqual(positionless(again!), positionless(ref), 'same format, vault and kind');
            assert.equal(after.split(NEW_VERSION).join(version).split(NEW).join('db-password'), text, 'only the name (and the pin) changed');
          }
        }
      });
    }
  }

  it('leaves a reference pinned to another version alone (its value exists only under the old name)', () => {
    for (const id of parseable) {
      for (const text of textsOf(id, target(hostCases[0]!, OTHER))) {
        const [ref] = findReferences(text);
        assert.deepEqual(renameReference(text, ref!, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION }), { rewrite: false, reason: 'pinnedOtherVersion' }, id);
        // Without a copied version (nothing to move pins to), every pinned reference stays.
        assert.equal(renameReference(text, ref!, { newName: NEW }).rewrite, false);
      }
    }
  });

  it('keeps the case a pin was written in, and renames whatever case the name was written in', () => {
    const upper = version.toUpperCase();
    const text = `"@Microsoft.KeyVault(VaultName=contoso-kv;SecretName=DB-Password;SecretVersion=${upper})"`;
    const [ref] = findReferences(text);
    const outcome = renameReference(text, ref!, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION });
    assert.ok(outcome.rewrite);
    assert.equal(applyReplacements(text, outcome.edits), `"@Microsoft.KeyVault(VaultName=contoso-kv;SecretName=${NEW};SecretVersion=${NEW_VERSION.toUpperCase()})"`);
  });

  it('finds the pin of an App Service setting wherever the fields are, even before the name', () => {
    const text = `@Microsoft.KeyVault(SecretVersion=${version}; VaultName=contoso-kv; SecretName=db-password)`;
    const [ref] = findReferences(text);
    const outcome = renameReference(text, ref!, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION });
    assert.ok(outcome.rewrite);
    assert.equal(applyReplacements(text, outcome.edits), `@Microsoft.KeyVault(SecretVersion=${NEW_VERSION}; VaultName=contoso-kv; SecretName=${NEW})`);
  });

  it('writes a .NET configuration key with ":" where the secret name has "--"', () => {
    const text = 'var cs = builder.Configuration["ConnectionStrings:Storage"];';
    const nameStart = text.indexOf('ConnectionStrings:Storage');
    const ref: FoundReference = {
      format: 'dotnetKey', start: nameStart, end: nameStart + 25, nameStart, nameEnd: nameStart + 25,
      vault: { by: 'url', url: CONTOSO.url }, kind: 'secret', name: 'ConnectionStrings--Storage',
    };
    const outcome = renameReference(text, ref, { newName: 'ConnectionStrings--Blob' });
    assert.ok(outcome.rewrite);
    assert.equal(applyReplacements(text, outcome.edits), 'var cs = builder.Configuration["ConnectionStrings:Blob"];');
  });

  it('refuses to write where the text no longer says the name (the file changed since it was read)', () => {
    const text = 'x=https://contoso-kv.vault.azure.net/secrets/db-password';
    const [ref] = findReferences(text);
    const changed = text.replace('db-password', 'db-passw0rd');
    assert.deepEqual(renameReference(changed, ref!, { newName: NEW }), { rewrite: false, reason: 'textChanged' });
  });

  it('rewrites several references of one line and one file, edits sorted and never overlapping', () => {
    const url = CONTOSO.url;
    const text = [
      `{ "A": "@Microsoft.KeyVault(SecretUri=${url}/secrets/db-password/)", "B": "${url}/secrets/db-password/${version}" }`,
      `{ "C": "${url}/secrets/db-password/${OTHER}", "D": "${url}/secrets/api-key" }`,
    ].join('\n');
    const refs = findReferences(text).filter((r) => r.name === 'db-password');
    const result = renameInText(text, refs, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION });
    assert.equal(result.rewritten.length, 2);
    assert.deepEqual(result.kept.map((k) => [k.ref.version, k.reason]), [[OTHER, 'pinnedOtherVersion']]);
    assert.deepEqual(result.edits.map((e) => e.start), [...result.edits.map((e) => e.start)].sort((a, b) => a - b));
    const after = applyReplacements(text, result.edits);
    assert.deepEqual(findReferences(after).map((r) => [r.name, r.version]), [[NEW, undefined], [NEW, NEW_VERSION], ['db-password', OTHER], ['api-key', undefined]]);
  });
});

/** The ecosystem that judges a format's files (as the ecosystem matrix picks it). */
function validatorOf(format: FormatId, fileName: string): Validator {
  if (format === 'appServiceUri' || format === 'appServiceName') return validators.appSettings;
  if (format === 'armParameter') return validators.armParameters;
  if (format === 'appConfig') return validators.appConfigKvset;
  if (format === 'uri' || format === 'kvUri') return validatorFor(fileName);
  if (format === 'bicep' || format === 'bicepparam' || format === 'terraform' || format === 'csi' || format === 'azurePipelines' || format === 'githubActions') return validators[format];
  throw new Error(`no validator for ${format}`);
}

function matrixTarget(vault: typeof CONTOSO, name: string, extra: Partial<ReferenceTarget> = {}): ReferenceTarget {
  return {
    vaultUrl: vault.url, vaultName: vault.name, subscriptionId: vault.sub, resourceGroup: vault.rg,
    armId: `/subscriptions/${vault.sub}/resourceGroups/${vault.rg}/providers/Microsoft.KeyVault/vaults/${vault.name}`,
    kind: 'secret', name, ...extra,
  };
}

describe('rename: whole files stay valid for their own parsers and read the new name from the same vault', function () {
  // The HCL parser loads its WebAssembly once; the Azure Pipelines schema compiles once.
  this.timeout(120_000);
  const sets: { id: string; targets: ReferenceTarget[] }[] = [
    { id: 'one secret', targets: [matrixTarget(CONTOSO, 'db-password')] },
    { id: 'the secret, another one and the same name in another vault', targets: [matrixTarget(CONTOSO, 'db-password'), matrixTarget(CONTOSO, 'api-key'), matrixTarget(FABRIKAM, 'db-password')] },
    { id: 'pinned to the copied version', targets: [matrixTarget(CONTOSO, 'db-password', { version })] },
  ];
  // The YAML formats too: their entries are references (a CSI item, a SecretsFilter name, an `az … --name`).
  for (const format of [...parseable, 'csi', 'azurePipelines', 'githubActions'] as const) {
    for (const set of sets) {
      for (const doc of documentsFor(format)) {
        it(`${format} × ${set.id} × ${doc.id}`, async () => {
          const { text: original, offset } = cursorOf(doc, set.targets.length > 1);
          const placed = applyPlacement(original, { text: original, offset }, placeReferences({ text: original, offset, languageId: doc.languageId, path: doc.fileName }, format, set.targets)).text;
          const ours = findReferences(placed).filter((r) => r.name === 'db-password' && (r.vault.by === 'url' ? r.vault.url === CONTOSO.url : r.vault.name === CONTOSO.name));
          assert.ok(ours.length > 0, `the placed file references db-password of contoso-kv:\n${placed}`);
          const result = renameInText(placed, ours, { newName: NEW, fromVersion: version, toVersion: NEW_VERSION });
          assert.deepEqual(result.kept, []);
          const renamed = applyReplacements(placed, result.edits);
          const validator = validatorOf(format, doc.fileName);
          assert.deepEqual((await validator.validate(renamed, doc.fileName)).problems, [], `${validator.id} rejects the rewritten file:\n${renamed}`);
          const reads = await validator.reads(renamed, doc.fileName);
          const fromContoso = reads.filter((r) => r.vault === undefined || r.vault === CONTOSO.name);
          assert.ok(fromContoso.some((r) => r.name === NEW), `reads ${NEW} from contoso-kv: ${JSON.stringify(reads)}`);
          assert.ok(!fromContoso.some((r) => r.name === 'db-password'), `no longer reads db-password from contoso-kv: ${JSON.stringify(reads)}`);
          if (set.targets.some((t) => t.vaultName === FABRIKAM.name)) assert.ok(reads.some((r) => r.vault === FABRIKAM.name && r.name === 'db-password'), 'the other vault’s db-password is untouched');
          if (set.targets[0]!.version) assert.ok(fromContoso.some((r) => r.name === NEW && r.version === NEW_VERSION), 'the pin moved to the new version');
        });
      }
    }
  }
});
