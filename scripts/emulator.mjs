#!/usr/bin/env node
// `npm run emulator -- [--seed FILE] [--port N] [other emulator options]`: bundles emulator/cli.ts with esbuild
// (works on a clean checkout right after `npm ci`) and runs it in the foreground, forwarding arguments and signals.
// Default seed: emulator/seeds/demo.json. The emulator prints one JSON line (its URLs, CA path, audiences, vaults).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleEmulator, ROOT } from './with-emulator.mjs';

const args = process.argv.slice(2);
if (!args.some((a) => a === '--seed' || a.startsWith('--seed=') || a === '--no-seed')) {
  args.push('--seed', path.join(ROOT, 'emulator', 'seeds', 'demo.json'));
}
const bundle = await bundleEmulator();
const child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => child.kill(sig));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
