// Helpers every data-plane store shares: names, versions, tags, recovery levels and paging (maxresults/$skiptoken).
import { randomBytes } from 'node:crypto';
import { badParameter } from './errors';
import type { EmuRequest, VaultContext } from './types';

export const OBJECT_NAME = /^[0-9a-zA-Z-]{1,127}$/;
export const VERSION_ID = /^[0-9a-f]{32}$/;
export const MAX_PAGE = 25;

/** Throws the service's 400 for a name outside `^[0-9a-zA-Z-]{1,127}$`. */
export function checkName(name: string): void {
  if (!OBJECT_NAME.test(name)) {
    throw badParameter(`The request URI contains an invalid name: ${name}`);
  }
}

/** 32 lowercase hex characters. */
export function newVersionId(): string {
  return randomBytes(16).toString('hex');
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
}

/** Validates the writable part of `attributes` in a request body. */
export function checkAttributes(attributes: unknown): AttributeInput {
  if (attributes === undefined || attributes === null) {
    return {};
  }
  if (typeof attributes !== 'object' || Array.isArray(attributes)) {
    throw badParameter('The attributes parameter must be an object.');
  }
  const a = attributes as Record<string, unknown>;
  const out: AttributeInput = {};
  if (a.enabled !== undefined && a.enabled !== null) {
    if (typeof a.enabled !== 'boolean') throw badParameter("Property 'attributes.enabled' must be a boolean.");
    out.enabled = a.enabled;
  }
  for (const k of ['nbf', 'exp'] as const) {
    const v = a[k];
    if (v !== undefined && v !== null) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw badParameter(`Property 'attributes.${k}' must be an integer (Unix seconds).`);
      out[k] = v;
    }
  }
  return out;
}

/** `maxresults` (1–25, default 25). */
export function pageSize(req: EmuRequest): number {
  const raw = req.query.get('maxresults');
  if (raw === null || raw === '') {
    return MAX_PAGE;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badParameter(`Invalid value '${raw}' for parameter maxresults. The value must be between 1 and ${MAX_PAGE}.`);
  }
  return n;
}

function encodeMarker(key: string): string {
  return Buffer.from(JSON.stringify({ NextMarker: key, TargetLocation: 0 })).toString('base64url');
}

function decodeMarker(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { NextMarker?: unknown };
    if (typeof parsed.NextMarker === 'string') {
      return parsed.NextMarker;
    }
  } catch {
    // fall through
  }
  throw badParameter('The $skiptoken parameter is invalid.');
}

/** Index of the first key strictly greater than `key` in an ascending array. */
function upperBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Page<T> {
  value: T[];
  nextLink: string | null;
}

/**
 * One page over `keys` (ascending, unique). `pick` returns the item for a key, or undefined to skip it. The next
 * link carries api-version, $skiptoken (the last key returned) and maxresults when the caller gave it.
 */
export function paginate<T>(
  req: EmuRequest,
  ctx: VaultContext,
  keys: readonly string[],
  pick: (key: string) => T | undefined,
): Page<T> {
  const max = pageSize(req);
  const token = req.query.get('$skiptoken');
  let i = token ? upperBound(keys, decodeMarker(token)) : 0;
  const value: T[] = [];
  let lastKey: string | undefined;
  for (; i < keys.length && value.length < max; i++) {
    const item = pick(keys[i]!);
    if (item !== undefined) {
      value.push(item);
      lastKey = keys[i];
    }
  }
  let more = false;
  for (; i < keys.length && !more; i++) {
    more = pick(keys[i]!) !== undefined;
  }
  if (!more || lastKey === undefined) {
    return { value, nextLink: null };
  }
  const params = new URLSearchParams();
  params.set('api-version', req.query.get('api-version') ?? '');
  const link = `${ctx.url}${req.path}?${params.toString()}&$skiptoken=${encodeMarker(lastKey)}`;
  const given = req.query.get('maxresults');
  return { value, nextLink: given ? `${link}&maxresults=${max}` : link };
}
