#!/usr/bin/env node
// `npm run test:electron`: the same e2e suite through @vscode/test-electron, for machines that can download a
// desktop VS Code (this launcher downloads it into .vscode-test/). Offline machines use `npm run test:e2e`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './e2e/paths.mjs';

execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: ROOT, stdio: 'inherit' });
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kv-e2e-')), 'results.json');
try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.139.1',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'index.js'),
    extensionTestsEnv: { E2E_RESULTS_FILE: results },
    launchArgs: [path.join(ROOT, 'test', 'e2e', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('e2e (desktop VS Code): passed');
} catch (error) {
  if (fs.existsSync(results)) console.log(JSON.parse(fs.readFileSync(results, 'utf8')).specOutput);
  console.error(`e2e (desktop VS Code) failed: ${error instanceof Error ? error.message : error}`);
  console.error('Without internet access VS Code cannot be downloaded: use `npm run test:e2e` (code-server) instead.');
  process.exit(1);
}
