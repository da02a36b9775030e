#!/usr/bin/env node
// package.json's `contributes` is assembled from the fragments in manifest/*.json (in file-name order), so each
// feature area owns its commands, menus and settings in its own file. Arrays are concatenated, objects merged.
// User-facing texts stay plain English in the fragments; this script moves them into package.nls.json and puts
// `%key%` placeholders in package.json, so the manifest is localisation-ready (package.nls.<lang>.json files
// translate them). It also writes the README's commands and settings tables (between generated markers).
//   node scripts/manifest.mjs          rewrite package.json's contributes from the fragments
//   node scripts/manifest.mjs --check  exit 1 when package.json is out of date (npm test runs this)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function merge(target, source, where) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) target[key] = structuredClone(value);
    else if (Array.isArray(existing) && Array.isArray(value)) existing.push(...structuredClone(value));
    else if (existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)) merge(existing, value, `${where}.${key}`);
    else throw new Error(`manifest: ${where}.${key} is defined twice`);
  }
  return target;
}

export function assembleContributes() {
  const dir = path.join(ROOT, 'manifest');
  const contributes = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fragment = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    merge(contributes, fragment.contributes ?? {}, `${file}: contributes`);
  }
  return contributes;
}

/** Replaces the user-facing strings of `contributes` with %key% placeholders, collecting them into `nls`. */
function localize(contributes, nls) {
  const put = (key, value) => {
    if (typeof value !== 'string' || /^%[\w.-]+%$/.test(value)) return value;
    if (nls[key] !== undefined && nls[key] !== value) throw new Error(`manifest: two texts for ${key}`);
    nls[key] = value;
    return `%${key}%`;
  };
  const slug = (id) => id.replace(/^azureKeyVault\./, '');
  for (const c of contributes.commands ?? []) {
    c.title = put(`command.${slug(c.command)}`, c.title);
    if (c.category) c.category = put('category', c.category);
  }
  for (const submenu of contributes.submenus ?? []) submenu.label = put(`submenu.${slug(submenu.id)}`, submenu.label);
  for (const container of contributes.viewsContainers?.activitybar ?? []) container.title = put(`viewContainer.${container.id}`, container.title);
  for (const editor of contributes.customEditors ?? []) editor.displayName = put(`customEditor.${slug(editor.viewType)}`, editor.displayName);
  for (const views of Object.values(contributes.views ?? {})) for (const v of views) v.name = put(`view.${slug(v.id)}.name`, v.name);
  (contributes.viewsWelcome ?? []).forEach((w, i) => (w.contents = put(`viewsWelcome.${slug(w.view)}.${i}`, w.contents)));
  if (contributes.configuration) {
    contributes.configuration.title = put('configuration.title', contributes.configuration.title);
    for (const [name, prop] of Object.entries(contributes.configuration.properties ?? {})) {
      for (const field of ['description', 'markdownDescription']) if (prop[field]) prop[field] = put(`config.${slug(name)}.${field}`, prop[field]);
      if (prop.enumDescriptions) prop.enumDescriptions = prop.enumDescriptions.map((d, i) => put(`config.${slug(name)}.enum.${i}`, d));
    }
  }
  // Language-model tools: what the user reads is localised; the model's description and input schema stay English.
  for (const tool of contributes.languageModelTools ?? []) {
    tool.displayName = put(`languageModelTool.${tool.name}.displayName`, tool.displayName);
    if (tool.userDescription) tool.userDescription = put(`languageModelTool.${tool.name}.userDescription`, tool.userDescription);
  }
  for (const w of contributes.walkthroughs ?? []) {
    const base = `walkthrough.${slug(w.id)}`;
    w.title = put(`${base}.title`, w.title);
    w.description = put(`${base}.description`, w.description);
    for (const step of w.steps ?? []) {
      step.title = put(`${base}.${step.id}.title`, step.title);
      step.description = put(`${base}.${step.id}.description`, step.description);
    }
  }
  return contributes;
}

/**
 * The access verdict's context keys (src/tree/access.ts): a menu entry of the vaults view whose command a role can
 * refuse (src/model/access/commandAccess.json: its kind, or `row` for the row's own kind, and its operation) is
 * hidden on the rows of a vault where the user may not do it — `no-{kind}-{op}` / `no-this-{op}` facets.
 */
export function withAccessGuards(contributes) {
  const table = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'model', 'access', 'commandAccess.json'), 'utf8'));
  const submenus = new Set((contributes.submenus ?? []).map((s) => s.id));
  for (const [where, entries] of Object.entries(contributes.menus ?? {})) {
    if (where !== 'view/item/context' && !submenus.has(where)) continue;
    for (const entry of entries) {
      const need = table[entry.command];
      if (!need) continue;
      const facet = `no-${need.kind === 'row' ? 'this' : need.kind}-${need.op}`;
      const guard = `viewItem =~ /^(?!.*;${facet}(;|$))/`;
      entry.when = entry.when ? `${entry.when} && ${guard}` : guard;
    }
  }
  return contributes;
}

/** The README's commands and settings tables, generated between `<!-- generated:NAME -->` markers. */
function readmeTables(contributes, nls) {
  const text = (v) => (typeof v === 'string' ? v.replace(/^%([\w.-]+)%$/, (_m, k) => nls[k] ?? k) : '');
  const cell = (v) => text(v).replace(/#([\w.-]+)#/g, '`$1`').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
  const hidden = new Set((contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const commands = [
    '| command | palette | id |',
    '| --- | --- | --- |',
    ...(contributes.commands ?? []).map((c) => `| ${cell(c.title)} | ${hidden.has(c.command) ? 'tree only' : 'yes'} | \`${c.command}\` |`),
  ];
  const settings = [
    '| setting | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(contributes.configuration?.properties ?? {}).map(
      ([name, p]) => `| \`${name}\` | \`${JSON.stringify(p.default ?? null)}\` | ${cell(p.markdownDescription ?? p.description)} |`,
    ),
  ];
  return { commands: commands.join('\n'), settings: settings.join('\n') };
}

function withTables(readme, tables) {
  let next = readme;
  for (const [name, table] of Object.entries(tables)) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    next = next.replace(re, (_m, open, close) => `${open}\n${table}\n${close}`);
  }
  return next;
}

export function updateManifest({ check = false } = {}) {
  const file = path.join(ROOT, 'package.json');
  const nlsFile = path.join(ROOT, 'package.nls.json');
  const text = fs.readFileSync(file, 'utf8');
  const nlsText = fs.existsSync(nlsFile) ? fs.readFileSync(nlsFile, 'utf8') : '';
  const manifest = JSON.parse(text);
  const nls = {};
  manifest.contributes = localize(withAccessGuards(assembleContributes()), nls);
  const next = `${JSON.stringify(manifest, null, 2)}\n`;
  const nextNls = `${JSON.stringify(nls, null, 2)}\n`;
  const readmeFile = path.join(ROOT, 'README.md');
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const nextReadme = withTables(readme, readmeTables(manifest.contributes, nls));
  if (next === text && nextNls === nlsText && nextReadme === readme) return false;
  if (check) return true;
  fs.writeFileSync(file, next);
  fs.writeFileSync(nlsFile, nextNls);
  fs.writeFileSync(readmeFile, nextReadme);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = updateManifest({ check });
  if (check && stale) {
    console.error('package.json / package.nls.json / the README tables are out of date with manifest/*.json: run `node scripts/manifest.mjs`');
    process.exit(1);
  }
  if (!check) console.log(stale ? 'package.json contributes updated from manifest/' : 'package.json is up to date');
}
