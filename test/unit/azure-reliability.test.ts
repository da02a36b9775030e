// The reliability policy (src/azure/reliability.ts) with a fake `next` and scripted waits: per-attempt timeout,
// retries of retry-safe requests only, Retry-After capped, onWait events, aborts; isRetrySafe over every route the
// extension calls; safe writes (safeWrite.ts) and bounded polls (polling.ts) with fake sends and checks; and how
// classifyError tells the new errors.
import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { isRetrySafe, isTransientStatus, reliabilityPolicy, WaitEvents, type ReliabilityOptions, type WaitEvent } from '../../src/azure/reliability';
import { ConcurrencyGate } from '../../src/azure/throttle';
import { OperationStillRunningError, RequestTimeoutError, WriteOutcomeUnknownError } from '../../src/azure/reliabilityErrors';
import { CLOCK_SKEW_MS, isAmbiguousFailure, safeWrite, sameTags } from '../../src/azure/safeWrite';
import { pollUntil } from '../../src/azure/polling';
import { classifyError } from '../../src/azure/errors';

const VAULT = 'https://kv.vault.azure.net';

function req(method: string, path: string, signal?: AbortSignal): PipelineRequest {
  return createPipelineRequest({ url: `${VAULT}${path}?api-version=2025-07-01`, method: method as 'GET', ...(signal ? { abortSignal: signal } : {}) });
}

function res(request: PipelineRequest, status: number, headers: Record<string, string> = {}): PipelineResponse {
  return { request, status, headers: createHttpHeaders(headers) };
}

/** A RestError-like network failure, as the node HTTP client throws it. */
function networkError(code = 'ECONNRESET'): Error {
  return Object.assign(new Error('socket hang up'), { name: 'RestError', code });
}

function restError(status: number): Error {
  return Object.assign(new Error(`HTTP ${status}`), { name: 'RestError', statusCode: status });
}

/** A `next` that never answers until the request's signal aborts (then rejects like the node HTTP client). */
function hanging(sent: PipelineRequest[]) {
  return (request: PipelineRequest): Promise<PipelineResponse> => {
    sent.push(request);
    return new Promise((_, reject) => {
      const abort = (): void => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
      if (request.abortSignal?.aborted) abort();
      request.abortSignal?.addEventListener('abort', abort);
    });
  };
}

/** A policy with scripted waits: records each delay, and the events. */
function scripted(options: ReliabilityOptions = {}) {
  const delays: number[] = [];
  const events: WaitEvent[] = [];
  const waits = new WaitEvents();
  waits.on((e) => events.push(e));
  const policy = reliabilityPolicy({ gate: new ConcurrencyGate(4), events: waits, options: { baseDelayMs: 10, random: () => 0.5, sleep: (ms) => (delays.push(ms), Promise.resolve()), ...options } });
  return { policy, delays, events };
}

describe('reliability: per-attempt timeout', () => {
  it('a write that gets no answer fails with RequestTimeoutError after timeoutMs, sent once', async () => {
    const sent: PipelineRequest[] = [];
    const { policy } = scripted({ timeoutMs: 30 });
    const started = Date.now();
    await assert.rejects(policy.sendRequest(req('PUT', '/secrets/s'), hanging(sent)), (e: unknown) => e instanceof RequestTimeoutError && e.timeoutMs === 30 && e.host === 'kv.vault.azure.net');
    assert.equal(sent.length, 1);
    assert.ok(Date.now() - started < 2000);
  });

  it('a read that times out is sent again up to maxTransientRetries, then fails with RequestTimeoutError', async () => {
    const sent: PipelineRequest[] = [];
    const { policy, events } = scripted({ timeoutMs: 20, maxTransientRetries: 2 });
    await assert.rejects(policy.sendRequest(req('GET', '/secrets/s/'), hanging(sent)), RequestTimeoutError);
    assert.equal(sent.length, 3);
    assert.deepEqual(events.map((e) => e.reason), ['retry', 'retry']);
  });

  it("the caller's cancel is an AbortError, not a timeout; the caller's signal is put back on the request", async () => {
    const sent: PipelineRequest[] = [];
    const c = new AbortController();
    const { policy } = scripted({ timeoutMs: 60_000 });
    const r = req('GET', '/secrets', c.signal);
    const pending = policy.sendRequest(r, hanging(sent));
    await new Promise((resolve) => setImmediate(resolve));
    assert.notEqual(sent[0]!.abortSignal, c.signal, 'each attempt has its own linked signal');
    c.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(sent.length, 1);
    assert.equal(r.abortSignal, c.signal);
  });

  it('timeoutMs 0 means no timer: the request is passed through as is', async () => {
    const { policy } = scripted({ timeoutMs: 0 });
    const r = req('GET', '/secrets');
    const answer = await policy.sendRequest(r, (sent) => (assert.equal(sent.abortSignal, undefined), Promise.resolve(res(sent, 200))));
    assert.equal(answer.status, 200);
  });
});

