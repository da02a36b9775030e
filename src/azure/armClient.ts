// Azure Resource Manager: tenants, subscriptions, the vaults of a subscription (reached only through sdk.ts:
// this file loads the ARM SDKs at run time). One SDK client per tenant / per subscription, reused.
// Every client is guarded like the data plane's (tokenGuard.ts, armSecurityFor): its credential refuses audiences
// that must not reach this endpoint, and its pipeline refuses requests to any other origin. Every client carries the
// reliability policy (reliability.ts: per-attempt timeout, 429 backoff, retries) in place of the SDK's own retry.
// Every ARM call here is a GET except the Resource Graph query, a read sent as POST (resourceGraph.ts): the policy
// resends it like a GET (isRetrySafe), and a failure that outlasts the retries falls back to one GET per subscription;
// and Grant Me…'s role assignment PUT (access.ts), sent once (not retried: a second try would only say it exists).
import type { TokenCredential } from '@azure/core-auth';
import type { Pipeline } from '@azure/core-rest-pipeline';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { AccessArm } from './access';
import { createResourceGraph, type ResourceGraphContext } from '@azure/arm-resourcegraph/api';
import type { CloudEndpoints, SubscriptionInfo, SubscriptionVaults, TenantInfo, VaultInfo } from './model';
import { withTenant } from './credentials';
import { armSecurityFor, guardCredential, type ArmSecurity } from './tokenGuard';
import { classifyError } from './errors';
import { createFetchHttpClient } from './fetchHttpClient';
import { mapWithConcurrency } from './concurrency';
import { managedHsmInfo, vaultInfo } from './mappers';
import { graphVaults } from './resourceGraph';
import { vaultOrigin } from './vaultUrl';
import { reliabilityPolicy, WaitEvents, type ReliabilityOptions, type WaitListener } from './reliability';

export interface ListAcrossOptions {
  /** Subscriptions listed at the same time when listed one by one. Default 4. */
  readonly concurrency?: number;
  readonly abortSignal?: AbortSignal;
  /** One Resource Graph query per tenant (default), or `false`: one listBySubscription per subscription. */
  readonly resourceGraph?: boolean;
  /** Resource Graph rows per page (`$top`); the service's default (1,000) when absent. */
  readonly graphPageSize?: number;
}

export interface ArmClientOptions {
  /** Timeouts, retries and waits (reliability.ts; maxConcurrentPerVault does not apply to ARM). */
  readonly reliability?: ReliabilityOptions;
}

const HOME = '';
/** Resource Graph statuses that mean "not for this account here" (not a passing fault): don't ask that tenant again. */
const REFUSED = new Set([400, 403, 404, 409]);

export class ArmClient {
  /** Key: tenant id, or '' for the home tenant. */
  private readonly subscriptionClients = new Map<string, SubscriptionClient>();
  /** Key: `{tenantId}/{subscriptionId}`. */
  private readonly keyVaultClients = new Map<string, KeyVaultManagementClient>();
  /** Key: `{tenantId}/{subscriptionId}`. */
  private readonly authorizationClients = new Map<string, AuthorizationManagementClient>();
  /** Key: tenant id (lower case). */
  private readonly graphContexts = new Map<string, ResourceGraphContext>();
  /** Tenants whose Resource Graph refused this account (403, 400, …): listed one subscription at a time from then on. */
  private readonly graphRefused = new Set<string>();
  /** Key: a listed vault's or HSM's origin (lower case); value: its tenant and kind. */
  private readonly vaultTenants = new Map<string, { readonly tenantId: string; readonly managedHsm: boolean }>();
  private readonly security: ArmSecurity;
  /** The caller's credential behind the ARM token guard. */
  private readonly credential: TokenCredential;
  private readonly waits = new WaitEvents();
  /** One fetch-based HTTP client for every ARM client: connections kept open (fetchHttpClient.ts). */
  private readonly httpClient = createFetchHttpClient();

