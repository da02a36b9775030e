// activation_ms and activation_ratio: `require(bundle)` + `activate(context)` in fresh node processes (one
// measurement per process, ./activation-child.mjs), the extension and the trivial baseline bundle interleaved so
// both see the same machine noise. One warm-up pair first (file cache), not counted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'activation-child.mjs');

function runOnce(bundle, extRoot, stubNodeModules) {
  const r = spawnSync(process.execPath, [CHILD, bundle, extRoot], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: stubNodeModules, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').pop();
  let parsed;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`activation child for ${bundle} printed no result (status ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
  if (parsed.error) throw new Error(`activate() of ${bundle} threw: ${parsed.error}`);
  return parsed;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * @param {{ bundle: string, emptyBundle: string, extRoot: string, stubNodeModules: string, runs: number, log?: (s: string) => void }} o
 */
export function measureActivation({ bundle, emptyBundle, extRoot, stubNodeModules, runs, log = () => {} }) {
  runOnce(emptyBundle, extRoot, stubNodeModules);
  const warm = runOnce(bundle, extRoot, stubNodeModules);
  const ext = [];
  const empty = [];
  for (let i = 0; i < runs; i++) {
    empty.push(runOnce(emptyBundle, extRoot, stubNodeModules));
    ext.push(runOnce(bundle, extRoot, stubNodeModules));
    log(`activation run ${i + 1}/${runs}: ${ext.at(-1).totalMs.toFixed(1)} ms (empty bundle ${empty.at(-1).totalMs.toFixed(2)} ms)`);
  }
  const medianExt = median(ext.map((r) => r.totalMs));
  const medianEmpty = median(empty.map((r) => r.totalMs));
  const asyncErrors = [...new Set([warm, ...ext].flatMap((r) => r.asyncErrors))];
  return {
    activation_ms: round(medianExt),
    activation_ratio: round(medianExt / medianEmpty),
    detail: {
      runs,
      require_ms: round(median(ext.map((r) => r.requireMs))),
      activate_ms: round(median(ext.map((r) => r.activateMs))),
      min_ms: round(Math.min(...ext.map((r) => r.totalMs))),
      max_ms: round(Math.max(...ext.map((r) => r.totalMs))),
      empty_bundle_ms: round(medianEmpty, 3),
      subscriptions: warm.subscriptions,
      loaded_at_activation: warm.loaded,
      async_errors_after_activate: asyncErrors,
    },
  };
}
