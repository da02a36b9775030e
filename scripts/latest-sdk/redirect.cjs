// Mocha `--require` hook of scripts/latest-sdk.mjs: every `require('@azure/…')` made outside the scratch install
// resolves INSIDE it (KV_LATEST_SDK_DIR, a folder with node_modules/), so the compiled tests and src/ drive the
// SDK versions installed there. Requires made from within the scratch install resolve as usual, so each SDK's own
// dependencies (@azure/core-*, msal, tslib…) come from the scratch install too. NODE_PATH cannot do this: it is
// only consulted after the repository's own node_modules.
// Proof: the first resolution of each package prints "[latest-sdk] <package> <version> ← <file>" on stderr, and a
// root `after all` hook fails the run if any @azure module was loaded from somewhere else (the repo's node_modules).
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.KV_LATEST_SDK_DIR;
if (!dir) throw new Error('[latest-sdk] KV_LATEST_SDK_DIR is not set: this hook is loaded by scripts/latest-sdk.mjs');
const scratch = fs.realpathSync(dir);
const scratchModules = path.join(scratch, 'node_modules') + path.sep;
const AZURE = /^@azure\/[^/]+/;
const AZURE_FILE = /[\\/]node_modules[\\/]@azure[\\/]/;
const AZURE_FILES = /[\\/]node_modules[\\/](@azure[\\/][^\\/]+)/g;

/** The package folder's name and version for a resolved file inside the scratch install. */
function describe(file) {
  let at = path.dirname(file);
  while (at.startsWith(scratchModules)) {
    const manifest = path.join(at, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (name && version) return `${name} ${version}`;
    }
    at = path.dirname(at);
  }
  return '(no package.json)';
}

const shown = new Set();
const original = Module._resolveFilename;
Module._resolveFilename = function resolveFromScratch(request, parent, isMain, options) {
  const match = typeof request === 'string' ? AZURE.exec(request) : null;
  const fromScratch = parent?.filename ? parent.filename.startsWith(scratchModules) : false;
  if (!match || fromScratch) return original.call(this, request, parent, isMain, options);
  let file;
  try {
    file = original.call(this, request, parent, isMain, { paths: [scratch] });
  } catch (cause) {
    throw new Error(`[latest-sdk] ${request} is not in the scratch install ${scratch} (add it to package.json's dependencies?)`, { cause });
  }
  if (!shown.has(match[0])) {
    shown.add(match[0]);
    process.stderr.write(`[latest-sdk] ${describe(file)} ← ${file}\n`);
  }
  return file;
};

/** Files of @azure packages in require's cache that did not come from the scratch install. */
function strays() {
  return Object.keys(require.cache).filter((file) => AZURE_FILE.test(file) && !fs.realpathSync(file).startsWith(scratchModules));
}

exports.mochaHooks = {
  afterAll() {
    const wrong = strays();
    if (wrong.length) throw new Error(`[latest-sdk] ${wrong.length} @azure module(s) were loaded from outside the scratch install:\n  ${wrong.slice(0, 10).join('\n  ')}`);
    if (shown.size === 0) throw new Error('[latest-sdk] no @azure package was required: the run proved nothing');
    const azure = Object.keys(require.cache).filter((file) => file.startsWith(scratchModules) && AZURE_FILE.test(file));
    const packages = new Set(azure.map((file) => [...file.matchAll(AZURE_FILES)].pop()?.[1]));
    process.stderr.write(`[latest-sdk] ${azure.length} files of ${packages.size} @azure packages loaded, every one from ${scratch} (${shown.size} packages required directly by src/ and the tests)\n`);
  },
};
