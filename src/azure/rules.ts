// Key Vault's rules for secrets (pure: no SDK, no vscode), checked BEFORE a request so bad input never reaches
// the service. Limits from AZURE-FACTS.md ("Objects"): names ^[0-9a-zA-Z-]{1,127}$, value ≤ 25 KB (25 × 1024
// bytes of UTF-8), content type ≤ 255 chars, ≤ 15 tags, tag name ≤ 512 chars, tag value ≤ 256 chars; tag names
// that a JavaScript object cannot hold (`__proto__`) and dates outside 1970–9999 are refused too. The checks of
// other typed inputs and files live here too when a command would otherwise keep them inline (a name prefix, a
// value file, a certificate file), so test/unit/bad-input.test.ts reaches every message.
// Messages never quote a value.
import * as l10n from '@vscode/l10n';
import { pemHasPrivateKey } from './certificateParse';

export const SECRET_NAME_PATTERN = /^[0-9a-zA-Z-]{1,127}$/;
export const MAX_NAME_LENGTH = 127;
export const MAX_SECRET_VALUE_BYTES = 25 * 1024;
export const MAX_CONTENT_TYPE_LENGTH = 255;
export const MAX_TAGS = 15;
export const MAX_TAG_NAME_LENGTH = 512;
export const MAX_TAG_VALUE_LENGTH = 256;

export type Tags = Readonly<Record<string, string>>;

/** Why a secret name is refused, or undefined when it is valid. */
export function checkSecretName(name: string): string | undefined {
  if (name.length === 0) return l10n.t('Enter a name.');
  if (name.length > MAX_NAME_LENGTH) return l10n.t('A name has at most {0} characters (this one has {1}).', MAX_NAME_LENGTH, name.length);
  if (!SECRET_NAME_PATTERN.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[0-9a-zA-Z-]/.test(c)))].map((c) => (c === ' ' ? l10n.t('space') : `"${c}"`));
    return l10n.t('A name may contain only letters, digits and hyphens (not {0}).', bad.join(', '));
  }
  return undefined;
}

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Why a secret value is refused (never quoting it), or undefined. */
export function checkSecretValue(value: string): string | undefined {
  if (value.length === 0) return l10n.t('A secret value cannot be empty.');
  const bytes = utf8Bytes(value);
  if (bytes > MAX_SECRET_VALUE_BYTES) {
    return l10n.t('The value is {0}; Key Vault accepts at most 25 KB ({1} bytes of UTF-8).', formatBytes(bytes), MAX_SECRET_VALUE_BYTES.toLocaleString('en-US'));
  }
  return undefined;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? l10n.t('{0} bytes', bytes) : l10n.t('{0} KB ({1} bytes)', (bytes / 1024).toFixed(1), bytes.toLocaleString('en-US'));
}

export function checkContentType(contentType: string): string | undefined {
  if (contentType.length > MAX_CONTENT_TYPE_LENGTH) {
    return l10n.t('A content type has at most {0} characters (this one has {1}).', MAX_CONTENT_TYPE_LENGTH, contentType.length);
  }
  return undefined;
}

export function checkTagName(name: string): string | undefined {
  if (name.trim().length === 0) return l10n.t('A tag needs a name.');
  // A JavaScript object (the tag map the SDK sends) takes `__proto__` as its prototype, not as a key: the tag
  // would vanish without a word. Refused instead.
  if (name.trim() === '__proto__') return l10n.t('A tag cannot be named "{0}": the Azure SDK for JavaScript cannot send it. Choose another name.', '__proto__');
  if (name.length > MAX_TAG_NAME_LENGTH) return l10n.t('A tag name has at most {0} characters (this one has {1}).', MAX_TAG_NAME_LENGTH, name.length);
  return undefined;
}

export function checkTagValue(name: string, value: string): string | undefined {
  if (value.length > MAX_TAG_VALUE_LENGTH) {
    return l10n.t('The value of tag "{0}" has {1} characters; at most {2} are allowed.', shorten(name), value.length, MAX_TAG_VALUE_LENGTH);
  }
  return undefined;
}

