// Shared by the *-ops integration tests (src/azure secretOps, keyOps, certificateOps): seed their own vaults, then
// the extension's own VaultClients for the emulator (the seeded app's credential) and the lazily loaded SDK module.
import { loadAzureSdk, type AzureSdk } from '../../src/azure/lazy';

import type { VaultClients, VaultClientsOptions } from '../../src/azure/vaultClients';
import { appCredential, controlApi, emulatorCloud, liveVaultUrl } from './emulator';

export const OPS_SUBSCRIPTION = '51515151-0000-4000-8000-000000000001';

/** A vault of the emulator's seed format (name, subscription, resource group, timings, secrets, keys, …). */
export interface SeedVault {
  readonly name: string;
  readonly [field: string]: unknown;
}

export interface OpsVaults {
  sdk: AzureSdk;
  vaults: VaultClients;
  /** Vault name → data-plane URL. */
  urls: Record<string, string>;
}

/** Seeds `vaults` (emulator seed objects, each with a `name`), and returns clients for them. */
export async function seedOpsVaults(vaults: readonly SeedVault[], options?: VaultClientsOptions): Promise<OpsVaults> {
  await controlApi.seed({ vaults });
  const urls: Record<string, string> = {};
  for (const v of vaults) urls[v.name] = await liveVaultUrl(v.name);
  const sdk = await loadAzureSdk();
  return { sdk, vaults: new sdk.VaultClients(appCredential(), emulatorCloud(), options), urls };
}

/** One seeded vault: clients and its URL. */
export async function seedOpsVault(vault: SeedVault): Promise<{ sdk: AzureSdk; vaults: VaultClients; url: string }> {
  const { sdk, vaults, urls } = await seedOpsVaults([vault]);
  return { sdk, vaults, url: urls[vault.name]! };
}
