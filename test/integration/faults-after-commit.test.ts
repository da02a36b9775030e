// Faults after commit (issue 13): the handler runs and its change is committed, then the answer is replaced by a
// status, a reset or no answer at all. Proved with a PLAIN SecretClient (the SDK's default retry policy, short
// delays), which shows the bug issue 13 is about: one setSecret whose answer is lost makes two versions.
// Also hang before the handler, start-time faults (--fault, a seed's faults, EmulatorOptions.faults) and stop()
// with hung requests open.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from '../../emulator/cli';
import { Emulator } from '../../emulator/emulator';
import { asSeed } from '../../emulator/seed';
import { controlApi, emulatorInfo, rawRequest, secretClient, uniqueName, vaultUrl, type RequestLogEntry } from './emulator';

const VAULT = 'kv-test-faults';

/** The fault shape this file uses (test/integration/emulator.ts types the older, before-only one). */
interface Spec {
  match?: { plane?: 'login' | 'arm' | 'vault'; method?: string; pathRegex?: string; vault?: string };
  action: 'latency' | 'status' | 'reset' | 'hang';
  phase?: 'before' | 'after';
  status?: number;
  latencyMs?: number;
  count?: number;
}

type LogEntry = RequestLogEntry & { handlerStatus?: number };

async function addFault(spec: Spec): Promise<void> {
  const res = await rawRequest(`${emulatorInfo().control}/faults`, { method: 'POST', body: spec });
  assert.equal(res.status, 200, res.text);
}

async function logFor(name: string, sinceId: number): Promise<LogEntry[]> {
  return (await controlApi.requests({ vault: VAULT, pathContains: `/secrets/${name}`, sinceId })).requests;
}

