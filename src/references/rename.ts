// Rewriting references for Rename Secret (Key Vault has no rename: the new name is a new secret holding the old
// one's current value). Every format writes the object's name once, in one span (FoundReference.nameStart/nameEnd):
// an App Service `SecretName=` or the name segment of `SecretUri=…/secrets/{name}`, an ARM parameter's
// `"secretName"`, Bicep `getSecret('name')`, the fourth argument of `az.getSecret(…)`, a Terraform data source's
// `name`, a URI's name segment (App Configuration, plain text) — secret names are letters, digits and hyphens, so
// the new name needs no quoting or escaping in any of them and the file stays valid for its own parser. A .NET
// configuration key writes the name with `:` for `--` (`ConnectionStrings:Db` is the secret `ConnectionStrings--Db`).
//
// Two formats carry the name further than the reference, and the rename keeps what the file does working:
// - Azure Pipelines: an `AzureKeyVault@…` task makes each SecretsFilter name the variable `$(name)`. Renaming the
//   entry renames the variable, so the file's uses of it — `$(old)` macros and `variables['old']` in runtime
//   expressions (case-insensitive, as variable names are) — are renamed with it. Uses in other files (templates
//   that receive the variable) are not known to the parser: the Refactor Preview shows what is renamed.
// - CSI SecretProviderClass: the object is mounted as a file named after `objectAlias`, else `objectName` (and
//   `secretObjects[].data[].objectName` names that file). An item without an alias gets `objectAlias: <old name>`
//   on the line after its objectName, so the pod keeps the same file and synced Kubernetes secrets keep working.
//
// A reference pinned to a version: the old name's current version is copied, so a pin to THAT version moves to the
// new secret's version (same value: what the reference resolves to does not change). A pin to any other version is
// left alone — that value exists only under the old name, and a rewrite would silently change what the file reads.
// Pure: no vscode.
import { dotnetKeyOf } from './names';
import type { FoundReference } from './types';
import { escapeRegExp, versionSpan, type TextReplacement } from './versionEdits';

export interface RenameSpec {
  readonly newName: string;
  /** The old name's current version (the one copied) and the new secret's version: pins to `fromVersion` move to `toVersion`. */
  readonly fromVersion?: string;
  readonly toVersion?: string;
}

/** Why a reference is not rewritten. */
export type KeptReason =
  /** Pinned to a version the new name does not have (an older one, or one that does not exist). */
  | 'pinnedOtherVersion'
  /** The text at the reference's name (or version) is not what the reference says: the file changed since it was read. */
  | 'textChanged';

export type RenameOutcome =
  | { readonly rewrite: true; readonly edits: readonly TextReplacement[]; readonly repinned: boolean }
  | { readonly rewrite: false; readonly reason: KeptReason };

/** How the reference writes the name: the name itself, or its .NET configuration key; undefined when neither. */
function writtenName(written: string, name: string, newName: string): string | undefined {
  if (written.toLowerCase() === name.toLowerCase()) return newName;
  if (name.includes('--') && written.toLowerCase() === dotnetKeyOf(name).toLowerCase()) return dotnetKeyOf(newName);
  return undefined;
}

/** The edits a reference's rename brings along (see the top of this file): pipeline variable uses, a CSI alias. */
function followers(text: string, ref: FoundReference, newName: string): TextReplacement[] {
  const old = text.slice(ref.nameStart, ref.nameEnd);
  if (ref.format === 'azurePipelines') {
    const name = escapeRegExp(old);
    const uses = new RegExp(String.raw`(?<=\$\()${name}(?=\))|(?<=\bvariables\[\s*(['"]))${name}(?=\1\s*\])`, 'gi');
    return [...text.matchAll(uses)].filter((m) => m.index !== ref.nameStart).map((m) => ({ start: m.index, end: m.index + old.length, newText: newName }));
  }
  if (ref.format === 'csi' && !/^[ \t]*objectAlias[ \t]*:[ \t]*['"]?[^\s'"#]/m.test(text.slice(ref.start, ref.end))) {
    const lineStart = text.lastIndexOf('\n', ref.nameStart - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const eol = /\r?\n/.exec(text.slice(ref.nameEnd));
    // A line of its own after the objectName line (after its text when no line break follows).
    if (!eol) return [{ start: text.length, end: text.length, newText: `\n${indent}objectAlias: ${old}` }];
    const at = ref.nameEnd + eol.index + eol[0].length;
    return [{ start: at, end: at, newText: `${indent}objectAlias: ${old}${eol[0]}` }];
  }
  return [];
}

/** The edits that make one reference name `spec.newName` (and move its pin), or why it stays as it is. */
export function renameReference(text: string, ref: FoundReference, spec: RenameSpec): RenameOutcome {
  const pinned = ref.version?.toLowerCase();
  const from = spec.fromVersion?.toLowerCase();
  const repin = pinned !== undefined && from !== undefined && pinned === from && spec.toVersion !== undefined;
  if (pinned !== undefined && !repin) return { rewrite: false, reason: 'pinnedOtherVersion' };
  const newText = writtenName(text.slice(ref.nameStart, ref.nameEnd), ref.name, spec.newName);
  if (newText === undefined) return { rewrite: false, reason: 'textChanged' };
  const edits: TextReplacement[] = [{ start: ref.nameStart, end: ref.nameEnd, newText }, ...followers(text, ref, newText)];
  if (repin) {
    const span = versionSpan(text, ref);
    if (!span || (span.start < ref.nameEnd && span.end > ref.nameStart)) return { rewrite: false, reason: 'textChanged' };
    const written = text.slice(span.start, span.end);
    const upper = written === written.toUpperCase() && written !== written.toLowerCase();
    edits.push({ ...span, newText: upper ? spec.toVersion.toUpperCase() : spec.toVersion.toLowerCase() });
  }
  edits.sort((a, b) => a.start - b.start);
  return { rewrite: true, edits, repinned: repin };
}

export interface FileRename {
  /** Every edit of the file, sorted by offset, none overlapping. */
  readonly edits: readonly TextReplacement[];
  /** The references rewritten (each with its own edits) and those left alone, with why. */
  readonly rewritten: readonly { readonly ref: FoundReference; readonly edits: readonly TextReplacement[]; readonly repinned: boolean }[];
  readonly kept: readonly { readonly ref: FoundReference; readonly reason: KeptReason }[];
}

/** The rename of every given reference of one file's text (references that overlap another are kept: 'textChanged'). */
export function renameInText(text: string, refs: readonly FoundReference[], spec: RenameSpec): FileRename {
  const rewritten: { ref: FoundReference; edits: readonly TextReplacement[]; repinned: boolean }[] = [];
  const kept: { ref: FoundReference; reason: KeptReason }[] = [];
  const taken: TextReplacement[] = [];
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    const outcome = renameReference(text, ref, spec);
    if (!outcome.rewrite) {
      kept.push({ ref, reason: outcome.reason });
      continue;
    }
    // Two entries of one variable (two tasks of the same vault) bring the same variable uses: made once.
    const edits = outcome.edits.filter((e) => !taken.some((t) => t.start === e.start && t.end === e.end && t.newText === e.newText));
    if (edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)))) {
      kept.push({ ref, reason: 'textChanged' });
      continue;
    }
    taken.push(...edits);
    rewritten.push({ ref, edits, repinned: outcome.repinned });
  }
  return { edits: taken.sort((a, b) => a.start - b.start), rewritten, kept };
}

/** The text with the replacements made (tests, and what a preview would show). */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
