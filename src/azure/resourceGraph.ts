// The vaults of many subscriptions of one tenant from Azure Resource Graph (reached only through armClient.ts, so
// only through sdk.ts): one `POST /providers/Microsoft.ResourceGraph/resources` per 1,000 subscriptions, paged with
// `$skipToken`, instead of one `vaults.listBySubscription` per subscription. A Resource Graph token is for one
// tenant, so the caller groups subscriptions by tenant; the context it hands in carries the same token guard and
// reliability policy as every ARM client.
//
// Resource Graph answers for the subscriptions of the token's tenant the caller may read and silently drops the
// others; an answer it had to cut (`resultTruncated: "true"`, no `$skipToken`) covers nothing for sure, so its
// subscriptions are returned as `uncovered` and the caller lists them one by one.
import { resources, type ResourceGraphContext } from '@azure/arm-resourcegraph/api';
import { graphVaultInfo } from './mappers';
import type { SubscriptionInfo, VaultInfo } from './model';

/**
 * Key vaults and Managed HSMs, only what VaultInfo needs (never accessPolicies, which can be large; the firewall rules, for the access check); ordered by id so
 * pages are stable.
 */
export const VAULTS_QUERY = [
  "resources | where type in~ ('microsoft.keyvault/vaults', 'microsoft.keyvault/managedhsms')",
  'project id, name, type, location, subscriptionId, tenantId, tags, vaultTenantId = properties.tenantId, vaultUri = properties.vaultUri, hsmUri = properties.hsmUri, ' +
    'enableSoftDelete = properties.enableSoftDelete, softDeleteRetentionInDays = properties.softDeleteRetentionInDays, ' +
    'enablePurgeProtection = properties.enablePurgeProtection, enableRbacAuthorization = properties.enableRbacAuthorization, ' +
    'publicNetworkAccess = properties.publicNetworkAccess, networkAcls = properties.networkAcls, sku = properties.sku.name',
  'order by id asc',
].join(' | ');

/** The service's limit of subscriptions per query. */
export const MAX_SUBSCRIPTIONS_PER_QUERY = 1000;

export interface GraphVaults {
  /** Vaults (sorted by name) by lower-case subscription id, for every subscription the answer covers (none: []). */
  readonly vaults: Map<string, VaultInfo[]>;
  /** Subscriptions the answer may be incomplete for: to be listed one by one. */
  readonly uncovered: SubscriptionInfo[];
  /** Requests sent (pages). */
  readonly requests: number;
}

export interface GraphQueryOptions {
  readonly abortSignal?: AbortSignal;
  /** Rows per page (`$top`); the service's default (1,000) when absent. */
  readonly pageSize?: number;
}

/** The vaults of `subscriptions` (all of one tenant, the context's) in one query per 1,000 subscriptions, all pages. */
export async function graphVaults(context: ResourceGraphContext, subscriptions: readonly SubscriptionInfo[], options: GraphQueryOptions = {}): Promise<GraphVaults> {
  const vaults = new Map<string, VaultInfo[]>();
  const uncovered: SubscriptionInfo[] = [];
  let requests = 0;
  for (let i = 0; i < subscriptions.length; i += MAX_SUBSCRIPTIONS_PER_QUERY) {
    const chunk = subscriptions.slice(i, i + MAX_SUBSCRIPTIONS_PER_QUERY);
    const byId = new Map(chunk.map((s) => [s.subscriptionId.toLowerCase(), s]));
    const found = new Map<string, VaultInfo[]>([...byId.keys()].map((id) => [id, []]));
    let skipToken: string | undefined;
    let truncated = false;
    do {
      const page = await resources(
        context,
        {
          subscriptions: chunk.map((s) => s.subscriptionId),
          query: VAULTS_QUERY,
          options: { resultFormat: 'objectArray', ...(options.pageSize ? { top: options.pageSize } : {}), ...(skipToken ? { skipToken } : {}) },
        },
        { abortSignal: options.abortSignal },
      );
      requests++;
      truncated = page.resultTruncated === 'true';
      for (const row of Array.isArray(page.data) ? (page.data as unknown[]) : []) {
        if (typeof row !== 'object' || row === null) continue;
        const id = (row as { subscriptionId?: unknown }).subscriptionId;
        const subscription = typeof id === 'string' ? byId.get(id.toLowerCase()) : undefined;
        if (!subscription) continue;
        found.get(subscription.subscriptionId.toLowerCase())!.push(graphVaultInfo(row as Record<string, unknown>, subscription));
      }
      skipToken = truncated ? undefined : page.skipToken;
    } while (skipToken);
    if (truncated) {
      uncovered.push(...chunk);
      continue;
    }
    for (const [id, list] of found) vaults.set(id, list.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return { vaults, uncovered, requests };
}
