// The JSON shown in a key's read-only details document: attributes and the PUBLIC key only (pure), and the
// helpers every read-only JSON document of keys and certificates uses.
import type { KeyDetails, RotationPolicy } from '../../azure/keyModel';

/** `o` without its undefined members (and, with `dropEmptyArrays`, without its empty arrays). */
export function compact<T extends object>(o: T, dropEmptyArrays = false): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(dropEmptyArrays && Array.isArray(v) && v.length === 0))) as T;
}

/** ISO date-time (UTC) for documents, or undefined. */
export function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

export function keyDocument(k: KeyDetails, vaultName: string): Record<string, unknown> {
  return compact({
    name: k.name,
    vault: vaultName,
    id: k.id,
    version: k.version,
    keyType: k.keyType,
    hsmBacked: k.hsm,
    keySize: k.keySize,
    curve: k.curve,
    allowedOperations: k.operations,
    enabled: k.enabled,
    activation: iso(k.notBefore),
    expiration: iso(k.expiresOn),
    created: iso(k.createdOn),
    updated: iso(k.updatedOn),
    managedByCertificate: k.managed,
    exportable: k.exportable,
    recoveryLevel: k.recoveryLevel,
    recoverableDays: k.recoverableDays,
    tags: k.tags,
    publicKeyJwk: k.publicJwk,
  });
}

export function rotationPolicyDocument(name: string, vaultName: string, p: RotationPolicy): Record<string, unknown> {
  return compact({
    key: name,
    vault: vaultName,
    lifetimeActions: p.lifetimeActions.map((a) => compact({ action: a.action, timeAfterCreate: a.timeAfterCreate, timeBeforeExpiry: a.timeBeforeExpiry })),
    expiryTime: p.expiryTime,
    created: iso(p.createdOn),
    updated: iso(p.updatedOn),
  });
}

export const toJson = (o: unknown): string => `${JSON.stringify(o, null, 2)}\n`;
