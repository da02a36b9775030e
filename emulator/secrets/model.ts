// Secret records and the JSON shapes the service returns for them (SecretBundle, SecretItem, Deleted*).
import { recoveryAttributes } from '../objects';
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

export interface SecretAttributesJson {
  enabled: boolean;
  nbf?: number;
  exp?: number;
  created: number;
  updated: number;
  recoveryLevel: string;
  recoverableDays?: number;
}

export interface SecretBundleJson {
  value?: string;
  id: string;
  contentType?: string;
  attributes: SecretAttributesJson;
  tags?: Record<string, string>;
  kid?: string;
  managed?: boolean;
}

export interface DeletedSecretBundleJson extends SecretBundleJson {
  recoveryId?: string;
  deletedDate?: number;
  scheduledPurgeDate?: number;
}

export function latest(entry: SecretEntry): SecretVersionRecord {
  const v = entry.versions[entry.versions.length - 1];
  if (!v) {
    throw new Error(`secret ${entry.name} has no versions`);
  }
  return v;
}

export function attributesJson(ctx: VaultContext, v: SecretVersionRecord): SecretAttributesJson {
  return {
    enabled: v.enabled,
    ...(v.nbf !== undefined ? { nbf: v.nbf } : {}),
    ...(v.exp !== undefined ? { exp: v.exp } : {}),
    created: v.created,
    updated: v.updated,
    ...recoveryAttributes(ctx),
  };
}

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

function deletion(ctx: VaultContext, entry: SecretEntry): Pick<DeletedSecretBundleJson, 'recoveryId' | 'deletedDate' | 'scheduledPurgeDate'> {
  if (entry.deletedDate === undefined) {
    return {};
  }
  return {
    recoveryId: `${ctx.url}/deletedsecrets/${entry.name}`,
    deletedDate: entry.deletedDate,
    ...(entry.scheduledPurgeDate !== undefined ? { scheduledPurgeDate: entry.scheduledPurgeDate } : {}),
  };
}

export function deletedBundleJson(ctx: VaultContext, entry: SecretEntry): DeletedSecretBundleJson {
  return { ...deletion(ctx, entry), ...bundleJson(ctx, entry, latest(entry), false) };
}

export function deletedItemJson(ctx: VaultContext, entry: SecretEntry): DeletedSecretBundleJson {
  return { ...deletion(ctx, entry), ...itemJson(ctx, entry, latest(entry), false) };
}

export function secretNotFound(name: string, version?: string): string {
  const what = version ? `${name}/${version}` : name;
  return `A secret with (name/id) ${what} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`;
}
