import type { ArmClient, VaultClients } from '../azure/sdk';
import { loadAzureSdk } from '../azure/lazy';
import type { AzureSession } from './azureSession';

export interface Clients {
  readonly arm: ArmClient;
  readonly vaults: VaultClients;
}

/**
 * The Azure clients of the current session, created on first use (that is when the SDK bundle loads) and
 * reused: one ARM client per tenant/subscription, one data-plane client per vault and kind. `reset()` drops
 * them when the account, the cloud or the credential changes.
 */
export class AzureClients {
  private current: Promise<Clients> | undefined;

  constructor(private readonly session: AzureSession) {}

  get(): Promise<Clients> {
    this.current ??= this.create().catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return this.current;
  }

  reset(): void {
    this.current = undefined;
  }

  private async create(): Promise<Clients> {
    const cloud = this.session.requireCloud();
    const [sdk, credential] = await Promise.all([loadAzureSdk(), this.session.credential()]);
    return { arm: new sdk.ArmClient(credential, cloud), vaults: new sdk.VaultClients(credential, cloud) };
  }
}
