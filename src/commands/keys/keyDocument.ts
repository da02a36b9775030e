// The JSON of a key's read-only details document (attributes and the PUBLIC key only) and of its rotation policy
// (pure).
import type { KeyDetails, RotationPolicy } from '../../azure/keyModel';
import { compact, iso } from '../items/documents';

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
