// The benchmark's builds, all in a throwaway copy of the working tree (the repository's dist/ and *.vsix are never
// written): the production bundle and the .vsix exactly as `npm run package` makes them (scripts/package.mjs of the
// copy, which builds with `scripts/build.mjs --production`), and a trivial extension bundled with the same esbuild
// options as the baseline of activation_ratio.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * Copies the files git would see (tracked and untracked, minus ignored: no dist/, node_modules/, *.vsix) into a
 * temporary directory, with node_modules symlinked to the repository's.
 */
export function makeWorkspace(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-bench-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((f) => f && !f.endsWith('.vsix'));
  let copied = 0;
  for (const f of files) {
    const from = path.join(root, f);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, f));
    copied++;
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, files: copied };
}

/** `packageVsix` of the copy: production build into <copy>/dist, then vsce into <copy>/<name>-<version>.vsix. */
export async function buildAndPackage(dir) {
  const t0 = performance.now();
  const { packageVsix } = await import(path.join(dir, 'scripts', 'package.mjs'));
  let result;
  try {
    result = packageVsix({ quiet: true });
  } catch (error) {
    // quiet mode pipes the children's output: show it, the error alone says only "Command failed".
    throw new Error(`packaging in ${dir} failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  const dist = path.join(dir, 'dist');
  const bundles = {};
  for (const f of fs.readdirSync(dist).sort()) if (f.endsWith('.js')) bundles[`dist/${f}`] = fs.statSync(path.join(dist, f)).size;
  return { dist, bundles, vsix: result.file, vsixBytes: result.bytes, vsixFiles: result.files, buildMs: Math.round(performance.now() - t0) };
}

/** How many times the activation bundle requires `vscode` (each one is a `__toESM` copy of the whole API). */
export function countVscodeRequires(file) {
  return (fs.readFileSync(file, 'utf8').match(/require\(["']vscode["']\)/g) ?? []).length;
}

/**
 * The baseline: an extension that imports `vscode` once and registers one disposable, built with the options of
 * scripts/build.mjs in production (cjs, node20, minified, `vscode` external).
 */
export async function buildEmptyBundle(dir) {
  const outfile = path.join(dir, 'bench-empty', 'extension.js');
  await esbuild.build({
    stdin: {
      contents: "import * as vscode from 'vscode';\nexport function activate(context: vscode.ExtensionContext) { context.subscriptions.push(new vscode.Disposable(() => undefined)); }\n",
      loader: 'ts',
      resolveDir: dir,
      sourcefile: 'empty-extension.ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    outfile,
  });
  return { file: outfile, bytes: fs.statSync(outfile).size };
}
