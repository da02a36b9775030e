// Test-only probe extension (plain CommonJS, never shipped): plays "any other extension the user installed". Once
// the workbench has started it activates each extension named in KV_PROBE_EXTENSIONS (comma-separated ids), walks
// what that extension hands out (the value `activate()` resolves to and `extension.exports`) the way a hostile
// extension would — own and inherited keys, getters read, functions noted, depth-limited — and writes what it
// reached to the file KV_PROBE_REPORT: paths and kinds only, never a value (a value reached could be a secret,
// and secrets never go into files). scripts/e2e/ui-check.mjs reads the report.
const fs = require('node:fs');
const vscode = require('vscode');

const MAX_DEPTH = 4;
const MAX_ENTRIES = 2000;
// Where the walk stops climbing: the built-in prototypes hold nothing of the extension's own.
const BUILTIN_PROTOTYPES = new Set([Object.prototype, Function.prototype, Array.prototype]);

function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Own and inherited keys (a class instance keeps its methods on its prototype), each with the object holding it. */
function keysOf(value) {
  const keys = new Map();
  for (let o = value; o && !BUILTIN_PROTOTYPES.has(o); o = Object.getPrototypeOf(o)) {
    for (const key of Reflect.ownKeys(o)) if (key !== 'constructor' && !keys.has(key)) keys.set(key, o);
  }
  return keys;
}

/** Every path reachable from `root` with the kind of value found there: [{ path, kind }]. */
function walk(root) {
  const entries = [];
  const seen = new WeakSet();
  const visit = (value, path, depth) => {
    if (entries.length >= MAX_ENTRIES) return;
    entries.push({ path, kind: kindOf(value) });
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth >= MAX_DEPTH) return;
    seen.add(value);
    for (const [key, holder] of keysOf(value)) {
      const name = `${path}.${String(key)}`;
      let child;
      try {
        child = Reflect.get(holder, key, value); // runs getters with the instance as `this`, as a caller would
      } catch {
        entries.push({ path: name, kind: 'throws' });
        continue;
      }
      visit(child, name, depth + 1);
    }
  };
  visit(root, 'exports', 0);
  return entries;
}

async function probe(id) {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) return { id, installed: false };
  let activated;
  try {
    activated = await extension.activate();
  } catch (error) {
    return { id, installed: true, activateError: String((error && error.message) || error) };
  }
  return { id, installed: true, active: extension.isActive, extensionPath: extension.extensionPath, activated: walk(activated), exports: walk(extension.exports) };
}

async function report() {
  const file = process.env.KV_PROBE_REPORT;
  if (!file) return;
  let result;
  try {
    const ids = (process.env.KV_PROBE_EXTENSIONS || '').split(',').filter(Boolean);
    result = { extensions: await Promise.all(ids.map(probe)) };
  } catch (error) {
    result = { error: String((error && error.message) || error) };
  }
  // Written whole, then renamed: the reader never sees half a report.
  fs.writeFileSync(`${file}.part`, JSON.stringify(result, null, 2));
  fs.renameSync(`${file}.part`, file);
}

function activate() {
  void report();
}

module.exports = { activate, deactivate: () => undefined };
