// Command line: `node out/emulator-cli.js [--seed FILE] [--port N] [--state-dir DIR] [--latency-ms N]
// [--throttle-limit N] [--token-lifetime-sec N] [--delete-delay-ms N] [--certificate-delay-ms N]
// [--arm-page-size N] [--fault JSON]… [--verbose]`. Prints ONE JSON line on stdout when ready; logs go to stderr.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emulator, type EmulatorOptions } from './emulator';
import { checkFaultSpec, type FaultSpec } from './faults';
import { readSeedFile } from './seed';

const started = performance.now();

const NUMERIC: Record<string, keyof EmulatorOptions> = {
  '--port': 'port',
  '--latency-ms': 'latencyMs',
  '--throttle-limit': 'throttleLimit',
  '--token-lifetime-sec': 'tokenLifetimeSec',
  '--delete-delay-ms': 'deleteDelayMs',
  '--certificate-delay-ms': 'certificateDelayMs',
  '--arm-page-size': 'armPageSize',
};

const USAGE = `usage: kv-emulator [--seed FILE | --no-seed] [--port N] [--state-dir DIR] [--latency-ms N] [--throttle-limit N]
                   [--token-lifetime-sec N] [--delete-delay-ms N] [--certificate-delay-ms N] [--arm-page-size N]
                   [--fault JSON]... [--verbose]
  --fault JSON   a fault in force from the start, as POST /control/faults takes it (repeatable), e.g.
                 --fault '{"match":{"method":"PUT","pathRegex":"^/secrets/"},"action":"reset","phase":"after","count":1}'
                 actions: latency (latencyMs), status (status, body?, headers?), reset, hang;
                 phase: before (default: the handler never runs) | after (the handler commits, then the fault acts)`;

/** One `--fault` value: JSON, validated like POST /control/faults. */
function parseFault(raw: string): FaultSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw) as unknown;
  } catch (err) {
    throw new Error(`--fault needs a JSON object (${err instanceof Error ? err.message : String(err)}): ${raw}`);
  }
  try {
    return checkFaultSpec(parsed);
  } catch (err) {
    throw new Error(`--fault ${raw}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface CliOptions {
  readonly options: EmulatorOptions;
  /** null: not given (the demo seed when present); '': no seed. */
  seedPath: string | null;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: EmulatorOptions = {};
  const cli: CliOptions = { options: opts, seedPath: null };
  const values = opts as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const next = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--seed') cli.seedPath = path.resolve(next());
    else if (flag === '--no-seed') cli.seedPath = '';
    else if (flag === '--state-dir') opts.stateDir = path.resolve(next());
    else if (flag === '--verbose') opts.verbose = true;
    else if (flag === '--fault') opts.faults = [...(opts.faults ?? []), parseFault(next())];
    else if (flag === '--help' || flag === '-h') {
      console.error(USAGE);
      process.exit(0);
    } else if (NUMERIC[flag] !== undefined) {
      const n = Number(next());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
      values[NUMERIC[flag]] = n;
    } else {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return cli;
}

async function main(): Promise<void> {
  const cli = parseArgs(process.argv.slice(2));
  if (cli.seedPath === null) {
    const fallback = path.resolve('emulator', 'seeds', 'demo.json');
    cli.seedPath = fs.existsSync(fallback) ? fallback : '';
  }
  const seedPath = cli.seedPath || undefined;
  const emulator = await Emulator.start({ ...cli.options, seedPath, seed: seedPath ? readSeedFile(seedPath) : undefined });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ ...emulator.info(), startupMs: Math.round(process.uptime() * 1000), readyMs: Math.round(performance.now() - started) })}\n`);
  // Seeded key pairs and certificates are generated after the line (vault requests wait for them).
  void emulator.whenSeeded().then(() => {
    if (cli.options.verbose) console.error(`[kv-emulator] seeded keys and certificates ready after ${Math.round(performance.now() - started)} ms`);
  });
}

// Only when run (out/emulator-cli.js), not when a test imports parseArgs.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`[kv-emulator] failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
