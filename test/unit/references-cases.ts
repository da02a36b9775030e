// Shared cases of the references unit tests: one vault per cloud (public, China, US Government) and the local
// emulator, whose host is an IP address with a port and whose name comes from the tree, not the host.
import type { ReferenceTarget } from '../../src/references';

export interface HostCase {
  readonly cloud: string;
  readonly url: string;
  readonly name: string;
  /** The Bicep symbol the formats derive from the vault name. */
  readonly symbol: string;
  readonly armId: string;
  /** CSI driver cloudName line, when the cloud needs one. */
  readonly csiCloud?: string;
}

const armId = (name: string) => `/subscriptions/00000000-0000-4000-8000-0000000000a1/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/${name}`;

export const hostCases: readonly HostCase[] = [
  { cloud: 'public', url: 'https://contoso-kv.vault.azure.net', name: 'contoso-kv', symbol: 'contosoKv', armId: armId('contoso-kv') },
  { cloud: 'China', url: 'https://contoso-kv.vault.azure.cn', name: 'contoso-kv', symbol: 'contosoKv', armId: armId('contoso-kv'), csiCloud: 'AzureChinaCloud' },
  { cloud: 'US Gov', url: 'https://contoso-kv.vault.usgovcloudapi.net', name: 'contoso-kv', symbol: 'contosoKv', armId: armId('contoso-kv'), csiCloud: 'AzureUSGovernmentCloud' },
  { cloud: 'emulator', url: 'https://127.0.0.1:8443', name: 'kv-e2e-main', symbol: 'kvE2eMain', armId: armId('kv-e2e-main') },
];

export const sub = '00000000-0000-4000-8000-0000000000a1';
export const tenant = '00000000-0000-4000-8000-0000000000f1';
export const version = '0123456789abcdef0123456789abcdef';

export function target(c: HostCase, v: string | undefined, extra: Partial<ReferenceTarget> = {}): ReferenceTarget {
  return {
    vaultUrl: c.url, vaultName: c.name, armId: c.armId, subscriptionId: sub, resourceGroup: 'rg-app', tenantId: tenant,
    kind: 'secret', name: 'db-password', ...(v ? { version: v } : {}), ...extra,
  };
}