describe('emulator faults after commit (SecretClient, default retry policy)', () => {
  const client = secretClient(VAULT);

  before(async () => {
    await client.setSecret(uniqueName('warm-up'), 'v'); // completes the auth challenge: faults below hit authorized requests
  });

  afterEach(() => controlApi.clearFaults());

  async function versionCount(name: string): Promise<number> {
    let n = 0;
    for await (const _ of client.listPropertiesOfSecretVersions(name)) n++;
    return n;
  }

  /** Calls setSecret and aborts it after `ms`; resolves with what it rejected with. */
  async function setAndAbort(name: string, ms: number): Promise<unknown> {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), ms);
    try {
      await client.setSecret(name, 'hung', { abortSignal: ac.signal });
      return undefined;
    } catch (err) {
      return err;
    } finally {
      clearTimeout(timer);
    }
  }

  it('after:reset on a PUT: the write commits, the SDK resends it, and ONE setSecret makes TWO versions', async () => {
    const name = uniqueName('after-reset');
    await addFault({ match: { vault: VAULT, method: 'PUT', pathRegex: `^/secrets/${name}$` }, action: 'reset', phase: 'after', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    assert.equal((await client.setSecret(name, 'once')).value, 'once');
    assert.equal(await versionCount(name), 2, 'the lost answer made the SDK write the secret twice');
    const log = await logFor(name, cursor);
    assert.deepEqual(log.filter((e) => e.method === 'PUT').map((e) => [e.status, e.fault, e.handlerStatus]), [[0, 'after:reset', 200], [200, undefined, undefined]]);
  });

  it('after:status 503 on a PUT: committed, the client sees a 503, the log keeps the handler status', async () => {
    const name = uniqueName('after-503');
    await addFault({ match: { vault: VAULT, method: 'PUT', pathRegex: `^/secrets/${name}$` }, action: 'status', status: 503, phase: 'after', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    await client.setSecret(name, 'value');
    assert.ok((await versionCount(name)) >= 1);
    const [first, ...rest] = (await logFor(name, cursor)).filter((e) => e.method === 'PUT');
    assert.equal(first?.status, 503);
    assert.equal(first.fault, 'after:status:503');
    assert.equal(first.handlerStatus, 200);
    assert.ok(rest.every((e) => e.handlerStatus === undefined && e.fault === undefined));
  });

  it('after:status records what the handler refused too (401 without a token)', async () => {
    const name = uniqueName('after-refused');
    await addFault({ match: { vault: VAULT, pathRegex: `^/secrets/${name}$` }, action: 'status', status: 418, phase: 'after', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    const res = await rawRequest(`${vaultUrl(VAULT)}/secrets/${name}?api-version=7.6`);
    assert.equal(res.status, 418);
    const [entry] = await logFor(name, cursor);
    assert.deepEqual([entry?.status, entry?.fault, entry?.handlerStatus], [418, 'after:status:418', 401]);
  });

  it('after:hang on a PUT: the call never gets an answer and rejects when aborted; the version exists', async () => {
    const name = uniqueName('after-hang');
    await addFault({ match: { vault: VAULT, method: 'PUT', pathRegex: `^/secrets/${name}$` }, action: 'hang', phase: 'after', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    const err = await setAndAbort(name, 1000);
    assert.equal((err as Error | undefined)?.name, 'AbortError');
    assert.equal((await client.getSecret(name)).value, 'hung');
    const puts = (await logFor(name, cursor)).filter((e) => e.method === 'PUT');
    assert.deepEqual(puts.map((e) => [e.status, e.fault, e.handlerStatus]), [[0, 'after:hang', 200]], 'one request, not resent after the abort');
  });

  it('hang before the handler: never answers, nothing is committed', async () => {
    const name = uniqueName('before-hang');
    await addFault({ match: { vault: VAULT, method: 'PUT', pathRegex: `^/secrets/${name}$` }, action: 'hang', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    const err = await setAndAbort(name, 1000);
    assert.equal((err as Error | undefined)?.name, 'AbortError');
    await assert.rejects(client.getSecret(name), (e: { statusCode?: number }) => e.statusCode === 404);
    const puts = (await logFor(name, cursor)).filter((e) => e.method === 'PUT');
    assert.deepEqual(puts.map((e) => [e.status, e.fault, e.handlerStatus]), [[0, 'hang', undefined]]);
  });

  it('phase "before" is the default: the handler never runs (a reset PUT is resent, one version)', async () => {
    const name = uniqueName('before-reset');
    await addFault({ match: { vault: VAULT, method: 'PUT', pathRegex: `^/secrets/${name}$` }, action: 'reset', phase: 'before', count: 1 });
    await client.setSecret(name, 'once');
    assert.equal(await versionCount(name), 1);
  });
});

describe('emulator faults at start (--fault, seed faults, EmulatorOptions.faults)', () => {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const hangArm: Spec = { match: { plane: 'arm' }, action: 'hang' };
  const teapot: Spec = { match: { plane: 'login', method: 'GET' }, action: 'status', status: 418, phase: 'after', count: 1 };

  it('parses repeatable --fault flags (both spellings) and rejects bad ones with the reason', () => {
    const cli = parseArgs(['--no-seed', '--fault', JSON.stringify(hangArm), `--fault=${JSON.stringify(teapot)}`]);
    assert.deepEqual(cli.options.faults, [hangArm, teapot]);
    assert.throws(() => parseArgs(['--fault', '{not json']), /--fault needs a JSON object/);
    assert.throws(() => parseArgs(['--fault', '{"action":"hang","phase":"later"}']), /unknown fault phase "later" \(use "before" or "after"\)/);
    assert.throws(() => parseArgs(['--fault', '{"action":"latency","latencyMs":5,"phase":"after"}']), /"phase" applies to status, reset and hang faults only/);
    assert.throws(() => parseArgs(['--fault', '{"action":"explode"}']), /unknown fault action "explode"/);
    assert.throws(() => parseArgs(['--fault']), /--fault needs a value/);
  });

  it('validates a seed\'s faults, naming the place', () => {
    assert.deepEqual(asSeed({ faults: [teapot] }).faults, [teapot]);
    assert.throws(() => asSeed({ faults: [teapot, { action: 'status', status: 42 }] }), /^Error: seed: faults\[1\]: a status fault needs "status"/);
    assert.throws(() => asSeed({ faults: {} }), /"faults" must be an array/);
  });

  it('applies EmulatorOptions.faults and a seed\'s faults at start; stop() returns promptly with hung requests open', async () => {
    await assert.rejects(Emulator.start({ stateDir: emulatorInfo().stateDir, faults: [{ action: 'hang', count: 0 }] }), /^Error: faults\[0\]: "count" must be a positive integer/);
    const emu = await Emulator.start({ stateDir: emulatorInfo().stateDir, faults: [hangArm], seed: { faults: [teapot] } });
    let stopped = false;
    try {
      const info = emu.info() as { login: string; arm: string };
      assert.equal((await rawRequest(`${info.login}/common/discovery/instance`)).status, 418);
      const hung = [rawRequest(`${info.arm}/subscriptions?api-version=2022-12-01`), rawRequest(`${info.arm}/tenants?api-version=2022-12-01`)];
      const outcomes = Promise.allSettled(hung);
      while (emu.world.log.query({ plane: 'arm' }).length < 2) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(emu.world.log.query({}).map((e) => [e.plane, e.status, e.fault, e.handlerStatus]), [
        ['login', 418, 'after:status:418', 200],
        ['arm', 0, 'hang', undefined],
        ['arm', 0, 'hang', undefined],
      ]);
      const t0 = performance.now();
      await emu.stop();
      stopped = true;
      assert.ok(performance.now() - t0 < 2000, `stop() took ${Math.round(performance.now() - t0)} ms`);
      assert.ok((await outcomes).every((o) => o.status === 'rejected'), 'the hung requests end when the emulator stops');
    } finally {
      if (!stopped) await emu.stop();
    }
  });

  /** Runs out/emulator-cli.js (bundled by with-emulator.mjs); resolves with its ready line or, failing, its exit. */
  function runCli(args: string[]): Promise<{ line?: string; code?: number | null; stderr: string; stop(): Promise<void> }> {
    const child = spawn(process.execPath, [path.join(repoRoot, 'out', 'emulator-cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    };
    return new Promise((resolve) => {
      readline.createInterface({ input: child.stdout }).once('line', (line) => resolve({ line, stderr, stop }));
      void closed.then((code) => resolve({ code, stderr, stop }));
    });
  }

  it('the CLI applies --fault at start, and refuses a bad one with the reason', async () => {
    const base = ['--no-seed', '--state-dir', emulatorInfo().stateDir];
    const ok = await runCli([...base, '--fault', JSON.stringify({ ...teapot, count: 2 })]);
    try {
      assert.ok(ok.line, ok.stderr);
      const info = JSON.parse(ok.line) as { login: string; control: string };
      assert.equal((await rawRequest(`${info.login}/common/discovery/instance`)).status, 418);
      const faults = (await rawRequest(`${info.control}/faults`)).json as { faults: { action: string; phase: string; remaining: number }[] };
      assert.deepEqual(faults.faults.map((f) => [f.action, f.phase, f.remaining]), [['status', 'after', 1]]);
    } finally {
      await ok.stop();
    }
    const bad = await runCli([...base, '--fault', '{"action":"reset","phase":"during"}']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /failed to start: --fault .*unknown fault phase "during"/);
  });
});