export function checkTags(tags: Tags): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) return l10n.t('A secret has at most {0} tags (this would be {1}).', MAX_TAGS, entries.length);
  for (const [k, v] of entries) {
    const problem = checkTagName(k) ?? checkTagValue(k, v);
    if (problem) return problem;
  }
  return undefined;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Tags typed on one line: `env=prod, owner=team a` (comma-separated `name=value`; a value may be empty;
 * whitespace around names and values is trimmed). Empty input: no tags.
 */
export function parseTags(input: string): Parsed<Record<string, string>> {
  const tags: Record<string, string> = {};
  const text = input.trim();
  if (!text) return { ok: true, value: tags };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: l10n.t('Write each tag as name=value ("{0}" has no "=").', shorten(part.trim())) };
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (Object.prototype.hasOwnProperty.call(tags, name)) return { ok: false, reason: l10n.t('The tag "{0}" is given twice.', shorten(name)) };
    const problem = checkTagName(name) ?? checkTagValue(name, value);
    if (problem) return { ok: false, reason: problem };
    tags[name] = value;
  }
  const problem = checkTags(tags);
  return problem ? { ok: false, reason: problem } : { ok: true, value: tags };
}

export function formatTags(tags: Tags | undefined): string {
  return Object.entries(tags ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
}

const DAY_MS = 86_400_000;

/**
 * The dates Key Vault objects may carry: the REST API's `nbf`/`exp` are IntDates, seconds since
 * 1970-01-01T00:00:00Z, and the tools that read them back stop at the end of year 9999 (.NET's DateTime.MaxValue in
 * PowerShell and the portal, Python's datetime.MAXYEAR in the Azure CLI, ISO 8601's four-digit years in our own
 * date input) — a later expiry would be stored but break every other reader of the object.
 */
export const MIN_DATE = new Date(Date.UTC(1970, 0, 1));
export const MAX_DATE = new Date(Date.UTC(9999, 11, 31, 23, 59, 59));

/** The date if Key Vault and the tools around it can hold it; `text` is what the user typed. */
function inRange(d: Date, text: string): Parsed<Date> {
  if (Number.isNaN(d.getTime()) || d.getTime() > MAX_DATE.getTime()) {
    const shown = Number.isNaN(d.getTime()) ? text : d.toISOString();
    return { ok: false, reason: l10n.t('{0} is too far ahead: Key Vault dates end with the year 9999, the last one Azure tools (the CLI, PowerShell, the portal) can read.', shown) };
  }
  if (d.getTime() < MIN_DATE.getTime()) return { ok: false, reason: l10n.t('{0} is too early: Key Vault dates count seconds from 1970-01-01 (UTC).', d.toISOString()) };
  return { ok: true, value: d };
}

/**
 * A date typed by the user: `2026-05-01`, an ISO date-time, or relative `+90d`, `+12w`, `+6m`, `+1y`, `+8h`.
 * A bare date means midnight UTC. Empty input: no date (undefined).
 */
export function parseDateInput(input: string, now: number): Parsed<Date | undefined> {
  const text = input.trim();
  if (!text) return { ok: true, value: undefined };
  const rel = /^\+(\d{1,5})\s*([hdwmy])$/i.exec(text);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.toLowerCase();
    const d = new Date(now);
    if (unit === 'h') return inRange(new Date(now + n * 3_600_000), text);
    if (unit === 'd') return inRange(new Date(now + n * DAY_MS), text);
    if (unit === 'w') return inRange(new Date(now + n * 7 * DAY_MS), text);
    if (unit === 'm') d.setUTCMonth(d.getUTCMonth() + n);
    else d.setUTCFullYear(d.getUTCFullYear() + n);
    return inRange(d, text);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)) return inRange(d, text);
    return { ok: false, reason: l10n.t('{0} is not a calendar date.', text) };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return inRange(d, text);
  }
  return { ok: false, reason: l10n.t('Enter a date as YYYY-MM-DD, an ISO date-time, or relative like +90d, +6m, +1y (empty: none).') };
}

