// References found across the workspace, as the workspace index keeps them (pure: no vscode). A reference is matched
// to an object by its vault (URL origin, or name — with subscription and resource group when the reference gives
// them) and its kind and name (case-insensitive, as Key Vault names are); a pinned version matches only that
// version when the query names one. Loaded with the references bundle (src/references/lazy.ts): import types only
// from code of the main bundle.
import type { FoundReference, ObjectKind } from './types';

/** A 0-based line/character range (UTF-16 characters, as VS Code counts them). */
export interface LineRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** One reference in one file of the workspace: where it is (0-based line/character, UTF-16) and its line as preview. */
export interface IndexedReference {
  /** The file's URI, as a string (`file:///…`). */
  readonly file: string;
  readonly ref: FoundReference;
  readonly range: LineRange;
  /** The object's name span (what a rename rewrites, what diagnostics underline). */
  readonly nameRange: LineRange;
  /** The reference's line, trimmed and bounded (≤ 200 characters): the References view's preview. Never a value. */
  readonly preview: string;
}

/** An object (or one version of it) whose references are wanted. */
export interface ObjectQuery {
  readonly vaultUrl: string;
  readonly vaultName: string;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly kind: ObjectKind;
  readonly name: string;
  /** Only references pinned to this version. */
  readonly version?: string;
}

/** Longest preview line. */
export const PREVIEW_MAX = 200;

const originOf = (url: string): string => {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return url.replace(/\/+$/, '').toLowerCase();
  }
};

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The kinds of reference that reach an object of `kind`: a certificate is also read through its secret (App
 * Service, App Configuration, CSI `objectType: secret`) and its key, both of the certificate's name.
 */
export function referenceKindsOf(kind: ObjectKind): readonly ObjectKind[] {
  return kind === 'certificate' ? ['certificate', 'secret', 'key'] : [kind];
}

/** Whether a reference's vault is the query's vault: by URL origin, or by name (subscription and group when both sides give them). */
export function sameVault(ref: FoundReference, query: ObjectQuery): boolean {
  const v = ref.vault;
  if (v.by === 'url') return originOf(v.url) === originOf(query.vaultUrl);
  if (!sameText(v.name, query.vaultName)) return false;
  if (v.subscriptionId && query.subscriptionId && !sameText(v.subscriptionId, query.subscriptionId)) return false;
  if (v.resourceGroup && query.resourceGroup && !sameText(v.resourceGroup, query.resourceGroup)) return false;
  return true;
}

/**
 * Whether a reference points at the queried object: same vault, a kind that reaches it, same name; with a version
 * in the query, only references pinned to that version (an unpinned reference follows the current version).
 */
export function refersTo(ref: FoundReference, query: ObjectQuery): boolean {
  if (!sameText(ref.name, query.name) || !referenceKindsOf(query.kind).includes(ref.kind)) return false;
  if (query.version !== undefined && (ref.version === undefined || !sameText(ref.version, query.version))) return false;
  return sameVault(ref, query);
}

/** The offset at which each line starts (line 0 at 0); `\r\n`, `\n` and `\r` end lines, as VS Code counts them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line and character of an offset (binary search over `lineStarts`). */
export function positionAt(starts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** The offset of a 0-based line and character (clamped to the text). */
export function offsetAt(starts: readonly number[], line: number, character: number, textLength: number): number {
  if (line >= starts.length) return textLength;
  return Math.min(textLength, starts[Math.max(0, line)]! + Math.max(0, character));
}

/** A line of the text without its line break, trimmed and bounded to PREVIEW_MAX characters (kept around `at`, a character of the line). */
export function previewOf(text: string, starts: readonly number[], line: number, at = 0): string {
  const start = starts[line] ?? text.length;
  const next = starts[line + 1] ?? text.length;
  const raw = text.slice(start, next).replace(/[\r\n]+$/, '');
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed.length <= PREVIEW_MAX) return trimmed;
  // A long line (minified JSON): the part around the reference.
  const from = Math.max(0, Math.min(trimmed.length - PREVIEW_MAX, at - lead - PREVIEW_MAX / 4));
  return `${from > 0 ? '…' : ''}${trimmed.slice(from, from + PREVIEW_MAX - 2)}…`;
}

const rangeOf = (starts: readonly number[], start: number, end: number): LineRange => {
  const s = positionAt(starts, start);
  const e = positionAt(starts, end);
  return { startLine: s.line, startCharacter: s.character, endLine: e.line, endCharacter: e.character };
};

/**
 * Whether the text may hold a reference at all (what every pattern of the parser needs: an object URI's collection,
 * `KeyVault` — App Service's `@Microsoft.KeyVault(`, a CSI class's `keyvaultName`, Azure Pipelines' `AzureKeyVault@`,
 * `az keyvault … show` —, `getSecret`, `secretName`, a Terraform Key Vault type, the short form `kv://`). Most files
 * of a workspace mention none of them: they are not parsed.
 */
export function mayReference(text: string): boolean {
  return /\/(?:secrets|keys|certificates)\/|keyvault|getsecret|secretname|azurerm_key_vault|kv:\/\//i.test(text);
}

/** The references `found` in a file's text, with line/character ranges and their line as preview. */
export function indexText(file: string, text: string, found: readonly FoundReference[]): IndexedReference[] {
  if (found.length === 0) return [];
  const starts = lineStarts(text);
  return found.map((ref) => {
    const range = rangeOf(starts, ref.start, ref.end);
    return { file, ref, range, nameRange: rangeOf(starts, ref.nameStart, ref.nameEnd), preview: previewOf(text, starts, range.startLine, range.startCharacter) };
  });
}

/** Sorts by file, then position (the References view's order). */
export function byFileAndPosition(a: IndexedReference, b: IndexedReference): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter;
}

/** The references to an object among `refs`, sorted by file then position. */
export function referencesTo(refs: Iterable<IndexedReference>, query: ObjectQuery): IndexedReference[] {
  const out: IndexedReference[] = [];
  for (const r of refs) if (refersTo(r.ref, query)) out.push(r);
  return out.sort(byFileAndPosition);
}

/** How many distinct files hold references to the object. */
export function filesUsing(refs: Iterable<IndexedReference>, query: ObjectQuery): number {
  const files = new Set<string>();
  for (const r of refs) if (refersTo(r.ref, query)) files.add(r.file);
  return files.size;
}

/** The key the index groups references under (the object's name, lower case): a query looks at one bucket. */
export const nameKey = (name: string): string => name.toLowerCase();
