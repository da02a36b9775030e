#!/usr/bin/env node
// Proves `npm start` as a newcomer meets it: runs scripts/start.mjs exactly as `npm start` does, reads the URL it
// prints, opens it in headless Chromium, clicks the Azure Key Vault icon and checks that the demo's directories,
// subscriptions and vaults show; then presses Ctrl+C (SIGINT) and checks that everything stops.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { launchBrowser } from './codeServer.mjs';
import { ROOT } from './paths.mjs';

const info = (...a) => console.error('[start-check]', ...a);

export async function startCheck() {
  const checks = [];
  const check = async (name, fn) => {
    try {
      await fn();
      checks.push(true);
      console.log(`  ✔ ${name}`);
    } catch (error) {
      checks.push(false);
      console.log(`  ✘ ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
      throw error;
    }
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const stderr = [];
  readline.createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
  let browser;
  try {
    let url;
    await check('npm start prints the URL to open', async () => {
      url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL after 180 s:\n${stderr.slice(-10).join('\n')}`)), 180_000);
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /^\s+(http:\/\/\S+)/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        exited.then((code) => reject(new Error(`npm start exited (${code}):\n${stderr.slice(-10).join('\n')}`)));
      });
    });
    const { origin } = new URL(url);
    const launched = await launchBrowser(origin);
    browser = launched.browser;
    const page = launched.page;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const tab = page.getByRole('tab', { name: /^Azure Key Vault/ });
    await check('the workbench shows the Azure Key Vault icon', () => tab.waitFor({ timeout: 90_000 }));
    await tab.click();
    const row = (label) => page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await check('the view shows the demo directories, signed in', async () => {
      await row('Contoso').waitFor({ timeout: 60_000 });
      await row('Fabrikam').waitFor({ timeout: 10_000 });
    });
    await check('expanding Contoso Production lists its vaults', async () => {
      await row('Contoso Production').waitFor({ timeout: 30_000 });
      await row('Contoso Production').click();
      await row('contoso-prod-kv').waitFor({ timeout: 30_000 });
      await row('contoso-restricted-kv').waitFor({ timeout: 10_000 });
    });
  } catch (error) {
    info(`failed: ${error?.message ?? error}`);
  } finally {
    await browser?.close().catch(() => {});
    try {
      process.kill(child.pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))]);
    await check('Ctrl+C stops npm start cleanly', async () => {
      if (code !== 0) throw new Error(`exit ${code}`);
    }).catch(() => {});
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* nothing left */
    }
  }
  const failed = checks.filter((ok) => !ok).length;
  return { passed: checks.length - failed, failed: failed || (checks.length < 5 ? 1 : 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { failed } = await startCheck();
  process.exit(failed ? 1 : 0);
}
