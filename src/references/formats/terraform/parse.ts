// The Key Vault data sources of a Terraform file, read with the block scanner: which object each reads and from
// which vault — `key_vault_id` is the vault's ARM id, or `<data.>azurerm_key_vault.<label>.id` of a data source or
// resource whose `name` (and `resource_group_name`) are literals.
import { parseArmId } from '../../names';
import type { FoundReference, ObjectKind, ReferenceTarget, VaultLocator } from '../../types';
import { attribute, hclBlocks, literal, reference, type HclBlock } from './hcl';

export const terraformDataTypes: Record<ObjectKind, string> = {
  secret: 'azurerm_key_vault_secret',
  key: 'azurerm_key_vault_key',
  certificate: 'azurerm_key_vault_certificate',
};

const kindsByType = new Map(Object.entries(terraformDataTypes).map(([kind, type]) => [type, kind as ObjectKind]));

/** What a data source reads. */
export interface DataSourceFacts {
  readonly label: string;
  readonly kind: ObjectKind;
  /** The `name` literal. */
  readonly name?: string;
  readonly version?: string;
  /** The vault its key_vault_id names, when the file says. */
  readonly vault?: VaultLocator;
}

/** A declared data source of a Key Vault object. */
export interface DataSource extends DataSourceFacts {
  readonly block: HclBlock;
  /** Where the `name` literal's text starts. */
  readonly nameStart: number;
}

/** `azurerm_key_vault` data sources and resources by address (`data.azurerm_key_vault.x`, `azurerm_key_vault.x`). */
function vaultsOf(blocks: readonly HclBlock[]): Map<string, VaultLocator> {
  const vaults = new Map<string, VaultLocator>();
  for (const b of blocks) {
    if ((b.type !== 'data' && b.type !== 'resource') || b.labels[0] !== 'azurerm_key_vault' || !b.labels[1]) continue;
    const name = literal(attribute(b, 'name')?.value);
    const rg = literal(attribute(b, 'resource_group_name')?.value);
    if (name) vaults.set(`${b.type === 'data' ? 'data.' : ''}azurerm_key_vault.${b.labels[1]}`, { by: 'name', name, ...(rg ? { resourceGroup: rg } : {}) });
  }
  return vaults;
}

/** Every Key Vault object data source of the file (top-level `data` blocks of the three types). */
export function dataSources(text: string): DataSource[] {
  const blocks = hclBlocks(text);
  const vaults = vaultsOf(blocks);
  return blocks.flatMap((block): DataSource[] => {
    const kind = kindsByType.get(block.labels[0] ?? '');
    if (block.type !== 'data' || !kind || !block.labels[1]) return [];
    const nameAttribute = attribute(block, 'name');
    const name = literal(nameAttribute?.value);
    const id = attribute(block, 'key_vault_id')?.value;
    const arm = parseArmId(literal(id) ?? '');
    const address = reference(id)?.replace(/\.id$/, '');
    const vault: VaultLocator | undefined = arm
      ? { by: 'name', name: arm.vaultName, subscriptionId: arm.subscriptionId, resourceGroup: arm.resourceGroup }
      : address ? vaults.get(address) : undefined;
    const version = kind === 'key' ? undefined : literal(attribute(block, 'version')?.value);
    return [{
      block, label: block.labels[1], kind, nameStart: (nameAttribute?.valueStart ?? block.start) + 1,
      ...(name ? { name } : {}), ...(version ? { version: version.toLowerCase() } : {}), ...(vault ? { vault } : {}),
    }];
  });
}

const sameText = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();

/** Whether a data source's key_vault_id names the target's vault (what the file does not say does not differ). */
export function readsVaultOf(d: DataSourceFacts, t: ReferenceTarget): boolean {
  if (d.vault?.by !== 'name' || d.vault.name.toLowerCase() !== t.vaultName.toLowerCase()) return false;
  const arm = t.armId ? parseArmId(t.armId) : undefined;
  return sameText(d.vault.subscriptionId, t.subscriptionId ?? arm?.subscriptionId) && sameText(d.vault.resourceGroup, t.resourceGroup ?? arm?.resourceGroup);
}

/** The same object of the same vault at the same version (a key data source has no version). */
export const reads = (d: DataSourceFacts, t: ReferenceTarget): boolean =>
  d.kind === t.kind && d.name?.toLowerCase() === t.name.toLowerCase() && readsVaultOf(d, t) && (t.kind === 'key' || (d.version ?? '') === (t.version ?? '').toLowerCase());

/** Terraform data sources whose key_vault_id is an ARM id or another data source / resource of the vault. */
export function parseTerraform(text: string): FoundReference[] {
  return dataSources(text).flatMap((d): FoundReference[] =>
    d.name && d.vault
      ? [{
          format: 'terraform', start: d.block.start, end: d.block.end, nameStart: d.nameStart, nameEnd: d.nameStart + d.name.length,
          vault: d.vault, kind: d.kind, name: d.name, ...(d.version ? { version: d.version } : {}),
        }]
      : [],
  );
}
