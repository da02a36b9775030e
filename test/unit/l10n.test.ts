import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readJson, repoRoot } from './repoRoot';

/** Message by key; a message with a translator comment is `{ message, comment }` under `message/comment`. */
type Bundle = Record<string, string | { message: string; comment: string[] }>;

/** Entries sorted by key: the export's order follows the file walk, which is not what this test is about. */
const sorted = (bundle: Bundle): [string, Bundle[string]][] => Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('localisation bundle (l10n/bundle.l10n.json)', function () {
  // The export parses every file of src/ (a few seconds on a busy machine).
  this.timeout(120_000);

  let fresh: Bundle;
  const committed = readJson<Bundle>('l10n/bundle.l10n.json');

  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akv-l10n-'));
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'l10n.mjs'), '--out', dir], { cwd: repoRoot, stdio: 'pipe' });
      fresh = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.l10n.json'), 'utf8')) as Bundle;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds exactly the strings of the code (run `node scripts/l10n.mjs` after changing a message)', () => {
    const missing = Object.keys(fresh).filter((k) => !(k in committed));
    const stale = Object.keys(committed).filter((k) => !(k in fresh));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
    assert.deepEqual(sorted(committed), sorted(fresh));
  });

  it('is the English source: every message is its own key, and the code has messages to translate', () => {
    assert.ok(Object.keys(committed).length > 100, `only ${Object.keys(committed).length} strings`);
    for (const [key, entry] of Object.entries(committed)) assert.equal(typeof entry === 'string' ? entry : `${entry.message}/${entry.comment.join('')}`, key);
  });

  it('is where package.json tells VS Code to look', () => {
    assert.equal(readJson<{ l10n?: string }>('package.json').l10n, './l10n');
  });
});
