#!/usr/bin/env node
// Prints how long the emulator takes to start with a seed (default: the demo seed), measured from spawning the
// process to its JSON line, over a few runs: `node scripts/bench-emulator.mjs [--seed FILE] [--runs N]`.
// `seededAfterMs`: when the seeded key pairs and certificates, generated after the line, exist (the clock of the
// line's `readyMs`).
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
  let markSeeded;
  const seeded = new Promise((resolve) => (markSeeded = resolve));
  // --verbose: the emulator logs when the seeded key pairs and certificates (generated after the line) exist.
  const log = (line) => {
    const m = /keys and certificates ready after (\d+) ms/.exec(line);
    if (m) markSeeded(Number(m[1]));
  };
  const emu = await startEmulatorProcess({ seed: values.seed, args: ['--verbose'], bundle: false, log });
  const wallMs = Math.round(performance.now() - t0);
  const seededMs = await seeded;
  results.push({ wallMs, processUptimeMs: emu.info.startupMs, seededAfterMs: seededMs, vaults: Object.keys(emu.info.vaults).length });
  await emu.stop();
}
const walls = results.map((r) => r.wallMs).sort((a, b) => a - b);
const seededMs = results.map((r) => r.seededAfterMs).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    seed: path.relative(ROOT, values.seed),
    runs: results,
    medianWallMs: walls[Math.floor(walls.length / 2)],
    maxWallMs: walls[walls.length - 1],
    medianSeededAfterMs: seededMs[Math.floor(seededMs.length / 2)],
  }),
);
