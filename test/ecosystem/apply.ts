// The final text of a file after the extension's placement is applied the way VS Code applies it: the template
// as a snippet at the selection, the extra edit as plain text at its offset in the original text. Pure.
import type { Template } from '../../src/references';

/**
 * The template's text as VS Code inserts its snippet when the user accepts every default: a tab stop that appears
 * twice is one field (toSnippet writes the second as a bare `${n}`), so every occurrence shows the FIRST default.
 */
export function snippetText(template: Template): string {
  const first = new Map<number, string>();
  return template
    .map((p) => {
      if (typeof p === 'string') return p;
      if (!first.has(p.tabStop)) first.set(p.tabStop, p.text);
      return first.get(p.tabStop)!;
    })
    .join('');
}

/**
 * VS Code's SnippetSession adjusts whitespace: every line of the snippet after the first gets the leading
 * whitespace of the line the insertion starts on (up to the cursor).
 */
export function reindent(text: string, original: string, offset: number): string {
  const lineStart = original.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(original.slice(lineStart, offset))![0];
  return indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

export interface Insertion {
  readonly text: string;
  readonly offset: number;
  readonly endOffset?: number;
}

/**
 * What placeReferences returns, structurally: the template replaces the selection; the other edits are plain text at
 * offsets of the original text (`extras`; older versions of the API had one `extra`).
 */
export interface PlacementLike {
  readonly template: Template;
  readonly extra?: { readonly offset: number; readonly text: string };
  readonly extras?: readonly { readonly offset: number; readonly text: string }[];
}

/** The file after the placement: the snippet replaces offset..endOffset, each extra text goes in at its own offset. */
export function applyPlacement(original: string, at: Insertion, placement: PlacementLike): { text: string; inserted: string } {
  const end = at.endOffset ?? at.offset;
  const inserted = reindent(snippetText(placement.template), original, at.offset);
  const extras = [...(placement.extras ?? []), ...(placement.extra ? [placement.extra] : [])];
  // Order of application: from the end, so earlier offsets stay valid. At one offset the plain edits come first in
  // the text, in their order, then the snippet (VS Code applies the extra edits before the snippet at the cursor).
  const edits = [{ start: at.offset, end, text: inserted, order: extras.length }, ...extras.map((e, i) => ({ start: e.offset, end: e.offset, text: e.text, order: i }))];
  for (const e of extras) if (e.offset > at.offset && e.offset < end) throw new Error('an extra edit inside the selection');
  edits.sort((a, b) => b.start - a.start || b.order - a.order);
  let text = original;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, inserted };
}
