// Fault switches proved by the official SecretClient and the request log (AZURE-FACTS.md "Throttling and retries"):
// a bare 429 burst reaches the caller without retries, a 503 is retried and succeeds, a reset connection is
// retried, and latency shows in the log's durationMs (never a timed assertion).
import * as assert from 'node:assert/strict';
import { controlApi, emulatorInfo, errorBody, rawRequest, secretClient, uniqueName } from './emulator';

const VAULT = 'kv-test-faults';

describe('emulator faults and limits (SecretClient)', () => {
  const client = secretClient(VAULT);
  const name = uniqueName('fault-target');

  before(async () => {
    await client.setSecret(name, 'value'); // also completes the client's auth challenge
  });

  afterEach(async () => {
    await controlApi.clearFaults();
    await controlApi.throttle(null, VAULT);
    await controlApi.settings({ latencyMs: 0 });
  });

  it('answers a burst over the limit with bare 429s that the SDK surfaces without retrying', async () => {
    await controlApi.throttle(5, VAULT);
    const { cursor } = await controlApi.requests({ limit: 1 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => client.getSecret(name)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(results.length - rejected.length, 5);
    assert.equal(rejected.length, 7);
    for (const r of rejected) {
      const err = r.reason as { statusCode?: number; response?: { headers: { get(name: string): string | undefined } } };
      assert.equal(err.statusCode, 429);
      assert.equal(err.response?.headers.get('retry-after'), undefined);
      assert.equal(errorBody(err).error?.code, 'Throttled');
      assert.match(errorBody(err).error?.message ?? '', /VaultRequestTypeLimitReached$/);
    }
    const log = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.equal(log.length, 12, 'one request per call: no retry of a 429 without Retry-After');
    assert.equal(log.filter((e) => e.status === 429).length, 7);
  });

  it('returns a 503 that the SDK retries to success', async () => {
    await controlApi.addFault({ match: { vault: VAULT, method: 'GET', pathRegex: `^/secrets/${name}` }, action: 'status', status: 503, count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    assert.equal((await client.getSecret(name)).value, 'value');
    const log = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.deepEqual(log.map((e) => e.status), [503, 200]);
    assert.equal(log[0]!.fault, 'status:503');
  });

  it('resets a connection, which the SDK retries to success', async () => {
    await controlApi.addFault({ match: { vault: VAULT, pathRegex: `^/secrets/${name}` }, action: 'reset', count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    assert.equal((await client.getSecret(name)).value, 'value');
    const log = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.deepEqual(log.map((e) => e.status), [0, 200]);
    assert.equal(log[0]!.fault, 'reset');
  });

  it('treats an explicit phase "before" as the default: the fault replaces the request', async () => {
    const res = await rawRequest(`${emulatorInfo().control}/faults`, {
      method: 'POST',
      body: { match: { vault: VAULT, method: 'GET', pathRegex: `^/secrets/${name}` }, action: 'status', status: 503, phase: 'before', count: 1 },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.phase, 'before');
    const { cursor } = await controlApi.requests({ limit: 1 });
    assert.equal((await client.getSecret(name)).value, 'value');
    const log = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.deepEqual(log.map((e) => [e.status, e.fault, (e as { handlerStatus?: number }).handlerStatus]), [[503, 'status:503', undefined], [200, undefined, undefined]]);
  });

  it('refuses invalid faults with the reason (400) and adds none of them', async () => {
    const cases: [unknown, RegExp][] = [
      [{ action: 'explode' }, /unknown fault action "explode"/],
      [{ match: {} }, /a fault needs "action"/],
      [{ action: 'reset', phase: 'later' }, /unknown fault phase "later" \(use "before" or "after"\)/],
      [{ action: 'latency', latencyMs: 10, phase: 'after' }, /"phase" applies to status, reset and hang faults only/],
      [{ action: 'status', status: 700 }, /a status fault needs "status" \(100–599\)/],
      [{ action: 'hang', status: 503 }, /"status" applies to status faults only/],
      [{ action: 'reset', count: 0 }, /"count" must be a positive integer/],
      [{ action: 'reset', match: { pathRegex: '(' } }, /"match.pathRegex" is not a valid regular expression/],
      [{ action: 'reset', match: { plane: 'control' } }, /"match.plane" must be/],
      [{ action: 'reset', when: 'later' }, /unknown fault field "when"/],
    ];
    for (const [spec, message] of cases) {
      const res = await rawRequest(`${emulatorInfo().control}/faults`, { method: 'POST', body: spec });
      assert.equal(res.status, 400, JSON.stringify(spec));
      assert.match(res.json.error.message, message);
    }
    assert.deepEqual((await rawRequest(`${emulatorInfo().control}/faults`)).json.faults, []);
  });

  it('adds latency, visible as durationMs in the request log', async () => {
    await controlApi.addFault({ match: { vault: VAULT, method: 'GET' }, action: 'latency', latencyMs: 250, count: 1 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    await client.getSecret(name);
    const [slow] = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.ok(slow && slow.durationMs >= 250, `durationMs ${slow?.durationMs}`);
    assert.equal(slow.fault, 'latency:250');
  });

  it('applies the global latency setting (the --latency-ms flag) to every request', async () => {
    await controlApi.settings({ latencyMs: 120 });
    const { cursor } = await controlApi.requests({ limit: 1 });
    await client.getSecret(name);
    await client.getSecret(name);
    const log = (await controlApi.requests({ vault: VAULT, sinceId: cursor })).requests;
    assert.equal(log.length, 2);
    for (const e of log) assert.ok(e.durationMs >= 120, `durationMs ${e.durationMs}`);
  });

  it('keeps values, tokens and bodies out of the request log', async () => {
    const secretValue = uniqueName('never-logged-value');
    await client.setSecret(name, secretValue);
    const text = JSON.stringify(await controlApi.requests({ vault: VAULT }));
    assert.ok(!text.includes(secretValue));
    assert.ok(!/Bearer|eyJ/.test(text));
    const entry = (await controlApi.requests({ vault: VAULT, method: 'PUT', limit: 1 })).requests[0];
    // Only these fields; the token's tenant and audience claims (never the token) when the request carried one.
    const { tokenTenant, tokenAudience, ...rest } = (entry ?? {}) as { tokenTenant?: string; tokenAudience?: string };
    assert.deepEqual(Object.keys(rest).sort(), ['durationMs', 'id', 'method', 'path', 'plane', 'status', 'time', 'vault']);
    if (tokenTenant !== undefined) assert.match(tokenTenant, /^[0-9a-f-]{36}$/);
    if (tokenAudience !== undefined) assert.equal(tokenAudience, emulatorInfo().audiences.vault);
  });
});
