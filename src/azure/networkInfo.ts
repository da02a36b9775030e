// The client's address as a vault saw it. Every Key Vault response — the auth challenge and a firewall's 403
// included — carries `x-ms-keyvault-network-info: conn_type=Ipv4;addr=203.0.113.5;act_addr_fam=InterNetwork;`
// (older answers: `addr=…;act_addr_fam=…;`). The access report compares it with the vault's firewall rules
// (src/model/access/network.ts); nothing else keeps it.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export const NETWORK_INFO_HEADER = 'x-ms-keyvault-network-info';

/** A vault (its origin) named the client's address: the first time, or another one than before. */
export interface ClientAddressEvent {
  readonly vaultUrl: string;
  readonly address: string;
}

/** The `addr` of the header: an IPv4 or IPv6 address, else undefined (nothing else is taken from a response). */
export function clientAddressOf(header: string | undefined | null): string | undefined {
  const addr = /(?:^|;)\s*addr=([^;\s]*)/i.exec(header ?? '')?.[1];
  if (!addr || addr.length > 45) return undefined;
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(addr) || (/^[0-9a-f:.]+$/i.test(addr) && addr.includes(':')) ? addr.toLowerCase() : undefined;
}

/** Reports the address of each response that carries one (placed per retry: it sees the challenge's 401 too). */
export function clientAddressPolicy(seen: (address: string) => void): PipelinePolicy {
  return {
    name: 'keyVaultClientAddressPolicy',
    async sendRequest(request, next) {
      const response = await next(request);
      const address = clientAddressOf(response.headers.get(NETWORK_INFO_HEADER));
      if (address) seen(address);
      return response;
    },
  };
}
