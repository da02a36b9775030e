// What a vault data-plane request needs: the Azure RBAC data action (the Microsoft.KeyVault data actions of
// learn.microsoft.com/azure/role-based-access-control/permissions/security#microsoftkeyvault — MicrosoftDocs/azure-docs
// articles/role-based-access-control/permissions/security.md) and the access-policy permission (the names of
// Microsoft.KeyVault `AccessPolicyEntry.permissions`, arm/keyvault.json), and the object it acts on (for assignments
// scoped to one secret, key or certificate). Where the docs name no action the emulator's choice is marked "choice".

export type ObjectKind = 'secrets' | 'keys' | 'certificates';

export interface RequiredAccess {
  readonly kind: ObjectKind;
  /** Access-policy permission (`get`, `list`, `set`, `wrapKey`, `getissuers`, …). */
  readonly permission: string;
  /** Azure RBAC data action. */
  readonly dataAction: string;
  /** The object's name when the request addresses one (scope `…/vaults/{v}/{kind}/{name}`). */
  readonly object?: string;
}

const KV = 'Microsoft.KeyVault/vaults';

interface Rule {
  readonly method: string;
  readonly pattern: RegExp;
  readonly kind: ObjectKind;
  readonly permission: string;
  readonly dataAction: string;
}

const N = '(?<name>[^/]+)';
const V = '(?:/[^/]*)?';

function r(method: string, path: string, kind: ObjectKind, permission: string, action: string): Rule {
  return { method, pattern: new RegExp(`^${path}/?$`, 'i'), kind, permission, dataAction: `${KV}/${action}` };
}

const CRYPTO: Record<string, [string, string]> = {
  encrypt: ['encrypt', 'keys/encrypt/action'],
  decrypt: ['decrypt', 'keys/decrypt/action'],
  wrapkey: ['wrapKey', 'keys/wrap/action'],
  unwrapkey: ['unwrapKey', 'keys/unwrap/action'],
  sign: ['sign', 'keys/sign/action'],
  verify: ['verify', 'keys/verify/action'],
};

