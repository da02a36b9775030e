import type { ArmClient, VaultClients } from '../azure/sdk';
import { loadAzureSdk } from '../azure/lazy';
import { Listeners } from '../azure/listeners';
import type { ClientAddressEvent } from '../azure/networkInfo';
import type { WaitNotice } from '../platform/operations';
import type { AzureSession } from './azureSession';

export interface Clients {
  readonly arm: ArmClient;
  readonly vaults: VaultClients;
}

/** How requests are bounded (from the settings `azureKeyVault.requestTimeoutSeconds` and `maxRetryWaitSeconds`). */
export interface RequestLimits {
  /** Per attempt. */
  readonly timeoutMs: number;
  /** The longest wait before a retry, whatever Retry-After asks. */
  readonly retryAfterCapMs: number;
}

/**
 * The Azure clients of the current session, created on first use (that is when the SDK bundle loads) and
 * reused: one ARM client per tenant/subscription, one data-plane client per vault and kind. `reset()` drops
 * them when the account, the cloud, the credential or the request limits change. The waits of every client
 * (throttling, retries) are passed on through `onWait`, and the client's address as vaults see it through
 * `onClientAddress`, across resets.
 */
export class AzureClients {
  private current: Promise<Clients> | undefined;
  private readonly waits = new Listeners<WaitNotice>();
  private readonly addresses = new Listeners<ClientAddressEvent>();

  constructor(
    private readonly session: AzureSession,
    private readonly limits: () => RequestLimits,
  ) {}

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

  /** Fired right before a client waits to send a request again. */
  onWait(listener: (notice: WaitNotice) => void): { dispose(): void } {
    return this.waits.on(listener);
  }

  /** Fired when a vault's answer names the client's address (first time, or changed), across resets. */
  onClientAddress(listener: (event: ClientAddressEvent) => void): { dispose(): void } {
    return this.addresses.on(listener);
  }

  private async create(): Promise<Clients> {
    const cloud = this.session.requireCloud();
    const [sdk, credential] = await Promise.all([loadAzureSdk(), this.session.credential()]);
    const reliability = { ...this.limits() };
    const arm = new sdk.ArmClient(credential, cloud, { reliability });
    // A vault ARM listed has a known tenant: its first data-plane request skips the auth challenge's round trip.
    const clients = { arm, vaults: new sdk.VaultClients(credential, cloud, { reliability, tenantOf: (url) => arm.vaultTenant(url) }) };
    const forward = (notice: WaitNotice): void => this.waits.emit(notice);
    clients.vaults.onWait(forward);
    clients.arm.onWait(forward);
    clients.vaults.onClientAddress((event) => this.addresses.emit(event));
    return clients;
  }
}
