#!/usr/bin/env node
// Installs the packaged .vsix into a throwaway code-server with `--install-extension` (as a user would), opens
// the workbench in headless Chromium WITHOUT test hooks, clicks the activity-bar icon and checks that the view
// and its welcome content appear. A second, test-only extension (test/probe) installed next to it checks that
// another extension gets nothing from ours in production mode. `--screenshot FILE` saves what it saw (README images
// live in docs/images/).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { installExtensionFolder, installVsix, launchBrowser, makeTempDir, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { CONTROL_ID, OUR_ID, PROBE, assertProbeSeesExports, assertReachesNothing, probeEnv, readProbeReport } from './exportsProbe.mjs';
import { ROOT } from './paths.mjs';
import { ensureE2eTools } from './setup.mjs';
import { packageVsix } from '../package.mjs';

const info = (...a) => console.error('[ui]', ...a);

export async function uiCheck({ screenshot } = {}) {
  ensureE2eTools(info);
  const { file, bytes, files } = packageVsix({ quiet: true });
  info(`packaged ${path.relative(ROOT, file)} (${(bytes / 1024).toFixed(1)} KiB, ${files.length} files)`);
  const tmp = makeTempDir('ui-');
  const checks = [];
  let server, browser, page;
  const check = async (name, fn) => {
    try {
      await fn();
      checks.push({ name, ok: true });
      console.log(`  ✔ ${name}`);
    } catch (error) {
      checks.push({ name, ok: false });
      console.log(`  ✘ ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
      throw error;
    }
  };
  try {
    const folder = path.join(ROOT, 'test', 'e2e', 'workspace');
    await check(`the .vsix is under 1 MB (${(bytes / 1024).toFixed(0)} KiB)`, async () => {
      if (bytes >= 1024 * 1024) throw new Error(`${bytes} bytes`);
    });
    await check('the .vsix holds only the bundles, the manifest, resources and docs (vsce ls)', async () => {
      const allowed = /^(package\.json|package\.nls(\.[\w-]+)?\.json|l10n\/bundle\.l10n(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(extension|azure-sdk|azure-identity|references|reference-index|commands-[a-z]+|l10n)\.js|resources\/[\w./-]+)$/;
      const unexpected = files.filter((f) => !allowed.test(f) || /\.(map|ts)$/.test(f));
      if (unexpected.length) throw new Error(`unexpected files: ${unexpected.join(', ')}`);
      // Every bundle the build wrote (the lazy chunks too: one left out would fail on first use, not at activation).
      const built = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`);
      for (const needed of [...built, 'package.json', 'dist/extension.js', 'dist/azure-sdk.js', 'dist/azure-identity.js', 'dist/references.js', 'dist/reference-index.js', 'dist/l10n.js', 'resources/keyvault.svg', 'l10n/bundle.l10n.json']) if (!files.includes(needed)) throw new Error(`${needed} is missing`);
    });
    const dirs = { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') };
    await check('the .vsix installs with code-server --install-extension', async () => {
      const output = installVsix(file, dirs);
      if (!/successfully installed/i.test(output)) throw new Error(output);
    });
    await check('a second, test-only extension installs next to it (test/probe)', async () => {
      const output = installExtensionFolder(PROBE, tmp, dirs);
      if (!/successfully installed/i.test(output)) throw new Error(output);
    });
    const probeReport = path.join(tmp, 'probe-report.json');
    server = await startCodeServer({ tmp, folder, testMode: false, env: probeEnv(probeReport) });
    ({ browser, page } = await launchBrowser(server.url));
    await page.goto(workbenchUrl(server.url, { folder }), { waitUntil: 'domcontentloaded' });
    const tab = page.getByRole('tab', { name: /^Azure Key Vault/ });
    await check('the activity bar shows the Azure Key Vault icon', () => tab.waitFor({ state: 'visible', timeout: 90_000 }));
    await tab.click();
    await check('the Vaults view opens with its signed-out welcome', async () => {
      await page.locator('.part.sidebar .composite.title', { hasText: 'Azure Key Vault' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.part.sidebar .welcome-view-content', { hasText: 'Sign in with your Microsoft account' }).waitFor({ timeout: 30_000 });
      await page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Sign in to Azure' }).waitFor({ timeout: 10_000 });
    });
    let probed = {};
    await check(`the probe reaches another extension's exports (positive control: ${CONTROL_ID})`, async () => {
      probed = await readProbeReport(probeReport);
      assertProbeSeesExports(probed[CONTROL_ID]);
    });
    await check('another extension that activates ours gets nothing from its exports (production mode)', async () => {
      assertReachesNothing(probed[OUR_ID], dirs.extensionsDir);
    });
    if (screenshot) {
      await page.mouse.move(900, 500);
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
      info(`screenshot: ${screenshot}`);
    }
  } catch (error) {
    if (page) await page.screenshot({ path: path.join(tmp, 'failure.png') }).catch(() => {});
    info(`kept ${tmp}`);
    if (!checks.some((c) => !c.ok)) checks.push({ name: String(error?.message ?? error), ok: false });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  }
  const failed = checks.filter((c) => !c.ok).length;
  if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
  return { passed: checks.length - failed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = util.parseArgs({ options: { screenshot: { type: 'string' } } });
  const { failed } = await uiCheck({ screenshot: values.screenshot && path.resolve(values.screenshot) });
  process.exit(failed ? 1 : 0);
}
