#!/usr/bin/env node
// Starts the Key Vault emulator, runs a command against it, stops it, and exits with the command's code.
//   node scripts/with-emulator.mjs [--seed FILE] [emulator options…] -- <command…>
// The command gets NODE_EXTRA_CA_CERTS=<the emulator's test CA> and KV_EMULATOR=<the emulator's JSON line>.
// As a module: `startEmulatorProcess({ seed, args, log })` → `{ info, stop() }`, and `bundleEmulator()`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'out', 'emulator-cli.js');

/** Bundles emulator/cli.ts into out/emulator-cli.js (esbuild, node, cjs; dependencies stay in node_modules). */
export async function bundleEmulator() {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['emulator/cli.ts'],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return CLI_BUNDLE;
}

/**
 * Spawns the emulator CLI and resolves once it printed its JSON line.
 * @param {{ seed?: string, args?: string[], log?: (line: string) => void, bundle?: boolean }} [options]
 * @returns {Promise<{ info: Record<string, any>, line: string, child: import('node:child_process').ChildProcess, stop: () => Promise<number|null> }>}
 */
export async function startEmulatorProcess({ seed, args = [], log = (line) => process.stderr.write(`${line}\n`), bundle = true } = {}) {
  if (bundle) await bundleEmulator();
  const cliArgs = [CLI_BUNDLE, ...(seed ? ['--seed', path.resolve(seed)] : []), ...args];
  const child = spawn(process.execPath, cliArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  readline.createInterface({ input: child.stderr }).on('line', (l) => log(l));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 0))));
  const line = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    let first = true;
    rl.on('line', (l) => {
      if (first) {
        first = false;
        resolve(l);
      } else {
        log(l);
      }
    });
    exited.then((code) => reject(new Error(`the emulator exited (code ${code}) before it was ready`)));
  });
  const info = JSON.parse(line);
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    })();
    return stopping;
  };
  return { info, line, child, stop };
}

async function cli(argv) {
  const sep = argv.indexOf('--');
  if (sep < 0 || sep === argv.length - 1) {
    console.error('usage: node scripts/with-emulator.mjs [--seed FILE] [emulator options…] -- <command…>');
    process.exit(2);
  }
  const own = argv.slice(0, sep);
  const command = argv.slice(sep + 1);
  let seed = path.join(ROOT, 'emulator', 'seeds', 'demo.json');
  const args = [];
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--seed') seed = own[++i];
    else if (own[i].startsWith('--seed=')) seed = own[i].slice('--seed='.length);
    else args.push(own[i]);
  }
  const emu = await startEmulatorProcess({ seed, args, log: (l) => process.stderr.write(`${l}\n`) });
  const onSignal = (sig) => () => {
    child.kill(sig);
  };
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: emu.info.ca, KV_EMULATOR: emu.line },
  });
  process.on('SIGINT', onSignal('SIGINT'));
  process.on('SIGTERM', onSignal('SIGTERM'));
  const code = await new Promise((resolve) => {
    child.once('error', (err) => {
      console.error(`with-emulator: cannot run ${command[0]}: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await emu.stop();
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).catch((err) => {
    console.error(`with-emulator: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
