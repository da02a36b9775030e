// Every vault the user can see: the attached ones, then ARM's in the selected subscriptions of every directory
// (subscription listings in parallel, capped). Used by palette picks, search, Expiring Soon and reference lookups.
import type * as vscode from 'vscode';
import type { SubscriptionInfo } from '../azure/model';
import type { VaultTarget } from '../model/targets';
import type { AttachedVaults } from '../platform/attachedVaults';
import type { Settings } from '../platform/settings';
import type { AzureClients } from './azureClients';
import type { AzureSession } from './azureSession';

export interface VaultDirectoryDeps {
  readonly attachedVaults: AttachedVaults;
  readonly session: AzureSession;
  readonly clients: AzureClients;
  readonly settings: Settings;
  readonly log: vscode.LogOutputChannel;
}

/** Every vault the user can see: attached ones, then ARM's (subscription listings in parallel). */
export async function listAllVaults(deps: VaultDirectoryDeps): Promise<VaultTarget[]> {
  const vaults: VaultTarget[] = deps.attachedVaults.list().map((v) => ({ name: v.name, vaultUrl: v.url, attached: true }));
  if (!(await deps.session.account())) return vaults;
  const { arm } = await deps.clients.get();
  const subscriptions: SubscriptionInfo[] = [];
  const selected = new Set(deps.settings.subscriptions());
  for (const tenant of await arm.listTenants()) {
    try {
      subscriptions.push(...(await arm.listSubscriptions(tenant.tenantId)).filter((s) => selected.size === 0 || selected.has(s.subscriptionId)));
    } catch (error) {
      deps.log.warn(`tenant ${tenant.tenantId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const result of await arm.listVaultsAcross(subscriptions)) {
    if (result.ok) vaults.push(...result.vaults.map((v) => ({ name: v.name, vaultUrl: v.vaultUrl, info: v })));
  }
  return vaults;
}
