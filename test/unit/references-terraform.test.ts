// Terraform data sources into empty and existing files, every output parsed with `@cdktf/hcl2json` (HashiCorp's
// HCL parser compiled to WebAssembly; offline): the file parses, labels are unique per data type, each data source's
// key_vault_id names the intended vault, and the value names a data source that reads the intended object.
import * as assert from 'node:assert/strict';
import { findReferences, placeReferences, referenceFormats, toSnippet, toText, type Placement, type PlacementContext, type ReferenceTarget } from '../../src/references';
import { hostCases, target, version } from './references-cases';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, text: string) => Promise<Hcl> };

interface DataSourceJson {
  readonly name: string;
  readonly key_vault_id: string;
  readonly version?: string;
}
interface Hcl {
  readonly data?: Record<string, Record<string, DataSourceJson[]>>;
}

const [publicCloud, china] = hostCases;
const a = target(publicCloud!, undefined);
const a2 = target(publicCloud!, undefined, { name: 'api-key' });
const otherId = '/subscriptions/00000000-0000-4000-8000-0000000000a1/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/other-kv';
const b = target(publicCloud!, undefined, { vaultUrl: 'https://other-kv.vault.azure.net', vaultName: 'other-kv', armId: otherId });
const vaultName = (id: string) => /\/vaults\/([^/"}]+)/.exec(id)?.[1];

/** A context from text where `|` marks the cursor. */
function at(marked: string): PlacementContext {
  const offset = marked.indexOf('|');
  return { text: marked.replace('|', ''), offset, languageId: 'terraform', path: '/infra/main.tf' };
}

/** The text after VS Code applies the placement: extras first, then the snippet indented like the cursor's line. */
function applied(ctx: PlacementContext, p: Placement): string {
  const line = ctx.text.slice(ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1, ctx.offset);
  const lead = /^[ \t]*/.exec(line)![0];
  const edits = [...(p.extras ?? []).map((x) => ({ from: x.offset, text: x.text })), { from: ctx.offset, text: toText(p.template).replace(/\n/g, `\n${lead}`) }];
  let out = '';
  let from = 0;
  for (const e of edits.sort((x, y) => x.from - y.from)) {
    out += ctx.text.slice(from, e.from) + e.text;
    from = e.from;
  }
  return out + ctx.text.slice(from);
}

const place = (marked: string, targets: readonly ReferenceTarget[]) => {
  const ctx = at(marked);
  const p = placeReferences(ctx, 'terraform', targets);
  return { p, text: applied(ctx, p) };
};

/** Parses the file with hcl2json: each data source by `type.label` → [vault of key_vault_id, name, version]. */
async function dataSources(text: string, vaults: Record<string, string> = {}): Promise<Map<string, string>> {
  const json = await parse('main.tf', text);
  const found = new Map<string, string>();
  for (const [type, byLabel] of Object.entries(json.data ?? {})) {
    if (!type.startsWith('azurerm_key_vault_')) continue;
    for (const [label, blocks] of Object.entries(byLabel)) {
      assert.equal(blocks.length, 1, `data.${type}.${label} declared ${blocks.length} times:\n${text}`);
      const d = blocks[0]!;
      const vault = vaultName(d.key_vault_id) ?? vaults[/\$\{(.*)\.id\}/.exec(d.key_vault_id)?.[1] ?? ''];
      found.set(`${type}.${label}`, `${vault}/${d.name}${d.version ? `@${d.version}` : ''}`);
    }
  }
  return found;
}

/** What `data.<type>.<label>.<attribute>` in the value reads. */
const readBy = (sources: Map<string, string>, value: string) => sources.get(/^\$?\{?data\.([\w]+\.[\w]+)\./.exec(value)?.[1] ?? '');

describe('Terraform: several targets and vaults', () => {
  it('gives each data source a unique label and its own fields', async () => {
    const attached = { vaultUrl: 'https://third.vault.azure.net', vaultName: 'third', kind: 'secret' as const, name: 'db-password' };
    const template = referenceFormats.terraform.entries!([a, a2, b, attached]);
    assert.match(toSnippet(template), /"db_password_third" \{\n {2}name {9}= "db-password"\n {2}key_vault_id = "\/subscriptions\/\$\{1:subscription-id\}/);
    assert.deepEqual(
      await dataSources(toText(template)),
      new Map([
        ['azurerm_key_vault_secret.db_password', 'contoso-kv/db-password'],
        ['azurerm_key_vault_secret.api_key', 'contoso-kv/api-key'],
        ['azurerm_key_vault_secret.db_password_other_kv', 'other-kv/db-password'],
        ['azurerm_key_vault_secret.db_password_third', 'third/db-password'],
      ]),
    );
  });

  it('one target twice is one data source; a key and a secret of one name may share a label', async () => {
    const key = target(publicCloud!, version, { kind: 'key' });
    const text = toText(referenceFormats.terraform.entries!([a, a, key]));
    assert.deepEqual([...(await dataSources(text)).keys()].sort(), ['azurerm_key_vault_key.db_password', 'azurerm_key_vault_secret.db_password']);
  });

  it('after `=`: a tuple of values, the data sources at the end', async () => {
    const { p, text } = place('locals {\n  secrets = |\n}\n', [a, b]);
    assert.equal(toText(p.template), '[data.azurerm_key_vault_secret.db_password.value, data.azurerm_key_vault_secret.db_password_other_kv.value]');
    assert.equal((await dataSources(text)).size, 2);
  });
});

describe('Terraform: into an existing file', () => {
  const otherVault = `data "azurerm_key_vault_secret" "db_password" {\n  name         = "db-password"\n  key_vault_id = "${otherId}"\n}\n`;
  const resource = 'resource "azurerm_linux_web_app" "app" {\n  app_settings = {\n    DB = |\n  }\n}\n';

  it('never reuses a data source of another vault: a distinct label, and the value names it', async () => {
    const { p, text } = place(`${otherVault}\n${resource}`, [a]);
    assert.equal(toText(p.template), 'data.azurerm_key_vault_secret.db_password_contoso_kv.value');
    const sources = await dataSources(text);
    assert.equal(readBy(sources, toText(p.template)), 'contoso-kv/db-password');
    assert.equal(sources.get('azurerm_key_vault_secret.db_password'), 'other-kv/db-password');
  });

  it('numbers the label when the vault-named one is taken too', async () => {
    const taken = otherVault.replace('"db_password"', '"db_password_contoso_kv"').replace('other-kv', 'third-kv');
    const { p, text } = place(`${otherVault}${taken}\n${resource}`, [a]);
    assert.equal(toText(p.template), 'data.azurerm_key_vault_secret.db_password_contoso_kv_2.value');
    assert.equal(readBy(await dataSources(text), toText(p.template)), 'contoso-kv/db-password');
  });

  it('reuses a data source of the same vault (ARM id, or an azurerm_key_vault of that name) under its own label', async () => {
    const literal = `data "azurerm_key_vault_secret" "pw" {\n  name         = "db-password"\n  key_vault_id = "${a.armId!}"\n}\n`;
    const viaVault = 'data "azurerm_key_vault" "kv" {\n  name                = "contoso-kv"\n  resource_group_name = "rg-app"\n}\n' +
      'data "azurerm_key_vault_secret" "pw" {\n  name         = "db-password"\n  key_vault_id = data.azurerm_key_vault.kv.id\n  tags = { a = "}" }\n}\n';
    for (const existing of [literal, viaVault]) {
      const { p, text } = place(`${existing}\n${resource}`, [a]);
      assert.equal(toText(p.template), 'data.azurerm_key_vault_secret.pw.value');
      assert.equal(p.extras, undefined);
      assert.equal(readBy(await dataSources(text, { 'data.azurerm_key_vault.kv': 'contoso-kv' }), toText(p.template)), 'contoso-kv/db-password');
    }
    const otherResource = 'resource "azurerm_key_vault" "kv" {\n  name = "other-kv"\n}\n' + viaVault.slice(viaVault.indexOf('data "azurerm_key_vault_secret"')).replace('data.azurerm_key_vault', 'azurerm_key_vault');
    assert.equal(toText(place(`${otherResource}\n${resource}`, [a]).p.template), 'data.azurerm_key_vault_secret.db_password.value');
  });

  it('a pinned version reads through its own data source', async () => {
    const pinned = target(publicCloud!, version);
    const { p, text } = place(`${otherVault.replace(otherId, a.armId!)}\n${resource}`, [pinned]);
    assert.equal(toText(p.template), 'data.azurerm_key_vault_secret.db_password_contoso_kv.value');
    assert.equal(readBy(await dataSources(text), toText(p.template)), `contoso-kv/db-password@${version}`);
  });

  it('inside another block: the data sources go after it; at the top level: at the cursor, only the new ones', async () => {
    const inside = place('resource "x" "y" {\n  |\n  a = "${b}"\n}\n# end\n', [a, b]);
    assert.deepEqual(inside.p.template, []);
    assert.match(inside.text, /^resource "x" "y" \{\n {2}\n {2}a = "\$\{b\}"\n\}\n\ndata "azurerm_key_vault_secret" "db_password" \{/);
    assert.equal((await dataSources(inside.text)).size, 2);
    const top = place(`${otherVault.replace(otherId, a.armId!)}\n|\n`, [a, b, target(china!, undefined, { name: 'x' })]);
    assert.equal(top.p.mode, 'entry');
    assert.deepEqual([...(await dataSources(top.text)).entries()], [
      ['azurerm_key_vault_secret.db_password', 'contoso-kv/db-password'],
      ['azurerm_key_vault_secret.db_password_other_kv', 'other-kv/db-password'],
      ['azurerm_key_vault_secret.x', 'contoso-kv/x'],
    ]);
  });

  it('inside a string: an interpolation; at the very end of the file the data source follows the value', async () => {
    const { p, text } = place('locals {\n  url = "postgres://u:|@h"\n}\n', [a]);
    assert.equal(toText(p.template), '${data.azurerm_key_vault_secret.db_password.value}');
    assert.equal((await dataSources(text)).size, 1);
    const end = place('x = |', [a]);
    assert.equal(end.p.extras, undefined);
    assert.match(end.text, /^x = data\.azurerm_key_vault_secret\.db_password\.value\n\ndata "azurerm_key_vault_secret" "db_password" \{/);
    assert.equal((await dataSources(end.text)).size, 1);
  });

  it('reads data sources whose bodies hold braces in strings, heredocs and comments', () => {
    const text = 'data "azurerm_key_vault_secret" "a" {\n  # {\n  name         = "db-password" // }\n  key_vault_id = "' + a.armId! +
      '"\n  tags = {\n    note = <<EOT\n}}}\nEOT\n  }\n}\nresource "x" "y" { v = "${data.azurerm_key_vault_secret.a.value}" }\n';
    const found = findReferences(text);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]!.nameStart, found[0]!.nameEnd), 'db-password');
    assert.equal(text.slice(found[0]!.start, found[0]!.end), text.slice(0, text.indexOf('\nresource')));
  });
});
