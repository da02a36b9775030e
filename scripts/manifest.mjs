#!/usr/bin/env node
// package.json's `contributes` is assembled from the fragments in manifest/*.json (in file-name order), so each
// feature area owns its commands, menus and settings in its own file. Arrays are concatenated, objects merged.
// User-facing texts stay plain English in the fragments; this script moves them into package.nls.json and puts
// `%key%` placeholders in package.json, so the manifest is localisation-ready (package.nls.<lang>.json files
// translate them).
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
  for (const container of contributes.viewsContainers?.activitybar ?? []) container.title = put(`viewContainer.${container.id}`, container.title);
  for (const views of Object.values(contributes.views ?? {})) for (const v of views) v.name = put(`view.${slug(v.id)}.name`, v.name);
  (contributes.viewsWelcome ?? []).forEach((w, i) => (w.contents = put(`viewsWelcome.${slug(w.view)}.${i}`, w.contents)));
  if (contributes.configuration) {
    contributes.configuration.title = put('configuration.title', contributes.configuration.title);
    for (const [name, prop] of Object.entries(contributes.configuration.properties ?? {})) {
      for (const field of ['description', 'markdownDescription']) if (prop[field]) prop[field] = put(`config.${slug(name)}.${field}`, prop[field]);
      if (prop.enumDescriptions) prop.enumDescriptions = prop.enumDescriptions.map((d, i) => put(`config.${slug(name)}.enum.${i}`, d));
    }
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

export function updateManifest({ check = false } = {}) {
  const file = path.join(ROOT, 'package.json');
  const nlsFile = path.join(ROOT, 'package.nls.json');
  const text = fs.readFileSync(file, 'utf8');
  const nlsText = fs.existsSync(nlsFile) ? fs.readFileSync(nlsFile, 'utf8') : '';
  const manifest = JSON.parse(text);
  const nls = {};
  manifest.contributes = localize(assembleContributes(), nls);
  const next = `${JSON.stringify(manifest, null, 2)}\n`;
  const nextNls = `${JSON.stringify(nls, null, 2)}\n`;
  if (next === text && nextNls === nlsText) return false;
  if (check) return true;
  fs.writeFileSync(file, next);
  fs.writeFileSync(nlsFile, nextNls);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = updateManifest({ check });
  if (check && stale) {
    console.error('package.json / package.nls.json are out of date with manifest/*.json: run `node scripts/manifest.mjs`');
    process.exit(1);
  }
  if (!check) console.log(stale ? 'package.json contributes updated from manifest/' : 'package.json is up to date');
}
