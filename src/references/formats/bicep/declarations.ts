// What a Bicep file declares, read with a scanner that knows Bicep's lexical rules (comments `//` `/* */`, strings
// `'…'` with `\` escapes and `${…}` interpolation, multi-line `'''…'''`): every symbol of the file's one namespace
// (param, var, resource, module, output, type, func, metadata, imports — a second declaration of a name is error
// BCP028, learn.microsoft.com/azure/azure-resource-manager/bicep/diagnostics/bcp028) and its Key Vault resources.
// No Bicep parser exists on npm (bicep-node only downloads the Bicep CLI from GitHub at run time).

/** The text with comments and string contents blanked (same length, line breaks kept): code only. */
export function codeOnly(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      blank(i, end < 0 ? text.length : end + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      blank(i + 3, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 3;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'" && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else i++;
  }
  return out.join('');
}

const declaration = /^[ \t]*(?:@[\w.]+(?:\([^)\n]*\))?[ \t]*)*(param|var|resource|module|output|type|func|metadata)[ \t]+([A-Za-z_]\w*)/gm;

/** Every symbol the file declares, lower case (Bicep compares them case-insensitively for BCP028's purpose here). */
export function bicepDeclaredSymbols(text: string): Set<string> {
  const code = codeOnly(text);
  const symbols = new Set<string>();
  for (const m of code.matchAll(declaration)) symbols.add(m[2]!.toLowerCase());
  // import {a, b as c} from '…' · import * as ns from '…' · extension x as alias
  for (const m of code.matchAll(/^[ \t]*import[ \t]*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const name = /(?:\bas\s+)?([A-Za-z_]\w*)\s*$/.exec(part.trim())?.[1];
      if (name) symbols.add(name.toLowerCase());
    }
  }
  for (const m of code.matchAll(/^[ \t]*(?:import|extension|provider)\b[^\n]*?\bas[ \t]+([A-Za-z_]\w*)/gm)) symbols.add(m[1]!.toLowerCase());
  return symbols;
}

export interface BicepVault {
  readonly symbol: string;
  readonly existing: boolean;
  /** The vault's name when `name:` is a string literal (no interpolation); undefined for `name: someParam`. */
  readonly name?: string;
  /** The body `{ … }` as written. */
  readonly body: string;
}

/** The top-level `key: value` lines of a body (`{ … }`), values as written. */
function topLevelProperties(body: string): Map<string, string> {
  const code = codeOnly(body);
  const props = new Map<string, string>();
  let depth = 0;
  let lineStart = 0;
  let startDepth = 0;
  for (let i = 0; i <= code.length; i++) {
    const c = code[i];
    if (c === '\n' || i === code.length) {
      // a property line of the body itself: inside its braces, or on the opening line (`{ name: 'x' }`)
      const m = /^[\s{]*([A-Za-z_]\w*)\s*:/.exec(code.slice(lineStart, i));
      if (m && (startDepth === 1 || lineStart === 0) && !props.has(m[1]!)) props.set(m[1]!, body.slice(lineStart + m[0].length, i).trim().replace(/\s*\}$/, ''));
      lineStart = i + 1;
      startDepth = depth;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
  }
  return props;
}

/** `resource S 'Microsoft.KeyVault/vaults@…' [existing] = { … }`, anywhere in the file (nested ones too). */
export function bicepVaults(text: string): BicepVault[] {
  const code = codeOnly(text);
  const vaults: BicepVault[] = [];
  for (const m of code.matchAll(/\bresource[ \t]+([A-Za-z_]\w*)[ \t]+'/g)) {
    const head = /^resource[ \t]+[A-Za-z_]\w*[ \t]+'Microsoft\.KeyVault\/vaults@[^']*'\s*(existing\s*)?=\s*\{/i.exec(text.slice(m.index));
    if (!head) continue;
    const open = m.index + head[0].length - 1;
    let depth = 0;
    let end = open;
    for (; end < code.length; end++) {
      if (code[end] === '{') depth++;
      else if (code[end] === '}' && --depth === 0) break;
    }
    const body = text.slice(open, end + 1);
    const literal = /^'([^'\\$]*)'$/.exec(topLevelProperties(body).get('name') ?? '')?.[1];
    vaults.push({ symbol: m[1]!, existing: Boolean(head[1]), ...(literal ? { name: literal } : {}), body });
  }
  return vaults;
}

/** `scope: resourceGroup('sub', 'rg')` or `resourceGroup('rg')` of a body. */
export function bicepScope(body: string): { sub?: string; rg?: string } {
  const scope = /^resourceGroup\(\s*'([^']+)'\s*(?:,\s*'([^']+)'\s*)?\)/.exec(topLevelProperties(body).get('scope') ?? '');
  if (!scope) return {};
  return scope[2] ? { sub: scope[1]!, rg: scope[2] } : { rg: scope[1]! };
}

/** The innermost bracket around an offset: `{` with the property it is the value of (`params: {`), or `[`/`(`. */
export interface BicepBlock {
  readonly bracket: '{' | '[' | '(';
  readonly open: number;
  /** The offset of the closing bracket (the text's end when it is unclosed). */
  readonly close: number;
  readonly key?: string;
  /** The top-level property names of a `{ … }` block. */
  readonly keys: readonly string[];
}

export function bicepBlockAt(text: string, offset: number): BicepBlock | undefined {
  const code = codeOnly(text);
  const stack: number[] = [];
  for (let i = 0; i < offset && i < code.length; i++) {
    if ('{[('.includes(code[i]!)) stack.push(i);
    else if ('}])'.includes(code[i]!)) stack.pop();
  }
  const open = stack[stack.length - 1];
  if (open === undefined) return undefined;
  let depth = 0;
  let close = open;
  for (; close < code.length; close++) {
    if ('{[('.includes(code[close]!)) depth++;
    else if ('}])'.includes(code[close]!) && --depth === 0) break;
  }
  const bracket = code[open] as '{' | '[' | '(';
  const key = /([A-Za-z_]\w*)\s*:\s*$/.exec(code.slice(0, open))?.[1];
  const keys = bracket === '{' ? [...topLevelProperties(text.slice(open, close + 1)).keys()] : [];
  return { bracket, open, close: Math.min(close, text.length), ...(key ? { key } : {}), keys };
}
