// Terraform (azurerm): a data source per object, `key_vault_id` the vault's ARM id (fields when unknown).
// Attributes are aligned the way `terraform fmt` aligns them. Key data sources cannot pin a version.
import * as l10n from '@vscode/l10n';
import { armIdTemplate, parseArmId, snakeIdentifier } from '../names';
import { toText, tpl, type Template } from '../template';
import type { FoundReference, ObjectKind, ReferenceTarget, VaultLocator } from '../types';
import { afterEquals, asEntries, endOfContent } from './context';
import { allKinds, same, type ReferenceFormat } from './format';

export const terraformDataTypes: Record<ObjectKind, string> = {
  secret: 'azurerm_key_vault_secret',
  key: 'azurerm_key_vault_key',
  certificate: 'azurerm_key_vault_certificate',
};

/** The attribute a configuration usually needs from each data source. */
const usefulAttribute: Record<ObjectKind, string> = { secret: 'value', key: 'id', certificate: 'secret_id' };

function dataBlock(t: ReferenceTarget): Template {
  const version = t.version && t.kind !== 'key' ? `\n  version      = "${t.version}"` : '';
  return tpl`data "${terraformDataTypes[t.kind]}" "${snakeIdentifier(t.name)}" {
  name         = "${t.name}"
  key_vault_id = "${armIdTemplate(t, 1)}"${version}
}`;
}

export const terraform: ReferenceFormat = {
  id: 'terraform',
  get label(): string {
    return l10n.t('Terraform data source (azurerm)');
  },
  detail: 'data "azurerm_key_vault_secret" … { name, key_vault_id }',
  kinds: allKinds,
  versionable: (kind) => kind !== 'key',
  textKind: same,
  value: (t) => [`data.${terraformDataTypes[t.kind]}.${snakeIdentifier(t.name)}.${usefulAttribute[t.kind]}`],
  entry: dataBlock,
  place: (ctx, targets) => {
    if (targets.length !== 1 || !afterEquals(ctx)) return asEntries(terraform, targets);
    // One value after `=`: the data source it reads is appended unless the file declares it.
    const t = targets[0]!;
    const declared = parseTerraform(ctx.text).some((r) => r.kind === t.kind && r.name.toLowerCase() === t.name.toLowerCase());
    return { mode: 'value', template: terraform.value(t), ...(declared ? {} : { extras: [{ offset: endOfContent(ctx), text: `\n\n${toText(dataBlock(t))}\n` }] }) };
  },
};

const attribute = (body: string, name: string) => new RegExp(String.raw`(?:^|\n)\s*${name}\s*=\s*"([^"\r\n]+)"`, 'd').exec(body);

/** `azurerm_key_vault` data sources and resources by address (`data.azurerm_key_vault.x`, `azurerm_key_vault.x`). */
function terraformVaults(text: string): Map<string, VaultLocator> {
  const vaults = new Map<string, VaultLocator>();
  for (const m of text.matchAll(/\b(data|resource)\s+"azurerm_key_vault"\s+"([\w-]+)"\s*\{([^{}]*)/g)) {
    const body = m[3] ?? '';
    const name = attribute(body, 'name')?.[1];
    const rg = attribute(body, 'resource_group_name')?.[1];
    if (name) vaults.set(`${m[1] === 'data' ? 'data.' : ''}azurerm_key_vault.${m[2]!}`, { by: 'name', name, ...(rg ? { resourceGroup: rg } : {}) });
  }
  return vaults;
}

const kindsByType = (): Map<string, ObjectKind> => new Map(Object.entries(terraformDataTypes).map(([kind, type]) => [type, kind as ObjectKind]));

/** Terraform data sources whose key_vault_id is an ARM id or another data source / resource of the vault. */
export function parseTerraform(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  let vaults: Map<string, VaultLocator> | undefined;
  for (const m of text.matchAll(/\bdata\s+"(azurerm_key_vault_(?:secret|key|certificate))"\s+"[\w-]+"\s*\{([^{}]*)\}/dg)) {
    const kind = kindsByType().get(m[1]!);
    const body = m[2] ?? '';
    const bodyStart = m.indices![2]![0];
    const name = attribute(body, 'name');
    if (!kind || !name) continue;
    const idLiteral = attribute(body, 'key_vault_id')?.[1];
    let vault: VaultLocator | undefined;
    if (idLiteral) {
      const id = parseArmId(idLiteral);
      if (id) vault = { by: 'name', name: id.vaultName, subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup };
    } else {
      const expression = /(?:^|\n)\s*key_vault_id\s*=\s*((?:data\.)?azurerm_key_vault\.[\w-]+)\.id\b/.exec(body)?.[1];
      vaults ??= terraformVaults(text);
      if (expression) vault = vaults.get(expression);
    }
    if (!vault) continue;
    const version = kind === 'key' ? undefined : attribute(body, 'version')?.[1];
    const nameStart = bodyStart + name.indices![1]![0];
    found.push({
      format: 'terraform', start: m.index, end: m.index + m[0].length, nameStart, nameEnd: nameStart + name[1]!.length,
      vault, kind, name: name[1]!, ...(version ? { version: version.toLowerCase() } : {}),
    });
  }
  return found;
}
