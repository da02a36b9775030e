// The scratch install of scripts/latest-sdk.mjs: which @azure packages, at which versions, installed where, and how
// they compare with the lockfile.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs npm; resolves with its exit code, stdout and stderr (never rejects). */
export function npm(args, { cwd, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(NPM, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', (e) => resolve({ code: 1, out, err: `${err}${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, out, err: signal ? `${err}npm stopped by ${signal} (timeout ${timeoutMs / 1000} s)` : err }));
  });
}

/** The @azure packages the extension depends on (package.json's dependencies): what src/ and the tests import. */
export function azureDependencies(root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@azure/')).sort();
}

/** Every `node_modules/@azure/*` entry of package-lock.json (top level only) → its version. */
export function lockedVersions(root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const out = new Map();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const name = /^node_modules\/(@azure\/[^/]+)$/.exec(key)?.[1];
    if (name && entry.version) out.set(name, entry.version);
  }
  return out;
}

/** Every @azure package installed at the top of `<dir>/node_modules` → its version. */
export function installedVersions(dir) {
  const scope = path.join(dir, 'node_modules', '@azure');
  const out = new Map();
  if (!fs.existsSync(scope)) return out;
  for (const name of fs.readdirSync(scope).sort()) {
    const manifest = path.join(scope, name, 'package.json');
    if (fs.existsSync(manifest)) out.set(`@azure/${name}`, JSON.parse(fs.readFileSync(manifest, 'utf8')).version);
  }
  return out;
}

/** The registry npm uses (for messages). */
export async function registryUrl() {
  const { code, out } = await npm(['config', 'get', 'registry'], { timeoutMs: 30_000 });
  return code === 0 ? out.trim() : 'the npm registry';
}

/**
 * The latest published version of each package (`npm view <pkg> version`, all at once). Throws one clear error
 * naming the registry when any look-up fails.
 */
export async function latestVersions(packages) {
  const results = await Promise.all(packages.map(async (name) => ({ name, ...(await npm(['view', name, 'version'], { timeoutMs: 90_000 })) })));
  const failed = results.filter((r) => r.code !== 0 || !/^\d+\.\d+\.\d+/.test(r.out.trim()));
  if (failed.length) {
    const why = failed[0].err.split('\n').find((l) => /ERR!|error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|timeout/i.test(l)) ?? failed[0].err.trim().split('\n')[0] ?? '';
    throw new Error(`cannot reach the npm registry (${await registryUrl()}) to ask for the latest ${failed.map((r) => r.name).join(', ')}: ${why.trim() || `npm exited ${failed[0].code}`}`);
  }
  return new Map(results.map((r) => [r.name, r.out.trim().split('\n').pop()]));
}

/** Installs exactly these versions into `dir` (one `npm install`: npm fetches them in parallel). */
export async function installInto(dir, versions) {
  const dependencies = Object.fromEntries([...versions].map(([name, version]) => [name, version]));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'kv-latest-sdk-scratch', private: true, dependencies }, null, 2));
  const { code, err } = await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--prefer-online', '--loglevel=error'], { cwd: dir });
  if (code !== 0) {
    const reg = await registryUrl();
    throw new Error(`npm install in ${dir} failed (exit ${code}; registry ${reg}):\n${err.trim().split('\n').slice(-8).join('\n')}`);
  }
}

/** The comparison table: direct dependencies first, then every other @azure package the install brought. */
export function versionTable(direct, locked, installed) {
  const names = [...direct, ...[...installed.keys()].filter((n) => !direct.includes(n))];
  const width = Math.max(...names.map((n) => n.length));
  const rows = names.map((name) => {
    const a = locked.get(name) ?? '—';
    const b = installed.get(name) ?? '(not installed)';
    const mark = a === b ? '' : '  ← differs';
    return `  ${name.padEnd(width)}  ${a.padEnd(8)}  ${b.padEnd(8)}${direct.includes(name) ? '' : '  (transitive)'}${mark}`;
  });
  return [`  ${'package'.padEnd(width)}  ${'lockfile'.padEnd(8)}  tested`, ...rows].join('\n');
}

/**
 * A tsconfig in `dir` that type-checks the checkout (the repo's tsconfig, no emit) with each of `packages` (the
 * direct dependencies) taken from `dir`'s install. Only those names are mapped: a blanket `@azure/*` would also
 * override the copies npm nested inside an SDK (e.g. keyvault-keys' own @azure/core-lro 2.x). Returns its path.
 */
export function typecheckConfig(root, dir, packages) {
  const file = path.join(dir, 'tsconfig.latest-sdk.json');
  const at = (name) => path.join(dir, 'node_modules', name);
  const paths = Object.fromEntries(packages.flatMap((name) => [[name, [at(name)]], [`${name}/*`, [`${at(name)}/*`]]]));
  const config = {
    extends: path.join(root, 'tsconfig.json'),
    compilerOptions: { noEmit: true, paths, typeRoots: [path.join(root, 'node_modules', '@types')] },
    include: ['src/**/*.ts', 'test/**/*.ts', 'emulator/**/*.ts'].map((glob) => path.join(root, glob)),
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
