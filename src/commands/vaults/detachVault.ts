import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';

/** Removes attached vaults from the view (the vaults themselves are untouched). */
export async function detachVault(services: Services, target: VaultTarget, selection: readonly VaultTarget[] = [target]): Promise<void> {
  for (const v of selection) await services.attachedVaults.remove(v.vaultUrl);
  services.view.refreshAttached();
}
