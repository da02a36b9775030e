// "Search Key Vault…"'s listings (src/commands/vaults/searchStream.ts, pure): pages handed on as they arrive (the
// first before any other is answered), every page of every kind of every vault asked for once (the floor), at most
// `concurrency` listings in flight, a vault new to the session sending one listing until its first answer (one auth
// challenge, the free places going to other vaults), a failed listing named in its vault's event while the others go
// on, and a stop (the signal, or the consumer leaving) aborting what is in flight with nothing sent after it.
import * as assert from 'node:assert/strict';
import type { Page, PageRequest } from '../../src/azure/model';
import { streamListings, type ListingEvent } from '../../src/commands/vaults/searchStream';

type Event = ListingEvent<string, string, string>;

interface Call {
  readonly vault: string;
  readonly kind: string;
  readonly request: PageRequest;
  answer(page: Page<string>): void;
  fail(error: Error): void;
}

/** A data plane the test answers by hand: every request waits in `calls` until answered. */
function handDriven(): { calls: Call[]; open: () => Call[]; list: (vault: string, kind: string, request: PageRequest) => Promise<Page<string>> } {
  const calls: Call[] = [];
  const answered = new Set<Call>();
  return {
    calls,
    open: () => calls.filter((c) => !answered.has(c) && !c.request.abortSignal?.aborted),
    list: (vault, kind, request) =>
      new Promise<Page<string>>((resolve, reject) => {
        const call: Call = {
          vault,
          kind,
          request,
          answer: (page) => (answered.add(call), resolve(page)),
          fail: (error) => (answered.add(call), reject(error)),
        };
        request.abortSignal?.addEventListener('abort', () => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })));
        calls.push(call);
      }),
  };
}

/** Lets queued promise callbacks run (the stream's workers send their next requests). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** `vault/kind:token` of each request, in order. */
const asked = (calls: readonly Call[]) => calls.map((c) => `${c.vault}/${c.kind}:${c.request.continuationToken ?? '-'}`);

