// Applies a placement to text as the editor does (src/editor/apply.ts): the extras at offsets of the original text,
// then the template at the selection, its later lines indented like the insertion line (VS Code re-indents a
// snippet that way). `|` marks the cursor.
import { placeReferences, toText, type FormatId, type Placement, type ReferenceTarget } from '../../src/references';

export function applyPlacement(text: string, offset: number, end: number, p: Placement): string {
  const extras = [...(p.extras ?? [])].sort((a, b) => a.offset - b.offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  const template = toText(p.template).replace(/\n/g, `\n${indent}`);
  let out = '';
  let pos = 0;
  for (const x of extras.filter((e) => e.offset <= offset)) {
    out += text.slice(pos, x.offset) + x.text;
    pos = x.offset;
  }
  out += text.slice(pos, offset) + template;
  pos = end;
  for (const x of extras.filter((e) => e.offset > offset)) {
    out += text.slice(pos, x.offset) + x.text;
    pos = x.offset;
  }
  return out + text.slice(pos);
}

/** The file after inserting `targets` in `format` at the `|` of `marked`. */
export function insert(marked: string, path: string, format: FormatId, targets: readonly ReferenceTarget[], languageId = 'plaintext'): { text: string; placement: Placement } {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const placement = placeReferences({ text, offset, languageId, path }, format, targets);
  return { text: applyPlacement(text, offset, offset, placement), placement };
}