/** Checks a not-before / expiry pair: expiry after activation; an expiry in the past is refused. */
export function checkValidity(notBefore: Date | undefined, expiresOn: Date | undefined, now: number): string | undefined {
  if (expiresOn && expiresOn.getTime() <= now) return l10n.t('The expiry {0} is in the past.', expiresOn.toISOString());
  if (notBefore && expiresOn && expiresOn.getTime() <= notBefore.getTime()) return l10n.t('The expiry must be after the activation date (not before).');
  return undefined;
}

/**
 * Whether a deleted object of this recovery level may be purged now: levels without "+Purgeable"
 * (Recoverable, CustomizedRecoverable, …+ProtectedSubscription) mean purge protection is on.
 */
export function purgeAllowed(recoveryLevel: string | undefined): boolean | undefined {
  if (!recoveryLevel) return undefined;
  return /Purgeable$/.test(recoveryLevel);
}

/** Whether deleting an object of this recovery level is permanent (the vault has no soft delete). */
export function deleteIsPermanent(recoveryLevel: string | undefined): boolean | undefined {
  if (!recoveryLevel) return undefined;
  return recoveryLevel === 'Purgeable';
}

/** Filter…: a name prefix (empty clears the filter). */
export function checkNamePrefix(prefix: string): string | undefined {
  return /^[0-9a-zA-Z-]*$/.test(prefix) ? undefined : l10n.t('Names contain only letters, digits and hyphens');
}

/** A value file bigger than this is refused before it is read (its text could still shrink to 25 KB, not more). */
export const MAX_VALUE_FILE_BYTES = MAX_SECRET_VALUE_BYTES * 4;

/** Why a value file of `size` bytes is refused before it is read, or undefined. `file` is its name. */
export function checkValueFileSize(file: string, size: number): string | undefined {
  return size > MAX_VALUE_FILE_BYTES ? l10n.t('{0} is {1}; a secret value is at most 25 KB.', file, formatBytes(size)) : undefined;
}

/**
 * A secret value read from a file: UTF-8 text (binary is refused: Key Vault stores text), without the one line
 * break a one-line file (a password, a token) usually ends with, within the value rules.
 */
export function secretValueFromFile(file: string, bytes: Uint8Array): Parsed<string> {
  const tooBig = checkValueFileSize(file, bytes.length);
  if (tooBig) return { ok: false, reason: tooBig };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: l10n.t('{0} is not UTF-8 text. Key Vault stores text: base64-encode binary content (or import a certificate as a certificate).', file) };
  }
  if (/^[^\n]*\r?\n$/.test(text)) text = text.replace(/\r?\n$/, '');
  const problem = checkSecretValue(text);
  return problem ? { ok: false, reason: `${file}: ${problem}` } : { ok: true, value: text };
}

/** Import Certificate takes files up to this size (a PFX or PEM chain is a few KB). */
export const MAX_CERTIFICATE_FILE_BYTES = 200 * 1024;

/** PEM when the file is text with a BEGIN line, PFX otherwise (by content, not by extension). */
export function certificateFileFormat(bytes: Uint8Array): 'pem' | 'pfx' {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1')) ? 'pem' : 'pfx';
}

/** Why Import Certificate refuses a file before anything is sent, or undefined. */
export function checkCertificateFile(bytes: Uint8Array, format: 'pem' | 'pfx'): string | undefined {
  if (format === 'pem' && !pemHasPrivateKey(Buffer.from(bytes).toString('utf8'))) {
    return l10n.t('This PEM file has no private key: Key Vault imports a certificate together with its key (PRIVATE KEY block, then the certificate). Nothing was sent.');
  }
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) return l10n.t('The file is larger than 200 KB: not a certificate Key Vault can import. Nothing was sent.');
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
