import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { backoffDelay, ConcurrencyGate, retryAfterMs, sleep } from '../../src/azure/throttle';
import { reliabilityPolicy, type ReliabilityOptions } from '../../src/azure/reliability';

/** The 429 part of the reliability policy (its other parts: azure-reliability.test.ts). */
const throttlePolicy = (gate: ConcurrencyGate, options: ReliabilityOptions = {}) => reliabilityPolicy({ gate, options });

function response(request: PipelineRequest, status: number, headers: Record<string, string> = {}): PipelineResponse {
  return { request, status, headers: createHttpHeaders(headers) };
}

function request(signal?: AbortSignal, method: 'GET' | 'PUT' = 'GET'): PipelineRequest {
  return createPipelineRequest({ url: 'https://kv.vault.azure.net/secrets', method, ...(signal ? { abortSignal: signal } : {}) });
}

describe('throttle: backoff', () => {
  it('doubles from the base: 1, 2, 4, 8, 16 s without jitter (random 0.5)', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((a) => backoffDelay(a, 1000, () => 0.5)), [1000, 2000, 4000, 8000, 16000]);
  });

  it('jitters each delay within ±20 %', () => {
    assert.equal(backoffDelay(2, 1000, () => 0), 3200);
    assert.equal(backoffDelay(2, 1000, () => 0.999999), 4800);
  });

  it('reads Retry-After in seconds, ms and as a date', () => {
    const r = request();
    assert.equal(retryAfterMs(response(r, 429)), undefined);
    assert.equal(retryAfterMs(response(r, 429, { 'retry-after': '3' })), 3000);
    assert.equal(retryAfterMs(response(r, 429, { 'retry-after-ms': '250' })), 250);
    const later = retryAfterMs(response(r, 429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }));
    assert.ok(later !== undefined && later > 0 && later <= 60_000);
  });
});

describe('throttle: sleep', () => {
  it('rejects with an AbortError at once when the signal is already aborted', async () => {
    const c = new AbortController();
    c.abort();
    await assert.rejects(sleep(60_000, c.signal), { name: 'AbortError' });
  });

  it('rejects with an AbortError when the signal aborts while waiting', async () => {
    const c = new AbortController();
    const waiting = sleep(60_000, c.signal);
    c.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
  });

  it('resolves after the delay', async () => {
    await sleep(1);
    assert.ok(true);
  });
});

describe('throttle: ConcurrencyGate', () => {
  it('admits up to max holders and serves waiters in order', async () => {
    const gate = new ConcurrencyGate(2);
    const a = await gate.acquire();
    const b = await gate.acquire();
    assert.equal(gate.inUse, 2);
    const order: string[] = [];
    const c = gate.acquire().then((r) => (order.push('c'), r));
    const d = gate.acquire().then((r) => (order.push('d'), r));
    assert.equal(gate.queued, 2);
    a();
    a(); // a second call is ignored
    const releaseC = await c;
    assert.deepEqual(order, ['c']);
    b();
    const releaseD = await d;
    assert.deepEqual(order, ['c', 'd']);
    releaseC();
    releaseD();
    assert.equal(gate.inUse, 0);
    assert.equal(gate.queued, 0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const gate = new ConcurrencyGate(1);
    const held = await gate.acquire();
    const c = new AbortController();
    const waiting = gate.acquire(c.signal);
    c.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.equal(gate.queued, 0);
    held();
    assert.equal(gate.inUse, 0);
  });

  it('refuses a cap below 1', () => {
    assert.throws(() => new ConcurrencyGate(0), RangeError);
  });
});

describe('throttle: policy', () => {
  it('retries a bare 429 with growing delays, then returns the success', async () => {
    const delays: number[] = [];
    const statuses = [429, 429, 429, 200];
    let sent = 0;
    const policy = throttlePolicy(new ConcurrencyGate(4), { baseDelayMs: 100, sleep: (ms) => (delays.push(ms), Promise.resolve()), random: () => 0.5 });
    const r = request();
    const res = await policy.sendRequest(r, (req) => Promise.resolve(response(req, statuses[sent++] ?? 500)));
    assert.equal(res.status, 200);
    assert.equal(sent, 4);
    assert.deepEqual(delays, [100, 200, 400]);
  });

  it('gives up after maxRetries and returns the 429', async () => {
    let sent = 0;
    const policy = throttlePolicy(new ConcurrencyGate(4), { maxRetries: 2, sleep: () => Promise.resolve() });
    const res = await policy.sendRequest(request(), (req) => (sent++, Promise.resolve(response(req, 429))));
    assert.equal(res.status, 429);
    assert.equal(sent, 3);
  });

  it('defaults to 5 retries with 1, 2, 4, 8, 16 s (±20 %)', async () => {
    const delays: number[] = [];
    const policy = throttlePolicy(new ConcurrencyGate(4), { sleep: (ms) => (delays.push(ms), Promise.resolve()) });
    const res = await policy.sendRequest(request(), (req) => Promise.resolve(response(req, 429)));
    assert.equal(res.status, 429);
    assert.equal(delays.length, 5);
    delays.forEach((d, i) => assert.ok(d >= 800 * 2 ** i && d <= 1200 * 2 ** i, `${i}: ${d}`));
  });

  it('waits at least a Retry-After the service sent', async () => {
    const delays: number[] = [];
    let sent = 0;
    const policy = throttlePolicy(new ConcurrencyGate(4), { baseDelayMs: 10, sleep: (ms) => (delays.push(ms), Promise.resolve()) });
    await policy.sendRequest(request(), (req) => Promise.resolve(sent++ === 0 ? response(req, 429, { 'retry-after': '2' }) : response(req, 200)));
    assert.deepEqual(delays, [2000]);
  });

  it('does not retry other statuses (nor a 5xx of a write: see azure-reliability.test.ts)', async () => {
    for (const [status, method] of [[200, 'GET'], [401, 'GET'], [403, 'GET'], [404, 'GET'], [500, 'PUT'], [503, 'PUT']] as const) {
      let sent = 0;
      const policy = throttlePolicy(new ConcurrencyGate(4), { sleep: () => Promise.reject(new Error('no sleep expected')) });
      const res = await policy.sendRequest(request(undefined, method), (req) => (sent++, Promise.resolve(response(req, status))));
      assert.equal(res.status, status);
      assert.equal(sent, 1);
    }
  });

  it('stops backing off when the request is aborted, and frees its slot', async () => {
    const gate = new ConcurrencyGate(1);
    const c = new AbortController();
    const policy = throttlePolicy(gate, { baseDelayMs: 60_000 });
    const pending = policy.sendRequest(request(c.signal), (req) => Promise.resolve(response(req, 429)));
    await new Promise((resolve) => setImmediate(resolve));
    c.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(gate.inUse, 0);
  });

  it('holds at most maxConcurrent requests in flight per gate', async () => {
    const gate = new ConcurrencyGate(2);
    const policy = throttlePolicy(gate);
    let inFlight = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const next = (req: PipelineRequest): Promise<PipelineResponse> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      return new Promise((resolve) => releases.push(() => (inFlight--, resolve(response(req, 200)))));
    };
    const all = Promise.all(Array.from({ length: 5 }, () => policy.sendRequest(request(), next)));
    for (let done = 0; done < 5; done++) {
      while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
      assert.ok(inFlight <= 2);
      releases.shift()?.();
    }
    await all;
    assert.equal(peak, 2);
    assert.equal(gate.inUse, 0);
  });
});
