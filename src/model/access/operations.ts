// What a signed-in user may do to each kind of object in a vault (pure; issue 22): the operations the extension's
// commands need, and a capability table of allowed / denied / unknown for each kind and operation.
import type { ObjectKind } from '../../azure/model';

/**
 * The data-plane operations commands need: `list` names and attributes, `read` the value (a secret's value, a key's
 * public material, a certificate), `write` create / new version / update attributes, `listDeleted` the deleted
 * listing, `crypto` encrypt / decrypt / sign / verify with a key (keys only).
 */
export type AccessOperation = 'list' | 'read' | 'write' | 'delete' | 'listDeleted' | 'recover' | 'purge' | 'backup' | 'restore' | 'crypto';

export const ACCESS_OPERATIONS: readonly AccessOperation[] = ['list', 'read', 'write', 'delete', 'listDeleted', 'recover', 'purge', 'backup', 'restore', 'crypto'];

export const OBJECT_KINDS: readonly ObjectKind[] = ['secret', 'key', 'certificate'];

/** true allowed, false denied, undefined unknown. */
export type Allowed = boolean | undefined;

export type KindAccess = Readonly<Record<AccessOperation, Allowed>>;

export type VaultCapabilities = Readonly<Record<ObjectKind, KindAccess>>;

/** Whether `op` means anything for `kind`: `crypto` is for keys only (it stays undefined for the other kinds). */
export function applicable(kind: ObjectKind, op: AccessOperation): boolean {
  return op !== 'crypto' || kind === 'key';
}

/** The operations that mean something for `kind`, in ACCESS_OPERATIONS order. */
export function applicableOperations(kind: ObjectKind): AccessOperation[] {
  return ACCESS_OPERATIONS.filter((op) => applicable(kind, op));
}

/** A capability table from a decision per kind and operation (not-applicable operations stay undefined). */
export function buildCapabilities(decide: (kind: ObjectKind, op: AccessOperation) => Allowed): VaultCapabilities {
  const forKind = (kind: ObjectKind): KindAccess =>
    Object.fromEntries(ACCESS_OPERATIONS.map((op) => [op, applicable(kind, op) ? decide(kind, op) : undefined])) as Record<AccessOperation, Allowed>;
  return { secret: forKind('secret'), key: forKind('key'), certificate: forKind('certificate') };
}

export const UNKNOWN_CAPABILITIES: VaultCapabilities = buildCapabilities(() => undefined);
