// Targets → reference targets (names and ids only), and the plain-JSON arguments hover links and quick fixes carry
// (checked by shape: a link in any document can carry one).
import type { ObjectKind, VaultInfo } from '../azure/model';
import type { ReferenceTarget } from '../references';
import type { ItemTarget, NodeTarget, VaultTarget } from './targets';

export function targetOf(vault: VaultTarget, kind: ObjectKind, name: string, version?: string): ReferenceTarget {
  const info = vault.info;
  return {
    vaultUrl: vault.vaultUrl,
    vaultName: vault.name,
    ...(info ? { armId: info.id, subscriptionId: info.subscriptionId, resourceGroup: info.resourceGroup, tenantId: info.tenantId } : {}),
    kind,
    name,
    ...(version ? { version } : {}),
  };
}

/** The reference target of an item or version target (names and ids only). */
export function referenceTargetOfItem(item: ItemTarget): ReferenceTarget {
  return targetOf(item.vault, item.kind, item.name, item.version);
}

/** The reference targets of a (multi-)selection of rows: the clicked row first, then the rest of the selection. */
export function targetsOfRows(row: { readonly target?: NodeTarget } | undefined, rows: readonly { readonly target?: NodeTarget }[] | undefined): ReferenceTarget[] {
  const all = rows && row && rows.includes(row) ? rows : row ? [row] : (rows ?? []);
  return all.flatMap((r) => (r.target?.type === 'item' && !r.target.item.deleted ? [referenceTargetOfItem(r.target.item)] : []));
}

/** What a hover link or quick fix passes to its command (plain JSON: command URIs carry it). No value. */
export interface ReferencedObject {
  readonly vaultUrl: string;
  readonly vaultName: string;
  /** The vault's ARM properties (to find it under its subscription in the tree). */
  readonly info?: VaultInfo;
  readonly kind: ObjectKind;
  readonly name: string;
  readonly version?: string;
}

export function referencedObject(vault: VaultTarget, kind: ObjectKind, name: string, version?: string): ReferencedObject {
  return { vaultUrl: vault.vaultUrl, vaultName: vault.name, ...(vault.info ? { info: vault.info } : {}), kind, name, ...(version ? { version } : {}) };
}

const str = (o: Record<string, unknown>, k: string) => (typeof o[k] === 'string' ? (o[k]) : undefined);

function asVaultInfo(raw: unknown): VaultInfo | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const fields = ['id', 'name', 'subscriptionId', 'resourceGroup', 'location', 'tenantId', 'vaultUrl'] as const;
  if (!fields.every((k) => str(o, k) !== undefined)) return undefined;
  const text = Object.fromEntries(fields.map((k) => [k, str(o, k)!])) as Pick<VaultInfo, (typeof fields)[number]>;
  return { ...text, softDeleteEnabled: o.softDeleteEnabled !== false, purgeProtectionEnabled: o.purgeProtectionEnabled === true, rbacAuthorization: o.rbacAuthorization === true };
}

/** Checks a command argument's shape (it may come from a link in any document). */
export function asReferencedObject(arg: unknown): ReferencedObject | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  const kind = str(o, 'kind');
  const vaultUrl = str(o, 'vaultUrl');
  const name = str(o, 'name');
  if (!vaultUrl || !name || (kind !== 'secret' && kind !== 'key' && kind !== 'certificate')) return undefined;
  if (!/^https:\/\//.test(vaultUrl) || !/^[0-9a-zA-Z-]{1,127}$/.test(name)) return undefined;
  const version = str(o, 'version');
  const info = asVaultInfo(o.info);
  return {
    vaultUrl,
    vaultName: str(o, 'vaultName') ?? new URL(vaultUrl).host,
    ...(info ? { info } : {}),
    kind,
    name,
    ...(version && /^[0-9a-fA-F]{32}$/.test(version) ? { version } : {}),
  };
}

/** The item target a referenced object names. */
export function itemOfReferenced(object: ReferencedObject): ItemTarget {
  return {
    vault: { name: object.vaultName, vaultUrl: object.vaultUrl, ...(object.info ? { info: object.info } : {}) },
    kind: object.kind,
    name: object.name,
    ...(object.version ? { version: object.version } : {}),
  };
}
