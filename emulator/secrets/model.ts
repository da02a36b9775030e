// Secret records and the JSON shapes the service returns for them (SecretBundle, SecretItem, Deleted*).
import { attributesJson, deletionJson, latest, type AttributesJson, type DeletionJson } from '../objects';
import type { VaultContext } from '../types';

export interface SecretVersionRecord {
  readonly version: string;
  readonly value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  nbf?: number;
  exp?: number;
  readonly created: number;
  updated: number;
  readonly managed: boolean;
  kid?: string;
}

export type SecretState = 'active' | 'deleting' | 'deleted' | 'recovering';

export interface SecretEntry {
  /** The case the secret was created with. */
  readonly name: string;
  /** Creation order; the last one is the current version. */
  versions: SecretVersionRecord[];
  state: SecretState;
  deletedDate?: number;
  scheduledPurgeDate?: number;
  /** Real-time (clock) millisecond at which a `deleting`/`recovering` state completes. */
  readyAtMs?: number;
  readonly managed: boolean;
}

export interface SecretBundleJson {
  value?: string;
  id: string;
  contentType?: string;
  attributes: AttributesJson;
  tags?: Record<string, string>;
  kid?: string;
  managed?: boolean;
}

export type DeletedSecretBundleJson = SecretBundleJson & DeletionJson;

function common(ctx: VaultContext, v: SecretVersionRecord): Omit<SecretBundleJson, 'id'> {
  return {
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {}),
    attributes: attributesJson(ctx, v),
    ...(v.tags !== undefined ? { tags: { ...v.tags } } : {}),
    ...(v.kid !== undefined ? { kid: v.kid } : {}),
    ...(v.managed ? { managed: true } : {}),
  };
}

/** A SecretBundle (`withValue` for get/set, without for update/recover/restore). */
export function bundleJson(ctx: VaultContext, entry: SecretEntry, v: SecretVersionRecord, withValue: boolean): SecretBundleJson {
  return {
    ...(withValue ? { value: v.value } : {}),
    id: `${ctx.url}/secrets/${entry.name}/${v.version}`,
    ...common(ctx, v),
  };
}

/** A SecretItem for the list of secrets (no version in the id) or of versions (with it). */
export function itemJson(ctx: VaultContext, entry: SecretEntry, v: SecretVersionRecord, withVersion: boolean): SecretBundleJson {
  return { id: `${ctx.url}/secrets/${entry.name}${withVersion ? `/${v.version}` : ''}`, ...common(ctx, v) };
}

export function deletedBundleJson(ctx: VaultContext, entry: SecretEntry): DeletedSecretBundleJson {
  return { ...deletionJson(ctx, 'Secret', entry.name, entry), ...bundleJson(ctx, entry, latest(entry), false) };
}

export function deletedItemJson(ctx: VaultContext, entry: SecretEntry): DeletedSecretBundleJson {
  return { ...deletionJson(ctx, 'Secret', entry.name, entry), ...itemJson(ctx, entry, latest(entry), false) };
}
