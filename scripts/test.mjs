#!/usr/bin/env node
// `npm test`: every check and every test layer, in order, failing if any fails.
//   1. build (esbuild bundles), compile (tsc strict, emits out/ for the tests), lint (ESLint)
//   2. unit         — plain node, mocha, out/test/unit
//      ecosystem    — plain node, mocha, out/test/ecosystem: every reference format × targets × documents, placed with
//                     the extension's own API and judged by each ecosystem's real parser / official schema (issue 15)
//   3. integration  — src/azure and the emulator, driven by the official Azure SDK clients (out/test/integration)
//      latest-sdk   — the same suite against the NEWEST published @azure/* clients, installed into a scratch folder
//                     (scripts/latest-sdk.mjs; needs the npm registry): a new SDK release cannot silently break us
//   4. e2e          — the mocha suite inside the extension host of a real VS Code (code-server + headless Chromium)
//   5. ui           — the packaged .vsix installed into code-server, its view checked in headless Chromium, and
//                     `npm start` run, its URL opened in Chromium and the demo tree checked, then the UI tour
//                     (scripts/e2e/ui-tour.mjs): the demo driven like a user, checked and photographed into docs/images/
//   then docs/RELIABILITY.md: its generated blocks must equal what this run's tests recorded (out/reliability)
// Options: --only unit|ecosystem|integration|latest-sdk|e2e|ui|checks (repeatable), --force-fail (adds a failing e2e test: proves that a
// failure inside VS Code fails this command).
// The last line is the total: "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { FRESH_SUITE, runE2e, UNTRUSTED_SUITE } from './e2e/run.mjs';
import { startCheck } from './e2e/start-check.mjs';
import { uiCheck } from './e2e/ui-check.mjs';
import { uiTour } from './e2e/ui-tour.mjs';
import { ROOT } from './e2e/paths.mjs';

const { values } = util.parseArgs({ options: { only: { type: 'string', multiple: true, default: [] }, 'force-fail': { type: 'boolean', default: false } } });
const want = (layer) => values.only.length === 0 || values.only.includes(layer);
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };
const problems = [];

/** Runs a command, streaming its output; resolves with exit code and the output text. */
function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const forward = (stream) => (chunk) => {
      if (capture) text += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), text }));
  });
}

function banner(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

/** Counts mocha's "N passing / N failing" lines; a non-zero exit without a failing count counts as one failure. */
function countMocha(layer, { code, text }) {
  const passed = Number(/(\d+) passing/.exec(text)?.[1] ?? 0);
  let failed = Number(/(\d+) failing/.exec(text)?.[1] ?? 0);
  if (code !== 0 && failed === 0) failed = 1;
  if (passed + failed === 0) {
    failed = 1;
    problems.push(`${layer}: ran no test`);
  }
  totals.passed += passed;
  totals.failed += failed;
  if (failed) problems.push(`${layer}: ${failed} failed`);
}

async function step(name, cmd, args) {
  const { code } = await run(cmd, args);
  if (code !== 0) problems.push(`${name} failed (exit ${code})`);
  return code === 0;
}

const t0 = performance.now();
banner('build, type-check, lint');
const built = (await step('build', process.execPath, ['scripts/build.mjs', '--quiet'])) && (await step('tsc', bin('tsc'), ['-p', '.']));
if (built && want('checks')) {
  await step('manifest', process.execPath, ['scripts/manifest.mjs', '--check']);
  await step('eslint', bin('eslint'), ['--max-warnings', '0', '.']);
  // The house's directions: no upward import, no area-to-area import, no cycle (.dependency-cruiser.cjs).
  await step('layers', bin('depcruise'), ['--config', '.dependency-cruiser.cjs', 'src']);
}

// What the reliability tests record (test/reliability/recorder.ts) must come from THIS run: the doc check below
// compares docs/RELIABILITY.md only with the sections this run produced.
const RELIABILITY_OUT = path.join(ROOT, 'out', 'reliability');
fs.rmSync(RELIABILITY_OUT, { recursive: true, force: true });

if (built && want('unit')) {
  banner('unit tests (plain node)');
  // 10 s per test: pure and fast, but the emulator's RSA key generation can take seconds on a loaded 2-core machine.
  countMocha('unit', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '10000', 'out/test/unit/**/*.test.js'], { capture: true }));
}

if (built && want('ecosystem')) {
  banner('ecosystem matrix (each format\'s output judged by the real parsers and official schemas)');
  countMocha('ecosystem', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '120000', 'out/test/ecosystem/**/*.test.js'], { capture: true }));
}

