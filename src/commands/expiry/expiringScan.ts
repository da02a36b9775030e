// "Expiring soon" across vaults: lists every secret, key and certificate of each vault (list properties only:
// the lists carry exp/nbf/enabled, so no GET per item) and keeps what is expired or expires within the window.
// Requests: per vault, ⌈secrets/25⌉ + ⌈keys/25⌉ + ⌈certificates/25⌉ list pages (+1 auth challenge the first time),
// at most MAX_PAGES per kind; 4 vaults at a time. Objects owned by a certificate (its key and secret) are
// skipped: the certificate stands for them. No vscode here, so unit tests can drive it with a fake lister.
import type { ItemProperties, ObjectKind, Page, PageRequest } from '../../azure/model';
import { itemState } from '../../presentation/format';
import { addState, emptyRollup, type Rollup } from '../../presentation/rollup';
import type { ScannedVault } from '../../presentation/expiryDecorations';

export const MAX_PAGES_PER_KIND = 40;
export const MAX_PARALLEL_VAULTS = 4;
const KINDS: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

export interface ScanVault {
  readonly name: string;
  readonly vaultUrl: string;
}

export interface ExpiringEntry<V extends ScanVault = ScanVault> {
  readonly vault: V;
  readonly kind: ObjectKind;
  readonly name: string;
  readonly expiresOn: Date;
  readonly state: 'expired' | 'expiring';
}

export interface ScanResult<V extends ScanVault = ScanVault> {
  /** Soonest first (already expired first of all). */
  readonly entries: ExpiringEntry<V>[];
  readonly rollups: Map<string, ScannedVault>;
  readonly failures: { readonly vault: V; readonly kind: ObjectKind; readonly error: unknown }[];
  /** Vaults where a kind had more than MAX_PAGES_PER_KIND pages (the rest was not read). */
  readonly truncated: V[];
  /** List requests made (challenges not counted). */
  readonly requests: number;
}

export type Lister = (vaultUrl: string, kind: ObjectKind, req: PageRequest) => Promise<Page<ItemProperties>>;

export async function scanExpiring<V extends ScanVault>(
  vaults: readonly V[],
  list: Lister,
  options: { now: number; warningDays: number; signal?: AbortSignal; onVaultDone?: (done: number, total: number) => void; kinds?: (vault: V) => readonly ObjectKind[] },
): Promise<ScanResult<V>> {
  const entries: ExpiringEntry<V>[] = [];
  const rollups = new Map<string, ScannedVault>();
  const failures: { vault: V; kind: ObjectKind; error: unknown }[] = [];
  const truncated: V[] = [];
  let requests = 0;
  let next = 0;
  let done = 0;

  const scanVault = async (vault: V): Promise<void> => {
    const perKind: Record<ObjectKind, Rollup> = { secret: emptyRollup, key: emptyRollup, certificate: emptyRollup };
    // A Managed HSM holds keys only (options.kinds): its other kinds are not asked for.
    for (const kind of options.kinds?.(vault) ?? KINDS) {
      let token: string | undefined;
      let pages = 0;
      try {
        do {
          if (options.signal?.aborted) return;
          const page = await list(vault.vaultUrl, kind, { continuationToken: token, pageSize: 25, ...(options.signal ? { abortSignal: options.signal } : {}) });
          requests++;
          pages++;
          for (const item of page.items) {
            if (item.managed) continue;
            const state = itemState(item, options.now, options.warningDays);
            perKind[kind] = addState(perKind[kind], state);
            if ((state === 'expired' || state === 'expiring') && item.expiresOn) entries.push({ vault, kind, name: item.name, expiresOn: item.expiresOn, state });
          }
          token = page.continuationToken;
        } while (token && pages < MAX_PAGES_PER_KIND);
        if (token && !truncated.includes(vault)) truncated.push(vault);
      } catch (error) {
        failures.push({ vault, kind, error });
      }
    }
    rollups.set(vault.vaultUrl, perKind);
  };

  const worker = async (): Promise<void> => {
    while (next < vaults.length && !options.signal?.aborted) {
      const vault = vaults[next++]!;
      await scanVault(vault);
      options.onVaultDone?.(++done, vaults.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL_VAULTS, vaults.length) }, worker));
  entries.sort((a, b) => a.expiresOn.getTime() - b.expiresOn.getTime() || a.name.localeCompare(b.name));
  return { entries, rollups, failures, truncated, requests };
}
