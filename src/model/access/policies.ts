// Vault access policies (the legacy permission model, ARM `properties.accessPolicies`), read purely: which entries
// apply to the signed-in user and what they allow.
//
// Permission names: "Azure Key Vault security: access policies", the permission lists of secrets, keys and
// certificates, https://learn.microsoft.com/azure/key-vault/general/security-features and the REST reference
// "Vaults - Update Access Policy" (Permissions: keys / secrets / certificates / storage enums),
// https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/update-access-policy
import type { ObjectKind, VaultAccessPolicy } from '../../azure/model';
import { buildCapabilities, type AccessOperation, type VaultCapabilities } from './operations';

/** One access policy entry of a vault, as ARM lists it (src/azure/model.ts). */
export type AccessPolicyEntry = VaultAccessPolicy;

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** The entries naming this object id in this tenant (case-insensitive), compound (applicationId) entries included. */
export function policiesFor(policies: readonly AccessPolicyEntry[], objectId: string, tenantId: string): AccessPolicyEntry[] {
  return policies.filter((p) => same(p.objectId, objectId) && same(p.tenantId, tenantId));
}

/** The permissions each operation needs per kind (every one of them; `all` grants all). */
export const POLICY_PERMISSIONS: Readonly<Record<ObjectKind, Readonly<Record<AccessOperation, readonly string[]>>>> = {
  secret: { list: ['list'], read: ['get'], write: ['set'], delete: ['delete'], listDeleted: ['list'], recover: ['recover'], purge: ['purge'], backup: ['backup'], restore: ['restore'], crypto: [] },
  key: {
    list: ['list'],
    read: ['get'],
    write: ['create', 'update'],
    delete: ['delete'],
    listDeleted: ['list'],
    recover: ['recover'],
    purge: ['purge'],
    backup: ['backup'],
    restore: ['restore'],
    crypto: ['encrypt', 'decrypt', 'sign', 'verify'],
  },
  certificate: { list: ['list'], read: ['get'], write: ['create', 'update'], delete: ['delete'], listDeleted: ['list'], recover: ['recover'], purge: ['purge'], backup: ['backup'], restore: ['restore'], crypto: [] },
};

/** The entry's permission list for a kind. */
export function policyList(entry: AccessPolicyEntry, kind: ObjectKind): readonly string[] {
  switch (kind) {
    case 'secret':
      return entry.permissions.secrets ?? [];
    case 'key':
      return entry.permissions.keys ?? [];
    case 'certificate':
      return entry.permissions.certificates ?? [];
  }
}

/** Whether some entry grants every permission `op` needs on `kind`. */
function policyAllows(entries: readonly AccessPolicyEntry[], kind: ObjectKind, op: AccessOperation): boolean {
  const needed = POLICY_PERMISSIONS[kind][op];
  return entries.some((e) => {
    const held = policyList(e, kind).map((p) => p.trim().toLowerCase());
    return held.includes('all') || needed.every((n) => held.includes(n));
  });
}

/**
 * What the entries allow. `othersMayApply`: entries the user may also be covered by are not in `entries` (entries
 * of Entra groups the user is a member of cannot be told apart from other principals' here) — then what no entry
 * grants is unknown rather than denied.
 */
export function capabilitiesFromPolicies(entries: readonly AccessPolicyEntry[], options?: { readonly othersMayApply?: boolean }): VaultCapabilities {
  return buildCapabilities((kind, op) => (policyAllows(entries, kind, op) ? true : options?.othersMayApply ? undefined : false));
}
