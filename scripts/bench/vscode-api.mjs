// Reads node_modules/@types/vscode/index.d.ts into a small model of the runtime API surface, for the
// `vscode` stand-in of the benchmark (scripts/bench/vscode-stub.mjs):
//   { consts: {name: type}, namespaces: {ns: {functions: {name: returnType}, values: {name: type}}},
//     classes: {C: {extends, statics: {name: type|'()=>T'}, methods: {name: returnType}, props: {name: type}}},
//     enums: {E: {Member: value}}, interfaces: {I: {extends: [...], methods: {...}, props: {...}}} }
// Types are kept as text (e.g. `Thenable<string | undefined>`); the stand-in turns them into values.
import fs from 'node:fs';
import path from 'node:path';

export function readVscodeApi(root) {
  const file = path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts');
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  const start = text.indexOf("declare module 'vscode'");
  const open = text.indexOf('{', start);
  const body = text.slice(open + 1, matchingClose(text, open));
  const model = { consts: {}, namespaces: {}, classes: {}, enums: {}, interfaces: {} };
  for (const decl of declarations(body)) {
    if (decl.kind === 'const') model.consts[decl.name] = decl.type;
    else if (decl.kind === 'enum') model.enums[decl.name] = parseEnum(decl.body);
    else if (decl.kind === 'namespace') model.namespaces[decl.name] = parseNamespace(decl.body);
    else if (decl.kind === 'class' || decl.kind === 'interface') {
      const members = parseMembers(decl.body);
      if (decl.kind === 'class') model.classes[decl.name] = { extends: decl.extends[0], ...members };
      else model.interfaces[decl.name] = { extends: decl.extends, methods: members.methods, props: members.props };
    }
  }
  return model;
}

/** Counts of what the stand-in exports at the top level and inside namespaces. */
export function apiWidth(model) {
  const nsMembers = Object.values(model.namespaces).reduce((n, ns) => n + Object.keys(ns.functions).length + Object.keys(ns.values).length, 0);
  const top = Object.keys(model.consts).length + Object.keys(model.namespaces).length + Object.keys(model.classes).length + Object.keys(model.enums).length;
  return { topLevel: top, namespaceMembers: nsMembers, interfaces: Object.keys(model.interfaces).length };
}

