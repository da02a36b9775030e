#!/usr/bin/env node
// Bundles the extension with esbuild into these files:
//   dist/extension.js  — what VS Code loads at activation (no @azure/*, yaml or jsonc-parser code in it)
//   dist/azure-sdk.js  — src/azure/sdk.ts and the Azure SDKs, loaded on first use through src/azure/lazy.ts
//   dist/azure-identity.js — @azure/identity and MSAL (src/azure/identity.ts), loaded only for the Azure CLI /
//                        environment credentials (the default VS Code sign-in never needs them)
//   dist/references.js — src/references (formats, placement, parser, yaml, jsonc-parser), loaded on first use
//                        through src/references/lazy.ts
//   dist/reference-index.js — the workspace index of references (src/platform/referenceIndex/workspaceIndex.ts: listing,
//                        reading, watchers), loaded when the index starts through src/platform/referenceIndex/lazy.ts
//   dist/commands-<area>.js — the command handlers of a feature area (src/commands/<area>/handlers.ts), loaded on the
//                        first run of one of them through src/commands/lazy.ts (the registration stays at activation)
//   dist/l10n.js       — @vscode/l10n, one instance shared by both (configured in activate)
// Flags: --production (minified, no source maps), --watch (rebuild on change), --quiet, --metafile FILE (esbuild's
// metafiles of every bundle, keyed by bundle: what went into each output and how many bytes it adds there).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const metafileAt = process.argv.includes('--metafile') ? process.argv[process.argv.indexOf('--metafile') + 1] : undefined;

/**
 * A chunk loaded on first use: `require(specifier)` in `importer` (a src/ file) becomes `require('./<bundle>')`
 * next to dist/extension.js, so the chunk's code is not in the bundle that requires it.
 */
function lazyChunk(name, importer, specifier, bundle) {
  const filter = new RegExp(`^${specifier.replace(/[./]/g, (c) => `\\${c}`)}$`);
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.importer.endsWith(path.join(...importer.split('/'))) ? { path: `./${bundle}`, external: true } : undefined));
    },
  };
}

const lazySdk = lazyChunk('lazy-azure-sdk', 'src/azure/lazy.ts', './sdk', 'azure-sdk.js');
const lazyIdentity = lazyChunk('lazy-azure-identity', 'src/azure/sdk.ts', './identity', 'azure-identity.js');
const lazyReferences = lazyChunk('lazy-references', 'src/references/lazy.ts', './index', 'references.js');
/** Feature areas whose command handlers (src/commands/<area>/handlers.ts) load on first run: dist/commands-<area>.js (src/commands/lazy.ts). */
const lazyCommandAreas = ['secrets', 'keys', 'certificates', 'history', 'bulk', 'run', 'agent'];
const lazyCommands = lazyCommandAreas.map((area) => lazyChunk(`lazy-commands-${area}`, `src/commands/${area}/feature.ts`, './handlers', `commands-${area}.js`));
const lazyIndex = lazyChunk('lazy-reference-index', 'src/platform/referenceIndex/lazy.ts', './workspaceIndex', 'reference-index.js');

/**
 * `@vscode/l10n` is configured once in activate(); both bundles must share that one instance, so it is built on
 * its own (dist/l10n.js) and required from both.
 */
const sharedL10n = {
  name: 'shared-l10n',
  setup(build) {
    // One module re-exports it (one `__toESM` copy per bundle, not one per importing module, as for vscode below).
    build.onResolve({ filter: /^@vscode\/l10n$/ }, (args) => (args.namespace === 'l10n-once' ? { path: './l10n.js', external: true } : { path: 'l10n', namespace: 'l10n-once' }));
    build.onLoad({ filter: /.*/, namespace: 'l10n-once' }, () => ({ contents: "export * from '@vscode/l10n';", loader: 'js' }));
  },
};

/**
 * Every `import * as vscode from 'vscode'` resolves to one module that re-exports the API: esbuild then wraps
 * `require("vscode")` once (its `__toESM` copies the whole API object) instead of once per importing module.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow (microsoft/node-jsonc-parser#57):
  // bundle its ES module build instead.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  sourcemap: production ? false : 'linked',
  minify: production,
  metafile: true,
  logLevel: quiet ? 'warning' : 'info',
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [lazySdk, lazyReferences, lazyIndex, ...lazyCommands, sharedL10n, vscodeOnce] },
  { ...common, entryPoints: { 'reference-index': 'src/platform/referenceIndex/workspaceIndex.ts' }, outdir: 'dist', plugins: [lazyReferences, sharedL10n, vscodeOnce] },
  ...lazyCommandAreas.map((area) => ({ ...common, entryPoints: { [`commands-${area}`]: `src/commands/${area}/handlers.ts` }, outdir: 'dist', plugins: [lazySdk, lazyReferences, lazyIndex, sharedL10n, vscodeOnce] })),
  { ...common, entryPoints: { references: 'src/references/index.ts' }, outdir: 'dist', plugins: [sharedL10n] },
  { ...common, entryPoints: { 'azure-sdk': 'src/azure/sdk.ts' }, outdir: 'dist', plugins: [lazyIdentity, sharedL10n, vscodeOnce] },
  { ...common, entryPoints: { 'azure-identity': 'src/azure/identity.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { l10n: '@vscode/l10n' }, outdir: 'dist' },
];

function writeMeta(results) {
  const inputs = {};
  for (const r of results) for (const [out, info] of Object.entries(r.metafile.outputs)) if (out.endsWith('.js')) inputs[out] = Object.keys(info.inputs);
  fs.writeFileSync(path.join(root, 'dist', 'bundle-inputs.json'), JSON.stringify(inputs, null, 1));
  if (metafileAt) fs.writeFileSync(path.resolve(metafileAt), JSON.stringify(Object.fromEntries(results.map((r, i) => [Object.keys(builds[i].entryPoints)[0], r.metafile]))));
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context({ ...options, plugins: [...(options.plugins ?? []), { name: 'log', setup: (b) => b.onEnd((r) => console.log(`[watch] ${options.outdir}: ${r.errors.length} errors`)) }] });
    await ctx.watch();
  }
  console.log('[watch] watching src/ (Ctrl+C to stop)');
} else {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  writeMeta(results);
}
