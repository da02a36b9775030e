// The per-action part of `npm run bench`: the production build of the benchmark's working copy runs as the
// development extension of a real VS Code (code-server + headless Chromium, as the e2e suite runs), against the
// emulator with the benchmark seed (./seed.mjs) and injected latency on every request. The measuring code
// (test/bench/index.ts, bundled here into the copy) runs inside the extension host and writes a JSON file.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { awaitExtensionTests, launchBrowser, makeTempDir, startCodeServer } from '../e2e/codeServer.mjs';
import { installCompanion, startEmulatorForVsCode } from '../e2e/emulatorSetup.mjs';
import { ROOT } from '../e2e/paths.mjs';
import { ensureE2eTools } from '../e2e/setup.mjs';
import { writeBenchSeed } from './seed.mjs';

/** Bundles test/bench/index.ts (the in-extension-host entry) into `<extRoot>/bench-suite/index.js`. */
async function bundleSuite(extRoot) {
  const outfile = path.join(extRoot, 'bench-suite', 'index.js');
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['test/bench/index.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  return outfile;
}

/** One call of the emulator's control API (it speaks HTTPS with the emulator's own test CA). */
function control(info, method, route, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(`${info.control}${route}`);
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(url, { method, ca: fs.readFileSync(info.ca), headers: data ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode < 300 ? resolve(text ? JSON.parse(text) : undefined) : reject(new Error(`control ${method} ${route}: ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The extension host's log lines about this extension's activation (VS Code logs when and why it activated). */
function activationLogLines(tmp) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost.*\.log$|remoteexthost\.log$/i.test(e.name)) {
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (/azure-keyvault-explorer/.test(line) && /activat/i.test(line)) found.push(line.trim());
      }
    }
  };
  walk(path.join(tmp, 'user-data', 'logs'));
  return found;
}

/**
 * @param {{ extRoot: string, latencyMs: number, timeoutSec?: number, keep?: boolean, log?: (s: string) => void }} o
 * @returns {Promise<Record<string, any>>} what test/bench/index.ts wrote, plus `activation_log`
 */
export async function runVsCodeBench({ extRoot, latencyMs, timeoutSec = 900, keep = false, only, log = () => {} }) {
  ensureE2eTools(log);
  const tmp = makeTempDir('bench-');
  const resultsFile = path.join(tmp, 'results.json');
  const folder = path.join(tmp, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  let server, browser, emulator;
  try {
    const suite = await bundleSuite(extRoot);
    const seed = writeBenchSeed(path.join(tmp, 'seed.json'));
    log(`benchmark seed: ${seed.vaults} vaults, ${seed.secrets} secrets`);
    emulator = await startEmulatorForVsCode({ seed: seed.file, log: (line) => fs.appendFileSync(path.join(tmp, 'emulator.log'), `${line}\n`) });
    await control(emulator.info, 'PUT', '/settings', { latencyMs });
    log(`emulator ready, ${latencyMs} ms latency per request`);
    installCompanion(tmp, { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') });
    server = await startCodeServer({ tmp, folder, env: emulator.env, settings: emulator.settings });
    // The emulator's variables reach the extension host through code-server's environment: its ready line lists
    // 150 vaults, too long for the workbench URL that carries extensionEnvironment.
    const profiles = Object.fromEntries(['BENCH_CPU_PROFILE', 'BENCH_INDEX_CPU_PROFILE'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
    const extEnv = { BENCH_RESULTS_FILE: resultsFile, BENCH_LATENCY_MS: String(latencyMs), ...profiles, ...(only ? { BENCH_ONLY: only } : {}) };
    const launched = await launchBrowser(server.url);
    browser = launched.browser;
    const run = awaitExtensionTests(launched.page, server, { folder, extensionPath: extRoot, testsPath: suite, extEnv, timeoutSec });
    log(`VS Code (code-server) started; measuring inside its extension host (progress: ${path.relative(ROOT, resultsFile)}.log)`);
    const { result } = await run;
    let results;
    try {
      results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
      results = { error: 'the benchmark suite wrote no results' };
    }
    if (result.infra) results.error = [results.error, result.infra].filter(Boolean).join('; ');
    if (results.error) keep = true;
    return { ...results, activation_log: activationLogLines(tmp) };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await emulator?.stop().catch(() => {});
    if (keep) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}
