#!/usr/bin/env node
// Exports every user-facing string of the code (the `vscode.l10n.t('…')` calls in src/) into l10n/bundle.l10n.json,
// the file translators copy to l10n/bundle.l10n.<lang>.json. package.json's `"l10n": "./l10n"` points VS Code at
// it. Run after changing a message; test/unit/l10n.test.ts fails while the committed bundle is out of date.
//   node scripts/l10n.mjs              write l10n/bundle.l10n.json
//   node scripts/l10n.mjs --out DIR    write DIR/bundle.l10n.json instead (the unit test compares the two)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1] ?? '') : path.join(ROOT, 'l10n');
if (outFlag >= 0 && !process.argv[outFlag + 1]) {
  console.error('usage: node scripts/l10n.mjs [--out DIR]');
  process.exit(2);
}

const windows = process.platform === 'win32';
const bin = path.join(ROOT, 'node_modules', '.bin', windows ? 'vscode-l10n-dev.cmd' : 'vscode-l10n-dev');
const result = spawnSync(bin, ['export', '--outDir', outDir, './src'], { cwd: ROOT, encoding: 'utf8', shell: windows });
if (result.error) {
  console.error(`l10n: could not run ${bin} (${result.error.message}); run npm install first`);
  process.exit(1);
}
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.exit(result.status ?? 1);
}
const extracted = /Extracted (\d+) strings/.exec(result.stdout)?.[1] ?? '?';
console.log(`l10n: ${extracted} strings → ${path.relative(ROOT, path.join(outDir, 'bundle.l10n.json')) || outDir}`);
