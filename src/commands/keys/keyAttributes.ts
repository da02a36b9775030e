// Read and update one key version's attributes (shared by Edit Expiry… and Edit Tags…).
import type { KeyDetails } from '../../azure/keyModel';
import { loadAzureSdk } from '../../azure/lazy';
import type { Services } from '../../services';
import type { ItemTarget } from '../targets';
import { fail, vaultClients } from './common';

export async function currentKey(services: Services, target: ItemTarget): Promise<KeyDetails> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await sdk.keyOps.getKeyDetails(vaults, target.vault.vaultUrl, target.name, target.version);
  } catch (error) {
    fail(error, 'key', 'read', target.vault, target.name);
  }
}

export async function updateKeyAttributes(services: Services, target: ItemTarget, change: { expiresOn?: Date; tags?: Record<string, string> }): Promise<KeyDetails> {
  const [sdk, vaults] = await Promise.all([loadAzureSdk(), vaultClients(services)]);
  try {
    return await sdk.keyOps.updateKey(vaults, target.vault.vaultUrl, target.name, target.version, change);
  } catch (error) {
    fail(error, 'key', 'update', target.vault, target.name);
  }
}

