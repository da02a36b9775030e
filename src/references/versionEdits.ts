// Moving references pinned to one version of an object to another version (after a rotation): where each reference
// writes its version, and the edits that replace it. Every format that pins a version writes it once inside the
// reference's own text — the last segment of an object URI (App Service SecretUri, App Configuration, plain URIs),
// `SecretVersion=` of an App Service setting, `"secretVersion"` of an ARM parameter reference, the second argument
// of Bicep `getSecret`, the fifth of `az.getSecret`, the `version` attribute of a Terraform data source, a CSI
// item's `objectVersion`, `--version` of an `az keyvault … show` command — so the
// span is found by the version's own text within the reference (a whole token: not part of a longer word).
// Pure: no vscode.
import type { FoundReference } from './types';

/** A replacement of `text.slice(start, end)` by `newText` (offsets into the file's text, UTF-16). */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the reference writes its pinned version (offsets into `text`); undefined when it pins none or the version
 * is not in its text. When the version shows more than once in the reference (a comment inside a Terraform block),
 * the first occurrence after the object's name wins, else the first.
 */
export function versionSpan(text: string, ref: FoundReference): { start: number; end: number } | undefined {
  if (!ref.version) return undefined;
  const body = text.slice(ref.start, ref.end);
  const pattern = new RegExp(`(?<![0-9A-Za-z_-])${escapeRegExp(ref.version)}(?![0-9A-Za-z_-])`, 'gi');
  const hits = [...body.matchAll(pattern)].map((m) => ref.start + m.index);
  const at = hits.find((h) => h >= ref.nameEnd) ?? hits[0];
  return at === undefined ? undefined : { start: at, end: at + ref.version.length };
}

/**
 * The edits that move every reference of `refs` pinned to version `from` to version `to` (versions compare
 * case-insensitively; the new one is written in the case the old one was written: all upper case stays upper case).
 * References pinned to another version, or to none, are left alone. Sorted by offset, never overlapping.
 */
export function versionEdits(text: string, refs: readonly FoundReference[], from: string, to: string): TextReplacement[] {
  const old = from.toLowerCase();
  const edits: TextReplacement[] = [];
  for (const ref of refs) {
    if (ref.version?.toLowerCase() !== old) continue;
    const span = versionSpan(text, ref);
    if (!span) continue;
    const written = text.slice(span.start, span.end);
    const upper = written === written.toUpperCase() && written !== written.toLowerCase();
    edits.push({ ...span, newText: upper ? to.toUpperCase() : to.toLowerCase() });
  }
  edits.sort((a, b) => a.start - b.start);
  return edits.filter((e, i) => i === 0 || e.start >= edits[i - 1]!.end);
}
