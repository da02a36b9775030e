// The objects of vaults, as lists carry them (properties only: a listing never carries a value): per vault and kind,
// one request per page of 25, at most maxPagesPerKind pages (what is past that is reported as not read), four vaults
// at a time. Every request goes through the framework's `request` (the operation's signal, failures explained).
import { statusOf } from '../../azure/errors';
import type { ItemProperties, ObjectKind } from '../../azure/model';
import { kindsOf, type VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { request } from '../failures';

export const maxPagesPerKind = 40;
const parallelVaults = 4;

export interface Inventory {
  readonly items: { readonly vault: VaultTarget; readonly item: ItemProperties }[];
  /** `vault kind` listings cut at maxPagesPerKind pages. */
  readonly truncated: string[];
  /** `vault kind: why` listings that failed (access, network). */
  readonly failed: string[];
}

/** One vault's objects of one kind (bounded). */
async function listKind(services: Services, vault: VaultTarget, kind: ObjectKind): Promise<{ items: ItemProperties[]; truncated: boolean }> {
  return request(services, { kind, operation: 'list', vault }, async (_sdk, vaults, url, options) => {
    const items: ItemProperties[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await vaults.listItems(url, kind, { continuationToken: token, pageSize: 25, ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}) });
      items.push(...page.items);
      token = page.continuationToken;
    } while (token && ++pages < maxPagesPerKind);
    return { items, truncated: token !== undefined };
  });
}

/** The objects of `kinds` (each vault's own kinds only: a Managed HSM holds keys) in every vault given. */
export async function inventory(services: Services, vaults: readonly VaultTarget[], kinds: readonly ObjectKind[]): Promise<Inventory> {
  const items: { vault: VaultTarget; item: ItemProperties }[] = [];
  const truncated: string[] = [];
  const failed: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < vaults.length) {
      const vault = vaults[next++]!;
      for (const kind of kinds.filter((k) => kindsOf(vault).includes(k))) {
        try {
          const listed = await listKind(services, vault, kind);
          for (const item of listed.items) items.push({ vault, item });
          if (listed.truncated) truncated.push(`${vault.name} ${kind}s`);
        } catch (error) {
          if (services.operations.current()?.signal.aborted) throw error;
          failed.push(`${vault.name} ${kind}s: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelVaults, vaults.length) }, worker));
  items.sort((a, b) => a.vault.name.localeCompare(b.vault.name) || a.item.kind.localeCompare(b.item.kind) || a.item.name.localeCompare(b.item.name));
  return { items, truncated, failed };
}

/** The lines that say what an inventory could not read. */
export function inventoryNotes(inv: Inventory): string[] {
  return [
    ...(inv.truncated.length ? [`Not read to the end (more than ${maxPagesPerKind * 25} objects): ${inv.truncated.join(', ')}.`] : []),
    ...inv.failed.slice(0, 10).map((f) => `Could not list ${f}`),
    ...(inv.failed.length > 10 ? [`… ${inv.failed.length - 10} more listings failed.`] : []),
  ];
}

/** One version's list properties of an object (existence, `managed`, recovery level), or undefined when there is none. */
export async function someVersion(services: Services, vault: VaultTarget, kind: ObjectKind, name: string): Promise<ItemProperties | undefined> {
  return request(services, { kind, operation: 'list', vault, name }, async (_sdk, vaults, url, options) => {
    try {
      return (await vaults.listVersions(url, kind, name, { pageSize: 1, ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}) })).items[0];
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  });
}