  constructor(
    credential: TokenCredential,
    private readonly cloud: CloudEndpoints,
    private readonly options: ArmClientOptions = {},
  ) {
    this.security = armSecurityFor(cloud);
    this.credential = guardCredential(credential, this.security.guard);
    this.access = new AccessArm({
      credential: this.credential,
      resourceManagerScope: cloud.resourceManagerScope,
      authorization: (vault) => this.authorizationClient(vault.tenantId, vault.subscriptionId),
      keyVault: (vault) => this.keyVaultClient({ subscriptionId: vault.subscriptionId, tenantId: vault.tenantId, displayName: vault.subscriptionId }),
    });
  }

  /** What the caller may do in a vault (permissions, role assignments, a fresh GET) and assigning a role. */
  readonly access: AccessArm;

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
   * The key vaults and Managed HSMs of a subscription (`vaults.listBySubscription` and `managedHsms.listBySubscription`
   * at once: full objects, all pages), sorted by name, with a token for the subscription's tenant. The HSMs are an
   * addition: where they cannot be listed (no read permission on managedHSMs) the subscription still shows its vaults.
   */
  async listVaults(subscription: SubscriptionInfo, abortSignal?: AbortSignal): Promise<VaultInfo[]> {
    const client = this.keyVaultClient(subscription);
    const id = subscription.subscriptionId;
    const [vaults, hsms] = await Promise.all([
      collect(client.vaults.listBySubscription({ abortSignal }), (v) => vaultInfo(v, id)),
      collect(client.managedHsms.listBySubscription({ abortSignal }), (h) => managedHsmInfo(h, id)).catch((error: unknown) => {
        if (classifyError(error).kind === 'cancelled') throw error;
        return [];
      }),
    ]);
    const all = [...vaults, ...hsms];
    this.remember(all);
    return all.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The tenant of a vault or Managed HSM this client listed (its `properties.tenantId`) and whether it is an HSM, by
   * URL: what lets the data plane presume its auth challenge (VaultClientsOptions.tenantOf, sharedChallenge.ts).
   */
  vaultTenant(vaultUrl: string): { readonly tenantId: string; readonly managedHsm: boolean } | undefined {
    return this.vaultTenants.get(vaultOrigin(vaultUrl));
  }

  private remember(vaults: readonly VaultInfo[]): void {
    for (const v of vaults) if (v.tenantId) this.vaultTenants.set(vaultOrigin(v.vaultUrl), { tenantId: v.tenantId, managedHsm: v.kind === 'managedHsm' });
  }

  /**
   * The vaults of many subscriptions, one result per subscription in the order given: its vaults, or why listing
   * them failed.
   *
   * Request count: one Resource Graph query per tenant (per 1,000 subscriptions of it) per page of 1,000 vaults,
   * whatever the number of subscriptions — 3 tenants × 10 subscriptions × 5 vaults cost 3 requests, not 30. The
   * query is per tenant because its token is. Where Resource Graph is refused (403, 400 such as an unregistered
   * provider, any other failure) or cut its answer short, the subscriptions concerned are listed one by one
   * (`listVaults`, `concurrency` at a time, default 4: one request per subscription per page of vaults), which also
   * gives each subscription its own failure (no access, not found) as before; a tenant that refused (4xx) is not
   * asked again by this client. Plus one token request per tenant the credential has no cached token for.
   */
  async listVaultsAcross(subscriptions: readonly SubscriptionInfo[], options: ListAcrossOptions = {}): Promise<SubscriptionVaults[]> {
    const results = new Map<SubscriptionInfo, SubscriptionVaults>();
    const oneByOne: SubscriptionInfo[] = [];
    const byTenant = new Map<string, SubscriptionInfo[]>();
    for (const s of subscriptions) {
      const tenant = s.tenantId.toLowerCase();
      if (options.resourceGraph === false || this.graphRefused.has(tenant)) oneByOne.push(s);
      else byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), s]);
    }
    await Promise.all(
      [...byTenant].map(async ([tenant, subs]) => {
        try {
          const found = await graphVaults(this.graphContext(subs[0]!.tenantId), subs, { abortSignal: options.abortSignal, pageSize: options.graphPageSize });
          for (const s of subs) {
            const vaults = found.vaults.get(s.subscriptionId.toLowerCase());
            if (vaults) {
              this.remember(vaults);
              results.set(s, { subscription: s, ok: true, vaults });
            }
          }
          oneByOne.push(...found.uncovered);
        } catch (error) {
          const failure = classifyError(error);
          if (failure.kind === 'cancelled') {
            for (const s of subs) results.set(s, { subscription: s, ok: false, failure });
            return;
          }
          if (REFUSED.has(failure.status ?? 0)) this.graphRefused.add(tenant);
          oneByOne.push(...subs);
        }
      }),
    );
    const listed = await mapWithConcurrency(oneByOne, options.concurrency ?? 4, async (subscription): Promise<SubscriptionVaults> => {
      try {
        return { subscription, ok: true, vaults: await this.listVaults(subscription, options.abortSignal) };
      } catch (error) {
        return { subscription, ok: false, failure: classifyError(error) };
      }
    });
    for (const r of listed) results.set(r.subscription, r);
    return subscriptions.map((s) => results.get(s)!);
  }

  private subscriptionClient(tenantId: string): SubscriptionClient {
    let client = this.subscriptionClients.get(tenantId);
    if (!client) {
      const credential = tenantId === HOME ? this.credential : withTenant(this.credential, tenantId);
      client = new SubscriptionClient(credential, {
        endpoint: this.cloud.resourceManagerEndpoint,
        credentials: { scopes: [this.cloud.resourceManagerScope] },
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

  /** Microsoft.Authorization (permissions, role assignments) with a token for the vault's tenant. */
  private authorizationClient(tenantId: string, subscriptionId: string): AuthorizationManagementClient {
    const key = `${tenantId}/${subscriptionId}`.toLowerCase();
    let client = this.authorizationClients.get(key);
    if (!client) {
      // An autorest (core-client) client: its URLs start at `$host`, its token scopes are `credentialScopes`.
      client = new AuthorizationManagementClient(withTenant(this.credential, tenantId), subscriptionId, {
        endpoint: this.cloud.resourceManagerEndpoint,
        $host: this.cloud.resourceManagerEndpoint,
        credentialScopes: [this.cloud.resourceManagerScope],
        ...this.pipelineOptions(),
      });
      this.guardOrigin(client);
      this.authorizationClients.set(key, client);
    }
    return client;
  }

  /** A Resource Graph context (the SDK's modular API: the query alone) with a token for the tenant. */
  private graphContext(tenantId: string): ResourceGraphContext {
    const key = tenantId.toLowerCase();
    let context = this.graphContexts.get(key);
    if (!context) {
      // The query is not per subscription: the context's subscription id is unused.
      context = createResourceGraph(withTenant(this.credential, tenantId), '', {
        endpoint: this.cloud.resourceManagerEndpoint,
        credentials: { scopes: [this.cloud.resourceManagerScope] },
        ...this.pipelineOptions(),
      });
      this.guardOrigin(context);
      this.graphContexts.set(key, context);
    }
    return context;
  }

  /** The SDK's retry off, ours in (perCall). */
  private pipelineOptions() {
    return {
      retryOptions: { maxRetries: 0 },
      httpClient: this.httpClient,
      additionalPolicies: [{ policy: reliabilityPolicy({ options: this.options.reliability ?? {}, events: this.waits }), position: 'perCall' as const }],
    };
  }

  /** The origin check runs first (Serialize phase): a request for another host fails before a token is even asked for. */
  private guardOrigin(client: { readonly pipeline: Pipeline }): void {
    client.pipeline.addPolicy(this.security.policy, { phase: 'Serialize' });
  }
}

/** Every item of a paged SDK listing, mapped. */
async function collect<T>(pages: AsyncIterable<T>, map: (item: T) => VaultInfo): Promise<VaultInfo[]> {
  const out: VaultInfo[] = [];
  for await (const item of pages) out.push(map(item));
  return out;
}
