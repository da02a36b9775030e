import * as assert from 'node:assert/strict';
import { allCommandIds } from '../../src/model/commandIds';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, repoRoot } from './repoRoot';

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents?: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: unknown };
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    viewsWelcome: { view: string; contents: string }[];
    menus: Record<string, { command: string; submenu?: string; when?: string }[]>;
    submenus?: { id: string; label: string }[];
  };
}

/** package.json with its %key% placeholders resolved from package.nls.json, as VS Code loads it. */
function resolved<T>(value: T, nls: Record<string, string>): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    if (typeof v !== 'string') return v;
    const m = /^%([\w.-]+)%$/.exec(v);
    if (!m) return v;
    const text = nls[m[1]!];
    assert.ok(text !== undefined, `package.nls.json has no ${m[1]}`);
    return text;
  }) as T;
}

const nls = readJson<Record<string, string>>('package.nls.json');
const manifest = resolved(readJson<Manifest>('package.json'), nls);
const declared = manifest.contributes.commands.map((c) => c.command);
const submenus = (manifest.contributes.submenus ?? []).map((s) => s.id);

describe('package.json manifest', () => {
  it('is localisation-ready: every user-facing text is a %key% of package.nls.json', () => {
    const raw = readJson<Manifest>('package.json');
    for (const c of raw.contributes.commands) assert.match(c.title, /^%command\.[\w.]+%$/, c.command);
    for (const w of raw.contributes.viewsWelcome) assert.match(w.contents, /^%viewsWelcome\./);
    assert.ok(Object.keys(nls).length >= raw.contributes.commands.length);
  });

  it('declares exactly the commands the code registers (src/commands/ids.ts)', () => {
    assert.deepEqual([...declared].sort(), [...allCommandIds].sort());
    assert.equal(new Set(declared).size, declared.length, 'duplicate command ids');
  });

  it('uses the azureKeyVault prefix and a category for every command', () => {
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^azureKeyVault\.[a-zA-Z]+$/);
      assert.equal(c.category, 'Azure Key Vault', c.command);
    }
  });

  it('menus and welcome links only name declared commands', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.submenu !== undefined) assert.ok(submenus.includes(entry.submenu), `${menu}: submenu ${entry.submenu}`);
        else assert.ok(declared.includes(entry.command), `${menu}: ${entry.command}`);
      }
    }
    for (const welcome of manifest.contributes.viewsWelcome) {
      for (const [, id] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(declared.includes(id!), id);
    }
  });

  it('parenthesises when clauses that mix && and ||', () => {
    for (const entries of Object.values(manifest.contributes.menus)) {
      for (const { when } of entries) {
        if (when && when.includes('&&') && when.includes('||')) assert.match(when, /\(.*\)/, when);
      }
    }
  });

  it('activates on its view, its commands, the languages of files that hold references and a debug session (no "*", no onStartupFinished)', () => {
    const events = manifest.activationEvents ?? [];
    // onDebug: the debug configuration provider of every type (issue 20) must be registered before a launch resolves.
    for (const event of events) assert.match(event, /^(onLanguage:[\w-]+|onDebug)$/, event);
    for (const language of ['json', 'jsonc', 'yaml', 'bicep', 'terraform', 'csharp']) assert.ok(events.includes(`onLanguage:${language}`), language);
  });

  it('contributes the view container, the view and its signed-out welcome', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'azureKeyVault');
    assert.ok(container);
    assert.match(container.icon, /^resources\/.+\.svg$/);
    assert.ok(manifest.contributes.views.azureKeyVault?.some((v) => v.id === 'azureKeyVault.vaults'));
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'azureKeyVault.vaults');
    assert.match(welcome?.contents ?? '', /\[Sign in to Azure\]\(command:azureKeyVault\.signIn\)/);
    assert.match(welcome?.contents ?? '', /\(command:azureKeyVault\.attachVault\)/);
  });

  it('targets a VS Code no newer than the e2e VS Code (1.139) and matches @types/vscode', () => {
    const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    assert.ok(engine, manifest.engines.vscode);
    assert.ok(Number(engine[1]) === 1 && Number(engine[2]) <= 139, manifest.engines.vscode);
    const types = /(\d+)\.(\d+)\.\d+/.exec(manifest.devDependencies['@types/vscode'] ?? '');
    assert.ok(types && types[2] === engine[2], '@types/vscode must match engines.vscode');
  });

  it('has a 128×128 PNG Marketplace icon', () => {
    const icon = (readJson<{ icon?: string }>('package.json')).icon;
    assert.equal(icon, 'resources/icon.png');
    const png = fs.readFileSync(path.join(repoRoot, icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('declares workspace trust and virtual workspace support deliberately', () => {
    assert.ok(manifest.capabilities.untrustedWorkspaces.supported !== undefined);
    assert.ok(manifest.capabilities.virtualWorkspaces !== undefined);
  });
});
