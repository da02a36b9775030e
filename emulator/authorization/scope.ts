// ARM scopes: normalising what clients send (the SDK's `/{scope}` with a leading slash gives `//subscriptions/…`;
// `parentResourcePath` "" gives `Microsoft.KeyVault//vaults`), and which scope covers which.
import { vaultId } from '../arm-model';
import type { VaultRecord } from '../world';

/** `/subscriptions/x/…` with single slashes and no trailing slash (`/` for the root). */
export function normalizeScope(scope: string): string {
  const s = `/${scope.split('/').filter(Boolean).join('/')}`;
  return s;
}

/** Whether an assignment at `assignmentScope` applies to `resource` (the same scope or one below it). */
export function covers(assignmentScope: string, resource: string): boolean {
  const a = normalizeScope(assignmentScope).toLowerCase();
  const r = normalizeScope(resource).toLowerCase();
  return a === '/' || r === a || r.startsWith(`${a}/`);
}

/** The subscription id a scope is in (undefined for the root or a management group). */
export function subscriptionOf(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(normalizeScope(scope))?.[1];
}

export function vaultScope(v: VaultRecord): string {
  return vaultId(v);
}

/** The vault a scope is, or is inside (`…/vaults/{name}[/secrets/{s}]`). */
export function vaultOfScope(scope: string, vaults: readonly VaultRecord[]): VaultRecord | undefined {
  return vaults.find((v) => covers(vaultScope(v), scope));
}
