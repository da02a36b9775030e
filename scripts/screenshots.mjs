#!/usr/bin/env node
// Takes the README's pictures from the running demo (what `npm start` shows), driving the workbench like a user
// in headless Chromium: `node scripts/screenshots.mjs` writes docs/images/*.png.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './e2e/codeServer.mjs';
import { ROOT } from './e2e/paths.mjs';
import { startDemo } from './demo.mjs';

const out = path.join(ROOT, 'docs', 'images');
const info = (...a) => console.error('[screenshots]', ...a);
const demo = await startDemo({ log: info });
let browser;
try {
  const launched = await launchBrowser(demo.url, { width: 1280, height: 820 });
  browser = launched.browser;
  const page = launched.page;
  await page.goto(demo.workbenchUrl, { waitUntil: 'domcontentloaded' });
  const tab = page.getByRole('tab', { name: /^Azure Key Vault/ });
  await tab.waitFor({ timeout: 90_000 });
  await tab.click();
  // Widen the side bar as a user would, by dragging its edge.
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box) {
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 230, y, { steps: 10 });
    await page.mouse.up();
  }
  const row = (label) => page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  const expand = async (label) => {
    await row(label).waitFor({ timeout: 30_000 });
    if ((await row(label).getAttribute('aria-expanded')) !== 'true') await row(label).click();
  };
  for (const label of ['Contoso', 'Contoso Production', 'contoso-prod-kv', 'Secrets']) await expand(label);
  await page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: 'api-client-secret' }).first().waitFor({ timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.mouse.move(900, 600);
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'tree.png') });
  // The walkthrough shows the same picture from inside the .vsix.
  fs.copyFileSync(path.join(out, 'tree.png'), path.join(ROOT, 'resources', 'walkthrough', 'tree.png'));
  info(`wrote ${path.relative(ROOT, path.join(out, 'tree.png'))} and resources/walkthrough/tree.png`);

  // A secret's actions: its context menu in the tree.
  await row('api-key').click({ button: 'right' });
  await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Copy Secret Value' }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, 'secret-actions.png') });
  info(`wrote ${path.relative(ROOT, path.join(out, 'secret-actions.png'))}`);
  await page.keyboard.press('Escape');

  // A reference in appsettings.json: the hover (metadata, never the value) and the warnings on bad references.
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget .quick-input-box input');
  await quickOpen.waitFor({ state: 'visible' });
  await quickOpen.fill('appsettings.json');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'appsettings.json' }).first().waitFor();
  await page.keyboard.press('Enter');
  const token = page.locator('.editor-group-container.active .view-lines span', { hasText: 'db-connection-string' }).first();
  await token.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(3000); // diagnostics are debounced
  const at = await token.boundingBox();
  if (at) await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.locator('.monaco-hover', { hasText: 'db-connection-string' }).first().waitFor({ timeout: 30_000 }).catch(() => info('no hover appeared'));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, 'references.png') });
  info(`wrote ${path.relative(ROOT, path.join(out, 'references.png'))}`);
} finally {
  await browser?.close().catch(() => {});
  await demo.stop();
}