describe('reliability: transient failures', () => {
  it('retries 408 and 5xx (not 501/505) of a read with backoff, and returns the success', async () => {
    for (const status of [408, 500, 502, 503, 504]) {
      const statuses = [status, status, 200];
      const { policy, delays } = scripted();
      let sent = 0;
      const answer = await policy.sendRequest(req('GET', '/secrets/s/'), (r) => Promise.resolve(res(r, statuses[sent++]!)));
      assert.equal(answer.status, 200, `${status}`);
      assert.equal(sent, 3);
      assert.deepEqual(delays, [10, 20]);
    }
    for (const status of [501, 505, 400, 404, 409]) {
      const { policy } = scripted({ sleep: () => Promise.reject(new Error('no wait expected')) });
      let sent = 0;
      assert.equal((await policy.sendRequest(req('GET', '/secrets/s/'), (r) => (sent++, Promise.resolve(res(r, status))))).status, status);
      assert.equal(sent, 1, `${status}`);
    }
  });

  it('gives up after maxTransientRetries (default 3) and returns the last answer', async () => {
    const { policy, delays } = scripted();
    let sent = 0;
    assert.equal((await policy.sendRequest(req('GET', '/keys'), (r) => (sent++, Promise.resolve(res(r, 503))))).status, 503);
    assert.equal(sent, 4);
    assert.deepEqual(delays, [10, 20, 40]);
  });

  it('retries a network error of a read, never of a write', async () => {
    const { policy } = scripted();
    let sent = 0;
    const answer = await policy.sendRequest(req('GET', '/secrets'), (r) => (sent++ === 0 ? Promise.reject(networkError()) : Promise.resolve(res(r, 200))));
    assert.equal(answer.status, 200);
    assert.equal(sent, 2);
    for (const [method, path] of [['PUT', '/secrets/s'], ['POST', '/keys/k/create'], ['DELETE', '/certificates/c'], ['POST', '/deletedsecrets/s/recover']]) {
      let writes = 0;
      await assert.rejects(scripted().policy.sendRequest(req(method!, path!), () => (writes++, Promise.reject(networkError()))), { code: 'ECONNRESET' });
      assert.equal(writes, 1, `${method} ${path}`);
    }
  });

  it('sends a write that got a 5xx once and hands the answer back (safeWrite decides)', async () => {
    for (const [method, path] of [['PUT', '/secrets/s'], ['POST', '/keys/k/rotate'], ['POST', '/certificates/c/import'], ['DELETE', '/deletedkeys/k']]) {
      let sent = 0;
      const { policy } = scripted({ sleep: () => Promise.reject(new Error('no wait expected')) });
      assert.equal((await policy.sendRequest(req(method!, path!), (r) => (sent++, Promise.resolve(res(r, 503))))).status, 503);
      assert.equal(sent, 1);
    }
  });

  it('reads an answer thrown as a RestError (core-client deserialization): 5xx and 429 retried, a write rethrown', async () => {
    const thrown = (r: PipelineRequest, status: number, headers: Record<string, string> = {}): Error =>
      Object.assign(new Error(`HTTP ${status}`), { name: 'RestError', statusCode: status, response: res(r, status, headers) });
    const { policy, delays } = scripted();
    let sent = 0;
    const answer = await policy.sendRequest(req('GET', '/tenants'), (r) => {
      sent++;
      if (sent === 1) return Promise.reject(thrown(r, 500));
      if (sent === 2) return Promise.reject(thrown(r, 429, { 'retry-after': '1' }));
      return Promise.resolve(res(r, 200));
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(delays, [10, 1000]);
    let writes = 0;
    await assert.rejects(scripted().policy.sendRequest(req('PUT', '/secrets/s'), (r) => (writes++, Promise.reject(thrown(r, 503)))), { statusCode: 503 });
    assert.equal(writes, 1);
  });

  it('retries crypto and backup POSTs and the rotation-policy PUT (retry-safe)', async () => {
    for (const [method, path] of [['POST', '/keys/k/abc/encrypt'], ['POST', '/keys/k/sign'], ['POST', '/secrets/s/backup'], ['PUT', '/keys/k/rotationpolicy']]) {
      let sent = 0;
      const answer = await scripted().policy.sendRequest(req(method!, path!), (r) => Promise.resolve(res(r, sent++ === 0 ? 500 : 200)));
      assert.equal(answer.status, 200, `${method} ${path}`);
    }
  });
});

describe('reliability: 429 and Retry-After', () => {
  it('caps a long Retry-After at retryAfterCapMs; the event carries what was asked', async () => {
    const { policy, delays, events } = scripted({ retryAfterCapMs: 200 });
    let sent = 0;
    const c = new AbortController();
    const answer = await policy.sendRequest(req('PUT', '/secrets/s', c.signal), (r) => Promise.resolve(sent++ === 0 ? res(r, 429, { 'retry-after': '86400' }) : res(r, 200)));
    assert.equal(answer.status, 200);
    assert.deepEqual(delays, [200]);
    assert.deepEqual(events, [{ host: 'kv.vault.azure.net', reason: 'throttled', delayMs: 200, requestedMs: 86_400_000, abortSignal: c.signal }]);
  });

  it('stops when the service asks twice in a row for longer than the cap: the 429 reaches the caller with its Retry-After', async () => {
    const { policy, delays } = scripted({ retryAfterCapMs: 200 });
    let sent = 0;
    const answer = await policy.sendRequest(req('GET', '/secrets'), (r) => (sent++, Promise.resolve(res(r, 429, { 'retry-after': '86400' }))));
    assert.equal(answer.status, 429);
    assert.equal(sent, 2);
    assert.deepEqual(delays, [200]);
  });

  it('waits the Retry-After when it is under the cap, and never less than the backoff', async () => {
    const { policy, delays } = scripted({ baseDelayMs: 1000 });
    const statuses = [[429, '2'], [429, '0'], [200, '']] as const;
    let sent = 0;
    await policy.sendRequest(req('GET', '/secrets'), (r) => {
      const [status, after] = statuses[sent++]!;
      return Promise.resolve(res(r, status, after ? { 'retry-after': after } : {}));
    });
    assert.deepEqual(delays, [2000, 2000]);
  });

  it('caps the backoff too (no single wait over retryAfterCapMs)', async () => {
    const { policy, delays } = scripted({ baseDelayMs: 1000, retryAfterCapMs: 1500 });
    await policy.sendRequest(req('GET', '/secrets'), (r) => Promise.resolve(res(r, 429)));
    assert.deepEqual(delays, [1000, 1500, 1500, 1500, 1500]);
  });

  it('a wait ends when the request is aborted, and the vault slot is given back', async () => {
    const gate = new ConcurrencyGate(1);
    const c = new AbortController();
    const waits = new WaitEvents();
    const seen: WaitEvent[] = [];
    waits.on(() => {
      throw new Error('a listener that throws changes nothing');
    });
    waits.on((e) => seen.push(e));
    const policy = reliabilityPolicy({ gate, events: waits, options: { baseDelayMs: 60_000 } });
    const pending = policy.sendRequest(req('GET', '/secrets', c.signal), (r) => Promise.resolve(res(r, 503)));
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(seen[0]!.reason, 'retry');
    assert.equal(seen[0]!.abortSignal, c.signal);
    c.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(gate.inUse, 0);
  });

  it('a disposed listener hears nothing more', async () => {
    const waits = new WaitEvents();
    const seen: WaitEvent[] = [];
    const subscription = waits.on((e) => seen.push(e));
    subscription.dispose();
    const policy = reliabilityPolicy({ events: waits, options: { sleep: () => Promise.resolve() } });
    let sent = 0;
    await policy.sendRequest(req('GET', '/secrets'), (r) => Promise.resolve(res(r, sent++ === 0 ? 429 : 200)));
    assert.deepEqual(seen, []);
  });
});

describe('reliability: isRetrySafe (every route the extension calls)', () => {
  const safe: [string, string][] = [
    ['GET', '/secrets'], ['GET', '/secrets/s/versions'], ['GET', '/secrets/s/0123abcd'], ['GET', '/deletedsecrets'], ['GET', '/deletedsecrets/s'],
    ['PATCH', '/secrets/s/'], ['PATCH', '/secrets/s/0123abcd'], ['POST', '/secrets/s/backup'],
    ['GET', '/keys'], ['GET', '/keys/k/'], ['GET', '/keys/k/versions'], ['GET', '/deletedkeys/k'], ['PATCH', '/keys/k/v1'],
    ['GET', '/keys/k/rotationpolicy'], ['PUT', '/keys/k/rotationpolicy'], ['POST', '/keys/k/backup'],
    ['POST', '/keys/k/v1/encrypt'], ['POST', '/keys/k/v1/decrypt'], ['POST', '/keys/k/v1/sign'], ['POST', '/keys/k/v1/verify'],
    ['POST', '/keys/k/v1/wrapkey'], ['POST', '/keys/k/v1/unwrapKey'], ['POST', '/keys/k/encrypt'], ['POST', '/keys/k//sign'],
    ['GET', '/certificates'], ['GET', '/certificates/c/'], ['GET', '/certificates/c/pending'], ['GET', '/certificates/c/policy'],
    ['PATCH', '/certificates/c/policy'], ['PATCH', '/certificates/c/v1'], ['PATCH', '/certificates/c/pending'], ['GET', '/deletedcertificates/c'],
    ['POST', '/certificates/c/backup'], ['HEAD', '/secrets'],
    // Resource Manager (every call the extension makes there is a GET, or a Resource Graph query: a read)
    ['GET', '/tenants'], ['GET', '/subscriptions'], ['GET', '/subscriptions/s1/providers/Microsoft.KeyVault/vaults'],
    ['POST', '/providers/Microsoft.ResourceGraph/resources'],
  ];
  const unsafe: [string, string][] = [
    ['PUT', '/secrets/s'], ['DELETE', '/secrets/s'], ['POST', '/deletedsecrets/s/recover'], ['DELETE', '/deletedsecrets/s'], ['POST', '/secrets/restore'],
    ['POST', '/keys/k/create'], ['PUT', '/keys/k'], ['POST', '/keys/k/rotate'], ['DELETE', '/keys/k'], ['POST', '/deletedkeys/k/recover'],
    ['DELETE', '/deletedkeys/k'], ['POST', '/keys/restore'], ['POST', '/keys/k/v1/release'],
    ['POST', '/certificates/c/create'], ['POST', '/certificates/c/import'], ['DELETE', '/certificates/c'], ['DELETE', '/certificates/c/pending'],
    ['POST', '/certificates/c/pending/merge'], ['POST', '/deletedcertificates/c/recover'], ['DELETE', '/deletedcertificates/c'], ['POST', '/certificates/restore'],
    // names that look like operations are still names
    ['POST', '/keys/encrypt/create'], ['POST', '/keys/backup/rotate'], ['PUT', '/secrets/rotationpolicy'],
    ['PUT', '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v'],
    ['POST', '/providers/Microsoft.ResourceGraph/resources/other'], ['POST', '/subscriptions/s1/providers/Microsoft.ResourceGraph/resources'],
  ];
  for (const [method, path] of safe) it(`${method} ${path} is retry-safe`, () => assert.equal(isRetrySafe(method, `${VAULT}${path}?api-version=7.6`), true));
  for (const [method, path] of unsafe) it(`${method} ${path} is sent once`, () => assert.equal(isRetrySafe(method, `${VAULT}${path}?api-version=7.6`), false));

  it('tells transient statuses', () => {
    assert.deepEqual([408, 429, 500, 501, 502, 503, 504, 505, 511, 400, 404].filter(isTransientStatus), [408, 500, 502, 503, 504, 511]);
  });
});

describe('safe writes (safeWrite.ts)', () => {
  const subject = { kind: 'secret', name: 's1' } as const;

  it('ambiguous failures: 408, 5xx (not 501/505), network errors, timeouts — not 4xx, not a cancel', () => {
    for (const e of [restError(500), restError(503), restError(408), networkError(), networkError('REQUEST_SEND_ERROR'), new RequestTimeoutError(1000)]) assert.equal(isAmbiguousFailure(e), true, String(e));
    for (const e of [restError(400), restError(404), restError(409), restError(429), restError(501), Object.assign(new Error('x'), { name: 'AbortError' }), new Error('plain')]) {
      assert.equal(isAmbiguousFailure(e), false, String(e));
    }
  });

  it('committed: the check finds the write, the call returns its result, sent once', async () => {
    let sends = 0;
    let since = 0;
    const before = Date.now();
    const result = await safeWrite({ ...subject, send: () => (sends++, Promise.reject(networkError())), check: (s) => ((since = s), Promise.resolve({ result: 'v1' })) });
    assert.equal(result, 'v1');
    assert.equal(sends, 1);
    assert.ok(since <= before - CLOCK_SKEW_MS + 50 && since >= before - CLOCK_SKEW_MS - 50);
  });

  it('not committed: sent once more', async () => {
    let sends = 0;
    const result = await safeWrite({ ...subject, send: () => (sends++ === 0 ? Promise.reject(restError(503)) : Promise.resolve('v2')), check: () => Promise.resolve(undefined) });
    assert.equal(result, 'v2');
    assert.equal(sends, 2);
  });

  it('at most two sends: a second unclear failure is checked, then its error thrown', async () => {
    let sends = 0;
    let checks = 0;
    await assert.rejects(safeWrite({ ...subject, send: () => (sends++, Promise.reject(restError(503))), check: () => (checks++, Promise.resolve(undefined)) }), { statusCode: 503 });
    assert.deepEqual([sends, checks], [2, 2]);
  });

  it('a failed check: WriteOutcomeUnknownError naming the object, with the write error as cause', async () => {
    const cause = networkError();
    const error = await safeWrite({ ...subject, send: () => Promise.reject(cause), check: () => Promise.reject(restError(500)) }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof WriteOutcomeUnknownError);
    assert.equal(error.cause, cause);
    assert.deepEqual(error.subject, subject);
    const failure = classifyError(error);
    assert.equal(failure.kind, 'outcomeUnknown');
    assert.match(failure.message, /secret "s1"/);
    assert.match(failure.action ?? '', /Refresh/);
  });

  it('a 4xx or a cancel is thrown at once, with no check; a cancelled check is a cancel', async () => {
    for (const e of [restError(409), Object.assign(new Error('x'), { name: 'AbortError' })]) {
      let checks = 0;
      await assert.rejects(safeWrite({ ...subject, send: () => Promise.reject(e), check: () => (checks++, Promise.resolve(undefined)) }), (x: unknown) => x === e);
      assert.equal(checks, 0);
    }
    const abort = Object.assign(new Error('x'), { name: 'AbortError' });
    await assert.rejects(safeWrite({ ...subject, send: () => Promise.reject(networkError()), check: () => Promise.reject(abort) }), (x: unknown) => x === abort);
  });

  it('compares tags as the service keeps them', () => {
    assert.equal(sameTags(undefined, {}), true);
    assert.equal(sameTags({ a: '1' }, { a: '1' }), true);
    assert.equal(sameTags({ a: '1' }, { a: '2' }), false);
    assert.equal(sameTags({ a: '1' }, undefined), false);
  });
});

describe('bounded polls (polling.ts)', () => {
  it('gives up after timeoutMs with OperationStillRunningError (the operation goes on in the vault)', async () => {
    const error = await pollUntil(() => Promise.resolve(false), { timeoutMs: 60, pollIntervalMs: 10 }, { kind: 'key', name: 'k1' }, 'delete').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof OperationStillRunningError);
    assert.equal(error.operation, 'delete');
    assert.ok(error.waitedMs >= 60);
    const failure = classifyError(error);
    assert.equal(failure.kind, 'stillRunning');
    assert.match(failure.message, /Deleting "k1" is still running in the vault/);
  });

  it('stops at once when aborted', async () => {
    const c = new AbortController();
    const pending = pollUntil(() => Promise.resolve(false), { timeoutMs: 60_000, abortSignal: c.signal }, { kind: 'secret', name: 's' }, 'recover');
    setTimeout(() => c.abort(), 20);
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('returns as soon as the check passes', async () => {
    let checks = 0;
    await pollUntil(() => Promise.resolve(++checks === 3), { pollIntervalMs: 5 }, { kind: 'secret', name: 's' }, 'recover');
    assert.equal(checks, 3);
  });
});

describe('classifyError: timeouts and Retry-After', () => {
  it("RequestTimeoutError → 'timeout' saying how long and naming the setting", () => {
    const f = classifyError(new RequestTimeoutError(30_000, 'kv.vault.azure.net'));
    assert.equal(f.kind, 'timeout');
    assert.equal(f.code, 'REQUEST_TIMEOUT');
    assert.equal(f.timeoutMs, 30_000);
    assert.equal(f.message, 'Azure did not answer within 30 s (the setting azureKeyVault.requestTimeoutSeconds).');
    assert.match(f.action ?? '', /azureKeyVault\.requestTimeoutSeconds/);
  });

  it('a 429 carries the Retry-After the service sent', () => {
    const e = Object.assign(new Error('429'), { name: 'RestError', statusCode: 429, response: { status: 429, headers: createHttpHeaders({ 'retry-after': '86400' }) } });
    const f = classifyError(e);
    assert.equal(f.kind, 'throttled');
    assert.equal(f.retryAfterMs, 86_400_000);
    const bare = classifyError(Object.assign(new Error('429'), { name: 'RestError', statusCode: 429, response: { status: 429, headers: createHttpHeaders({}) } }));
    assert.equal(bare.retryAfterMs, undefined);
  });
});
