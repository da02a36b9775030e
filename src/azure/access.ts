// What the signed-in principal may do in a vault, as ARM tells it (reached only through armClient.ts, so only
// through sdk.ts): the effective permissions at the vault scope (`Microsoft.Authorization/permissions`), the
// principal's role assignments that reach the vault, a fresh GET of the vault (access policies, firewall), and
// assigning a role. Raw facts only: src/platform/vaultAccess.ts turns them into a verdict (src/model/access).
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/core-auth';
import type { AuthorizationManagementClient, Permission } from '@azure/arm-authorization';
import type { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { withTenant } from './credentials';
import { vaultInfo } from './mappers';
import type { VaultInfo } from './model';

/** One role assignment of the principal that reaches the vault (at, above or below its scope). */
export interface RoleAssignmentFact {
  readonly id: string;
  readonly roleDefinitionId: string;
  readonly scope: string;
  readonly principalId: string;
  readonly principalType?: string;
}

/** Who the token of a tenant says the caller is (decoded, not verified: the service verifies it). */
export interface PrincipalFact {
  readonly objectId?: string;
  readonly tenantId?: string;
  /** upn / preferred_username / unique_name for a user; the app id for an application. */
  readonly name?: string;
  readonly kind?: 'user' | 'servicePrincipal';
}

export interface AccessArmDeps {
  readonly credential: TokenCredential;
  readonly resourceManagerScope: string;
  authorization(vault: VaultInfo): AuthorizationManagementClient;
  keyVault(vault: VaultInfo): KeyVaultManagementClient;
}

const PROVIDER = 'Microsoft.KeyVault';

/** The SDK puts `{scope}` after a `/` of its own: the resource id without its leading slash. */
function scopeOf(vault: VaultInfo): string {
  return vault.id.replace(/^\/+/, '');
}

/** The ARM calls of the access check: each is one request (the listings are one page in practice). */
export class AccessArm {
  constructor(private readonly deps: AccessArmDeps) {}

  /** Effective permissions of the caller at the vault scope: one entry per role reaching it (empty: none). */
  async permissions(vault: VaultInfo, abortSignal?: AbortSignal): Promise<Permission[]> {
    const out: Permission[] = [];
    const client = this.deps.authorization(vault);
    for await (const p of client.permissions.listForResource(vault.resourceGroup, PROVIDER, '', 'vaults', vault.name, { abortSignal })) out.push(p);
    return out;
  }

  /** The principal's role assignments at, above or below the vault (groups included: `assignedTo`). */
  async roleAssignments(vault: VaultInfo, principalId: string, abortSignal?: AbortSignal): Promise<RoleAssignmentFact[]> {
    const out: RoleAssignmentFact[] = [];
    const client = this.deps.authorization(vault);
    for await (const a of client.roleAssignments.listForScope(scopeOf(vault), { filter: `assignedTo('${principalId.replace(/'/g, '')}')`, abortSignal })) {
      if (!a.roleDefinitionId || !a.scope) continue;
      out.push({ id: a.id ?? '', roleDefinitionId: a.roleDefinitionId, scope: a.scope, principalId: a.principalId ?? principalId, ...(a.principalType ? { principalType: a.principalType } : {}) });
    }
    return out;
  }

  /** The vault as ARM has it now (access policies and firewall included). */
  async vault(vault: VaultInfo, abortSignal?: AbortSignal): Promise<VaultInfo> {
    const v = await this.deps.keyVault(vault).vaults.get(vault.resourceGroup, vault.name, { abortSignal });
    return vaultInfo(v, vault.subscriptionId, true);
  }

  /**
   * Assigns a built-in role (its guid) to a principal at the vault scope: one PUT with a new assignment name (a
   * retry of the same PUT is idempotent; the service answers 409 RoleAssignmentExists when it is already there).
   */
  async assignRole(vault: VaultInfo, roleGuid: string, principalId: string, principalType: 'User' | 'ServicePrincipal', abortSignal?: AbortSignal): Promise<RoleAssignmentFact> {
    const client = this.deps.authorization(vault);
    const roleDefinitionId = `/subscriptions/${vault.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
    const a = await client.roleAssignments.create(scopeOf(vault), randomUUID(), { roleDefinitionId, principalId, principalType }, { abortSignal });
    return { id: a.id ?? '', roleDefinitionId: a.roleDefinitionId ?? roleDefinitionId, scope: a.scope ?? vault.id, principalId };
  }

  /** The caller as the ARM token for the vault's tenant names it (a cached token: no request in the usual case). */
  async principal(vault: VaultInfo): Promise<PrincipalFact> {
    const token = await withTenant(this.deps.credential, vault.tenantId).getToken(this.deps.resourceManagerScope);
    return token ? principalOfToken(token.token) : {};
  }
}

/** The identity claims of a JWT access token (its payload decoded; nothing verified, nothing else kept). */
export function principalOfToken(token: string): PrincipalFact {
  const payload = token.split('.')[1];
  if (!payload) return {};
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
  const str = (k: string): string | undefined => {
    const v = claims[k];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const userName = str('upn') ?? str('preferred_username') ?? str('unique_name') ?? str('email');
  const app = str('idtyp') === 'app' || (!userName && str('appid') !== undefined);
  const name = app ? str('app_displayname') ?? str('appid') ?? str('azp') : userName;
  return {
    ...(str('oid') ? { objectId: str('oid') } : {}),
    ...(str('tid') ? { tenantId: str('tid') } : {}),
    ...(name ? { name } : {}),
    kind: app ? 'servicePrincipal' : 'user',
  };
}
