// Writes a `vscode` stand-in as wide as the real API: every namespace, class, enum and constant of
// @types/vscode (read by ./vscode-api.mjs) exists at the top level, every namespace function and value exists,
// and values are made from their declared types (Event<…> → an event function returning a disposable,
// Thenable<…> → a resolved promise, interfaces → objects with their methods and properties, classes →
// instances…). So `__toESM(require("vscode"))` copies an object as wide as VS Code's, and whatever activate()
// calls does not throw. Layout written under `dir`:
//   node_modules/vscode/runtime.js  the builder (below) and the model; exports { api, make, makeInterface }
//   node_modules/vscode/index.js    `module.exports = require('./runtime.js').api`
import fs from 'node:fs';
import path from 'node:path';

export function writeVscodeStub(dir, model) {
  const pkg = path.join(dir, 'node_modules', 'vscode');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'vscode', version: '0.0.0-bench', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'runtime.js'), `'use strict';\nmodule.exports = (${runtime.toString()})(${JSON.stringify(model)});\n`);
  fs.writeFileSync(path.join(pkg, 'index.js'), `'use strict';\nmodule.exports = require('./runtime.js').api;\n`);
  return path.join(dir, 'node_modules');
}

// Serialised into runtime.js: must not use anything from this module's scope.
function runtime(model) {
  const noop = () => {};
  const prim = { string: '', number: 0, boolean: false, any: undefined, void: undefined, unknown: undefined, never: undefined, undefined: undefined, null: null, object: {}, T: undefined };
  const api = {};
  const classes = {};

  function splitUnion(type) {
    const parts = [];
    let depth = 0;
    let cur = '';
    for (let i = 0; i < type.length; i++) {
      const c = type[i];
      if ('({[<'.includes(c)) depth++;
      else if (')}]'.includes(c) || (c === '>' && type[i - 1] !== '=')) depth--;
      if (c === '|' && depth === 0) (parts.push(cur.trim()), (cur = ''));
      else cur += c;
    }
    if (cur.trim()) parts.push(cur.trim());
    return parts;
  }
  const event = () =>
    function onEvent(_listener, _thisArg, disposables) {
      const d = { dispose: noop };
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };

  /** A value of a declared type; `X | undefined` → undefined (nothing open, nothing selected, nothing set). */
  function make(type) {
    const parts = splitUnion(String(type).trim());
    if (parts.includes('undefined')) return undefined;
    const types = parts.filter((p) => p !== 'null');
    if (types.length === 0) return undefined;
    const t = types[0];
    if (/\[\]$/.test(t) || /^readonly\s/.test(t) || /^(ReadonlyArray|Array)</.test(t)) return [];
    if (t.startsWith('{')) return {};
    if (t.startsWith('(') && t.includes('=>')) return noop;
    if (/^['"]/.test(t)) return t.slice(1, -1);
    if (/^-?\d/.test(t)) return Number(t);
    const name = t.replace(/<[\s\S]*$/, '').trim();
    if (name === 'Event') return event();
    if (name === 'Thenable' || name === 'Promise') return Promise.resolve(make(t.slice(t.indexOf('<') + 1, t.lastIndexOf('>'))));
    if (name in prim) return prim[name];
    if (model.enums[name]) return Object.values(model.enums[name])[0];
    if (classes[name]) return new classes[name]();
    const interfaces = types.map((p) => p.replace(/<[\s\S]*$/, '').trim()).filter((n) => model.interfaces[n] || model.classes[n]);
    return interfaces.length ? makeInterface(interfaces) : undefined;
  }

  /** A property computed from its type on first read, replaceable by assignment. */
  function lazy(target, key, type) {
    Object.defineProperty(target, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = make(type);
        Object.defineProperty(this, key, { value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, key, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  const method = (ret) => function stub() { return make(ret); };

  function makeInterface(names, seen = new Set()) {
    const obj = {};
    const add = (name) => {
      const i = model.interfaces[name] || model.classes[name];
      if (!i || seen.has(name)) return;
      seen.add(name);
      for (const base of [].concat(i.extends || [])) add(base);
      for (const [k, ret] of Object.entries(i.methods)) obj[k] = method(ret);
      for (const [k, type] of Object.entries(i.props)) lazy(obj, k, type);
    };
    for (const n of names) add(n);
    if (names.includes('WorkspaceConfiguration')) obj.get = (_key, fallback) => fallback;
    if (names.includes('Memento')) obj.get = (_key, fallback) => fallback;
    return obj;
  }

  function defineClass(name) {
    if (classes[name]) return classes[name];
    const c = model.classes[name];
    const Base = c.extends === 'Error' ? Error : c.extends && model.classes[c.extends] ? defineClass(c.extends) : Object;
    const ctorParams = c.ctor || [];
    const cls = {
      [name]: class extends Base {
        constructor(...args) {
          super(...(Base === Error ? args.slice(0, 1) : []));
          const params = ctorParams.find((p) => p.length === args.length) || ctorParams[0] || [];
          params.forEach((p, i) => {
            if (args[i] !== undefined && p in c.props) this[p] = args[i];
          });
        }
      },
    }[name];
    for (const [k, ret] of Object.entries(c.methods)) cls.prototype[k] = method(ret);
    for (const [k, type] of Object.entries(c.props)) lazy(cls.prototype, k, type);
    for (const [k, type] of Object.entries(c.statics)) {
      if (type.startsWith('()=>')) cls[k] = method(type.slice(4));
      else lazy(cls, k, type);
    }
    return (classes[name] = cls);
  }
  for (const name of Object.keys(model.classes)) defineClass(name);

  // The few classes whose behaviour code relies on (disposing, firing, paths, positions, appending).
  classes.Disposable = class Disposable {
    constructor(fn) { this._fn = fn; }
    static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose())); }
    dispose() { if (this._fn) this._fn(), (this._fn = undefined); }
  };
  classes.EventEmitter = class EventEmitter {
    constructor() {
      this._listeners = new Set();
      this.event = (listener, thisArg, disposables) => {
        const entry = (e) => listener.call(thisArg, e);
        this._listeners.add(entry);
        const d = new classes.Disposable(() => this._listeners.delete(entry));
        if (Array.isArray(disposables)) disposables.push(d);
        return d;
      };
    }
    fire(e) { for (const l of [...this._listeners]) l(e); }
    dispose() { this._listeners.clear(); }
  };
  classes.Uri = class Uri {
    constructor(scheme, authority, path, query, fragment) { Object.assign(this, { scheme, authority: authority || '', path: path || '/', query: query || '', fragment: fragment || '' }); }
    static parse(value) {
      const m = /^([\w+.-]+):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(String(value)) || [];
      return new Uri(m[1] || 'file', m[2], m[3], m[4], m[5]);
    }
    static file(p) { return new Uri('file', '', p); }
    static from(c) { return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment); }
    static joinPath(base, ...segs) { return base.with({ path: [base.path, ...segs].join('/').replace(/\/+/g, '/') }); }
    get fsPath() { return this.path; }
    with(change) { return Uri.from({ ...this, ...change }); }
    toString() { return `${this.scheme}:${this.authority || this.scheme === 'file' ? `//${this.authority}` : ''}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`; }
    toJSON() { return { ...this }; }
  };
  classes.Position = class Position {
    constructor(line, character) { Object.assign(this, { line, character }); }
  };
  classes.Range = class Range {
    constructor(a, b, c, d) {
      this.start = typeof a === 'number' ? new classes.Position(a, b) : a;
      this.end = typeof a === 'number' ? new classes.Position(c, d) : b;
    }
  };
  classes.Selection = class Selection extends classes.Range {};
  classes.MarkdownString = class MarkdownString {
    constructor(value = '', supportThemeIcons = false) { Object.assign(this, { value, supportThemeIcons }); }
    appendText(v) { this.value += v; return this; }
    appendMarkdown(v) { this.value += v; return this; }
    appendCodeblock(v, lang = '') { this.value += `\n\`\`\`${lang}\n${v}\n\`\`\`\n`; return this; }
  };

  for (const [k, type] of Object.entries(model.consts)) api[k] = k === 'version' ? '1.138.0' : make(type);
  for (const [k, cls] of Object.entries(classes)) api[k] = cls;
  for (const [k, e] of Object.entries(model.enums)) {
    const obj = {};
    for (const [m, v] of Object.entries(e)) (obj[m] = v), typeof v === 'number' && (obj[v] = m);
    api[k] = obj;
  }
  const values = { appName: 'Visual Studio Code', language: 'en', uriScheme: 'vscode', shell: '/bin/bash', isTrusted: true, uiKind: 1, logLevel: 3 };
  for (const [ns, { functions, values: vals }] of Object.entries(model.namespaces)) {
    const obj = (api[ns] = {});
    for (const [k, ret] of Object.entries(functions)) obj[k] = method(ret);
    for (const [k, type] of Object.entries(vals)) if (k in values) obj[k] = values[k]; else lazy(obj, k, type);
  }
  api.workspace.getConfiguration = () => makeInterface(['WorkspaceConfiguration']);
  api.l10n.t = (...args) => {
    const message = typeof args[0] === 'string' ? args[0] : args[0].message;
    const params = typeof args[0] === 'string' ? args.slice(1) : [].concat(args[0].args || []);
    const named = params.length === 1 && params[0] && typeof params[0] === 'object' ? params[0] : params;
    return message.replace(/\{(\w+)\}/g, (m, k) => (named[k] === undefined ? m : String(named[k])));
  };
  return { api, make, makeInterface };
}
