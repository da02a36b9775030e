// Entry of the e2e suite, loaded INSIDE the extension host of a real VS Code (code-server's Node extension host,
// or a desktop VS Code through @vscode/test-electron). Same contract as test-electron's extensionTestsPath:
// `run(): Promise<void>` resolves on success and rejects on failure. Results (with the spec reporter's text) go
// to the JSON file named by E2E_RESULTS_FILE, because the extension host's console does not reach the launcher.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

interface Results {
  passes: { title: string; duration?: number }[];
  failures: { title: string; message: string; stack: string }[];
  pending: { title: string }[];
  startedAt: string;
}

/**
 * Suites that must run after every other suite, in this order. The canary suite scans the extension's logs, the
 * test VS Code's user-data folder and the workspace for its secret values: run last, those scans also cover everything
 * the earlier suites wrote, so a leak anywhere in the run is caught. The backups suite seeds two subscriptions into
 * the Contoso directory, which browse (listing Contoso's subscriptions exactly) must not see: it runs after the rest.
 * Every other suite is independent of order.
 */
const RUN_LAST = ['backups.test.js', 'secrets-canary.test.js'];

/** The compiled suites: every other one in name order, then RUN_LAST (each of which must exist). */
export function suiteOrder(files: readonly string[]): string[] {
  const suites = files.filter((f) => f.endsWith('.test.js'));
  const missing = RUN_LAST.filter((f) => !suites.includes(f));
  if (missing.length) throw new Error(`test/e2e/index.ts RUN_LAST names suites that do not exist: ${missing.join(', ')}`);
  return [...suites.filter((f) => !RUN_LAST.includes(f)).sort(), ...RUN_LAST];
}

/**
 * The compiled suites in out/test/e2e/suite whose source still exists: tsc never deletes what it emitted, so a suite
 * renamed or removed since out/ was last emptied would otherwise still run (a renamed one twice).
 */
function compiledSuites(): string[] {
  const sourceDir = path.resolve(__dirname, '..', '..', '..', 'test', 'e2e', 'suite');
  return fs.readdirSync(path.resolve(__dirname, 'suite')).filter((f) => fs.existsSync(path.join(sourceDir, f.replace(/\.js$/, '.ts'))));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  // Proof that a failing assertion inside VS Code fails `npm test`: `npm run test:e2e -- --force-fail`.
  if (process.env.E2E_FORCE_FAIL === '1') {
    mocha.suite.addTest(new Mocha.Test('deliberate failure (E2E_FORCE_FAIL=1)', () => assert.equal(1 + 1, 3, 'forced failure')));
  }

  const resultsFile = process.env.E2E_RESULTS_FILE;
  const specLines: string[] = [];
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    specLines.push(util.format(...args));
    originalLog(...args);
  };
  const results: Results = { passes: [], failures: [], pending: [], startedAt: new Date().toISOString() };
  const write = (extra: object) => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ ...results, ...extra, specOutput: specLines.join('\n') }, null, 2));
  };

  return new Promise<void>((resolve, reject) => {
    try {
      // Inside the try: a RUN_LAST entry without its suite is reported like a suite that fails to load.
      for (const file of suiteOrder(compiledSuites())) mocha.addFile(path.join(__dirname, 'suite', file));
      const runner = mocha.run((failures) => {
        base.consoleLog = originalLog;
        write({ finishedAt: new Date().toISOString(), stats: runner.stats });
        if (failures > 0) reject(new Error(`${failures} e2e tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), duration: t.duration }));
      runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
      runner.on('fail', (t, err: Error) => results.failures.push({ title: t.fullTitle(), message: String(err?.message), stack: String(err?.stack) }));
    } catch (error) {
      write({ loadError: String(error instanceof Error ? error.stack : error) });
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