function stripComments(s) {
  return s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

function matchingClose(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces at ${open}`);
}

/** Top-level `export …` declarations of a module or namespace body (nested blocks skipped). */
function* declarations(body) {
  const re = /export\s+(?:declare\s+)?(namespace|class|interface|enum|const|let|function|type)\s+(\w+)/g;
  let m;
  while ((m = re.exec(body))) {
    const [, kind, name] = m;
    if (kind === 'const' || kind === 'let' || kind === 'function' || kind === 'type') {
      const end = statementEnd(body, m.index);
      const text = body.slice(m.index, end);
      if (kind === 'const' || kind === 'let') yield { kind: 'const', name, type: afterColon(text.slice(m[0].length)) };
      else if (kind === 'function') yield { kind, name, type: returnType(text.slice(m[0].length)) };
      re.lastIndex = end;
      continue;
    }
    const open = body.indexOf('{', m.index);
    const head = stripTypeParams(body.slice(m.index + m[0].length, open));
    const close = matchingClose(body, open);
    const ext = /extends\s+([^{]+?)(?:\s+implements|$)/.exec(head.trim());
    yield { kind, name, body: body.slice(open + 1, close), extends: ext ? splitTop(ext[1], ',').map(baseName) : [] };
    re.lastIndex = close + 1;
  }
}

/** Index of the `;` ending the statement starting at `from` (ignoring `;` inside (), {}, []). */
function statementEnd(s, from) {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ';' && depth === 0) return i;
  }
  return s.length;
}

function splitTop(s, sep) {
  const parts = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ('({[<'.includes(c)) depth++;
    else if (')}]'.includes(c) || (c === '>' && s[i - 1] !== '=')) depth--;
    if (c === sep && depth === 0) (parts.push(cur.trim()), (cur = ''));
    else cur += c;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

export function baseName(type) {
  return type.trim().replace(/^readonly\s+/, '').replace(/<[\s\S]*$/, '').trim();
}

/** `<T extends X = Y> extends Base` → ` extends Base`. */
function stripTypeParams(head) {
  const s = head.trimStart();
  if (!s.startsWith('<')) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>' && s[i - 1] !== '=' && --depth === 0) return s.slice(i + 1);
  }
  return s;
}

function afterColon(rest) {
  const i = rest.indexOf(':');
  return i < 0 ? 'any' : rest.slice(i + 1).trim();
}

/** `name<T>(a: X, b: (y) => Z): R` → `R` (text after the parameter list's closing parenthesis). */
function returnType(sig) {
  const open = sig.indexOf('(');
  let depth = 0;
  for (let i = open; i < sig.length; i++) {
    if (sig[i] === '(') depth++;
    else if (sig[i] === ')' && --depth === 0) return afterColon(sig.slice(i + 1));
  }
  return 'void';
}

function parseEnum(body) {
  const out = {};
  let next = 0;
  for (const part of splitTop(body, ',')) {
    const m = /^(\w+)\s*(?:=\s*(.+))?$/.exec(part.trim());
    if (!m) continue;
    const value = m[2] === undefined ? next : /^['"]/.test(m[2]) ? m[2].slice(1, -1) : Number(m[2]);
    out[m[1]] = value;
    if (typeof value === 'number') next = value + 1;
  }
  return out;
}

function parseNamespace(body) {
  const ns = { functions: {}, values: {} };
  for (const decl of declarations(body)) {
    if (decl.kind === 'function') ns.functions[decl.name] = ns.functions[decl.name] ? `${ns.functions[decl.name]} | ${decl.type}` : decl.type;
    else if (decl.kind === 'const') ns.values[decl.name] = decl.type;
  }
  return ns;
}

/** Members of a class or interface body: methods (by return type), properties and statics (by type). */
function parseMembers(body) {
  const out = { methods: {}, props: {}, statics: {}, ctor: [] };
  let i = 0;
  while (i < body.length) {
    const end = statementEnd(body, i);
    const member = body.slice(i, end).trim();
    i = end + 1;
    const m = /^(static\s+)?(?:readonly\s+)?(?:(get|set)\s+)?(\w+)\??\s*(<[^(]*?>)?\s*([(:])/.exec(member);
    if (m && m[3] === 'constructor') out.ctor.push(paramNames(member.slice(m[0].length)));
    if (!m || m[3] === 'constructor') continue;
    const [, isStatic, accessor, name, , sep] = m;
    const isMethod = sep === '(' && !accessor;
    const type = sep === '(' ? returnType(member.slice(m.index + m[0].length - 1)) : afterColon(member.slice(m[0].length - 1));
    if (accessor === 'set') continue;
    if (isStatic) out.statics[name] = isMethod ? `()=>${type}` : type;
    else if (isMethod) out.methods[name] ??= type;
    else out.props[name] = type;
  }
  return out;
}

/** `a: X, b?: (y: Z) => W, ...rest: V[])…` → ['a', 'b', 'rest'] (names at the top level of the parameter list). */
function paramNames(params) {
  const names = [];
  let depth = 0;
  let expectName = true;
  for (let i = 0; i < params.length && depth >= 0; i++) {
    const c = params[i];
    if ('({[<'.includes(c)) depth++;
    else if (')}]'.includes(c) || (c === '>' && params[i - 1] !== '=')) depth--;
    else if (depth === 0 && c === ',') expectName = true;
    else if (depth === 0 && expectName && /[A-Za-z_$]/.test(c)) {
      const name = /^[\w$]+/.exec(params.slice(i))[0];
      names.push(name);
      i += name.length - 1;
      expectName = false;
    }
  }
  return names;
}
