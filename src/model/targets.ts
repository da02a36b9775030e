// What commands act on, in domain terms: a vault, a group of a vault, a secret/key/certificate (or one of its
// versions, or a deleted one). Tree nodes expose these (`TreeNode.target`); commands receive them from the command
// wrapper (src/commands/targets.ts resolves a node, a palette pick or a link's JSON argument into one). No vscode.
import type { DeletedItemProperties, ItemProperties, ObjectKind, SubscriptionInfo, VaultInfo } from '../azure/model';
import { isManagedHsmUrl, vaultOrigin } from '../azure/vaultUrl';
import type { VaultLocator } from '../references';

/** A vault as the extension knows it: from ARM (with its properties) or attached by URL (data plane only). */
export interface VaultTarget {
  readonly name: string;
  /** Data-plane URL without trailing slash. */
  readonly vaultUrl: string;
  readonly info?: VaultInfo;
  /** Attached by URL (shown under "Attached Vaults"). */
  readonly attached?: boolean;
}

/** A Managed HSM (keys only): ARM said so, or its URL is a Managed HSM's (`{name}.managedhsm.azure.net`…). */
export function isManagedHsm(vault: VaultTarget): boolean {
  return vault.info ? vault.info.kind === 'managedHsm' : isManagedHsmUrl(vault.vaultUrl);
}

/** The kinds of object a vault holds: a Managed HSM holds keys only. */
export function kindsOf(vault: VaultTarget): readonly ObjectKind[] {
  return isManagedHsm(vault) ? ['key'] : ['secret', 'key', 'certificate'];
}

/** A secret, key or certificate; a version of one; or a deleted one. */
export interface ItemTarget {
  readonly vault: VaultTarget;
  readonly kind: ObjectKind;
  readonly name: string;
  /** Set when the command acts on one version (a version row, or a pinned reference). */
  readonly version?: string;
  /** What the listing showed (the item's current version, or the version), when it came from the tree. Never a value. */
  readonly properties?: ItemProperties;
  /** Set when it is a deleted item (from a Deleted group). */
  readonly deleted?: DeletedItemProperties;
  /** Owned by the certificate of the same name (a certificate's key or secret, or one of their versions). */
  readonly managed?: boolean;
}

/** What a tree row stands for. */
export type NodeTarget =
  | { readonly type: 'subscription'; readonly subscription: SubscriptionInfo }
  | { readonly type: 'vault'; readonly vault: VaultTarget }
  /** Secrets / Keys / Certificates of a vault, or its Deleted group of a kind (`deleted`), or "Deleted" (no kind). */
  | { readonly type: 'group'; readonly vault: VaultTarget; readonly kind?: ObjectKind; readonly deleted: boolean }
  | { readonly type: 'item'; readonly item: ItemTarget };

/** The vault a target belongs to, if any. */
export function vaultOfTarget(target: NodeTarget | undefined): VaultTarget | undefined {
  if (!target) return undefined;
  switch (target.type) {
    case 'vault':
    case 'group':
      return target.vault;
    case 'item':
      return target.item.vault;
    case 'subscription':
      return undefined;
  }
}

/**
 * Where a command's resolved target is, by shape (an item target, a tree row's target, a vault): its vault, and its
 * kind and object name where it has them. The command wrapper and the access gate take targets as they come.
 */
export function placeOf(target: unknown): { vault: VaultTarget; kind?: ObjectKind; name?: string } | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const t = target as { vault?: { vaultUrl?: unknown }; vaultUrl?: unknown; kind?: unknown; name?: unknown; item?: unknown };
  if (typeof t.item === 'object' && t.item !== null) return placeOf(t.item);
  if (typeof t.vault?.vaultUrl === 'string') {
    return { vault: t.vault as VaultTarget, ...(typeof t.kind === 'string' ? { kind: t.kind as ObjectKind } : {}), ...(typeof t.name === 'string' ? { name: t.name } : {}) };
  }
  if (typeof t.vaultUrl === 'string' && typeof t.name === 'string') return { vault: target as VaultTarget };
  return undefined;
}

/**
 * The vaults a reference names among `vaults`: by URL the one at that host and port; by name those of that name
 * (case-insensitive), narrowed to those in the subscription and resource group the reference gives when any is.
 * More than one left: the editor takes the first, a run refuses (it must not read another vault's secret).
 */
export function vaultsLocated(locator: VaultLocator, vaults: readonly VaultTarget[]): VaultTarget[] {
  if (locator.by === 'url') return vaults.filter((v) => vaultOrigin(v.vaultUrl) === vaultOrigin(locator.url)).slice(0, 1);
  const named = vaults.filter((v) => v.name.toLowerCase() === locator.name.toLowerCase());
  const rg = locator.resourceGroup?.toLowerCase();
  const placed = named.filter((v) => v.info && (!locator.subscriptionId || v.info.subscriptionId === locator.subscriptionId) && (!rg || v.info.resourceGroup.toLowerCase() === rg));
  return placed.length > 0 ? placed : named;
}

/** `name` or `name/version` (version shortened), for messages and logs. Never a value. */
export function itemLabel(target: { readonly name: string; readonly version?: string }): string {
  return target.version ? `${target.name}/${target.version.slice(0, 8)}` : target.name;
}
