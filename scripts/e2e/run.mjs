#!/usr/bin/env node
// Runs the e2e suite (out/test/e2e/index.js) inside the extension host of a real VS Code: code-server's web
// workbench in headless Chromium. Same `run()` contract as @vscode/test-electron's extensionTestsPath.
//
//   node scripts/e2e/run.mjs [--grep RE] [--force-fail] [--env K=V]... [--keep] [--timeout SEC] [--untrusted]
//
// --untrusted opens the workspace in Restricted Mode (workspace trust on, the folder not trusted; the companion
// allowed to run there) and tells the suite so (E2E_UNTRUSTED=1): `npm test` runs UNTRUSTED_SUITE that way too.
//
// Exit code: 0 passed, 1 tests failed, 2 the harness itself failed (timeout, code-server or browser died).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { awaitExtensionTests, launchBrowser, makeTempDir, startCodeServer } from './codeServer.mjs';
import { ROOT } from './paths.mjs';
import { installCompanion, startEmulatorForVsCode } from './emulatorSetup.mjs';
import { ensureE2eTools } from './setup.mjs';

const info = (...a) => console.error('[e2e]', ...a);

/** @returns {Promise<{ code: number, passed: number, failed: number }>} */
/** The suite that also runs in an untrusted workspace (test/e2e/suite/security-workspace.test.ts). */
export const UNTRUSTED_SUITE = 'security: a workspace cannot redirect tokens';

/**
 * The suite that runs alone in a fresh window (test/e2e/suite/activation-editor.test.ts, E2E_FRESH=1): the extension
 * activated by opening a file, before anything else touched it.
 */
export const FRESH_SUITE = 'editor features before the view is opened';

/** User settings of an untrusted run: trust on, no prompt, the test-only companion enabled in Restricted Mode. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'extensions.supportUntrustedWorkspaces': { 'kv-emulator.kv-emulator-auth': { supported: true } },
};

export async function runE2e({ grep, forceFail = false, env = {}, keep = false, timeoutSec = 600, untrusted = false, folder = path.join(ROOT, 'test', 'e2e', 'workspace'), seed = path.join(ROOT, 'emulator', 'seeds', 'e2e.json') } = {}) {
  ensureE2eTools(info);
  const t0 = performance.now();
  const tmp = makeTempDir('e2e-');
  const resultsFile = path.join(tmp, 'results.json');
  let server, browser, emulator;
  let outcome = { code: 2, passed: 0, failed: 0 };
  try {
    // The emulator (Entra + ARM + Key Vault) and the test-only companion that signs in to it as `microsoft`.
    emulator = await startEmulatorForVsCode({ seed, mfaTenants: ['Fabrikam'], log: (line) => fs.appendFileSync(path.join(tmp, 'emulator.log'), `${line}\n`) });
    const extEnv = { E2E_RESULTS_FILE: resultsFile, ...emulator.env, ...env, ...(grep ? { E2E_GREP: grep } : {}), ...(forceFail ? { E2E_FORCE_FAIL: '1' } : {}), ...(untrusted ? { E2E_UNTRUSTED: '1' } : {}) };
    installCompanion(tmp, { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') });
    // Also the user's own sovereign custom environment (the emulator): idle while azureKeyVault.cloud is `custom`;
    // security-workspace.test.ts sets the cloud to `auto` to use it (the API cannot write these settings while the
    // built-in extension that declares them is parked, and code-server does not notice outside writes to the file).
    const { arm, audiences } = emulator.info;
    const settings = {
      ...emulator.settings,
      ...(untrusted ? UNTRUSTED_SETTINGS : {}),
      'microsoft-sovereign-cloud.environment': 'custom',
      'microsoft-sovereign-cloud.customEnvironment': { name: 'Key Vault emulator (sovereign)', resourceManagerEndpointUrl: arm, activeDirectoryResourceId: audiences.arm, keyVaultDnsSuffix: new URL(audiences.vault).host },
    };
    server = await startCodeServer({ tmp, folder, env: { ...emulator.env, ...env }, settings, workspaceTrust: untrusted });
    info(`code-server ${server.url} (VS Code in ${path.relative(ROOT, tmp)})`);
    const launched = await launchBrowser(server.url);
    browser = launched.browser;
    const page = launched.page;
    const testsPath = path.join(ROOT, 'out', 'test', 'e2e', 'index.js');
    const { result, workbenchLog } = await awaitExtensionTests(page, server, { folder, extensionPath: ROOT, testsPath, extEnv, timeoutSec });

    let results = null;
    try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* reported below */ }
    if (results?.specOutput) console.log(results.specOutput);
    if (results?.loadError) console.log(`test runner load error:\n${results.loadError}`);
    if (result.infra) {
      info(`HARNESS FAILURE: ${result.infra}`);
      await page.screenshot({ path: path.join(tmp, 'failure.png') }).catch(() => {});
      console.error(`--- code-server ---\n${server.lines.slice(-25).join('\n')}\n--- workbench ---\n${workbenchLog.slice(-40).join('\n')}`);
      keep = true;
    } else {
      if (!results) console.error(`no results file; workbench errors:\n${workbenchLog.filter((l) => /error/i.test(l)).slice(-30).join('\n')}`);
      const failed = results?.failures?.length ?? 0;
      outcome = { code: result.code === 0 && failed === 0 && results ? 0 : 1, passed: results?.passes?.length ?? 0, failed: Math.max(failed, result.code === 0 ? 0 : 1) };
      if (outcome.code !== 0) keep = true;
    }
  } catch (error) {
    info('ERROR', error?.stack ?? error);
    keep = true;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await emulator?.stop().catch(() => {});
    if (keep) info(`kept ${tmp} (code-server.log, failure.png)`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  info(`${outcome.code === 0 ? 'PASS' : 'FAIL'}: ${outcome.passed} passed, ${outcome.failed} failed inside VS Code (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return outcome;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = util.parseArgs({
    options: {
      grep: { type: 'string' },
      'force-fail': { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
      keep: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600' },
      untrusted: { type: 'boolean', default: false },
    },
  });
  const env = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const { code } = await runE2e({ grep: values.grep, forceFail: values['force-fail'], env, keep: values.keep, timeoutSec: Number(values.timeout), untrusted: values.untrusted });
  process.exit(code);
}
