// The tree's tour: the README's pictures (tree, a secret's actions, a reference's hover), the walkthrough's picture
// and its ticks, and issue 14's items 3 (badges), 4 (tooltips, version rows) and 8 (view title, menus) as a person
// sees them. Journeys that need the default side bar width run before it is widened.
import fs from 'node:fs';
import path from 'node:path';
import { IMAGES, withTour } from './driver.mjs';
import { ROOT } from '../paths.mjs';

const SEED = JSON.parse(fs.readFileSync(path.join(ROOT, 'emulator', 'seeds', 'demo.json'), 'utf8'));
/** Every secret value in the demo seed: none may ever appear on screen. */
const SEED_VALUES = [];
(function collect(node) {
  if (Array.isArray(node)) node.forEach(collect);
  else if (node && typeof node === 'object') {
    if (typeof node.value === 'string' && node.value.length >= 6) SEED_VALUES.push(node.value);
    Object.values(node).forEach(collect);
  }
})(SEED.vaults);

const fail = (message) => {
  throw new Error(message);
};
/** Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (then throws with `what()`). */
async function until(fn, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) fail(typeof what === 'function' ? await what() : what);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function tourTree() {
  return withTour('tree', async (t) => {
    const { page, row, expand, check, shot, palette } = t;
    const sidebar = page.locator('.part.sidebar');
    const title = sidebar.locator('.composite.title');
    const menu = page.locator('.context-view .monaco-menu');
    const menuItems = () => menu.locator('.action-label').evaluateAll((els) => els.map((e) => e.textContent.trim()).filter(Boolean));
    /** A picture without moving the mouse (hovers stay open), optionally clipped to the union of `locators`. */
    const snap = async (file, locators = [], pad = 8) => {
      let clip;
      for (const box of await Promise.all(locators.map((l) => l.boundingBox({ timeout: 3_000 }).catch(() => null)))) {
        if (!box) continue;
        const [x, y] = [Math.max(0, box.x - pad), Math.max(0, box.y - pad)];
        const [r, b] = [box.x + box.width + pad, box.y + box.height + pad];
        clip = clip ? { x: Math.min(clip.x, x), y: Math.min(clip.y, y), r: Math.max(clip.r, r), b: Math.max(clip.b, b) } : { x, y, r, b };
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(IMAGES, file), ...(clip ? { clip: { x: clip.x, y: clip.y, width: Math.min(1280, clip.r) - clip.x, height: Math.min(820, clip.b) - clip.y } } : {}) });
      t.log(`wrote docs/images/${file}`);
    };
    /** What each visible tree row shows: level, label, description, decoration badge (CSS ::after) and colour. */
    const rows = () =>
      sidebar.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e) => {
          const label = e.querySelector('.monaco-icon-label');
          const badge = getComputedStyle(label, '::after').content;
          return {
            level: Number(e.getAttribute('aria-level')),
            name: e.querySelector('.label-name')?.textContent ?? '',
            description: e.querySelector('.label-description')?.textContent ?? '',
            badge: badge === 'none' || badge === 'normal' ? '' : badge.replace(/^"|"$/g, ''),
            color: getComputedStyle(e.querySelector('.label-name')).color,
          };
        }),
      );
    /** Drags the side bar's right edge by `dx` px, as a user resizes it. */
    const dragSidebarEdge = async (dx) => {
      const box = await sidebar.boundingBox();
      if (!box) return;
      const [x, y] = [box.x + box.width + 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + dx, y, { steps: 10 });
      await page.mouse.up();
    };
    const badgeOf = async (label) => (await rows()).find((r) => r.name === label)?.badge ?? '';

    // Signed in: the view's own title actions appear with the azureKeyVault.signedIn context.
    const signedIn = await check('the demo user is signed in (the view title shows Search Key Vault)', () => title.locator('.action-label.codicon-search').waitFor({ timeout: 60_000 }));
    const defaultWidth = (await sidebar.boundingBox())?.width ?? 0;

    // ── Item 8: the view title and its menus, at the default side bar width ──
    await check('item 8: the view title reads "Azure Key Vault", uncut, at the default side bar width', async () => {
      const h2 = title.locator('.title-label h2');
      const { text, scroll, client } = await h2.evaluate((e) => ({ text: e.textContent, scroll: e.scrollWidth, client: e.clientWidth }));
      if (text !== 'Azure Key Vault') fail(`the view title reads "${text}" (package.nls.json view.vaults.name not in effect?)`);
      if (scroll > client) fail(`the title is cut: scrollWidth ${scroll} > clientWidth ${client} at side bar width ${defaultWidth}`);
    });
    await check('item 8: the title bar has at most 4 action icons plus "More Actions…"', async () => {
      const labels = await title.locator('.title-actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const more = labels.filter((l) => /More Actions/.test(l));
      const icons = labels.filter((l) => !/More Actions/.test(l));
      if (more.length !== 1) fail(`no "More Actions…" in the title bar: ${labels.join(', ')}`);
      if (icons.length > 4) fail(`${icons.length} icons: ${icons.join(', ')}`);
    });
    await title.locator('.action-label.codicon-toolbar-more').click();
    await check('item 8: "More Actions…" has no "Sign in to Azure" while signed in', async () => {
      await menu.first().waitFor({ timeout: 10_000 });
      const items = await until(async () => ((await menuItems()).length ? menuItems() : undefined), 'the … menu is empty');
      if (!signedIn) fail('not signed in: cannot tell');
      if (items.some((i) => /Sign in to Azure/i.test(i))) fail(`the menu offers: ${items.join(' | ')}`);
    });
    await snap('issue14-8-title.png', [title, menu.first()], 12);
    await page.keyboard.press('Escape');

    for (const label of ['Contoso', 'Contoso Production', 'contoso-prod-kv']) await expand(label).catch(() => {});
    await row('contoso-prod-kv').click({ button: 'right' });
    await check('item 8: the emulator vault contoso-prod-kv has no "Open in Portal" in its context menu', async () => {
      await menu.first().waitFor({ timeout: 10_000 });
      const items = await until(async () => ((await menuItems()).length ? menuItems() : undefined), 'the context menu is empty');
      if (!items.some((i) => /Copy Vault URI/.test(i))) fail(`not the vault's menu: ${items.join(' | ')}`);
      if (items.some((i) => /Open in Portal/i.test(i))) fail(`the menu offers: ${items.join(' | ')}`);
    });
    await snap('issue14-8-vault-menu.png', [row('Contoso Production'), row('contoso-prod-kv'), menu.first()], 12);
    await page.keyboard.press('Escape');

    // ── Item 4: tooltips and version rows at the default width ──
    await expand('Secrets');
    await row('db-connection-string').waitFor({ timeout: 30_000 });
    const hover = page.locator('.workbench-hover').filter({ visible: true }).first();
    /** Rests the mouse on `target` until a hover shows (VS Code waits for the mouse to settle). */
    const hoverOn = (target, shown, what) =>
      until(async () => {
        await page.mouse.move(900, 600);
        await target.hover();
        return shown.waitFor({ timeout: 4_000 }).then(() => true);
      }, what, 30_000);
    await check('item 4: the "Secrets" group tooltip shows no internal id', async () => {
      await hoverOn(row('Secrets').locator('.label-name'), hover, 'no tooltip on the Secrets row');
      const text = await hover.innerText();
      if (!/Secrets/.test(text)) fail(`another tooltip: ${text}`);
      const bad = [/%2F/i, /tenant\//i, /\/subscriptions\//i, new RegExp(SEED.tenants[0].id), /^\//m].find((re) => re.test(text));
      if (bad) fail(`the tooltip shows ${bad}: ${JSON.stringify(text)}`);
    });
    await snap('issue14-4-tooltip.png', [sidebar.locator('.monaco-list-row').first(), hover, row('Keys')], 4);
    await page.mouse.move(900, 600);
    await expand('db-connection-string');
    await check('item 4: version rows begin with a date and "current" is visible at the default width', async () => {
      const versions = sidebar.locator('.monaco-list-row[aria-level="6"]');
      await until(async () => (await versions.count()) >= 3, 'db-connection-string (3 versions in the seed) shows fewer than 3 version rows');
      const shown = await versions.evaluateAll((els) =>
        els.map((e) => {
          const container = e.querySelector('.monaco-icon-label-container').getBoundingClientRect();
          const description = e.querySelector('.label-description');
          const text = `${e.querySelector('.label-name').textContent} ${description?.textContent ?? ''}`;
          let currentRight = null;
          const node = description?.firstChild;
          const at = node?.textContent?.indexOf('current') ?? -1;
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 'current'.length);
            currentRight = range.getBoundingClientRect().right;
          }
          return { text, currentRight, visibleRight: container.right };
        }),
      );
      const undated = shown.filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s.text));
      if (undated.length) fail(`rows not led by a date: ${undated.map((s) => s.text).join(' | ')}`);
      const current = shown.filter((s) => s.currentRight !== null);
      if (current.length !== 1) fail(`${current.length} rows say "current": ${shown.map((s) => s.text).join(' | ')}`);
      // The ellipsis takes ~12 px at the end of the visible text.
      if (current[0].currentRight > current[0].visibleRight - 12) fail(`"current" is cut: it ends at ${current[0].currentRight}, the row shows up to ${current[0].visibleRight} (side bar ${defaultWidth} px)`);
    });
    await shot('issue14-4-versions.png', { locator: sidebar });
    await row('db-connection-string').click();

    // ── Item 3: badges agree with labels, groups count their coloured rows, the vault sums them ──
    for (const label of ['Keys', 'Certificates']) await expand(label);
    await row('payments-tls').waitFor({ timeout: 30_000 }).catch(() => {});
    const groups = ['Secrets', 'Keys', 'Certificates'];
    /** The rows under each group of contoso-prod-kv (levels: vault 3, group 4, item 5). */
    const byGroup = async () => {
      const all = await rows();
      const vault = all.findIndex((r) => r.name === 'contoso-prod-kv');
      const result = { vault: all[vault], groups: {} };
      let current;
      for (const r of all.slice(vault + 1)) {
        if (r.level <= 3) break;
        if (r.level === 4) result.groups[r.name] = current = { row: r, items: [] };
        else if (r.level === 5 && current) current.items.push(r);
      }
      return result;
    };
    const plain = (await rows()).find((r) => r.name === 'api-key')?.color;
    /** What disagrees in a snapshot: rows whose badge is not their description's day count ('!' when expired). */
    const rowProblems = (g) => {
      const wrong = [];
      for (const name of groups)
        for (const r of g.groups[name]?.items ?? []) {
          const days = /expires in (\d+) days?/.exec(r.description)?.[1];
          const expected = days ?? (/expired/.test(r.description) ? '!' : /expires today/.test(r.description) ? '0' : '');
          if (r.badge === expected && (expected === '' || r.color !== plain)) continue;
          // One rule for certificate-managed rows: either coloured and counted, or neither (the certificate carries it).
          if (r.badge === '' && r.color === plain && /managed by certificate/.test(r.description)) continue;
          if (r.badge === 'D' && /disabled/.test(r.description) && !expected) continue;
          wrong.push(`${name}/${r.name} "${r.description}" badge "${r.badge}"`);
        }
      return wrong;
    };
    /** ... and groups whose badge is not their number of coloured rows, a vault badge that is not the sum. */
    const sumProblems = (g) => {
      let total = 0;
      const wrong = [];
      for (const name of groups) {
        const group = g.groups[name];
        if (!group?.items.length) {
          wrong.push(`${name}: no rows`);
          continue;
        }
        const coloured = group.items.filter((r) => /^(\d+|!)$/.test(r.badge) && r.color !== plain).length;
        total += coloured;
        if (group.row.badge !== (coloured ? String(coloured) : '')) wrong.push(`${name}: badge "${group.row.badge}", ${coloured} coloured rows`);
      }
      if (g.vault?.badge !== (total ? String(total) : '')) wrong.push(`vault: badge "${g.vault?.badge}", sum ${total}`);
      return wrong;
    };
    // Decorations arrive after the rows: wait (≤ 20 s) for a snapshot where everything agrees, else judge the last.
    let loaded = await byGroup();
    await until(async () => {
      loaded = await byGroup();
      return !rowProblems(loaded).length && !sumProblems(loaded).length;
    }, '', 20_000).catch(() => {});
    await check('item 3: each row\'s badge agrees with its "expires in N days" / "expired" description', () => {
      const wrong = rowProblems(loaded);
      if (wrong.length) fail(wrong.join('; '));
    });
    const sum = await check('item 3: each group\'s badge equals its number of coloured rows, the vault\'s badge is their sum', () => {
      const wrong = sumProblems(loaded);
      if (wrong.length) fail(wrong.join('; '));
    });
    await shot('issue14-3-badges.png', { locator: sidebar });
    await check('item 3: the vault\'s badge is unchanged after Refresh and re-expanding its groups', async () => {
      const before = loaded.vault.badge;
      if (!sum || !before) fail(`no stable roll-up to compare (vault badge "${before}")`);
      await title.locator('.action-label.codicon-refresh').click();
      const samples = [];
      for (let i = 0; i < 12; i++) {
        samples.push(await badgeOf('contoso-prod-kv').catch(() => '?'));
        await page.waitForTimeout(250);
      }
      await expand('contoso-prod-kv');
      for (const label of groups) await expand(label);
      await row('payments-tls').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      samples.push(await badgeOf('contoso-prod-kv'));
      if (samples.some((s) => s !== before)) fail(`before "${before}", after refresh: ${samples.map((s) => `"${s}"`).join(' ')}`);
    });

    // ── Item 8: the walkthrough ticks its steps on the real events (at the default width: a roomy editor) ──
    await palette('Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Azure Key Vault Explorer' }).first();
    const opened = await check('item 8: the walkthrough "Get started with Azure Key Vault Explorer" opens from Welcome: Open Walkthrough...', async () => {
      await pick.waitFor({ timeout: 15_000 });
      await pick.click();
      await page.locator('.getting-started-step[data-step-id$="#signIn"]').waitFor({ timeout: 15_000 });
    });
    const step = (id) => page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
    const ticked = (id) => step(id).locator('.codicon-getting-started-step-checked').waitFor({ timeout: 15_000 });
    if (opened) {
      const preTicked = await step('signIn').getAttribute('aria-checked');
      t.log(`before any click the Sign in step is ${preTicked === 'true' ? 'ticked' : 'NOT ticked'} (signed in: onContext:azureKeyVault.signedIn)`);
      // No Escape here: with the Welcome page focused (the picker not focused yet, under load) Escape is VS Code's
      // "Welcome: Go Back", which leaves the walkthrough for its index, where every step button is disabled. A step's
      // picker is left open: the next step's palette (F1) replaces it, which cancels it.
      const walk = [
        ['signIn', 'Sign in to Azure', async () => {
          const toast = t.notification('Already signed in to Azure as');
          await toast.waitFor({ timeout: 15_000 });
          if (!/demo@contoso\.onmicrosoft\.com/.test(await toast.innerText())) fail(`the notification does not say as whom: ${await toast.innerText()}`);
        }],
        ['filter', 'Select Subscriptions', async () => {
          await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Contoso Production' }).first().waitFor({ timeout: 15_000 });
        }],
        ['find', 'Search Key Vault', async () => {
          await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
        }],
        ['reference', 'Insert Key Vault Reference', async () => {
          const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /editor|file/i }).first();
          await toast.waitFor({ timeout: 15_000 });
        }],
      ];
      for (const [id, button, after] of walk) {
        await check(`item 8: walkthrough step "${id}" ticks after its "${button}" button`, async () => {
          // The previous step's toast ("Already signed in…") may lie over this step's row: cleared first.
          await palette('Notifications: Clear All Notifications').catch(() => {});
          // Still on the walkthrough's steps? If the Welcome page went back to its index anyway (seen in CI after the
          // find step), the walkthrough is opened again the way a user would, and the tour log says so.
          if (!(await page.locator('.gettingStarted.showDetails').waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
            t.log(`before step "${id}" the Welcome page had left the walkthrough for its index: opened again from Welcome: Open Walkthrough...`);
            await palette('Welcome: Open Walkthrough...');
            await pick.waitFor({ timeout: 15_000 });
            await pick.click();
            await page.locator('.gettingStarted.showDetails').waitFor({ timeout: 15_000 });
          }
          await step(id).scrollIntoViewIfNeeded();
          await step(id).click();
          const link = step(id).locator('.button-container .monaco-button', { hasText: button });
          await link.waitFor({ timeout: 10_000 });
          await link.click();
          await after();
          await ticked(id);
        });
      }
      await palette('Notifications: Clear All Notifications').catch(() => {});
      await check('item 8: all four walkthrough steps show as completed', async () => {
        const states = await page.locator('.getting-started-step').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step-id').split('#').pop()}=${e.getAttribute('aria-checked')}`));
        if (states.length !== 4 || states.some((s) => !s.endsWith('=true'))) fail(states.join(', '));
      });
      await shot('walkthrough.png');
    }
    await palette('View: Close All Editors').catch(() => {});

    // ── README pictures, with the side bar widened by dragging its edge ──
    await dragSidebarEdge(230);
    for (const label of ['Keys', 'Certificates']) if ((await row(label).getAttribute('aria-expanded')) === 'true') await row(label).click();
    // No row selected or focused in the picture.
    await page.keyboard.press('Escape');
    await page.mouse.click(900, 650);
    await check('README tree.png: the widened side bar shows contoso-prod-kv\'s secrets with their descriptions uncut', async () => {
      const width = (await sidebar.boundingBox())?.width ?? 0;
      if (width < defaultWidth + 150) fail(`the side bar did not widen: ${defaultWidth} → ${width}`);
      for (const label of ['contoso-prod-kv', 'Secrets', 'db-connection-string', 'api-key', 'payment-gateway-secret']) await row(label).waitFor({ timeout: 15_000 });
      const cut = await sidebar.locator('.monaco-list-row[aria-level="5"] .monaco-icon-label-container').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      if (cut.length) fail(`cut rows: ${cut.join(' | ')}`);
    });
    await page.waitForTimeout(1000);
    await shot('tree.png');
    const walkthroughPicture = path.join(ROOT, 'resources', 'walkthrough', 'tree.png');
    // The walkthrough's picture: the side bar down to its last row (no empty panel below).
    const bar = await sidebar.boundingBox();
    const bottom = await sidebar.locator('.monaco-list-row').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom)));
    await shot('tree.png', { clip: { x: bar.x, y: bar.y, width: bar.width, height: Math.min(bar.height, bottom - bar.y + 16) }, to: walkthroughPicture });
    await check('walkthrough picture resources/walkthrough/tree.png is the side bar alone, at full size', async () => {
      const png = fs.readFileSync(walkthroughPicture);
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      if (w >= 1280 || w < 400 || h < 300) fail(`${w}×${h}: not a legible crop of the side bar`);
    });

    await row('api-key').click({ button: 'right' });
    await check('README secret-actions.png: api-key\'s context menu offers "Copy Secret Value"', async () => {
      await menu.locator('.action-label', { hasText: 'Copy Secret Value' }).first().waitFor({ timeout: 15_000 });
    });
    await shot('secret-actions.png');
    await page.keyboard.press('Escape');

    // Back to the default width: the editor wide enough to show the warnings next to the hover.
    await dragSidebarEdge(-230);
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget .quick-input-box input');
    await quickOpen.waitFor({ state: 'visible' });
    await quickOpen.fill('appsettings.json');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'appsettings.json' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-group-container.active .monaco-editor');
    const token = editor.locator('.view-lines span', { hasText: 'db-connection-string' }).first();
    await check('README references.png: appsettings.json shows warnings on its bad references', async () => {
      await token.waitFor({ timeout: 30_000 });
      await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 20_000 });
    });
    const refHover = page.locator('.monaco-hover', { hasText: 'db-connection-string' }).filter({ visible: true }).first();
    await check('README references.png: the hover on db-connection-string names the secret, shows no secret value and no portal link (local vault)', async () => {
      await hoverOn(token, refHover, 'no hover appeared on db-connection-string');
      const text = await refHover.innerText();
      const leaked = SEED_VALUES.filter((v) => text.includes(v));
      if (leaked.length) fail(`the hover shows ${leaked.length} secret value(s)`);
      if (!/contoso-prod-kv/.test(text)) fail(`the hover does not name the vault: ${JSON.stringify(text.slice(0, 200))}`);
      // Item 8: a local (emulator) vault has no portal, in the hover as in the tree.
      if (/Open in portal/i.test(text)) fail('the hover offers "Open in portal" for an emulator vault');
    });
    await snap('references.png');
  });
}
