// What the tools say back (pure: no vscode, unit-tested): one line per object with its name and metadata — never a
// value — and every answer bounded: at most `cap` rows, then how many were left out.
import type { ItemProperties, ObjectKind } from '../../azure/model';

/** The most rows a tool answers with unless the model asks for fewer (or up to maxRowsLimit more). */
export const defaultMaxRows = 50;
export const maxRowsLimit = 200;
/** The longest answer, in characters, whatever the rows: the rest is cut and said so. */
export const maxResultChars = 20_000;

/** `rows` up to `cap`, then one line saying how many more there were (and how to narrow). */
export function bounded(rows: readonly string[], cap: number, narrow = 'narrow the query'): string[] {
  if (rows.length <= cap) return [...rows];
  return [...rows.slice(0, cap), `… ${rows.length - cap} more not shown (${narrow}).`];
}

/** The whole answer, cut at maxResultChars on a line boundary (saying so). */
export function joinBounded(lines: readonly string[], limit = maxResultChars): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (size + line.length + 1 > limit) {
      out.push(`… answer cut: ${lines.length - i} more lines not shown (narrow the query).`);
      break;
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

const day = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Tags as `k=v` pairs (bounded: a tag value is metadata, but a long one is cut). */
function tagText(tags: Readonly<Record<string, string>> | undefined): string | undefined {
  const entries = Object.entries(tags ?? {});
  if (entries.length === 0) return undefined;
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  return entries.slice(0, 10).map(([k, v]) => `${cut(k)}=${cut(v)}`).join(', ') + (entries.length > 10 ? `, … ${entries.length - 10} more` : '');
}

/** One object as a line: `- secret "name" — enabled, content type x, expires 2026-12-31 (in 25 days), tags a=b`. Never a value. */
export function itemRow(item: ItemProperties, now: number, vaultName?: string): string {
  const parts: string[] = [item.enabled === false ? 'disabled' : 'enabled'];
  if (item.contentType) parts.push(`content type ${item.contentType}`);
  if (item.keyType) parts.push(`key type ${item.keyType}`);
  if (item.expiresOn) {
    const days = Math.ceil((item.expiresOn.getTime() - now) / day);
    parts.push(days < 0 ? `expired ${isoDate(item.expiresOn)} (${-days} days ago)` : `expires ${isoDate(item.expiresOn)} (in ${days} days)`);
  }
  if (item.notBefore && item.notBefore.getTime() > now) parts.push(`not active before ${isoDate(item.notBefore)}`);
  if (item.managed) parts.push('managed by the certificate of the same name');
  const tags = tagText(item.tags);
  if (tags) parts.push(`tags ${tags}`);
  if (item.updatedOn) parts.push(`updated ${isoDate(item.updatedOn)}`);
  return `- ${item.kind} "${item.name}"${vaultName ? ` in vault ${vaultName}` : ''} — ${parts.join(', ')}`;
}

/** Whether the name contains `text` (case-insensitive; no text: every name). */
export function nameMatches(name: string, text: string | undefined): boolean {
  return !text || name.toLowerCase().includes(text.toLowerCase());
}

/** `tag` is `key` (the tag is set) or `key=value` (case-insensitive key, exact value); no tag: everything. */
export function tagMatches(tags: Readonly<Record<string, string>> | undefined, tag: string | undefined): boolean {
  if (!tag) return true;
  const eq = tag.indexOf('=');
  const key = (eq < 0 ? tag : tag.slice(0, eq)).trim().toLowerCase();
  const value = eq < 0 ? undefined : tag.slice(eq + 1).trim();
  return Object.entries(tags ?? {}).some(([k, v]) => k.toLowerCase() === key && (value === undefined || v === value));
}

/** Expired, or expiring within `days` of `now` (objects a certificate manages are left out: it stands for them). */
export function expiringWithin(items: readonly ItemProperties[], now: number, days: number): ItemProperties[] {
  return items
    .filter((i) => !i.managed && i.expiresOn !== undefined && i.expiresOn.getTime() <= now + days * day)
    .sort((a, b) => a.expiresOn!.getTime() - b.expiresOn!.getTime() || a.name.localeCompare(b.name));
}

/** `secret` → `secrets`… for sentences. */
export function plural(kind: ObjectKind): string {
  return `${kind}s`;
}
