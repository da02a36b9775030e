// What every data-plane store shares about its objects: names, version ids, request bodies, tags and attributes
// in requests; the current or a named version; the attribute and deletion fields of the JSON it returns.
import { randomBytes } from 'node:crypto';
import { badParameter, objectNotFound, type ObjectKind } from './errors';
import type { VaultContext } from './types';

export const OBJECT_NAME = /^[0-9a-zA-Z-]{1,127}$/;
export const VERSION_ID = /^[0-9a-f]{32}$/;

export type Json = Record<string, unknown>;

/** Throws the service's 400 for a name outside `^[0-9a-zA-Z-]{1,127}$`; returns the name. */
export function checkName(name: string | undefined): string {
  if (name === undefined || !OBJECT_NAME.test(name)) {
    throw badParameter(`The request URI contains an invalid name: ${String(name).slice(0, 130)}`);
  }
  return name;
}

/** 32 lowercase hex characters. */
export function newVersionId(): string {
  return randomBytes(16).toString('hex');
}

/** `value` as a JSON object; absent (undefined/null) gives `{}`. */
export function asObject(value: unknown, what = 'The request body'): Json {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badParameter(`${what} must be a JSON object.`);
  }
  return value as Json;
}

/** Tags: at most 15, names ≤ 512 chars, values ≤ 256 chars, all strings. */
export function checkTags(tags: unknown): Record<string, string> | undefined {
  if (tags === undefined || tags === null) {
    return undefined;
  }
  if (typeof tags !== 'object' || Array.isArray(tags)) {
    throw badParameter('The tags parameter must be an object of string values.');
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 15) {
    throw badParameter(`The number of tags (${entries.length}) exceeds the maximum of 15.`);
  }
  for (const [k, v] of entries) {
    if (typeof v !== 'string') {
      throw badParameter(`The value of tag '${k}' must be a string.`);
    }
    if (k.length > 512) {
      throw badParameter('A tag name exceeds the maximum length of 512 characters.');
    }
    if (v.length > 256) {
      throw badParameter(`The value of tag '${k}' exceeds the maximum length of 256 characters.`);
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

export interface AttributeInput {
  enabled?: boolean;
  nbf?: number;
  exp?: number;
  /** Keys only. */
  exportable?: boolean;
}

function flag(a: Json, k: 'enabled' | 'exportable'): boolean | undefined {
  const v = a[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badParameter(`Property 'attributes.${k}' must be a boolean.`);
  return v;
}

/**
 * Validates the writable part of `attributes` in a request body: `enabled`, `nbf` and `exp` (integer Unix seconds),
 * and `exportable` where the kind has it (keys). Absent or null fields stay unset.
 */
export function checkAttributes(attributes: unknown, options: { exportable?: boolean } = {}): AttributeInput {
  if (attributes === undefined || attributes === null) {
    return {};
  }
  if (typeof attributes !== 'object' || Array.isArray(attributes)) {
    throw badParameter('The attributes parameter must be an object.');
  }
  const a = attributes as Json;
  const out: AttributeInput = {};
  const enabled = flag(a, 'enabled');
  if (enabled !== undefined) out.enabled = enabled;
  const exportable = options.exportable ? flag(a, 'exportable') : undefined;
  if (exportable !== undefined) out.exportable = exportable;
  for (const k of ['nbf', 'exp'] as const) {
    const v = a[k];
    if (v !== undefined && v !== null) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw badParameter(`Property 'attributes.${k}' must be an integer (Unix seconds).`);
      out[k] = v;
    }
  }
  return out;
}

/** The current (last created) version of an object. */
export function latest<V>(entry: { readonly name: string; readonly versions: readonly V[] }): V {
  const v = entry.versions[entry.versions.length - 1];
  if (v === undefined) {
    throw new Error(`${entry.name} has no versions`);
  }
  return v;
}

/** The version a request names (any case; empty or absent: the current one), or 404 `{Kind}NotFound`. */
export function versionOf<V extends { readonly version: string }>(
  kind: ObjectKind,
  entry: { readonly name: string; readonly versions: readonly V[] },
  version: string | undefined,
): V {
  if (!version) {
    return latest(entry);
  }
  const v = entry.versions.find((x) => x.version === version.toLowerCase());
  if (v === undefined) {
    throw objectNotFound(kind, entry.name, version);
  }
  return v;
}

/** The recovery fields of `attributes` for a vault's soft-delete configuration. */
export function recoveryAttributes(ctx: VaultContext): { recoveryLevel: string; recoverableDays?: number } {
  if (!ctx.softDeleteEnabled) {
    return { recoveryLevel: 'Purgeable' };
  }
  const days = ctx.softDeleteRetentionInDays;
  const custom = days < 90 ? 'CustomizedRecoverable' : 'Recoverable';
  return { recoveryLevel: ctx.purgeProtectionEnabled ? custom : `${custom}+Purgeable`, recoverableDays: days };
}

/** What a version stores of its `attributes` (Unix seconds). */
export interface StoredAttributes {
  readonly enabled: boolean;
  readonly nbf?: number;
  readonly exp?: number;
  readonly created: number;
  readonly updated: number;
}

export interface AttributesJson {
  enabled: boolean;
  nbf?: number;
  exp?: number;
  created: number;
  updated: number;
  recoveryLevel: string;
  recoverableDays?: number;
}

/** `attributes` of a bundle or list item: the version's flags and times, then the vault's recovery fields. */
export function attributesJson(ctx: VaultContext, a: StoredAttributes): AttributesJson {
  return {
    enabled: a.enabled,
    ...(a.nbf !== undefined ? { nbf: a.nbf } : {}),
    ...(a.exp !== undefined ? { exp: a.exp } : {}),
    created: a.created,
    updated: a.updated,
    ...recoveryAttributes(ctx),
  };
}

/** When the service purges an object deleted at `deletedDate` (Unix seconds): after the vault's retention. */
export function scheduledPurgeDate(ctx: VaultContext, deletedDate: number): number {
  return deletedDate + ctx.softDeleteRetentionInDays * 86400;
}

export interface DeletionJson {
  recoveryId?: string;
  deletedDate?: number;
  scheduledPurgeDate?: number;
}

/** The fields a deleted object's JSON adds (`/deletedsecrets/{name}` …); nothing while it is not deleted. */
export function deletionJson(
  ctx: VaultContext,
  kind: ObjectKind,
  name: string,
  dates: { readonly deletedDate?: number; readonly scheduledPurgeDate?: number },
): DeletionJson {
  if (dates.deletedDate === undefined) {
    return {};
  }
  return {
    recoveryId: `${ctx.url}/deleted${kind.toLowerCase()}s/${name}`,
    deletedDate: dates.deletedDate,
    ...(dates.scheduledPurgeDate !== undefined ? { scheduledPurgeDate: dates.scheduledPurgeDate } : {}),
  };
}
