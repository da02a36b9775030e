// References that span blocks: Bicep `sym.getSecret(…)` on an `existing` vault resource, and Terraform data
// sources whose key_vault_id is an ARM id or another data source / resource of the vault.
import { parseArmId } from './names';
import { terraformDataTypes } from './formats/terraform';
import type { FoundReference, ObjectKind, VaultLocator } from './types';

export function parseBicep(text: string): FoundReference[] {
  const vaults = new Map<string, VaultLocator>();
  for (const m of text.matchAll(/\bresource\s+([A-Za-z_]\w*)\s+'Microsoft\.KeyVault\/vaults@[^']*'\s+existing\s*=\s*\{([^{}]*)\}/gi)) {
    const body = m[2] ?? '';
    const name = /\bname:\s*'([^']+)'/.exec(body)?.[1];
    if (!name) continue;
    const scope = /\bscope:\s*resourceGroup\(\s*'([^']+)'\s*(?:,\s*'([^']+)'\s*)?\)/.exec(body);
    const sub = scope?.[2] ? scope[1] : undefined;
    const rg = scope?.[2] ?? scope?.[1];
    vaults.set(m[1]!, { by: 'name', name, ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}) });
  }
  if (vaults.size === 0) return [];
  const found: FoundReference[] = [];
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\.getSecret\(\s*'([^'\r\n]+)'\s*(?:,\s*'([^'\r\n]+)'\s*)?\)/dg)) {
    const vault = vaults.get(m[1]!);
    if (!vault) continue;
    found.push({
      format: 'bicep', start: m.index, end: m.index + m[0].length, nameStart: m.indices![2]![0], nameEnd: m.indices![2]![1],
      vault, kind: 'secret', name: m[2]!, ...(m[3] ? { version: m[3].toLowerCase() } : {}),
    });
  }
  return found;
}

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

const kindsByType = new Map<string, ObjectKind>(Object.entries(terraformDataTypes).map(([kind, type]) => [type, kind as ObjectKind]));

export function parseTerraform(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  let vaults: Map<string, VaultLocator> | undefined;
  for (const m of text.matchAll(/\bdata\s+"(azurerm_key_vault_(?:secret|key|certificate))"\s+"[\w-]+"\s*\{([^{}]*)\}/dg)) {
    const kind = kindsByType.get(m[1]!);
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
