// What Sync Secrets to Another Vault… acts on, resolved before the handlers load: the comparison Compare Vaults
// hands over (its notification's "Sync…": source, target and the secrets' rows, so nothing is read twice), a vault
// row (the source; the target is asked), or nothing (the palette: both are asked).
import type { CompareRow } from '../../model/bulk/compare';
import type { VaultTarget } from '../../model/targets';
import { vault, type TargetSpec } from '../targets';

export interface SyncTarget {
  readonly source?: VaultTarget;
  readonly target?: VaultTarget;
  /** The secrets' rows of a comparison of `source` (A) with `target` (B). */
  readonly compared?: readonly CompareRow[];
}

const isVault = (v: unknown): v is VaultTarget => typeof v === 'object' && v !== null && typeof (v as VaultTarget).vaultUrl === 'string' && typeof (v as VaultTarget).name === 'string';

/** A comparison handed over by Compare Vaults (plain data: source, target, rows). */
function isHandedOver(arg: unknown): arg is SyncTarget {
  if (typeof arg !== 'object' || arg === null) return false;
  const t = arg as SyncTarget;
  return isVault(t.source) && isVault(t.target) && Array.isArray(t.compared);
}

const isRow = (arg: unknown): boolean => typeof arg === 'object' && arg !== null && 'getTreeItem' in arg;

export function syncTarget(): TargetSpec<SyncTarget> {
  return {
    async resolve(services, given) {
      let target: SyncTarget = {};
      if (isHandedOver(given[0])) target = given[0];
      else if (isRow(given[0])) target = { source: (await vault().resolve(services, given)).target };
      return { target, selection: [target] };
    },
  };
}
