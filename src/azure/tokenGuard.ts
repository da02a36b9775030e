// Token safety for data-plane clients (pure: no SDK at run time, no vscode).
//
// Rule: a token for a cloud's Key Vault resource goes only to hosts under that cloud's Key Vault DNS suffix.
// - A vault host under a known suffix (vaultUrl.ts) or the configured cloud's suffix: the SDK's challenge
//   resource verification stays ON, and the guard accepts only that suffix as the token's resource.
// - A loopback host (127.0.0.0/8, ::1, localhost, *.localhost — a local emulator): verification must be OFF
//   (a challenge resource can never be a parent domain of 127.0.0.1), so the guard takes its place: it refuses
//   every scope whose host is not itself loopback. A real Entra token (vault.azure.net…) can never be requested
//   for, let alone sent to, a local emulator, whatever its challenge says.
// - Any other host (a custom cloud, a typo, a hostile URL): verification ON, and the guard accepts only a proper
//   parent domain of the host that is not a known cloud's Key Vault resource.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from './model';
import { knownVaultDnsSuffixes } from './vaultUrl';

export interface ClientSecurity {
  /** Passed to the Key Vault client options. Never true for a non-loopback host. */
  readonly disableChallengeResourceVerification: boolean;
  /** Throws a TokenRefusedError when a token for `scope` must not be obtained for this vault's host. */
  readonly guard: (scope: string) => void;
}

/** A token request the guard refused. Names the host and the scope, never a token. */
export class TokenRefusedError extends Error {
  override readonly name = 'TokenRefusedError';

  constructor(
    readonly host: string,
    readonly scope: string,
    reason: string,
  ) {
    super(`Refused to get a token for "${scope}" to send to ${host}: ${reason}`);
  }
}

/** Lower-case host name without IPv6 brackets or a trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

function isIPv4Loopback(host: string): boolean {
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** localhost, *.localhost, 127.0.0.0/8, ::1 and IPv4-mapped 127.0.0.0/8 (`::ffff:127.0.0.1`, `::ffff:7f00:1`). */
export function isLoopbackHost(host: string): boolean {
  const h = normalizeHost(host);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIPv4Loopback(h)) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^(?:0:0:0:0:0:|::)ffff:(.+)$/.exec(h);
  if (mapped?.[1]) {
    const rest = mapped[1];
    return isIPv4Loopback(rest) || /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(rest);
  }
  return false;
}

/** The Key Vault DNS suffix (known clouds plus the configured one) that `host` is a subdomain of, if any. */
export function vaultSuffixOf(host: string, cloud: CloudEndpoints): string | undefined {
  const h = normalizeHost(host);
  const suffixes = [normalizeHost(cloud.keyVaultDnsSuffix), ...knownVaultDnsSuffixes].filter((s) => s.length > 0);
  return suffixes.find((s) => h.endsWith(`.${s}`));
}

/** Host of a scope such as `https://vault.azure.net/.default`; undefined when the scope is not a URL. */
export function scopeHost(scope: string): string | undefined {
  try {
    const url = new URL(scope);
    return url.hostname ? normalizeHost(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}

function isKnownVaultResource(host: string, cloud: CloudEndpoints): boolean {
  return [normalizeHost(cloud.keyVaultDnsSuffix), ...knownVaultDnsSuffixes].includes(host);
}

/** What the data-plane clients of the vault at `vaultUrl` may do with tokens (see the top of this file). */
export function clientSecurityFor(vaultUrl: string, cloud: CloudEndpoints): ClientSecurity {
  const host = normalizeHost(new URL(vaultUrl).hostname);
  const refuse = (scope: string, reason: string): never => {
    throw new TokenRefusedError(host, scope, reason);
  };

  if (isLoopbackHost(host)) {
    return {
      disableChallengeResourceVerification: true,
      guard: (scope) => {
        const target = scopeHost(scope);
        if (target === undefined || !isLoopbackHost(target)) {
          refuse(scope, 'a local (loopback) vault may only receive tokens for localhost resources');
        }
      },
    };
  }

  const suffix = vaultSuffixOf(host, cloud);
  if (suffix !== undefined) {
    return {
      disableChallengeResourceVerification: false,
      guard: (scope) => {
        if (scopeHost(scope) !== suffix) refuse(scope, `a vault under ${suffix} may only receive tokens for https://${suffix}`);
      },
    };
  }

  return {
    disableChallengeResourceVerification: false,
    guard: (scope) => {
      const target = scopeHost(scope);
      if (target === undefined || !host.endsWith(`.${target}`)) {
        refuse(scope, 'the token resource must be a parent domain of the vault host');
      } else if (isKnownVaultResource(target, cloud) || isLoopbackHost(target)) {
        refuse(scope, 'the host is not under that cloud\'s Key Vault DNS suffix');
      }
    },
  };
}

/** A credential that asks `guard` about every scope before asking `credential` for a token. */
export function guardCredential(credential: TokenCredential, guard: (scope: string) => void): TokenCredential {
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        for (const scope of Array.isArray(scopes) ? scopes : [scopes]) guard(scope);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return credential.getToken(scopes, options);
    },
  };
}
