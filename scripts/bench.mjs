#!/usr/bin/env node
// `npm run bench` (part 1 of issue 16): builds the extension in production mode and packages it in a throwaway
// copy of the working tree, measures activation against a `vscode` stand-in as wide as the real API, the bundle
// and .vsix sizes, prints a table and writes bench/results.json. Timings are reported, never asserted.
// Keys and what is not measured yet: bench/README.md.
//   node scripts/bench.mjs [--runs N] [--out FILE] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { measureActivation } from './bench/activation.mjs';
import { buildAndPackage, buildEmptyBundle, countVscodeRequires, makeWorkspace } from './bench/build.mjs';
import { apiWidth, readVscodeApi } from './bench/vscode-api.mjs';
import { writeVscodeStub } from './bench/vscode-stub.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = util.parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results.json') },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Math.max(10, Number(values.runs) || 0);
const info = (...a) => console.error('[bench]', ...a);

const { dir, files } = makeWorkspace(ROOT);
info(`working copy: ${dir} (${files} files, node_modules linked)`);
try {
  const built = await buildAndPackage(dir);
  info(`production build + .vsix in ${built.buildMs} ms`);
  const empty = await buildEmptyBundle(dir);
  const model = readVscodeApi(ROOT);
  const width = apiWidth(model);
  const stubNodeModules = writeVscodeStub(path.join(dir, 'bench-stub'), model);
  info(`vscode stand-in: ${width.topLevel} top-level exports, ${width.namespaceMembers} namespace members, ${width.interfaces} interfaces`);

  const activation = measureActivation({
    bundle: path.join(built.dist, 'extension.js'),
    emptyBundle: empty.file,
    extRoot: dir,
    stubNodeModules,
    runs,
    log: info,
  });

  const results = {
    activation_ms: activation.activation_ms,
    activation_ratio: activation.activation_ratio,
    bundle_bytes: built.bundles,
    vsix_bytes: built.vsixBytes,
    details: {
      activation: activation.detail,
      empty_bundle_bytes: empty.bytes,
      vscode_requires_in_activation_bundle: countVscodeRequires(path.join(built.dist, 'extension.js')),
      vscode_stub_width: width,
      vsix_files: built.vsixFiles.length,
    },
    environment: { node: process.version, cpus: os.cpus().length, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString() },
  };
  printTable(results);
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  info(`wrote ${path.relative(process.cwd(), values.out)}`);
} finally {
  if (values.keep) info(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

function printTable(r) {
  const a = r.details.activation;
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = [
    ['activation_ms', `${r.activation_ms} ms`, `median of ${a.runs} fresh processes (require ${a.require_ms} + activate ${a.activate_ms}; min ${a.min_ms}, max ${a.max_ms})`],
    ['activation_ratio', `${r.activation_ratio}×`, `to an empty bundle (${a.empty_bundle_ms} ms, ${r.details.empty_bundle_bytes} B)`],
    ...Object.entries(r.bundle_bytes).map(([f, n]) => [`bundle_bytes ${f}`, kb(n), note(f)]),
    ['vsix_bytes', kb(r.vsix_bytes), `${r.details.vsix_files} files`],
  ];
  function note(f) {
    if (f.endsWith('/extension.js')) return `activation bundle; require("vscode") × ${r.details.vscode_requires_in_activation_bundle}`;
    return a.loaded_at_activation.includes(path.basename(f)) ? 'loaded at activation' : 'loaded lazily (not at activation)';
  }
  const w = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`\n${'metric'.padEnd(w[0])}  ${'value'.padStart(w[1])}  notes`);
  console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  -----`);
  for (const [k, v, note] of rows) console.log(`${k.padEnd(w[0])}  ${v.padStart(w[1])}  ${note}`);
  if (a.async_errors_after_activate.length) console.log(`\nafter activate (stand-in answers "nothing"): ${a.async_errors_after_activate.join('\n  ')}`);
  console.log('');
}