if (built && want('integration')) {
  banner('integration tests (official Azure SDK clients against the emulator)');
  const mocha = [bin('mocha'), '--reporter', 'spec', '--timeout', '30000', 'out/test/integration/**/*.test.js'];
  // The emulator's launcher wraps the run once it exists (issue 3); until then the layer runs on its own.
  const withEmulator = fs.existsSync(path.join(ROOT, 'scripts', 'with-emulator.mjs'));
  const [cmd, ...args] = withEmulator ? [process.execPath, 'scripts/with-emulator.mjs', '--seed', 'emulator/seeds/test.json', '--', ...mocha] : mocha;
  countMocha('integration', await run(cmd, args, { capture: true }));
}

if (built && want('latest-sdk')) {
  banner('integration tests against the newest published Azure SDK clients (scripts/latest-sdk.mjs)');
  const result = await run(process.execPath, ['scripts/latest-sdk.mjs', '--no-compile'], { capture: true });
  // Exit 2: the registry or the scratch install failed before any test ran.
  if (result.code === 2 && !/\d+ passing/.test(result.text)) {
    totals.failed += 1;
    problems.push('latest-sdk: could not install the newest SDKs (see [latest-sdk] ✘ above)');
  } else countMocha('latest-sdk', result);
}

if (built && want('e2e')) {
  banner('e2e tests (inside a real VS Code: code-server + headless Chromium)');
  const result = await runE2e({ forceFail: values['force-fail'] });
  totals.passed += result.passed;
  totals.failed += result.failed || (result.code !== 0 ? 1 : 0);
  if (result.code !== 0) problems.push(`e2e: ${result.code === 2 ? 'the VS Code harness failed' : `${result.failed} failed`}`);
  // The token-redirection suite once more, in a workspace VS Code does not trust (Restricted Mode).
  if (!process.env.E2E_GREP || new RegExp(process.env.E2E_GREP).test(UNTRUSTED_SUITE)) {
    banner('e2e in an untrusted workspace (Restricted Mode): the token-redirection suite');
    const untrusted = await runE2e({ untrusted: true, grep: UNTRUSTED_SUITE });
    totals.passed += untrusted.passed;
    totals.failed += untrusted.failed || (untrusted.code !== 0 ? 1 : 0);
    if (untrusted.code !== 0) problems.push(`e2e (untrusted): ${untrusted.code === 2 ? 'the VS Code harness failed' : `${untrusted.failed} failed`}`);
  }
  // Editor features from the first moment: a fresh window where only opening a file activates the extension.
  if (!process.env.E2E_GREP || new RegExp(process.env.E2E_GREP).test(FRESH_SUITE)) {
    banner('e2e in a fresh window: hover and diagnostics before the view is opened');
    const fresh = await runE2e({ grep: FRESH_SUITE, env: { E2E_FRESH: '1' } });
    totals.passed += fresh.passed;
    totals.failed += fresh.failed || (fresh.code !== 0 ? 1 : 0);
    if (fresh.code !== 0) problems.push(`e2e (fresh window): ${fresh.code === 2 ? 'the VS Code harness failed' : `${fresh.failed} failed`}`);
    if (fresh.code === 0 && fresh.passed === 0) problems.push('e2e (fresh window): no test ran');
  }
}

if (built && want('ui')) {
  banner('packaged extension in VS Code (vsix installed, UI driven in headless Chromium)');
  const result = await uiCheck({ screenshot: path.join(ROOT, 'docs', 'images', 'view-signed-out.png') });
  totals.passed += result.passed;
  totals.failed += result.failed;
  if (result.failed) problems.push('ui: the packaged extension failed its UI check');
  banner('npm start as a newcomer runs it (URL opened in headless Chromium, demo tree checked, Ctrl+C)');
  const start = await startCheck();
  totals.passed += start.passed;
  totals.failed += start.failed;
  if (start.failed) problems.push('ui: npm start failed its check');
  banner('UI tour: the demo driven like a user, each journey checked and photographed into docs/images/');
  const tour = await uiTour();
  totals.passed += tour.passed;
  totals.failed += tour.failed;
  if (tour.failed) problems.push(`ui tour: ${tour.failed} failed (pictures in docs/images/)`);
}

// docs/RELIABILITY.md's generated blocks against what this run's tests recorded (a stale doc is a failed test).
if (built && fs.existsSync(RELIABILITY_OUT)) {
  banner('docs/RELIABILITY.md against this run (scripts/reliability-doc.mjs --check)');
  const { code } = await run(process.execPath, ['scripts/reliability-doc.mjs', '--check']);
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push('docs/RELIABILITY.md is stale: run npm run docs:reliability');
  }
}

banner('summary');
if (problems.length) console.log(problems.map((p) => `  ✘ ${p}`).join('\n'));
console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(problems.length ? 1 : 0);
