#!/usr/bin/env node
// `npm run package`: production bundle, then a .vsix with @vscode/vsce (offline; the bundle needs no
// node_modules, so --no-dependencies). Prints the file, its size and its contents.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './e2e/paths.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');

export function packageVsix({ quiet = false } = {}) {
  const stdio = quiet ? 'pipe' : 'inherit';
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production', '--quiet'], { cwd: ROOT, stdio });
  execFileSync(vsce, ['package', '--no-dependencies', '--no-update-package-json', '-o', out], { cwd: ROOT, stdio });
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  return { file: out, bytes: fs.statSync(out).size, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes, files } = packageVsix();
  console.log(`\n${path.relative(ROOT, file)}: ${(bytes / 1024).toFixed(1)} KiB, ${files.length} files`);
  for (const f of files) console.log(`  ${f}`);
}
