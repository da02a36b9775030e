// Pin updates after a rotation: for every format that pins a version (as the formats write it, on every host), the
// edit moves the reference to the new version and the parser reads back the same reference at the new version —
// nothing else in the text changes; unpinned references and other versions are left alone.
import * as assert from 'node:assert/strict';
import { findReferences, referenceFormats, toText, type FormatId, type FoundReference } from '../../src/references';
import { versionEdits, versionSpan, type TextReplacement } from '../../src/references/versionEdits';
import { hostCases, target, version } from './references-cases';

const next = 'fedcba9876543210fedcba9876543210';
const pinning: readonly FormatId[] = ['appServiceUri', 'appServiceName', 'armParameter', 'bicep', 'bicepparam', 'appConfig', 'terraform', 'uri', 'kvUri'];

function apply(text: string, edits: readonly TextReplacement[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const withoutPositions = ({ start: _s, end: _e, nameStart: _ns, nameEnd: _ne, version: _v, ...rest }: FoundReference) => rest;

describe('versionEdits: references pinned to one version move to another', () => {
  for (const id of pinning) {
    for (const c of hostCases) {
      it(`${id}, ${c.cloud}`, () => {
        const t = target(c, version);
        const texts = [toText(referenceFormats[id].entry(t)), ...(id === 'bicep' || id === 'terraform' ? [] : [toText(referenceFormats[id].value(t))])];
        for (const text of texts) {
          const before = findReferences(text);
          assert.equal(before.length, 1, text);
          const edits = versionEdits(text, before, version, next);
          assert.equal(edits.length, 1, `one edit in:\n${text}`);
          assert.equal(text.slice(edits[0]!.start, edits[0]!.end).toLowerCase(), version);
          const after = findReferences(apply(text, edits));
          assert.equal(after.length, 1);
          assert.equal(after[0]!.version, next);
          assert.deepEqual(withoutPositions(after[0]!), withoutPositions(before[0]!));
          assert.equal(apply(text, edits).replace(next, version), text, 'only the version changed');
        }
      });
    }
  }

  it('covers keys and certificates by URI and Terraform (a key data source pins nothing)', () => {
    for (const kind of ['key', 'certificate'] as const) {
      for (const id of ['uri', 'terraform'] as const) {
        const text = toText(referenceFormats[id].entry(target(hostCases[0]!, version, { kind, name: `my-${kind}` })));
        const edits = versionEdits(text, findReferences(text), version, next);
        assert.equal(edits.length, id === 'terraform' && kind === 'key' ? 0 : 1, `${id} ${kind}`);
      }
    }
  });

  it('leaves unpinned references and references pinned to another version alone', () => {
    const other = '11111111111111111111111111111111';
    const text = [
      'https://contoso-kv.vault.azure.net/secrets/db-password',
      `https://contoso-kv.vault.azure.net/secrets/db-password/${other}`,
      `https://contoso-kv.vault.azure.net/secrets/db-password/${version}`,
    ].join('\n');
    const edits = versionEdits(text, findReferences(text), version, next);
    assert.deepEqual(edits.map((e) => text.slice(0, e.start).split('\n').length), [3]);
    assert.equal(apply(text, edits).split('\n')[2], `https://contoso-kv.vault.azure.net/secrets/db-password/${next}`);
  });

  it('compares versions case-insensitively and keeps an upper-case version upper case', () => {
    const text = `@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/${version.toUpperCase()})`;
    const edits = versionEdits(text, findReferences(text), version.toUpperCase(), next);
    assert.equal(apply(text, edits), `@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/db-password/${next.toUpperCase()})`);
  });

  it('takes the version after the name when a Terraform block also names it in a comment', () => {
    const text = [
      'data "azurerm_key_vault" "kv" {',
      '  name                = "contoso-kv"',
      '  resource_group_name = "rg-app"',
      '}',
      'data "azurerm_key_vault_secret" "db" {',
      `  # was ${version} before`,
      '  name         = "db-password"',
      '  key_vault_id = data.azurerm_key_vault.kv.id',
      `  version      = "${version}"`,
      '}',
    ].join('\n');
    const [ref] = findReferences(text);
    const span = versionSpan(text, ref!);
    assert.ok(span);
    assert.match(text.slice(0, span.start), /version {6}= "$/);
  });

  it('finds no span in an unpinned reference, or a version that is not a whole token of the reference', () => {
    const text = 'https://contoso-kv.vault.azure.net/secrets/db-password';
    const [ref] = findReferences(text);
    assert.equal(versionSpan(text, ref!), undefined);
    assert.equal(versionSpan(`x${version}y`, { ...ref!, start: 0, end: 34, nameEnd: 0, version }), undefined);
  });

  it('App Service SecretVersion= keeps its field, several references of one file get one edit each', () => {
    const setting = `@Microsoft.KeyVault(VaultName=contoso-kv;SecretName=db-password;SecretVersion=${version})`;
    const text = `{ "A": "${setting}", "B": "${setting}" }`;
    const edits = versionEdits(text, findReferences(text), version, next);
    assert.equal(edits.length, 2);
    assert.equal(apply(text, edits), text.replaceAll(version, next));
  });
});

describe('versionEdits: the pins of the YAML and script formats', () => {
  it('moves a CSI objectVersion (every kind, LF and CRLF) and an `az keyvault … show --version`; leaves other pins alone', () => {
    const other = '11111111111111111111111111111111';
    const csi = toText(referenceFormats.csi.entry(target(hostCases[0]!, version)));
    const script = `az keyvault key show --vault-name contoso-kv --name sign-key --version ${version.toUpperCase()}\naz keyvault secret show -n db --vault-name contoso-kv -v ${other}`;
    for (const kind of ['secret', 'key', 'certificate'] as const) {
      for (const text of [toText(referenceFormats.csi.entry(target(hostCases[0]!, version, { kind }))), csi.replace(/\n/g, '\r\n'), script]) {
        const before = findReferences(text);
        const after = apply(text, versionEdits(text, before, version, next));
        const moved = findReferences(after);
        assert.deepEqual(moved.map((r) => r.version), before.map((r) => (r.version === version ? next : r.version)), after);
        assert.equal(after.replace(next.toUpperCase(), version.toUpperCase()).replace(next, version), text, 'only the pin changed');
      }
    }
  });
});
