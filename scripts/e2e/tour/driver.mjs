// The UI tour's driver: the demo (what `npm start` runs: packaged .vsix, no test hooks, the demo user signed in)
// opened in headless Chromium and driven like a user — rows, the command palette, notifications — with `check`
// (a named assertion on what the page shows, counted by npm test) and `shot` (a picture into docs/images/).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../codeServer.mjs';
import { ROOT } from '../paths.mjs';
import { startDemo } from '../../demo.mjs';

export const IMAGES = path.join(ROOT, 'docs', 'images');

/**
 * Opens the demo workbench with the Azure Key Vault view shown. `run(tour)` gets the tour; the demo stops after it.
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function withTour(name, run, { log = (...a) => console.error(`[tour:${name}]`, ...a) } = {}) {
  const demo = await startDemo({ log });
  const results = [];
  let browser;
  try {
    const launched = await launchBrowser(demo.url, { width: 1280, height: 820 });
    browser = launched.browser;
    const page = launched.page;
    await page.goto(demo.workbenchUrl, { waitUntil: 'domcontentloaded' });
    const tab = page.getByRole('tab', { name: /^Azure Key Vault/ });
    await tab.waitFor({ timeout: 90_000 });
    await tab.click();
    await run(makeTour(page, demo, results, log));
  } catch (error) {
    results.push(false);
    console.log(`  ✘ ${name}: stopped: ${String(error?.message ?? error).split('\n')[0]}`);
  } finally {
    await browser?.close().catch(() => {});
    await demo.stop();
  }
  const failed = results.filter((ok) => !ok).length;
  return { passed: results.length - failed, failed };
}

function makeTour(page, demo, results, log) {
  const sidebar = page.locator('.part.sidebar');
  /** The tree row whose label is exactly `label` (first match). */
  const row = (label) => sidebar.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }) }).first();
  return {
    page,
    demo,
    log,
    row,
    /** Expands the row `label` (waits for it first); no-op when already expanded. */
    async expand(label) {
      await row(label).waitFor({ timeout: 30_000 });
      if ((await row(label).getAttribute('aria-expanded')) !== 'true') await row(label).click();
    },
    /** Runs a command by its palette title (as a user types it after F1). */
    async palette(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
    },
    /** The visible notification toast whose text contains `text`. */
    notification: (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first(),
    /** A named check: passes when `fn` resolves; a failure is printed and counted, and the tour goes on. */
    async check(name, fn) {
      try {
        await fn();
        results.push(true);
        console.log(`  ✔ ${name}`);
        return true;
      } catch (error) {
        results.push(false);
        // The first line, and the last lines of Playwright's call log (what intercepted a click, what was awaited).
        const lines = String(error?.message ?? error).split('\n');
        const log = lines.slice(1).map((l) => l.trim()).filter((l) => /intercepts|not visible|not stable|not enabled|waiting for|retrying/.test(l)).slice(-3);
        console.log(`  ✘ ${name}: ${[lines[0], ...log].join('\n      ')}`);
        return false;
      }
    },
    /** A picture into docs/images/`file` (or `to`): the whole window, or `clip` {x,y,width,height} / a locator's box. */
    async shot(file, { clip, locator, to } = {}) {
      await page.mouse.move(1270, 810).catch(() => {});
      await page.waitForTimeout(300);
      const box = locator ? await locator.boundingBox() : clip;
      const target = to ?? path.join(IMAGES, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, ...(box ? { clip: box } : {}) });
      log(`wrote ${path.relative(ROOT, target)}`);
    },
  };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
