#!/usr/bin/env node
// Prints how long the emulator takes to start with a seed (default: the demo seed), measured from spawning the
// process to its JSON line, over a few runs: `node scripts/bench-emulator.mjs [--seed FILE] [--runs N]`.
import path from 'node:path';
import util from 'node:util';
import { bundleEmulator, ROOT, startEmulatorProcess } from './with-emulator.mjs';

const { values } = util.parseArgs({
  options: { seed: { type: 'string', default: path.join(ROOT, 'emulator', 'seeds', 'demo.json') }, runs: { type: 'string', default: '5' } },
});
await bundleEmulator();
const results = [];
for (let i = 0; i < Number(values.runs); i++) {
  const t0 = performance.now();
  const emu = await startEmulatorProcess({ seed: values.seed, bundle: false, log: () => undefined });
  const wallMs = Math.round(performance.now() - t0);
  results.push({ wallMs, processUptimeMs: emu.info.startupMs, vaults: emu.info.vaults.length });
  await emu.stop();
}
const walls = results.map((r) => r.wallMs).sort((a, b) => a - b);
console.log(JSON.stringify({ seed: path.relative(ROOT, values.seed), runs: results, medianWallMs: walls[Math.floor(walls.length / 2)], maxWallMs: walls[walls.length - 1] }));
