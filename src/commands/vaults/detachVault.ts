import * as vscode from 'vscode';
import type { VaultTarget } from '../../model/targets';
import type { Services } from '../../services';
import { row, vault, type TargetSpec } from '../targets';
import { UserCancelled } from '../wrapper';

/**
 * The attached vaults a Detach acts on: the selected attached vault rows, or — from the palette, or when no
 * attached vault is selected — one picked among the attached vaults only (not every vault, as `vault()` would).
 * Rows are still mapped by targets.ts (`row()` tells whether there is one, `vault()` maps it).
 */
export function attachedVault(): TargetSpec<VaultTarget> {
  return {
    async resolve(services, given) {
      if ((await row().resolve(services, given)).target) {
        const attached = (await vault().resolve(services, given)).selection.filter((v) => v.attached === true);
        if (attached[0]) return { target: attached[0], selection: attached };
      }
      const picked = await services.ui.showQuickPick(
        services.attachedVaults.list().map((v) => ({ label: v.name, description: v.url, vault: { name: v.name, vaultUrl: v.url, attached: true } })),
        { title: vscode.l10n.t('Detach a vault'), placeHolder: vscode.l10n.t('Vault to remove from the view') },
      );
      if (!picked) throw new UserCancelled();
      return { target: picked.vault, selection: [picked.vault] };
    },
  };
}

/** Removes attached vaults from the view (the vaults themselves are untouched). */
export async function detachVault(services: Services, target: VaultTarget, selection: readonly VaultTarget[] = [target]): Promise<void> {
  for (const v of selection) await services.attachedVaults.remove(v.vaultUrl);
  services.view.refreshAttached();
}
