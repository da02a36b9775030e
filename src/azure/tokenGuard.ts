// Token safety for the data-plane and Resource Manager clients (pure: no SDK at run time, no vscode).
//
// Key Vault rule: a token for a cloud's Key Vault resource goes only to vault hosts of that cloud.
// - A vault host — exactly `{name}.{suffix}` for a known Key Vault / Managed HSM suffix (vaultUrl.ts) or the
//   configured cloud's suffix: the SDK's challenge resource verification stays ON, and the guard accepts only
//   `https://{suffix}` as the token's resource.
// - A loopback host (127.0.0.0/8, ::1, localhost, *.localhost — a local emulator): verification must be OFF
//   (a challenge resource can never be a parent domain of 127.0.0.1), so the guard takes its place: it refuses
//   every scope whose host is not itself loopback. A real Entra token (vault.azure.net…) can never be requested
//   for, let alone sent to, a local emulator, whatever its challenge says.
// - Any other host (a typo, `x.database.windows.net`, `graph.microsoft.com`, a hostile URL): no token at all.
//   Checking only that the challenge's resource is a parent domain (what the SDK does) would hand a SQL or Graph
//   token to any host under those broad domains.
//
// Resource Manager rule (armSecurityFor): a well-known cloud's ARM audience goes only to that cloud's ARM host; a
// loopback endpoint only ever gets a loopback audience; a Key Vault audience never goes to ARM.
//
// Both: every request a client sends must go to its own origin (the vault, the ARM endpoint) — a `nextLink` or
// any other URL the service hands back that points elsewhere is refused before it is sent (originPolicy).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import type { CloudEndpoints } from './model';
import { knownVaultDnsSuffixes } from './vaultUrl';

export interface ClientSecurity {
  /** Passed to the Key Vault client options. Never true for a non-loopback host. */
  readonly disableChallengeResourceVerification: boolean;
  /** Throws a TokenRefusedError when a token for `scope` must not be obtained for this vault's host. */
  readonly guard: (scope: string) => void;
}

/**
 * A token request, or a request to a host that is not the client's own, the guard refused. Names the host and the
 * scope (undefined for a request refused by originPolicy), never a token.
 */
export class TokenRefusedError extends Error {
  override readonly name = 'TokenRefusedError';

  constructor(
    readonly host: string,
    readonly scope: string | undefined,
    reason: string,
  ) {
    super(scope === undefined ? `Refused to send a request to ${host}: ${reason}` : `Refused to get a token for "${scope}" to send to ${host}: ${reason}`);
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

function vaultSuffixes(cloud: CloudEndpoints): string[] {
  const own = [cloud.keyVaultDnsSuffix, cloud.managedHsmDnsSuffix ?? ''].map((s) => normalizeHost(s).replace(/^\./, ''));
  return [...own, ...knownVaultDnsSuffixes].filter((s) => s.length > 0);
}

/**
 * The Key Vault DNS suffix (known clouds plus the configured one) of which `host` is a vault host — exactly one DNS
 * label in front of it, as `{name}.vault.azure.net` — if any. `a.b.vault.azure.net` is not a vault host.
 */
export function vaultSuffixOf(host: string, cloud: CloudEndpoints): string | undefined {
  const h = normalizeHost(host);
  return vaultSuffixes(cloud).find((s) => h.endsWith(`.${s}`) && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(h.slice(0, -s.length - 1)));
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
  return vaultSuffixes(cloud).includes(host);
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
    guard: (scope) => refuse(scope, "the host is not a vault host of this cloud ({name}.{Key Vault DNS suffix}) nor a local emulator"),
  };
}

/**
 * Well-known ARM audiences (token resource hosts) and the one ARM host each may be sent to. The `management.core.*`
 * hosts are the classic audiences that ARM accepts too.
 */
const knownArmAudiences: ReadonlyMap<string, string> = new Map([
  ['management.azure.com', 'management.azure.com'],
  ['management.core.windows.net', 'management.azure.com'],
  ['management.chinacloudapi.cn', 'management.chinacloudapi.cn'],
  ['management.core.chinacloudapi.cn', 'management.chinacloudapi.cn'],
  ['management.usgovcloudapi.net', 'management.usgovcloudapi.net'],
  ['management.core.usgovcloudapi.net', 'management.usgovcloudapi.net'],
]);
const knownArmHosts = new Set(knownArmAudiences.values());

export interface ArmSecurity {
  /** Throws a TokenRefusedError when a token for `scope` must not be obtained for the ARM endpoint. */
  readonly guard: (scope: string) => void;
  /** Refuses every request that does not go to the ARM endpoint's origin (add it to each ARM client's pipeline). */
  readonly policy: PipelinePolicy;
}

/** What the Resource Manager clients of `cloud` may do with tokens (see the top of this file). */
export function armSecurityFor(cloud: CloudEndpoints): ArmSecurity {
  const endpoint = new URL(cloud.resourceManagerEndpoint);
  const host = normalizeHost(endpoint.hostname);
  const refuse = (scope: string, reason: string): never => {
    throw new TokenRefusedError(host, scope, reason);
  };
  const guard = (scope: string): void => {
    const target = scopeHost(scope);
    if (target === undefined) return refuse(scope, 'the token resource is not a URL');
    if (isLoopbackHost(host)) {
      if (!isLoopbackHost(target)) refuse(scope, 'a local (loopback) endpoint may only receive tokens for localhost resources');
      return;
    }
    const owner = knownArmAudiences.get(target);
    if (owner !== undefined && owner !== host) refuse(scope, `a token for ${target} may only be sent to https://${owner}`);
    if (owner === undefined && knownArmHosts.has(host)) refuse(scope, `https://${host} only receives its own cloud's Resource Manager tokens`);
    if (isKnownVaultResource(target, cloud)) refuse(scope, 'a Key Vault token is never sent to Resource Manager');
  };
  return { guard, policy: originPolicy('armOriginPolicy', endpoint.origin) };
}

/**
 * A pipeline policy that refuses, before it is sent, every request whose origin is not `origin` (scheme, host and
 * port): a `nextLink`, a poller's `Location` or any other URL a response hands back cannot carry the client's
 * token to another host.
 */
export function originPolicy(name: string, origin: string): PipelinePolicy {
  const own = origin.toLowerCase();
  return {
    name,
    sendRequest: (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
      let target: URL | undefined;
      try {
        target = new URL(request.url);
      } catch {
        target = undefined;
      }
      if (target?.origin.toLowerCase() !== own) {
        const host = target ? normalizeHost(target.hostname) : request.url.slice(0, 100);
        return Promise.reject(new TokenRefusedError(host, undefined, `the client only talks to ${own}`));
      }
      return next(request);
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
