#!/usr/bin/env node
// package.json's `contributes` is assembled from the fragments in manifest/*.json (in file-name order), so each
// feature area owns its commands, menus and settings in its own file. Arrays are concatenated, objects merged.
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

export function updateManifest({ check = false } = {}) {
  const file = path.join(ROOT, 'package.json');
  const text = fs.readFileSync(file, 'utf8');
  const manifest = JSON.parse(text);
  manifest.contributes = assembleContributes();
  const next = `${JSON.stringify(manifest, null, 2)}\n`;
  if (next === text) return false;
  if (check) return true;
  fs.writeFileSync(file, next);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = updateManifest({ check });
  if (check && stale) {
    console.error('package.json contributes is out of date with manifest/*.json: run `node scripts/manifest.mjs`');
    process.exit(1);
  }
  if (!check) console.log(stale ? 'package.json contributes updated from manifest/' : 'package.json is up to date');
}
