// Tree nodes → reference targets (names and ids only), and the arguments hover links and quick fixes carry.
import type { ObjectKind, VaultInfo } from '../azure/model';
import type { ReferenceTarget } from '../references';
import { ItemNode } from '../tree/ItemNode';
import type { TreeNode } from '../tree/TreeNode';
import type { VaultTarget } from '../tree/VaultNode';
import { VersionNode } from '../tree/VersionNode';

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

/** The target of an item or version node; undefined for any other node (checked by shape, not by class). */
export function targetOfNode(node: TreeNode | undefined): ReferenceTarget | undefined {
  if (node instanceof VersionNode || isVersionNode(node)) return targetOf(node.parent.group.vaultNode.vault, node.version.kind, node.version.name, node.version.version);
  if (node instanceof ItemNode || isItemNode(node)) return targetOf(node.group.vaultNode.vault, node.item.kind, node.item.name);
  return undefined;
}

function isItemNode(node: unknown): node is Pick<ItemNode, 'item' | 'group'> {
  const n = node as Partial<ItemNode> | undefined;
  return typeof n?.item?.name === 'string' && typeof n.group?.vaultNode?.vault?.vaultUrl === 'string';
}

function isVersionNode(node: unknown): node is Pick<VersionNode, 'version' | 'parent'> {
  const n = node as Partial<VersionNode> | undefined;
  return typeof n?.version?.name === 'string' && isItemNode(n.parent);
}

/** The targets of a (multi-)selection: the clicked node first, then the rest of the selection. */
export function targetsOfNodes(node: TreeNode | undefined, nodes: readonly TreeNode[] | undefined): ReferenceTarget[] {
  const all = nodes && node && nodes.includes(node) ? nodes : node ? [node] : (nodes ?? []);
  return all.map(targetOfNode).filter((t): t is ReferenceTarget => t !== undefined);
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