/** The table (first match wins; more specific paths first). */
export const DATA_ACTION_RULES: readonly Rule[] = [
  // secrets
  r('GET', '/secrets', 'secrets', 'list', 'secrets/readMetadata/action'),
  r('POST', '/secrets/restore', 'secrets', 'restore', 'secrets/restore/action'),
  r('GET', `/secrets/${N}/versions`, 'secrets', 'list', 'secrets/readMetadata/action'),
  r('POST', `/secrets/${N}/backup`, 'secrets', 'backup', 'secrets/backup/action'),
  r('PUT', `/secrets/${N}`, 'secrets', 'set', 'secrets/setSecret/action'),
  r('DELETE', `/secrets/${N}`, 'secrets', 'delete', 'secrets/delete'),
  r('GET', `/secrets/${N}${V}`, 'secrets', 'get', 'secrets/getSecret/action'),
  r('PATCH', `/secrets/${N}${V}`, 'secrets', 'set', 'secrets/update/action'),
  r('GET', '/deletedsecrets', 'secrets', 'list', 'secrets/readMetadata/action'),
  r('GET', `/deletedsecrets/${N}`, 'secrets', 'get', 'secrets/readMetadata/action'),
  r('DELETE', `/deletedsecrets/${N}`, 'secrets', 'purge', 'secrets/purge/action'),
  r('POST', `/deletedsecrets/${N}/recover`, 'secrets', 'recover', 'secrets/recover/action'),
  // keys
  r('GET', '/keys', 'keys', 'list', 'keys/read'),
  r('POST', '/keys/restore', 'keys', 'restore', 'keys/restore/action'),
  r('PUT', `/keys/${N}`, 'keys', 'import', 'keys/import/action'),
  r('DELETE', `/keys/${N}`, 'keys', 'delete', 'keys/delete'),
  r('POST', `/keys/${N}/create`, 'keys', 'create', 'keys/create/action'),
  r('POST', `/keys/${N}/rotate`, 'keys', 'rotate', 'keys/rotate/action'),
  r('POST', `/keys/${N}/backup`, 'keys', 'backup', 'keys/backup/action'),
  r('POST', `/keys/${N}${V}/release`, 'keys', 'release', 'keys/release/action'),
  r('GET', `/keys/${N}/versions`, 'keys', 'list', 'keys/read'),
  r('GET', `/keys/${N}/rotationpolicy`, 'keys', 'getrotationpolicy', 'keyrotationpolicies/read'),
  r('PUT', `/keys/${N}/rotationpolicy`, 'keys', 'setrotationpolicy', 'keyrotationpolicies/write'),
  ...Object.entries(CRYPTO).map(([op, [permission, action]]) => r('POST', `/keys/${N}/[^/]*/${op}`, 'keys', permission, action)),
  r('GET', `/keys/${N}${V}`, 'keys', 'get', 'keys/read'),
  r('PATCH', `/keys/${N}${V}`, 'keys', 'update', 'keys/update/action'),
  r('GET', '/deletedkeys', 'keys', 'list', 'keys/read'),
  r('GET', `/deletedkeys/${N}`, 'keys', 'get', 'keys/read'),
  r('DELETE', `/deletedkeys/${N}`, 'keys', 'purge', 'keys/purge/action'),
  r('POST', `/deletedkeys/${N}/recover`, 'keys', 'recover', 'keys/recover/action'),
  // certificate issuers and contacts (vault-wide; contacts read: choice)
  r('GET', '/certificates/issuers', 'certificates', 'listissuers', 'certificatecas/read'),
  r('GET', '/certificates/issuers/[^/]+', 'certificates', 'getissuers', 'certificatecas/read'),
  r('PUT', '/certificates/issuers/[^/]+', 'certificates', 'setissuers', 'certificatecas/write'),
  r('PATCH', '/certificates/issuers/[^/]+', 'certificates', 'setissuers', 'certificatecas/write'),
  r('DELETE', '/certificates/issuers/[^/]+', 'certificates', 'deleteissuers', 'certificatecas/delete'),
  r('GET', '/certificates/contacts', 'certificates', 'managecontacts', 'certificates/read'),
  r('PUT', '/certificates/contacts', 'certificates', 'managecontacts', 'certificatecontacts/write'),
  r('DELETE', '/certificates/contacts', 'certificates', 'managecontacts', 'certificatecontacts/write'),
  // certificates (pending operation and policy: choice — read, update, delete, create)
  r('GET', '/certificates', 'certificates', 'list', 'certificates/read'),
  r('POST', '/certificates/restore', 'certificates', 'restore', 'certificates/restore/action'),
  r('POST', `/certificates/${N}/create`, 'certificates', 'create', 'certificates/create/action'),
  r('POST', `/certificates/${N}/import`, 'certificates', 'import', 'certificates/import/action'),
  r('POST', `/certificates/${N}/backup`, 'certificates', 'backup', 'certificates/backup/action'),
  r('GET', `/certificates/${N}/pending`, 'certificates', 'get', 'certificates/read'),
  r('PATCH', `/certificates/${N}/pending`, 'certificates', 'update', 'certificates/update/action'),
  r('DELETE', `/certificates/${N}/pending`, 'certificates', 'delete', 'certificates/delete'),
  r('POST', `/certificates/${N}/pending/merge`, 'certificates', 'create', 'certificates/create/action'),
  r('GET', `/certificates/${N}/policy`, 'certificates', 'get', 'certificates/read'),
  r('PATCH', `/certificates/${N}/policy`, 'certificates', 'update', 'certificates/update/action'),
  r('GET', `/certificates/${N}/versions`, 'certificates', 'list', 'certificates/read'),
  r('DELETE', `/certificates/${N}`, 'certificates', 'delete', 'certificates/delete'),
  r('GET', `/certificates/${N}${V}`, 'certificates', 'get', 'certificates/read'),
  r('PATCH', `/certificates/${N}${V}`, 'certificates', 'update', 'certificates/update/action'),
  r('GET', '/deletedcertificates', 'certificates', 'list', 'certificates/read'),
  r('GET', `/deletedcertificates/${N}`, 'certificates', 'get', 'certificates/read'),
  r('DELETE', `/deletedcertificates/${N}`, 'certificates', 'purge', 'certificates/purge/action'),
  r('POST', `/deletedcertificates/${N}/recover`, 'certificates', 'recover', 'certificates/recover/action'),
];

/** The access a request needs; undefined for paths no store serves (they answer 404 as before). */
export function requiredAccess(method: string, path: string): RequiredAccess | undefined {
  for (const rule of DATA_ACTION_RULES) {
    if (rule.method !== method) continue;
    const m = rule.pattern.exec(path);
    if (!m) continue;
    const name = m.groups?.name;
    return { kind: rule.kind, permission: rule.permission, dataAction: rule.dataAction, ...(name ? { object: safeDecode(name) } : {}) };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
