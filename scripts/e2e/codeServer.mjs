// Start a throwaway code-server (VS Code's server + web workbench) and open it in headless Chromium.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CODE_SERVER_ROOT, NODE_BIN_DIR, ROOT, TMP } from './paths.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** User settings for the throwaway profile: quiet, deterministic, offline. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** code-server's environment: Node 24 first on PATH, nothing inherited that would redirect it. */
function serverEnv(extra) {
  const env = { ...process.env, PATH: `${NODE_BIN_DIR}:${process.env.PATH}`, ...extra };
  for (const key of Object.keys(env)) if (/^VSCODE_/.test(key) || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  for (const key of ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'CODE_SERVER_CONFIG']) delete env[key];
  return env;
}

export function makeTempDir(prefix) {
  fs.mkdirSync(TMP, { recursive: true });
  return fs.mkdtempSync(path.join(TMP, prefix));
}

export function installVsix(vsix, { userDataDir, extensionsDir }) {
  return execFileSync(path.join(NODE_BIN_DIR, 'node'), [path.join(CODE_SERVER_ROOT, 'out/node/entry.js'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: serverEnv({}),
    encoding: 'utf8',
    timeout: 120_000,
  }).trim();
}

/**
 * Packages a test-only extension folder (test/companion, test/probe: never shipped) and installs it into a
 * throwaway code-server profile like a user's extension (the workbench loads only one development extension from
 * the test payload).
 */
export function installExtensionFolder(dir, tmp, dirs) {
  const vsix = path.join(tmp, `${path.basename(dir)}.vsix`);
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: dir, stdio: 'pipe' });
  return installVsix(vsix, dirs);
}

/**
 * Starts code-server in `tmp` (user data, extensions, logs, its TMPDIR). `testMode` adds
 * `--vscode-option enable-smoke-test-driver`, without which the workbench ignores the test payload.
 * `workspaceTrust` keeps VS Code's workspace trust on (default off: every folder trusted).
 */
export async function startCodeServer({ tmp, folder, settings = {}, env = {}, testMode = true, port, host = '127.0.0.1', extraArgs = [], workspaceTrust = false }) {
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const procTmp = path.join(tmp, 't'); // short: unix socket paths are limited to ~107 bytes
  for (const dir of [path.join(userDataDir, 'User'), extensionsDir, procTmp]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  if (!port) port = await freePort();
  const args = [
    path.join(CODE_SERVER_ROOT, 'out/node/entry.js'),
    '--config', config, '--auth', 'none', '--bind-addr', `${host}:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(testMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    ...(folder ? [folder] : []),
  ];
  const child = spawn(path.join(NODE_BIN_DIR, 'node'), args, { env: serverEnv({ ...env, TMPDIR: procTmp }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = fs.createWriteStream(path.join(tmp, 'code-server.log'));
  const lines = [];
  const waiters = new Set();
  const onData = (buf) => {
    logFile.write(buf);
    for (const line of buf.toString().split(/\r?\n/)) {
      if (!line.trim()) continue;
      lines.push(line);
      for (const w of waiters) if (w.re.test(line)) { waiters.delete(w); w.resolve(line); }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const waitForLine = (re, timeoutMs) => {
    const hit = lines.find((l) => re.test(l));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const w = { re, resolve };
      waiters.add(w);
      setTimeout(() => waiters.delete(w) && reject(new Error(`timeout waiting for ${re}`)), timeoutMs).unref();
    });
  };
  const stop = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exit;
      clearTimeout(timer);
    }
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* nothing left */ }
    logFile.end();
  };
  const ready = await Promise.race([
    waitForLine(/HTTP server listening on/, 60_000).then(() => true, (e) => e),
    exit.then((e) => new Error(`code-server exited early (${JSON.stringify(e)}):\n${lines.slice(-20).join('\n')}`)),
  ]);
  if (ready !== true) {
    await stop();
    throw ready;
  }
  const authority = `${host}:${port}`;
  return { url: `http://${authority}`, authority, port, userDataDir, extensionsDir, child, lines, waitForLine, stop, exit };
}

export async function launchBrowser(origin, viewport = { width: 1400, height: 900 }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return { browser, page: await context.newPage() };
}

export function workbenchUrl(base, { folder, payload }) {
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (payload?.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/${q.length ? `?${q.join('&')}` : ''}`;
}

export const remoteUri = (authority, absPath) => `vscode-remote://${authority}${path.resolve(absPath)}`;

/**
 * Opens `server`'s workbench on `folder` in `page` with an extension under development and its tests entry (as
 * @vscode/test-electron's extensionDevelopmentPath / extensionTestsPath, `extEnv` in its extension host), and waits
 * until the tests call codeAutomationExit, `timeoutSec` passes or code-server exits. Resolves `{ result, workbenchLog }`:
 * `result` is `{ code }` from the tests or `{ infra }` (what went wrong around them); `workbenchLog` the workbench's
 * console lines and page errors.
 */
export async function awaitExtensionTests(page, server, { folder, extensionPath, testsPath, extEnv, timeoutSec }) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.authority, extensionPath)],
    ['extensionTestsPath', remoteUri(server.authority, testsPath)],
    ['extensionEnvironment', JSON.stringify(extEnv)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const workbenchLog = [];
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationLog', (level, args) => workbenchLog.push(`[${level}] ${Array.isArray(args) ? args.map(String).join(' ') : String(args)}`));
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code }));
  page.on('pageerror', (e) => workbenchLog.push(`[pageerror] ${e.message}`));
  page.on('crash', () => settle({ infra: 'the page crashed' }));
  await page.goto(workbenchUrl(server.url, { folder, payload }), { waitUntil: 'domcontentloaded' });
  let timer;
  const result = await Promise.race([
    finished,
    new Promise((r) => (timer = setTimeout(() => r({ infra: `no result after ${timeoutSec}s` }), timeoutSec * 1000))),
    server.exit.then((e) => ({ infra: `code-server exited (${JSON.stringify(e)})` })),
  ]);
  clearTimeout(timer);
  return { result, workbenchLog };
}
