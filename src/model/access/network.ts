// Whether the vault's network rules let the signed-in user's requests in (pure). Key Vault's firewall:
// "Configure Azure Key Vault networking settings" and "Virtual network service endpoints for Azure Key Vault",
// https://learn.microsoft.com/azure/key-vault/general/how-to-azure-key-vault-network-security and
// https://learn.microsoft.com/azure/key-vault/general/overview-vnet-service-endpoints — IP rules take IPv4 addresses
// and CIDR ranges; `publicNetworkAccess: Disabled` leaves private endpoints only; `bypass: AzureServices` concerns
// trusted Azure services, never a developer's machine.
import type { Allowed } from './operations';

export interface NetworkRules {
  readonly publicNetworkAccess?: string;
  readonly defaultAction?: string;
  readonly bypass?: string;
  readonly ipRules: readonly string[];
  readonly virtualNetworkRuleCount: number;
}

export type NetworkVerdict =
  /** Public access enabled, no firewall (defaultAction Allow or absent). */
  | { readonly state: 'open' }
  /** publicNetworkAccess Disabled: private endpoints only. */
  | { readonly state: 'closed' }
  | {
      readonly state: 'firewall';
      readonly clientIp?: string;
      readonly allowed: Allowed;
      readonly matchedRule?: string;
      readonly ipRuleCount: number;
      readonly virtualNetworkRuleCount: number;
    }
  /** No ARM view of the vault. */
  | { readonly state: 'unknown' };

/** An IPv4 address as a 32-bit number; undefined when not dotted-quad (an IPv4-mapped IPv6 address is unwrapped). */
function ipv4(text: string): number | undefined {
  const bare = text.trim().replace(/^::ffff:/i, '');
  const parts = bare.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether an IPv4 address falls in a rule (`a.b.c.d` or `a.b.c.d/n`). */
function ipv4InRule(ip: number, rule: string): boolean {
  const [base, bitsText] = rule.trim().split('/');
  const start = ipv4(base ?? '');
  const bits = bitsText === undefined ? 32 : /^\d{1,2}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (start === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  const first = Math.floor(start / size) * size;
  return ip >= first && ip < first + size;
}

/** IPv6: the exact address (case-insensitive; a `/128` rule is one address); ranges are not matched. */
function sameIpv6(ip: string, rule: string): boolean {
  return ip.trim().toLowerCase() === rule.trim().replace(/\/128$/, '').toLowerCase();
}

/** A private (RFC 1918, CGNAT, link-local) or unique-local address: the request came through a network of Azure's or the user's own. */
function isPrivate(ip: string): boolean {
  const n = ipv4(ip);
  if (n !== undefined) return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'].some((r) => ipv4InRule(n, r));
  return /^f[cd]/i.test(ip.trim());
}

const eq = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.toLowerCase();

/**
 * The verdict for a client at `clientIp` (what the service saw; undefined: unknown — then whether it is allowed is
 * unknown too, unless no rule could match it at all). IPv4 with CIDR; IPv6 exact.
 */
export function networkVerdict(rules: NetworkRules | undefined, clientIp?: string): NetworkVerdict {
  if (!rules) return { state: 'unknown' };
  if (eq(rules.publicNetworkAccess, 'Disabled')) return { state: 'closed' };
  if (!eq(rules.defaultAction, 'Deny')) return { state: 'open' };
  const counts = { ipRuleCount: rules.ipRules.length, virtualNetworkRuleCount: rules.virtualNetworkRuleCount };
  const ip = clientIp?.trim() || undefined;
  if (ip === undefined) {
    const noRule = rules.ipRules.length === 0 && rules.virtualNetworkRuleCount === 0;
    return { state: 'firewall', allowed: noRule ? false : undefined, ...counts };
  }
  const v4 = ipv4(ip);
  const matchedRule = rules.ipRules.find((r) => (v4 !== undefined ? ipv4InRule(v4, r) : sameIpv6(ip, r)));
  if (matchedRule !== undefined) return { state: 'firewall', clientIp: ip, allowed: true, matchedRule, ...counts };
  // A virtual network rule may let a request in that arrives from inside Azure (a private source address).
  const allowed = rules.virtualNetworkRuleCount > 0 && isPrivate(ip) ? undefined : false;
  return { state: 'firewall', clientIp: ip, allowed, ...counts };
}
