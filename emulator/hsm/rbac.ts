// Managed HSM local RBAC: the built-in roles (learn.microsoft.com/azure/key-vault/managed-hsm/built-in-roles), the
// data action each keys request needs, and the check. A Managed HSM ignores Azure RBAC and access policies for its
// data plane: only its own role assignments count, at scope `/` (or `/keys`: every key) or `/keys/{name}`.
// The initial administrators get "Managed HSM Administrator", which grants no key operation (as the service).
import { randomUUID } from 'node:crypto';
import { EmuError } from '../errors';
import type { HsmRoleAssignment } from './model';

const K = 'Microsoft.KeyVault/managedHsm/keys';

export const ACTIONS = {
  read: `${K}/read/action`,
  write: `${K}/write/action`,
  create: `${K}/create`,
  delete: `${K}/delete`,
  import: `${K}/import/action`,
  export: `${K}/export/action`,
  backup: `${K}/backup/action`,
  restore: `${K}/restore/action`,
  encrypt: `${K}/encrypt/action`,
  decrypt: `${K}/decrypt/action`,
  wrap: `${K}/wrap/action`,
  unwrap: `${K}/unwrap/action`,
  sign: `${K}/sign/action`,
  verify: `${K}/verify/action`,
  deletedRead: `${K}/deletedKeys/read/action`,
  deletedRecover: `${K}/deletedKeys/recover/action`,
  deletedPurge: `${K}/deletedKeys/delete`,
} as const;

type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

interface BuiltInRole {
  readonly id: string;
  readonly name: string;
  readonly actions: readonly Action[];
}

const A = ACTIONS;
const CRYPTO_USER: readonly Action[] = [
  A.read, A.write, A.create, A.delete, A.import, A.backup, A.restore,
  A.encrypt, A.decrypt, A.wrap, A.unwrap, A.sign, A.verify, A.deletedRead,
];

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  { id: 'a290e904-7015-4bba-90c8-60543313cdb4', name: 'Managed HSM Administrator', actions: [] },
  { id: '515eb02d-2335-4d2d-92f2-b1cbdf9c3778', name: 'Managed HSM Crypto Officer', actions: [A.read, A.deletedRead, A.deletedRecover, A.deletedPurge, A.export] },
  { id: '21dbd100-6940-42c2-9190-5d6cb909625b', name: 'Managed HSM Crypto User', actions: CRYPTO_USER },
  { id: '4bd23610-cdcf-4971-bdee-bdc562cc28e4', name: 'Managed HSM Policy Administrator', actions: [] },
  { id: '2c18b078-7c48-4d3a-af88-5a3a1b3f82b3', name: 'Managed HSM Crypto Auditor', actions: [A.read, A.deletedRead] },
  { id: '33413926-3206-4cdd-b39a-83574fe37a17', name: 'Managed HSM Crypto Service Encryption User', actions: [A.read, A.wrap, A.unwrap] },
  { id: '7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8', name: 'Managed HSM Backup', actions: [A.read, A.backup] },
];

export const ADMINISTRATOR_ROLE_ID = 'a290e904-7015-4bba-90c8-60543313cdb4';

/** A built-in role by name or id (case-insensitive), or undefined. */
export function findRole(nameOrId: string): BuiltInRole | undefined {
  const key = nameOrId.toLowerCase();
  return BUILT_IN_ROLES.find((r) => r.id === key || r.name.toLowerCase() === key);
}

/** `/`, `/keys` or `/keys/{name}` (a trailing slash is dropped). */
export function isScope(scope: string): boolean {
  return /^\/(?:keys(?:\/[0-9a-zA-Z-]{1,127})?)?$/i.test(scope.replace(/(.)\/+$/, '$1'));
}

export interface RequiredAccess {
  readonly action: Action;
  /** `/keys` for collection operations, `/keys/{name}` for operations on a key. */
  readonly scope: string;
}

const OPERATION: Readonly<Record<string, Action>> = {
  encrypt: A.encrypt, decrypt: A.decrypt, wrapkey: A.wrap, unwrapkey: A.unwrap, sign: A.sign, verify: A.verify,
};

/** The data action and scope a keys request needs; undefined for paths that are not keys routes (they 404). */
export function requiredAccess(method: string, path: string): RequiredAccess | undefined {
  const segs = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const [root, name, ...rest] = segs;
  const last = (rest[rest.length - 1] ?? '').toLowerCase();
  const onKey = (action: Action): RequiredAccess => ({ action, scope: `/keys/${name ?? ''}` });
  const onKeys = (action: Action): RequiredAccess => ({ action, scope: '/keys' });
  switch ((root ?? '').toLowerCase()) {
    case 'keys':
      if (name === undefined) return method === 'GET' ? onKeys(A.read) : undefined;
      if (name.toLowerCase() === 'restore' && rest.length === 0 && method === 'POST') return onKeys(A.restore);
      if (method === 'PUT' && rest.length === 0) return onKeys(A.import);
      if (method === 'DELETE') return onKey(A.delete);
      if (method === 'PATCH') return onKey(A.write);
      if (method === 'GET') return onKey(A.read);
      if (method === 'PUT' && last === 'rotationpolicy') return onKey(A.write);
      if (method === 'POST' && last === 'create') return onKeys(A.create);
      if (method === 'POST' && last === 'rotate') return onKey(A.create);
      if (method === 'POST' && last === 'backup') return onKey(A.backup);
      if (method === 'POST' && OPERATION[last] !== undefined) return onKey(OPERATION[last]);
      return undefined;
    case 'deletedkeys':
      if (name === undefined) return method === 'GET' ? onKeys(A.deletedRead) : undefined;
      if (method === 'GET') return onKey(A.deletedRead);
      if (method === 'DELETE') return onKey(A.deletedPurge);
      if (method === 'POST' && last === 'recover') return onKey(A.deletedRecover);
      return undefined;
    default:
      return undefined;
  }
}

function covers(assignmentScope: string, requested: string): boolean {
  const a = assignmentScope.replace(/(.)\/+$/, '$1').toLowerCase();
  return a === '/' || a === '/keys' || a === requested.toLowerCase();
}

/** Whether `objectId` holds a role granting `need` (at `/`, `/keys`, or the key's own scope). */
export function isAllowed(assignments: readonly HsmRoleAssignment[], objectId: string, need: RequiredAccess): boolean {
  return assignments.some(
    (a) => a.objectId.toLowerCase() === objectId.toLowerCase() && covers(a.scope, need.scope) && (findRole(a.roleId)?.actions.includes(need.action) ?? false),
  );
}

/** The service's answer to a caller without the role: 403 `AccessDenied`, naming the data action and scope. */
export function accessDenied(need: RequiredAccess): EmuError {
  return new EmuError(403, 'AccessDenied', `Not authorized to access ${need.action} on '${need.scope}' (Activity ID: ${randomUUID()})`);
}
