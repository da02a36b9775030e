// Azure Resource Manager: tenants, subscriptions, the vaults of a subscription (reached only through sdk.ts:
// this file loads the ARM SDKs at run time). One SDK client per tenant / per subscription, reused.
// Every client is guarded like the data plane's (tokenGuard.ts, armSecurityFor): its credential refuses audiences
// that must not reach this endpoint, and its pipeline refuses requests to any other origin. Every client carries the
// reliability policy (reliability.ts: per-attempt timeout, 429 backoff, retries — every ARM call here is a GET) in
// place of the SDK's own retry.
import type { TokenCredential } from '@azure/core-auth';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import type { CloudEndpoints, SubscriptionInfo, SubscriptionVaults, TenantInfo, VaultInfo } from './model';
import { withTenant } from './credentials';
import { armSecurityFor, guardCredential, type ArmSecurity } from './tokenGuard';
import { classifyError } from './errors';
import { mapWithConcurrency } from './concurrency';
import { vaultInfo } from './mappers';
import { reliabilityPolicy, WaitEvents, type ReliabilityOptions, type WaitListener } from './reliability';

export interface ListAcrossOptions {
  /** Subscriptions listed at the same time. Default 4. */
  readonly concurrency?: number;
  readonly abortSignal?: AbortSignal;
}

export interface ArmClientOptions {
  /** Timeouts, retries and waits (reliability.ts; maxConcurrentPerVault does not apply to ARM). */
  readonly reliability?: ReliabilityOptions;
}

const HOME = '';

export class ArmClient {
  /** Key: tenant id, or '' for the home tenant. */
  private readonly subscriptionClients = new Map<string, SubscriptionClient>();
  /** Key: `{tenantId}/{subscriptionId}`. */
  private readonly keyVaultClients = new Map<string, KeyVaultManagementClient>();
  private readonly security: ArmSecurity;
  /** The caller's credential behind the ARM token guard. */
  private readonly credential: TokenCredential;
  private readonly waits = new WaitEvents();

  constructor(
    credential: TokenCredential,
    private readonly cloud: CloudEndpoints,
    private readonly options: ArmClientOptions = {},
  ) {
    this.security = armSecurityFor(cloud);
    this.credential = guardCredential(credential, this.security.guard);
  }

  /** Called right before an ARM request waits to be sent again (429 backoff, a retry): for a countdown. */
  onWait(listener: WaitListener): { dispose(): void } {
    return this.waits.on(listener);
  }

  /** The tenants the signed-in account can use (GET /tenants with a home-tenant token). */
  async listTenants(abortSignal?: AbortSignal): Promise<TenantInfo[]> {
    const tenants: TenantInfo[] = [];
    for await (const t of this.subscriptionClient(HOME).tenants.list({ abortSignal })) {
      if (!t.tenantId) continue;
      tenants.push({
        tenantId: t.tenantId,
        ...(t.displayName ? { displayName: t.displayName } : {}),
        ...(t.defaultDomain ? { defaultDomain: t.defaultDomain } : {}),
      });
    }
    return tenants.sort((a, b) => (a.displayName ?? a.tenantId).localeCompare(b.displayName ?? b.tenantId));
  }

  /** The subscriptions of one tenant, with a token for that tenant. Sorted by display name. */
  async listSubscriptions(tenantId: string, abortSignal?: AbortSignal): Promise<SubscriptionInfo[]> {
    const subscriptions: SubscriptionInfo[] = [];
    for await (const s of this.subscriptionClient(tenantId).subscriptions.list({ abortSignal })) {
      if (!s.subscriptionId) continue;
      subscriptions.push({
        subscriptionId: s.subscriptionId,
        displayName: s.displayName ?? s.subscriptionId,
        tenantId: s.tenantId ?? tenantId,
        ...(s.state ? { state: s.state } : {}),
      });
    }
    return subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.subscriptionId.localeCompare(b.subscriptionId));
  }

  /**
   * The key vaults of a subscription (`vaults.listBySubscription`: full vault objects, all pages), sorted by
   * name, with a token for the subscription's tenant.
   */
  async listVaults(subscription: SubscriptionInfo, abortSignal?: AbortSignal): Promise<VaultInfo[]> {
    const vaults: VaultInfo[] = [];
    for await (const v of this.keyVaultClient(subscription).vaults.listBySubscription({ abortSignal })) {
      vaults.push(vaultInfo(v, subscription.subscriptionId));
    }
    return vaults.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The vaults of many subscriptions, `concurrency` subscriptions at a time (default 4), one result per
   * subscription in the order given: its vaults, or why listing them failed.
   *
   * Request count: one ARM request per subscription per page of vaults, ⌈vaults/pageSize⌉. The service picks
   * the page size (the REST docs don't state it; ARM providers commonly return up to 1,000 per page, and
   * the emulator's `armPageSize` models it), so it is 1 request for nearly every subscription; plus one token
   * request per tenant the credential has no cached token for. With concurrency c and n subscriptions the wall
   * time is about ⌈n/c⌉ round trips. (Resource Graph could answer for all subscriptions in one query; this keeps
   * to the call the tree already makes, and needs no other permission.)
   */
  async listVaultsAcross(subscriptions: readonly SubscriptionInfo[], options: ListAcrossOptions = {}): Promise<SubscriptionVaults[]> {
    return mapWithConcurrency(subscriptions, options.concurrency ?? 4, async (subscription): Promise<SubscriptionVaults> => {
      try {
        return { subscription, ok: true, vaults: await this.listVaults(subscription, options.abortSignal) };
      } catch (error) {
        return { subscription, ok: false, failure: classifyError(error) };
      }
    });
  }

  private subscriptionClient(tenantId: string): SubscriptionClient {
    let client = this.subscriptionClients.get(tenantId);
    if (!client) {
      const credential = tenantId === HOME ? this.credential : withTenant(this.credential, tenantId);
      client = new SubscriptionClient(credential, {
        endpoint: this.cloud.resourceManagerEndpoint,
        credentialScopes: [this.cloud.resourceManagerScope],
        ...this.pipelineOptions(),
      });
      this.guardOrigin(client);
      this.subscriptionClients.set(tenantId, client);
    }
    return client;
  }

  private keyVaultClient(subscription: SubscriptionInfo): KeyVaultManagementClient {
    const key = `${subscription.tenantId}/${subscription.subscriptionId}`.toLowerCase();
    let client = this.keyVaultClients.get(key);
    if (!client) {
      // @azure/arm-keyvault v5 (TypeSpec-generated) takes its scopes in `credentials.scopes`, not `credentialScopes`.
      client = new KeyVaultManagementClient(withTenant(this.credential, subscription.tenantId), subscription.subscriptionId, {
        endpoint: this.cloud.resourceManagerEndpoint,
        credentials: { scopes: [this.cloud.resourceManagerScope] },
        ...this.pipelineOptions(),
      });
      this.guardOrigin(client);
      this.keyVaultClients.set(key, client);
    }
    return client;
  }

  /** The SDK's retry off, ours in (perCall). */
  private pipelineOptions() {
    return {
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: reliabilityPolicy({ options: this.options.reliability ?? {}, events: this.waits }), position: 'perCall' as const }],
    };
  }

  /** The origin check runs first (Serialize phase): a request for another host fails before a token is even asked for. */
  private guardOrigin(client: SubscriptionClient | KeyVaultManagementClient): void {
    client.pipeline.addPolicy(this.security.policy, { phase: 'Serialize' });
  }
}
