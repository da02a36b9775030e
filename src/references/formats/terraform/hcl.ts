// A small HCL block scanner: the top-level blocks of a Terraform file (type, labels, body) and the attributes
// directly in each body, skipping strings (with `${…}` / `%{…}` templates), heredocs and comments so that a brace
// inside any of them never ends a block. Not a parser: expressions are kept as text.

export interface HclAttribute {
  readonly name: string;
  /** The expression's text (trimmed) and where it starts. */
  readonly value: string;
  readonly valueStart: number;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly start: number;
  /** After the `{` and at the `}`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** After the closing `}`. */
  readonly end: number;
  readonly attributes: readonly HclAttribute[];
}

const identifier = /[A-Za-z_][\w-]*/y;
const heredoc = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** The end of a string starting at the `"` at `i` (its templates skipped). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"' || c === '\n') return j + 1;
    else if ((c === '$' || c === '%') && text[j + 1] === c && text[j + 2] === '{') j += 2;
    else if ((c === '$' || c === '%') && text[j + 1] === '{') j = balancedEnd(text, j + 1) - 1;
  }
  return text.length;
}

/** When `i` starts a string, heredoc or comment: where it ends; otherwise undefined. */
function skipped(text: string, i: number): number | undefined {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '#' || (c === '/' && text[i + 1] === '/')) {
    const eol = text.indexOf('\n', i);
    return eol < 0 ? text.length : eol;
  }
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (c === '<' && text[i + 1] === '<') {
    heredoc.lastIndex = i;
    const m = heredoc.exec(text);
    if (m) {
      const end = new RegExp(String.raw`^[ \t]*${m[1]!}[ \t]*\r?$`, 'm');
      const rest = text.slice(i + m[0].length);
      const found = end.exec(rest);
      return found ? i + m[0].length + found.index + found[0].length : text.length;
    }
  }
  return undefined;
}

/** After the bracket matching the one at `open`. */
function balancedEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const skip = skipped(text, i);
    if (skip !== undefined) {
      i = skip;
      continue;
    }
    const c = text[i]!;
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c) && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** Where an expression starting at `i` ends: a line break outside brackets, or the body's closing brace. */
function expressionEnd(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text[i]!;
    if (c === '\n' || c === '}' || c === '#' || (c === '/' && text[i + 1] === '/')) return i;
    const skip = skipped(text, i);
    if (skip !== undefined) i = skip;
    else if ('{[('.includes(c)) i = balancedEnd(text, i);
    else i++;
  }
  return limit;
}

/** Blank space and comments from `i`. */
function skipBlank(text: string, i: number, limit: number): number {
  while (i < limit) {
    if (/\s/.test(text[i]!)) i++;
    else if (text[i] === '#' || text[i] === '/') {
      const skip = skipped(text, i);
      if (skip === undefined) return i;
      i = skip;
    } else return i;
  }
  return i;
}

/** Blocks (and, for a body, its attributes) between `from` and `limit`. */
function scan(text: string, from: number, limit: number, attributes?: HclAttribute[]): HclBlock[] {
  const blocks: HclBlock[] = [];
  let i = skipBlank(text, from, limit);
  while (i < limit) {
    identifier.lastIndex = i;
    const name = identifier.exec(text)?.[0];
    if (!name) {
      const skip = skipped(text, i);
      i = skipBlank(text, skip ?? ('{[('.includes(text[i]!) ? balancedEnd(text, i) : i + 1), limit);
      continue;
    }
    const start = i;
    i = skipBlank(text, i + name.length, limit);
    if (text[i] === '=' && text[i + 1] !== '=') {
      const valueStart = skipBlank(text, i + 1, limit);
      const end = expressionEnd(text, valueStart, limit);
      attributes?.push({ name, value: text.slice(valueStart, end).trim(), valueStart });
      i = skipBlank(text, end, limit);
      continue;
    }
    const labels: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const end = stringEnd(text, i);
        labels.push(text.slice(i + 1, end - 1));
        i = skipBlank(text, end, limit);
      } else {
        identifier.lastIndex = i;
        const label = identifier.exec(text)?.[0];
        if (!label) break;
        labels.push(label);
        i = skipBlank(text, i + label.length, limit);
      }
    }
    if (text[i] !== '{') continue;
    const end = balancedEnd(text, i);
    const body: HclAttribute[] = [];
    scan(text, i + 1, end - 1, body);
    blocks.push({ type: name, labels, start, bodyStart: i + 1, bodyEnd: end - 1, end, attributes: body });
    i = skipBlank(text, end, limit);
  }
  return blocks;
}

/** The top-level blocks of an HCL file. */
export const hclBlocks = (text: string): HclBlock[] => scan(text, 0, text.length);

/** A quoted string without templates: its text. */
export function literal(value: string | undefined): string | undefined {
  const m = /^"((?:[^"\\$%]|\\.|[$%](?!\{))*)"$/.exec(value ?? '');
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** A reference, bare or as the whole of a `"${…}"` template (Terraform 0.11 style): its text. */
export function reference(value: string | undefined): string | undefined {
  const v = /^"\$\{([^}]*)\}"$/.exec(value ?? '')?.[1] ?? value ?? '';
  return /^[A-Za-z_][\w-]*(\.[\w-]+)+$/.test(v.trim()) ? v.trim() : undefined;
}

export const attribute = (block: HclBlock, name: string): HclAttribute | undefined => block.attributes.find((a) => a.name === name);
