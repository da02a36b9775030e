// The key path of the JSON value at an offset (`{"ConnectionStrings": {"Db": "|"}}` → ["ConnectionStrings", "Db"]),
// tolerant of comments and of the document being edited (a scanner, not a parser); and the document model
// (jsonc-parser: parseTree, findNodeAtOffset, getNodePath) that the JSON formats place their entries with.
import { findNodeAtOffset, getNodePath, parseTree, type JSONPath, type Node } from 'jsonc-parser';

interface Frame {
  readonly array: boolean;
  key?: string;
  index: number;
}

export function jsonKeyPathAt(text: string, offset: number): string[] {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') j++;
        value += text[j] ?? '';
        j++;
      }
      if (j >= offset) break; // the offset is inside this string: it is the value
      lastString = value;
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top && !top.array) top.key = lastString;
    } else if (c === '{' || c === '[') {
      stack.push({ array: c === '[', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.array) top.index++;
        else top.key = undefined;
      }
    }
  }
  return stack.flatMap((f) => (f.array ? [] : f.key !== undefined ? [f.key] : []));
}

// ── The document model (jsonc-parser): where the cursor is, which keys its object has, appending to a container ──

/** The innermost object or array around an offset, its path and the tree (tolerant: comments, trailing commas). */
export interface JsonSpot {
  readonly root: Node | undefined;
  /** Undefined outside every container (an empty file, after the root's closing brace). */
  readonly container: Node | undefined;
  /** The container's path from the root (`["ConnectionStrings"]`, `["items"]`). */
  readonly path: JSONPath;
  /** The string at the offset when it is a property's key (the cursor is inside `"…"` before the colon). */
  readonly keyString: Node | undefined;
}

export function parseJsonTree(text: string): Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

const isContainer = (n: Node) => n.type === 'object' || n.type === 'array';
/** Strictly between the brackets (an unclosed container reaches the end of the text). */
function encloses(text: string, n: Node, offset: number): boolean {
  const end = n.offset + n.length;
  const closed = text[end - 1] === (n.type === 'object' ? '}' : ']');
  return offset > n.offset && (offset < end || (!closed && offset <= end));
}

export function jsonSpotAt(text: string, offset: number): JsonSpot {
  const root = parseJsonTree(text);
  if (!root) return { root, container: undefined, path: [], keyString: undefined };
  const at = findNodeAtOffset(root, offset, false) ?? (encloses(text, root, offset) ? root : undefined);
  const keyString = at?.type === 'string' && at.parent?.type === 'property' && at.parent.children?.[0] === at && offset > at.offset ? at : undefined;
  let node = at;
  while (node && !(isContainer(node) && encloses(text, node, offset))) node = node.parent;
  return { root, container: node, path: node ? getNodePath(node) : [], keyString };
}

/** The property names of an object node (none for anything else). */
export function propertyNames(node: Node | undefined): string[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).map((p) => p.children?.[0]?.value as unknown).filter((k): k is string => typeof k === 'string');
}

/** The value node of a property of an object node. */
export function propertyValue(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The file's indentation unit: the first indented line's (two spaces when nothing is indented). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/**
 * Plain text that appends rendered entries (one per string, later lines relative to the first) to an object or an
 * array: after its last child with a comma (or after the trailing comma it already has), or into an empty one.
 */
export function appendInto(text: string, container: Node, entries: readonly string[]): { offset: number; text: string } {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const outer = lineIndentAt(text, container.offset);
  const indent = last && text.lastIndexOf('\n', last.offset) > container.offset ? lineIndentAt(text, last.offset) : outer + indentUnit(text);
  const body = entries.map((e) => e.replace(/\n/g, `\n${indent}`)).join(`,\n${indent}`);
  if (last) {
    const end = last.offset + last.length;
    const comma = /^\s*,/.exec(text.slice(end));
    return comma ? { offset: end + comma[0].length, text: `\n${indent}${body}` } : { offset: end, text: `,\n${indent}${body}` };
  }
  const inner = text.slice(container.offset + 1, container.offset + container.length - 1);
  return { offset: container.offset + 1, text: `\n${indent}${body}${inner.includes('\n') ? '' : `\n${outer}`}` };
}