describe('search listings, streamed page by page (pure)', () => {
  it('hands on the first page while every other request is still unanswered, and asks for each page once', async () => {
    const plane = handDriven();
    const stream = streamListings(['v1', 'v2'], ['secret', 'key'], plane.list, { concurrency: 3, pageSize: 25, opened: () => true });
    const first = stream.next();
    await settle();
    assert.deepEqual(asked(plane.calls), ['v1/secret:-', 'v1/key:-', 'v2/secret:-'], 'three listings start, vault by vault');
    assert.ok(plane.calls.every((c) => c.request.pageSize === 25));
    plane.calls[1]!.answer({ items: ['k1'], continuationToken: 't2' });
    assert.deepEqual((await first).value, { type: 'page', vault: 'v1', kind: 'key', items: ['k1'] });
    assert.equal(plane.open().length, 3, 'the first result came while three requests were in flight');
    await settle();
    assert.deepEqual(asked(plane.calls).slice(3), ['v1/key:t2'], 'the next page of that listing follows at once');

    const events: Event[] = [];
    const rest = (async () => {
      for await (const e of stream) events.push(e);
    })();
    plane.calls[3]!.answer({ items: ['k2'] });
    plane.calls[0]!.answer({ items: ['s1', 's2'] });
    await settle();
    plane.calls[2]!.answer({ items: [] }); // an empty kind: asked once, nothing handed on
    await settle();
    for (const c of plane.open()) c.answer({ items: [`${c.vault}-${c.kind}`] });
    await rest;
    assert.deepEqual(asked(plane.calls), ['v1/secret:-', 'v1/key:-', 'v2/secret:-', 'v1/key:t2', 'v2/key:-'], 'the floor: each page once');
    assert.deepEqual(events.map((e) => (e.type === 'page' ? `${e.vault}/${e.kind} ${e.items.join(',')}` : `${e.vault} done, ${e.failures.length} failed`)), [
      'v1/key k2',
      'v1/secret s1,s2',
      'v1 done, 0 failed',
      'v2/key v2-key',
      'v2 done, 0 failed',
    ]);
  });

  it('never has more than `concurrency` listings in flight and lists every vault', async () => {
    const vaults = Array.from({ length: 30 }, (_, i) => `v${i}`);
    let inFlight = 0;
    let peak = 0;
    const requests: string[] = [];
    const list = async (vault: string, kind: string, request: PageRequest): Promise<Page<string>> => {
      requests.push(`${vault}/${kind}:${request.continuationToken ?? '-'}`);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await settle();
      inFlight--;
      // Vault i has i % 3 + 1 pages of each kind.
      const page = Number(request.continuationToken ?? 0);
      const pages = (Number(vault.slice(1)) % 3) + 1;
      return { items: [`${vault}-${kind}-${page}`], ...(page + 1 < pages ? { continuationToken: String(page + 1) } : {}) };
    };
    const items: string[] = [];
    let done = 0;
    for await (const e of streamListings(vaults, ['secret', 'key', 'certificate'], list, { concurrency: 6, pageSize: 25, opened: (v) => v !== 'v0' })) {
      if (e.type === 'page') items.push(...e.items);
      else done++;
    }
    assert.equal(peak, 6);
    assert.equal(done, 30);
    assert.equal(requests[0], 'v0/secret:-', 'v0, new to the session, sends one listing first…');
    assert.ok(requests.indexOf('v0/key:-') > requests.indexOf('v0/secret:-') + 1, '…and its other kinds after its first answer');
    const floor = vaults.reduce((n, v) => n + 3 * ((Number(v.slice(1)) % 3) + 1), 0);
    assert.equal(requests.length, floor);
    assert.equal(new Set(requests).size, floor, 'no page asked for twice');
    assert.equal(items.length, floor);
  });

  it('lists per vault only the kinds it holds (a Managed HSM: keys)', async () => {
    const asked: string[] = [];
    const list = (vault: string, kind: string): Promise<Page<string>> => (asked.push(`${vault}/${kind}`), Promise.resolve({ items: [`${vault}-${kind}`] }));
    const events: Event[] = [];
    const kinds = (vault: string) => (vault === 'hsm' ? ['key'] : ['secret', 'key', 'certificate']);
    for await (const e of streamListings(['kv', 'hsm'], kinds, list, { concurrency: 4, pageSize: 25, opened: () => true })) events.push(e);
    assert.deepEqual(asked.sort(), ['hsm/key', 'kv/certificate', 'kv/key', 'kv/secret']);
    assert.deepEqual(events.filter((e) => e.vault === 'hsm').map((e) => e.type), ['page', 'vault'], 'its vault event comes after its one listing');
  });

  it('names a failed listing in its vault event; the other kinds and vaults go on', async () => {
    const denied = Object.assign(new Error('Forbidden'), { statusCode: 403 });
    const list = (vault: string, kind: string, request: PageRequest): Promise<Page<string>> => {
      if (vault === 'v1' && kind === 'key') return Promise.reject(denied);
      if (vault === 'v1' && kind === 'secret' && request.continuationToken) return Promise.reject(denied);
      return Promise.resolve({ items: [`${vault}-${kind}`], ...(vault === 'v1' && kind === 'secret' ? { continuationToken: 'next' } : {}) });
    };
    const events: Event[] = [];
    for await (const e of streamListings(['v1', 'v2'], ['secret', 'key'], list, { concurrency: 2, pageSize: 25, opened: () => true })) events.push(e);
    const v1 = events.find((e) => e.type === 'vault' && e.vault === 'v1');
    assert.ok(v1?.type === 'vault');
    assert.deepEqual(v1.failures.map((f) => f.kind), ['secret', 'key'], 'in the order of the kinds, whichever failed first');
    assert.equal(v1.failures[0]!.error, denied);
    assert.ok(events.some((e) => e.type === 'page' && e.vault === 'v1' && e.kind === 'secret'), 'the page listed before the failure stays');
    assert.deepEqual(events.filter((e) => e.vault === 'v2').map((e) => e.type), ['page', 'page', 'vault']);
  });

  it('a stop aborts what is in flight, sends nothing more, reports no failure and ends the stream', async () => {
    const plane = handDriven();
    const stop = new AbortController();
    const events: Event[] = [];
    const consumed = (async () => {
      for await (const e of streamListings(['v1', 'v2', 'v3'], ['secret', 'key'], plane.list, { concurrency: 3, pageSize: 25, signal: stop.signal, opened: () => true })) events.push(e);
    })();
    await settle();
    plane.calls[0]!.answer({ items: ['s1'], continuationToken: 'more' });
    await settle();
    assert.equal(events.length, 1);
    const inFlight = plane.open();
    assert.equal(inFlight.length, 3);
    stop.abort();
    await consumed;
    assert.ok(inFlight.every((c) => c.request.abortSignal?.aborted), 'every request in flight was aborted');
    await settle();
    assert.equal(plane.calls.length, 4, 'nothing sent after the stop');
    assert.deepEqual(events.map((e) => e.type), ['page'], 'no vault event: aborted listings are not failures');
  });

  it('a vault new to the session sends one listing until its first answer; meanwhile the places go to other vaults', async () => {
    const plane = handDriven();
    const events: Event[] = [];
    const consumed = (async () => {
      for await (const e of streamListings(['v1', 'v2', 'v3'], ['secret', 'key', 'certificate'], plane.list, { concurrency: 4, pageSize: 25, opened: (v) => v === 'v3' })) events.push(e);
    })();
    await settle();
    assert.deepEqual(asked(plane.calls), ['v1/secret:-', 'v2/secret:-', 'v3/secret:-', 'v3/key:-'], 'v1 and v2 one listing each; v3, known, all it can');
    plane.calls[0]!.answer({ items: ['s'], continuationToken: 'p2' });
    await settle();
    assert.deepEqual(asked(plane.calls).slice(4), ['v1/secret:p2'], 'the places are taken: v1’s other kinds wait for one');
    plane.calls[3]!.answer({ items: [] });
    await settle();
    assert.deepEqual(asked(plane.calls).slice(5), ['v1/key:-'], 'a freed place goes to v1’s kinds, now that its challenge is met');
    for (let open = plane.open(); open.length; open = plane.open()) {
      for (const c of open) c.answer({ items: [] });
      await settle();
    }
    await consumed;
    assert.equal(plane.calls.length, 10, 'each listing once, plus v1’s second page');
    assert.equal(events.filter((e) => e.type === 'vault').length, 3);
  });

  it('the consumer leaving the loop (the picker closed) aborts what is in flight', async () => {
    const plane = handDriven();
    const stream = streamListings(['v1', 'v2'], ['secret'], plane.list, { concurrency: 2, pageSize: 25 });
    const first = stream.next();
    await settle();
    plane.calls[0]!.answer({ items: ['s1'], continuationToken: 'more' });
    assert.equal((await first).done, false);
    await settle();
    const inFlight = plane.open();
    assert.deepEqual(asked(inFlight), ['v2/secret:-', 'v1/secret:more']);
    await stream.return();
    assert.ok(inFlight.every((c) => c.request.abortSignal?.aborted));
    await settle();
    assert.equal(plane.calls.length, 3);
  });

  it('an already aborted signal sends nothing', async () => {
    const plane = handDriven();
    const events: Event[] = [];
    for await (const e of streamListings(['v1'], ['secret'], plane.list, { concurrency: 2, pageSize: 25, signal: AbortSignal.abort() })) events.push(e);
    assert.deepEqual(events, []);
    assert.equal(plane.calls.length, 0);
  });
});
