// The UI tour of issue 14's actions (items 1, 2, 5, 6, 7, 9): what a person sees when editing a secret under the
// browser's default autosave, saving one deleted meanwhile, using quick fixes and hovers on references, reading a
// write's notification, picking keys and vaults, and searching. Counts come from the emulator's data plane.
import fs from 'node:fs';
import { Agent, fetch } from 'undici';
import path from 'node:path';
import { IMAGES, withTour } from './driver.mjs';

const PROD = 'contoso-prod-kv';
const DEV = 'contoso-dev-kv';
const RESTRICTED = 'contoso-restricted-kv';
const GONE = 'storage-account-key'; // deleted behind the extension's back (item 2), then recovered
const TOGGLE = 'ConnectionStrings--Redis'; // disabled, then Undo (item 6)
const API = 'api-version=7.5';
const quick = '.quick-input-widget';

/** Polls `fn` until it returns truthy (or stops throwing); throws the last error after `ms`. */
async function until(fn, ms = 20_000, what = 'condition') {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = new Error(`timed out waiting for ${what}`);
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw last;
    await new Promise((r) => setTimeout(r, 300));
  }
}

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

/** The emulator's data plane, as the demo user (a token from the control API). */
function dataPlane(info) {
  const dispatcher = new Agent({ connect: { ca: fs.readFileSync(info.ca) } });
  const contoso = info.tenants.find((x) => x.displayName === 'Contoso')?.id ?? info.tenants[0].id;
  let token;
  const call = async (method, url, body) => {
    const res = await fetch(url, { method, dispatcher, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    async vault(method, vault, path) {
      token ??= (await call('POST', `${info.control}/token`, { tenantId: contoso, audience: 'vault', objectId: '0d3e0a11-7c2b-4f59-a1d8-3e6f9b2c4d10' })).json.access_token;
      const base = info.vaults[vault].replace(/\/$/, '');
      return call(method, `${base}${path}${path.includes('?') ? '&' : '?'}${API}`);
    },
    async versions(vault, name) {
      const r = await this.vault('GET', vault, `/secrets/${name}/versions?maxresults=25`);
      assert(r.status === 200, `versions of ${name}: HTTP ${r.status}`);
      return r.json.value.length;
    },
  };
}

export async function tourActions() {
  return withTour('actions', async (t) => {
    const { page, row, expand, check, shot } = t;
    const dp = dataPlane(t.demo.emulator);
    const rows = page.locator(`${quick} .monaco-list-row`);
    const quickRow = (text) => rows.filter({ hasText: text }).first();
    const rowTexts = async () => (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    const escape = async () => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    };
    /** Runs `Azure Key Vault: <title>` from the palette (the exact row, not a longer title that starts alike). */
    const command = async (title) => {
      await page.keyboard.press('F1');
      const input = page.locator(`${quick} .quick-input-box input`);
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^Azure Key Vault: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
      await exact.waitFor({ timeout: 15_000 });
      await exact.click();
    };
    // A context menu action as a user clicks it; a click the menu lost (it re-rendered under load) is tried again.
    const menu = async (label, action) => {
      for (let attempt = 1; ; attempt++) {
        await row(label).click({ button: 'right' });
        const item = page.locator('.context-view .monaco-menu .action-label', { hasText: new RegExp(`^${action}`) }).first();
        await item.waitFor({ timeout: 15_000 });
        await item.click();
        const closed = await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
        if (closed) return;
        if (attempt === 3) throw new Error(`the "${action}" menu item of ${label} did not run (the menu stayed open)`);
        await page.keyboard.press('Escape');
      }
    };
    const textarea = () => page.locator('iframe.webview.ready').filter({ visible: true }).last().contentFrame().locator('#active-frame').contentFrame().locator('textarea#value');
    const tab = (name) => page.locator('.tabs-container .tab', { hasText: name }).first();
    const typeInEditor = async (text) => {
      const area = textarea();
      await area.waitFor({ timeout: 30_000 });
      await until(async () => !(await area.evaluate((e) => e.readOnly)), 15_000, 'the value to load');
      await area.click();
      await page.keyboard.press('End');
      await page.keyboard.type(text, { delay: 40 });
    };
    /** A VS Code command by its palette title (best effort: Escape when it is not there). */
    const workbench = async (title) => {
      await page.keyboard.press('F1');
      await page.locator(`${quick} .quick-input-box input`).fill(`>${title}`);
      await quickRow(title).click({ timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
    };
    const closeEditors = async () => {
      await page.keyboard.press('Escape');
      await page.locator('.part.sidebar').click({ position: { x: 10, y: 5 } }).catch(() => {});
      await workbench('View: Revert and Close Editor');
    };
    const clearNotifications = () => workbench('Notifications: Clear All Notifications');

    // ---- Item 1: autosave is on by default in the browser, yet pauses add no version; Ctrl+S adds one.
    await check('item 1: the browser workbench has File > Auto Save checked by default', async () => {
      await page.locator('.menubar-menu-button').first().click();
      await page.locator('.monaco-menu .action-menu-item', { hasText: /^File$/ }).first().hover();
      const autoSave = page.locator('.monaco-menu [role="menuitemcheckbox"]', { hasText: 'Auto Save' }).first();
      await autoSave.waitFor({ timeout: 10_000 });
      assert((await autoSave.getAttribute('aria-checked')) === 'true', 'Auto Save is not checked');
    });
    await escape();
    for (const label of ['Contoso', 'Contoso Production', PROD, 'Secrets']) await expand(label);
    const before1 = await dp.versions(PROD, 'api-key');
    const edited = await check('item 1: after typing and a 3 s pause the Edit Secret Value tab stays dirty and no version is added', async () => {
      await menu('api-key', 'Edit Secret Value');
      await typeInEditor('-rotated');
      await page.locator('.tabs-container .tab.dirty', { hasText: 'api-key' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(3_000); // several autosave delays (1 s each)
      assert(await tab('api-key').evaluate((e) => e.classList.contains('dirty')), 'the tab is no longer dirty');
      assert((await dp.versions(PROD, 'api-key')) === before1, 'a pause created a version');
    });
    await shot('issue14-1-autosave.png');
    if (edited) {
      await check('item 1: Ctrl+S in the editor (confirmed) adds exactly one version', async () => {
        await textarea().click();
        await page.keyboard.press('Control+s');
        const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Save New Version' }).first();
        await confirm.waitFor({ timeout: 15_000 });
        await confirm.click();
        await until(async () => (await dp.versions(PROD, 'api-key')) === before1 + 1, 15_000, 'one new version');
        await until(async () => !(await tab('api-key').evaluate((e) => e.classList.contains('dirty'))), 10_000, 'the tab to be clean');
        await page.waitForTimeout(1_500);
        assert((await dp.versions(PROD, 'api-key')) === before1 + 1, 'more than one version was added');
      });
    }
    await closeEditors();

    // ---- Item 2: a secret deleted behind the extension's back while its editor is open.
    const before2 = await dp.versions(PROD, GONE);
    const deleted = await check('item 2: saving a secret deleted meanwhile says so with Recover; the tab says (deleted); no Save As', async () => {
      await clearNotifications();
      await menu(GONE, 'Edit Secret Value');
      await typeInEditor('-mine');
      const del = await dp.vault('DELETE', PROD, `/secrets/${GONE}`);
      assert(del.status === 200, `delete: HTTP ${del.status}`);
      // As a person would: some time later, once the vault lists it as deleted (the emulator takes 1 s).
      await until(async () => (await dp.vault('GET', PROD, `/deletedsecrets/${GONE}`)).status === 200, 15_000, 'the delete to complete');
      await textarea().click();
      await page.keyboard.press('Control+s');
      const toast = t.notification(`${GONE} was deleted in ${PROD}`);
      await toast.waitFor({ timeout: 20_000 });
      const text = (await toast.innerText()).replace(/\s+/g, ' ');
      assert(/Not saved/.test(text) && !/Unable to write|FileSystemError|Unavailable/.test(text), `message: ${text}`);
      await toast.locator('.monaco-button', { hasText: /^Recover$/ }).waitFor({ timeout: 5_000 });
      await tab(`${GONE} (deleted)`).waitFor({ timeout: 10_000 });
      assert(!(await page.locator('.monaco-dialog-box').isVisible()), 'a dialog appeared');
      assert(!(await page.locator(quick).isVisible()), 'a Save As picker appeared');
      const got = await dp.vault('GET', PROD, `/secrets/${GONE}`);
      assert(got.status === 404, `the secret answers HTTP ${got.status} (a version was written?)`);
    });
    await shot('issue14-2-deleted.png');
    if (deleted) {
      await check('item 2: Recover in the notification brings the secret back (data plane 200, no version added) and unmarks the tab', async () => {
        await page.mouse.move(700, 400);
        await t.notification(`${GONE} was deleted`).locator('.monaco-button', { hasText: /^Recover$/ }).click();
        await until(async () => (await dp.vault('GET', PROD, `/secrets/${GONE}`)).status === 200, 25_000, 'the secret to be recovered');
        await until(async () => (await page.locator('.tabs-container .tab', { hasText: '(deleted)' }).count()) === 0, 15_000, 'the tab to lose "(deleted)"');
        await tab(GONE).waitFor({ timeout: 5_000 });
        assert((await dp.versions(PROD, GONE)) === before2, 'the failed save added a version');
      });
    }
    await closeEditors();
    if ((await dp.vault('GET', PROD, `/secrets/${GONE}`)).status !== 200) await dp.vault('POST', PROD, `/deletedsecrets/${GONE}/recover`);

    // ---- Item 5: quick fixes and hovers on the demo workspace's references (appsettings.json).
    await page.keyboard.press('Control+P');
    await page.locator(`${quick} .quick-input-box input`).fill('appsettings.json');
    await quickRow('appsettings.json').waitFor();
    await page.keyboard.press('Enter');
    const editorLines = page.locator('.editor-group-container.active .view-lines');
    /** Moves the mouse over (or clicks into) the name `name` inside its reference on the editor's line. */
    const at = async (name, click) => {
      const span = editorLines.locator('span', { hasText: name }).last();
      await span.waitFor({ timeout: 30_000 });
      const [box, text] = [await span.boundingBox(), await span.innerText()];
      const x = box.x + (box.width * (text.indexOf(name) + name.length / 2)) / text.length;
      const y = box.y + box.height / 2;
      if (click) await page.mouse.click(x, y);
      else await page.mouse.move(x, y);
    };
    const codeActions = async (name, expected) => {
      await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ timeout: 30_000 });
      return until(async () => {
        await at(name, true);
        await page.keyboard.press('Control+.');
        const list = page.locator('.action-widget .monaco-list-row');
        const shown = await list.first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
        const items = shown ? (await list.allInnerTexts()).map((s) => s.trim()) : [];
        if (!items.some((s) => expected.test(s))) {
          await page.keyboard.press('Escape');
          return undefined;
        }
        return items;
      }, 30_000, `quick fixes on ${name}`);
    };
    await check('item 5: an expired reference (legacy-token) offers New Version… and Extend the expiry…', async () => {
      const items = await codeActions('legacy-token', /New Version/);
      assert(items.some((s) => /^New Version of secret "legacy-token"…$/.test(s)), `items: ${items.join(' | ')}`);
      assert(items.some((s) => /^Extend the expiry of secret "legacy-token"…$/.test(s)), `items: ${items.join(' | ')}`);
    });
    await shot('issue14-5-quickfix.png');
    await page.keyboard.press('Escape');
    await check('item 5: a missing secret (retired-key) offers Create… and no Reveal', async () => {
      const items = await codeActions('retired-key', /Create/);
      assert(items.some((s) => /^Create the secret "retired-key" in contoso-prod-kv…$/.test(s)), `items: ${items.join(' | ')}`);
      assert(!items.some((s) => /Reveal/.test(s)), `Reveal offered: ${items.join(' | ')}`);
    });
    await shot('issue14-5-missing.png');
    await page.keyboard.press('Escape');
    await check('item 5: the hover on a disabled secret (tls-cert-password) says it is disabled and offers no Copy value', async () => {
      const hover = page.locator('.monaco-hover', { hasText: 'Enabled:' }).first();
      await until(async () => {
        await page.mouse.move(5, 5);
        await at('tls-cert-password', false);
        await hover.waitFor({ timeout: 5_000 });
        return true;
      }, 30_000, 'the hover');
      const text = await hover.innerText();
      assert(/tls-cert-password/.test(text) && /Enabled: no/.test(text.replace(/\s+/g, ' ')), `hover: ${text}`);
      assert(/Reveal in Key Vault Explorer/.test(text) && !/Copy value/.test(text), `hover: ${text}`);
    });
    // Not t.shot: it moves the mouse away, which hides the hover.
    await page.screenshot({ path: path.join(IMAGES, 'issue14-5-hover-disabled.png') });
    t.log('wrote docs/images/issue14-5-hover-disabled.png');
    await page.mouse.move(5, 5);
    await escape();

    // ---- Item 6: a write's notification (Reveal, Undo); a copy's status-bar message.
    await clearNotifications();
    const disabled = await check('item 6: Disable Secret ends with a notification with Reveal and Undo (after a confirmation naming the workspace files that use it, when any do)', async () => {
      await menu(TOGGLE, 'Disable Secret');
      const toast = t.notification(`Disabled secret "${TOGGLE}"`);
      // Issue 19: a secret the workspace uses is disabled only after a confirmation that says so.
      const dialog = page.locator('.monaco-dialog-box');
      await until(async () => (await dialog.isVisible()) || (await toast.isVisible()), 20_000, 'a confirmation or the notification');
      if (await dialog.isVisible()) {
        const text = await dialog.innerText();
        assert(/Used in \d+ files? of the workspace/.test(text), `the confirmation does not say where it is used: ${text}`);
        await dialog.locator('.monaco-button', { hasText: /^Disable$/ }).click();
      }
      await toast.waitFor({ timeout: 20_000 });
      const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((s) => s.trim());
      assert(buttons.includes('Reveal') && buttons.includes('Undo'), `buttons: ${buttons.join(', ')}`);
    });
    await shot('issue14-6-notice.png');
    if (disabled) {
      await check('item 6: Undo in the notification enables the secret again (data plane enabled: true)', async () => {
        await page.mouse.move(700, 400);
        await t.notification(`Disabled secret "${TOGGLE}"`).locator('.monaco-button', { hasText: /^Undo$/ }).click();
        await until(async () => (await dp.vault('GET', PROD, `/secrets/${TOGGLE}`)).json?.attributes?.enabled === true, 20_000, 'enabled');
      });
    }
    await clearNotifications();
    await page.waitForTimeout(500);
    await check('item 6: Copy Secret Value says what was copied in the status bar, with no notification', async () => {
      await menu('api-key', 'Copy Secret Value');
      const message = page.locator('.part.statusbar', { hasText: 'Copied the value of api-key' });
      await message.waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1_000);
      assert((await page.locator('.notifications-toasts .notification-toast').count()) === 0, 'a notification appeared');
    });
    const bar = await page.locator('.part.statusbar').boundingBox();
    await shot('issue14-6-copied.png', bar ? { clip: { x: 0, y: bar.y - 120, width: 760, height: bar.height + 120 } } : {});

    // ---- Item 9: Search shows the vault it cannot read, with the reason.
    await check(`item 9: Search (Ctrl+Alt+K) shows ${RESTRICTED} as a row saying why it could not be read`, async () => {
      await page.locator('.part.sidebar').click({ position: { x: 10, y: 5 } }).catch(() => {});
      await page.keyboard.press('Control+Alt+K');
      await page.locator(`${quick} .quick-input-box input`).waitFor({ state: 'visible' });
      await page.keyboard.type('password');
      const denied = quickRow(RESTRICTED);
      await denied.waitFor({ timeout: 30_000 });
      const text = (await denied.innerText()).replace(/\s+/g, ' ');
      assert(/could not be read/i.test(text) && /role|access|firewall/i.test(text), `row: ${text}`);
    });
    await shot('issue14-9-search.png');
    await escape();
    await check('item 9: Expiring Soon names the key role (not Secrets User) for the keys it could not list', async () => {
      await command('Show Expiring Soon…');
      // The legacy vault's access policy refuses its keys and certificates too: narrowed to the restricted vault's rows
      // (the list is virtualised: rows out of view are not rendered).
      await page.locator(`${quick} .quick-input-box input`).waitFor({ state: 'visible' });
      await quickRow(`${RESTRICTED}: could not list`).waitFor({ timeout: 30_000 });
      await page.keyboard.type(RESTRICTED);
      const keys = quickRow(`${RESTRICTED}: could not list keys`);
      await keys.waitFor({ timeout: 30_000 });
      const text = (await keys.innerText()).replace(/\s+/g, ' ');
      assert(!/Secrets User/.test(text) && /Crypto User|Key Vault Reader/.test(text), `row: ${text}`);
      const certs = (await quickRow(`${RESTRICTED}: could not list certificates`).innerText()).replace(/\s+/g, ' ');
      assert(!/Secrets User/.test(certs) && /Certificate/.test(certs), `row: ${certs}`);
    });
    await shot('issue14-9-expiring.png');
    await escape();

    // ---- Item 7: pickers (an editor with a selection is open: appsettings.json).
    await page.locator('.editor-group-container.active .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await check('item 7: the vault picker shows each vault\'s subscription and directory, and marks the unreadable vault', async () => {
      await command('Encrypt Selection with Key Vault Key');
      await quickRow(PROD).waitFor({ timeout: 30_000 });
      const all = await rowTexts();
      const prod = all.find((s) => s.startsWith(PROD));
      assert(prod && /Contoso Production/.test(prod) && /Contoso/.test(prod.replace('Contoso Production', '')), `row: ${prod}`);
      const dev = all.find((s) => s.startsWith(DEV));
      assert(dev && /Contoso Development/.test(dev), `row: ${dev}`);
      const denied = all.find((s) => s.includes(RESTRICTED));
      assert(denied && /could not read|cannot read|no access|no data-plane role/i.test(denied), `row: ${denied}`);
    });
    await shot('issue14-7-vaults.png');
    await check('item 7: the encrypt key picker lists only data-encryption-key (no EC, no sign-only key)', async () => {
      await page.keyboard.type(PROD);
      await page.keyboard.press('Enter');
      await quickRow('data-encryption-key').waitFor({ timeout: 30_000 });
      const names = await rowTexts();
      for (const other of ['app-signing-key', 'jwt-signing-ec', 'legacy-wrap-key']) assert(!names.some((s) => s.includes(other)), `offered ${other}: ${names.join(' | ')}`);
    });
    await shot('issue14-7-keys.png');
    await escape();
    await check('item 7: Insert Reference\'s secret picker flags the expired and the disabled secret', async () => {
      await command('Insert Reference');
      await quickRow('Secret').click({ timeout: 15_000 });
      await quickRow(PROD).waitFor({ timeout: 15_000 });
      await page.keyboard.type(PROD);
      await page.keyboard.press('Enter');
      await quickRow('legacy-token').waitFor({ timeout: 30_000 });
      const all = await rowTexts();
      const get = (n) => all.find((s) => s.startsWith(n)) ?? '';
      assert(/expired/.test(get('legacy-token')), `legacy-token: ${get('legacy-token')}`);
      assert(/disabled/.test(get('tls-cert-password')), `tls-cert-password: ${get('tls-cert-password')}`);
      assert(!/expired|disabled/.test(get('api-key')), `api-key: ${get('api-key')}`);
    });
    await shot('issue14-7-insert.png');
    await escape();
  });
}
