// Every vault the user can see: the attached ones, then ARM's in the selected subscriptions of every directory
// (ArmClient.listVaultsAcross: one Resource Graph query per directory; one listing per subscription, in parallel and
// capped, where Resource Graph is refused). Used by palette picks, search, Expiring Soon and reference lookups.
// Also what is known about vaults the user could not read (a listing refused): kept in the workspace state, so a
// picker can mark them instead of failing after the pick; a later listing that works clears the mark.
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

/** A vault with where it lives, in the user's words (subscription and directory names; none for attached vaults). */
export interface VaultPlace {
  readonly vault: VaultTarget;
  readonly subscription?: string;
  readonly directory?: string;
}

/** Every vault the user can see: attached ones, then ARM's (one Resource Graph query per directory). */
export async function listAllVaults(deps: VaultDirectoryDeps): Promise<VaultTarget[]> {
  return (await listVaultPlaces(deps)).map((p) => p.vault);
}

/** Every vault the user can see, with its subscription's and directory's names. */
export async function listVaultPlaces(deps: VaultDirectoryDeps): Promise<VaultPlace[]> {
  const places: VaultPlace[] = deps.attachedVaults.list().map((v) => ({ vault: { name: v.name, vaultUrl: v.url, attached: true } }));
  if (!(await deps.session.account())) return places;
  const { arm } = await deps.clients.get();
  const directories = new Map<string, string>();
  const selected = new Set(deps.settings.subscriptions());
  // The directories' subscriptions at once (one round trip, not one per directory), kept in directory order.
  const perTenant = await Promise.all(
    (await arm.listTenants()).map(async (tenant): Promise<SubscriptionInfo[]> => {
      directories.set(tenant.tenantId, tenant.displayName ?? tenant.defaultDomain ?? tenant.tenantId);
      try {
        return (await arm.listSubscriptions(tenant.tenantId)).filter((s) => selected.size === 0 || selected.has(s.subscriptionId));
      } catch (error) {
        deps.log.warn(`tenant ${tenant.tenantId}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    }),
  );
  const subscriptions = perTenant.flat();
  const subscriptionNames = new Map(subscriptions.map((s) => [s.subscriptionId, s.displayName]));
  for (const result of await arm.listVaultsAcross(subscriptions)) {
    if (!result.ok) continue;
    for (const v of result.vaults) {
      const subscription = subscriptionNames.get(v.subscriptionId);
      const directory = directories.get(v.tenantId);
      places.push({ vault: { name: v.name, vaultUrl: v.vaultUrl, info: v }, ...(subscription ? { subscription } : {}), ...(directory ? { directory } : {}) });
    }
  }
  return places;
}

const UNREADABLE = 'azureKeyVault.unreadableVaults';

/** Why each vault (by URL) could not be read the last time it was listed; absent when it could, or nobody tried. */
export function unreadableVaults(context: { readonly workspaceState: vscode.Memento }): Readonly<Record<string, string>> {
  return context.workspaceState.get<Record<string, string>>(UNREADABLE) ?? {};
}

/** Records that listing `vaultUrl` failed (with the reason, in the user's words) or worked (`undefined`). */
export async function noteVaultAccess(context: { readonly workspaceState: vscode.Memento }, vaultUrl: string, reason: string | undefined): Promise<void> {
  const known = unreadableVaults(context);
  if (known[vaultUrl] === reason) return;
  const next: Record<string, string> = { ...known };
  if (reason === undefined) delete next[vaultUrl];
  else next[vaultUrl] = reason;
  await context.workspaceState.update(UNREADABLE, next);
}
