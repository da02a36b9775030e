// Bearer-token checks shared by ARM and the data plane. Audiences are deliberately NOT real Azure ones, so a real
// Entra token is never requested for (or accepted by) the emulator.
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenClaims, TokenSigner } from './jwt';
import { peekClaims } from './jwt';

export const ARM_AUDIENCE = 'https://management.kv-emulator.localhost/';
export const VAULT_AUDIENCE = 'https://vault.kv-emulator.localhost';
/** Managed HSM data planes (the local stand-in for `https://managedhsm.azure.net`): a vault token is refused there. */
export const MANAGED_HSM_AUDIENCE = 'https://managedhsm.kv-emulator.localhost';

export function sameAudience(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The audience a scope asks for (`<aud>/.default`, `<aud>//.default` or a bare resource), if it is ours. */
export function audienceForScope(scope: string): string | undefined {
  const resource = scope.replace(/\/?\.default$/, '').replace(/\/user_impersonation$/, '');
  if (sameAudience(resource, ARM_AUDIENCE)) return ARM_AUDIENCE;
  if (sameAudience(resource, VAULT_AUDIENCE)) return VAULT_AUDIENCE;
  if (sameAudience(resource, MANAGED_HSM_AUDIENCE)) return MANAGED_HSM_AUDIENCE;
  return undefined;
}

export type AuthFailure = 'missing' | 'malformed' | 'signature' | 'expired' | 'notYetValid' | 'audience' | 'issuer';

export type AuthOutcome =
  | { readonly ok: true; readonly claims: TokenClaims; readonly token: string }
  | { readonly ok: false; readonly failure: AuthFailure; readonly claims?: Partial<TokenClaims> };

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const h = headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m?.[1];
}

/** Signature, lifetime (real time), audience and issuer (`<login>/<tid>/v2.0`). */
export function authenticate(headers: IncomingHttpHeaders, signer: TokenSigner, audience: string, loginOrigin: string): AuthOutcome {
  const token = bearerToken(headers);
  if (token === undefined) {
    return { ok: false, failure: 'missing' };
  }
  const result = signer.verify(token, Math.floor(Date.now() / 1000));
  if (!result.ok) {
    return { ok: false, failure: result.reason, claims: result.claims ?? peekClaims(token) };
  }
  const claims = result.claims;
  if (typeof claims.aud !== 'string' || !sameAudience(claims.aud, audience)) {
    return { ok: false, failure: 'audience', claims };
  }
  if (typeof claims.tid !== 'string' || claims.iss !== `${loginOrigin}/${claims.tid}/v2.0`) {
    return { ok: false, failure: 'issuer', claims };
  }
  return { ok: true, claims, token };
}

/** `appid=…;oid=…;iss=…` as the service prints the caller in 403 messages. */
export function callerDescription(claims: TokenClaims): string {
  return `appid=${claims.appid ?? claims.azp ?? 'unknown'};oid=${claims.oid};iss=${claims.iss}`;
}
