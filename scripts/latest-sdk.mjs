#!/usr/bin/env node
// The integration suite against the NEWEST published Azure SDK clients (issue 17): installs the latest version of
// every @azure package the extension depends on (package.json's dependencies: the keyvault-* clients, arm-*,
// identity, core-*) into a scratch folder, prints them beside the lockfile's, type-checks src/, test/ and emulator/
// against their types, and runs out/test/integration against the emulator with every `require('@azure/…')`
// redirected into that folder (scripts/latest-sdk/redirect.cjs), so the SDKs' own dependencies come from there too.
// A new SDK release that the emulator or src/azure cannot handle (a new default api-version, a changed response
// parsing, a renamed option) fails here before it fails `npm start` or a user. After the whole suite, the fault
// matrix it recorded must still equal docs/RELIABILITY.md's tables.
//   node scripts/latest-sdk.mjs [--keep] [--pinned] [--no-compile] [--grep RE] [mocha files…]
// --keep: leave the scratch folder (its path is printed). --pinned: install the lockfile's versions instead of the
// latest (proves the redirect itself: it must pass like `npm test -- --only integration`). --no-compile: out/ is
// fresh (npm test compiled it). Exit code: mocha's (1 when only the type check failed); 2 when the registry cannot
// be reached or the install fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { azureDependencies, installedVersions, installInto, latestVersions, lockedVersions, typecheckConfig, versionTable } from './latest-sdk/install.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOOK = path.join(ROOT, 'scripts', 'latest-sdk', 'redirect.cjs');
const { values, positionals } = util.parseArgs({
  allowPositionals: true,
  options: {
    keep: { type: 'boolean', default: false },
    pinned: { type: 'boolean', default: false },
    'no-compile': { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});
const say = (line) => console.log(`[latest-sdk] ${line}`);

/** Runs a command in the checkout with inherited output; resolves with its exit code. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const direct = azureDependencies(ROOT);
const locked = lockedVersions(ROOT);
const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kv-latest-sdk-')));
const cleanup = () => {
  if (values.keep) say(`scratch folder kept: ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

let code;
try {
  let wanted;
  if (values.pinned) {
    wanted = new Map(direct.map((name) => [name, locked.get(name)]));
    say(`--pinned: the lockfile's versions of ${direct.length} packages`);
  } else {
    say(`asking the registry for the latest ${direct.join(', ')}`);
    wanted = await latestVersions(direct);
  }
  const t0 = performance.now();
  await installInto(scratch, wanted);
  const installed = installedVersions(scratch);
  say(`installed into ${scratch} in ${((performance.now() - t0) / 1000).toFixed(0)} s:\n${versionTable(direct, locked, installed)}`);

  // Types first: a renamed option or a changed return type breaks the build of `npm start` even where the
  // suite's JavaScript still runs (and an option the SDK no longer knows is silently ignored at run time).
  say('type-checking src/, test/ and emulator/ against the installed SDKs\' types (tsc --noEmit)');
  const typesOk = (await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', typecheckConfig(ROOT, scratch, direct)])) === 0;
  say(typesOk ? 'types: OK' : 'types: FAILED (errors above)');

  if (!values['no-compile']) {
    say('compiling (tsc -p .) into out/');
    if ((await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'])) !== 0) throw Object.assign(new Error('tsc -p . failed (errors above)'), { exitCode: 1 });
  }
  const files = positionals.length ? positionals : ['out/test/integration/**/*.test.js'];
  const mocha = [path.join(ROOT, 'node_modules', '.bin', 'mocha'), '--require', HOOK, '--reporter', 'spec', '--timeout', '30000', ...(values.grep ? ['--grep', values.grep] : []), ...files];
  // The reliability recorder writes beside the scratch install: this run's observations must not replace the
  // pinned run's, which docs/RELIABILITY.md is checked against.
  code = await run(process.execPath, ['scripts/with-emulator.mjs', '--seed', 'emulator/seeds/test.json', '--', ...mocha], {
    KV_LATEST_SDK_DIR: scratch,
    RELIABILITY_OUT: path.join(scratch, 'reliability'),
  });
  // The whole suite recorded the fault matrix: with the newest SDKs it must still read as docs/RELIABILITY.md says.
  if (code === 0 && !positionals.length && !values.grep) {
    say('the fault matrix this run observed against docs/RELIABILITY.md');
    code = await run(process.execPath, ['scripts/reliability-doc.mjs', '--check', '--dir', path.join(scratch, 'reliability')]);
  }
  const tested = direct.map((name) => `${name} ${installed.get(name)}`).join(', ');
  say(`${code === 0 ? 'PASSED' : `FAILED (exit ${code})`}: ${files.join(' ')} against ${values.pinned ? 'the lockfile\'s' : 'the latest'} ${tested}`);
  if (!typesOk) {
    say('FAILED: the type check against these SDKs (above)');
    if (code === 0) code = 1;
  }
} catch (error) {
  console.error(`[latest-sdk] ✘ ${error instanceof Error ? error.message : String(error)}`);
  code = typeof error?.exitCode === 'number' ? error.exitCode : 2;
} finally {
  cleanup();
}
process.exit(code);
