// sdk_first_use_ms: the median over fresh processes (./sdk-child.mjs) of loading the SDK chunk and creating the
// clients of the default sign-in path, and which bundles that loads (the size that path costs against 450 KB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median } from './activation.mjs';

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'sdk-child.mjs');
const round = (n) => Math.round(n * 10) / 10;

function runOnce(dist, stubNodeModules) {
  const r = spawnSync(process.execPath, [CHILD, dist], { encoding: 'utf8', env: { ...process.env, NODE_PATH: stubNodeModules, NODE_OPTIONS: '' }, timeout: 60_000 });
  try {
    const parsed = JSON.parse(r.stdout.trim().split('\n').pop());
    if (parsed.error) throw new Error(parsed.error);
    return parsed;
  } catch (error) {
    throw new Error(`sdk first-use child failed (status ${r.status}): ${error.message} ${r.stderr.slice(0, 1000)}`);
  }
}

/** @param {{ dist: string, stubNodeModules: string, runs: number, log?: (s: string) => void }} o */
export function measureSdkFirstUse({ dist, stubNodeModules, runs, log = () => {} }) {
  runOnce(dist, stubNodeModules); // warm-up (file cache), not counted
  const all = [];
  for (let i = 0; i < runs; i++) all.push(runOnce(dist, stubNodeModules));
  const loaded = all[0].loaded;
  const bytes = Object.fromEntries(loaded.map((f) => [`dist/${f}`, fs.statSync(path.join(dist, f)).size]));
  log(`sdk first use: median ${round(median(all.map((r) => r.totalMs)))} ms over ${runs} processes`);
  return {
    sdk_first_use_ms: round(median(all.map((r) => r.totalMs))),
    detail: {
      runs,
      require_ms: round(median(all.map((r) => r.requireMs))),
      create_clients_ms: round(median(all.map((r) => r.createMs))),
      min_ms: round(Math.min(...all.map((r) => r.totalMs))),
      max_ms: round(Math.max(...all.map((r) => r.totalMs))),
      loaded_on_first_use: loaded,
      loaded_bytes: bytes,
      loaded_total_bytes: Object.values(bytes).reduce((a, b) => a + b, 0),
    },
  };
}
