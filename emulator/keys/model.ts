// Stored shapes of keys and their JSON forms (KeyBundle, KeyItem, DeletedKeyBundle, DeletedKeyItem).
import type { KeyObject } from 'node:crypto';
import { attributesJson, deletionJson, latest } from '../objects';
import type { VaultContext } from '../types';
import type { KeyType } from './material';
import type { StoredRotationPolicy } from './rotation';

export interface StoredKeyAttributes {
  enabled: boolean;
  /** Unix seconds. */
  nbf?: number;
  exp?: number;
  readonly created: number;
  updated: number;
  exportable: boolean;
}

export interface KeyVersion {
  readonly version: string;
  readonly kty: KeyType;
  readonly privateKey: KeyObject;
  /** Public parts only (kty, n, e / crv, x, y). */
  readonly publicJwk: Readonly<Record<string, string>>;
  keyOps: string[];
  attributes: StoredKeyAttributes;
  tags: Record<string, string> | undefined;
  releasePolicy: unknown;
}

export interface KeyEntry {
  /** As first created; lookups are case-insensitive. */
  readonly name: string;
  /** Backs a certificate of the same name. */
  readonly managed: boolean;
  /** In creation order; the last one is the current version. */
  readonly versions: KeyVersion[];
  rotationPolicy: StoredRotationPolicy | undefined;
  /** Clock ms until which a recovered key is not visible yet (recovery in progress). */
  availableAt: number | undefined;
}

export interface DeletedEntry {
  readonly entry: KeyEntry;
  /** Unix seconds. */
  readonly deletedDate: number;
  readonly scheduledPurgeDate: number;
  /** Clock ms from which the deleted key shows in the deleted list. */
  readonly visibleAt: number;
}

function keyAttributesJson(vault: VaultContext, a: StoredKeyAttributes): Record<string, unknown> {
  return { ...attributesJson(vault, a), exportable: a.exportable };
}

export function keyId(vault: VaultContext, name: string, version?: string): string {
  return version === undefined ? `${vault.url}/keys/${name}` : `${vault.url}/keys/${name}/${version}`;
}

export function keyBundleJson(vault: VaultContext, entry: KeyEntry, v: KeyVersion): Record<string, unknown> {
  const { kty, ...publicParts } = v.publicJwk;
  return {
    key: { kid: keyId(vault, entry.name, v.version), kty, key_ops: [...v.keyOps], ...publicParts },
    attributes: keyAttributesJson(vault, v.attributes),
    ...(v.tags !== undefined ? { tags: { ...v.tags } } : {}),
    ...(entry.managed ? { managed: true } : {}),
    ...(v.releasePolicy !== undefined ? { release_policy: v.releasePolicy } : {}),
  };
}

/** A list item: `withVersion` for the versions list, the base id for the keys list. */
export function keyItemJson(
  vault: VaultContext,
  entry: KeyEntry,
  v: KeyVersion,
  withVersion: boolean,
): Record<string, unknown> {
  return {
    kid: keyId(vault, entry.name, withVersion ? v.version : undefined),
    attributes: keyAttributesJson(vault, v.attributes),
    ...(v.tags !== undefined ? { tags: { ...v.tags } } : {}),
    ...(entry.managed ? { managed: true } : {}),
  };
}

export function deletedKeyBundleJson(vault: VaultContext, d: DeletedEntry): Record<string, unknown> {
  return { ...deletionJson(vault, 'Key', d.entry.name, d), ...keyBundleJson(vault, d.entry, latest(d.entry)) };
}

export function deletedKeyItemJson(vault: VaultContext, d: DeletedEntry): Record<string, unknown> {
  return { ...deletionJson(vault, 'Key', d.entry.name, d), ...keyItemJson(vault, d.entry, latest(d.entry), false) };
}
