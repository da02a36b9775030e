// Clipboard clearing with a fake clipboard and a scripted timer: no waiting on real time.
import * as assert from 'node:assert/strict';
import { SecretClipboard, type TimerLike } from '../../src/platform/secretClipboard';

class FakeClipboard {
  text = '';
  writes: string[] = [];
  readText() {
    return Promise.resolve(this.text);
  }
  writeText(v: string) {
    this.text = v;
    this.writes.push(v);
    return Promise.resolve();
  }
}

/** A clipboard whose calls wait until `open()`: what VS Code's asynchronous clipboard may do. */
class SlowClipboard extends FakeClipboard {
  private gate: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  constructor() {
    super();
    this.close();
  }
  close() {
    this.gate = new Promise((r) => (this.release = r));
  }
  open() {
    this.release();
  }
  override async readText() {
    await this.gate;
    return this.text;
  }
  override async writeText(v: string) {
    await this.gate;
    return super.writeText(v);
  }
}

function scriptedTimer() {
  const scheduled: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const timer: TimerLike = (run, ms) => {
    const entry = { ms, run, cancelled: false };
    scheduled.push(entry);
    return () => (entry.cancelled = true);
  };
  return { timer, scheduled, fire: () => scheduled.filter((s) => !s.cancelled).forEach((s) => s.run()) };
}

const log = { lines: [] as string[], info(m: string) { this.lines.push(m); }, warn(m: string) { this.lines.push(m); } };

describe('secret clipboard', () => {
  it('clears the value after the configured delay when the clipboard still holds it', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    assert.equal(await sc.copySecret('s3cr3t-value', 'db-password'), 30);
    assert.equal(clip.text, 's3cr3t-value');
    assert.equal(t.scheduled[0]!.ms, 30_000);
    t.fire();
    await sc.settled();
    assert.equal(clip.text, '');
    assert.ok(log.lines.every((l) => !l.includes('s3cr3t-value')), 'logs never hold the value');
  });

  it('leaves the clipboard alone when something else was copied meanwhile', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 5, log, t.timer);
    await sc.copySecret('value-one', 'a');
    clip.text = 'something the user copied';
    t.fire();
    await sc.settled();
    assert.equal(clip.text, 'something the user copied');
  });

  it('never clears with 0 seconds', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 0, log, t.timer);
    assert.equal(await sc.copySecret('v', 'a'), 0);
    assert.equal(t.scheduled.length, 0);
    assert.equal(sc.scheduled, 0);
  });

  it('a timer per copy: the earlier timer does not clear a later copied value', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    await sc.copySecret('first', 'a');
    await sc.copySecret('second', 'b');
    t.scheduled[0]!.run();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    assert.equal(clip.text, 'second');
    t.scheduled[1]!.run();
    await sc.settled();
    assert.equal(clip.text, '');
  });

  it('dispose cancels the timers and clears a value still on the clipboard', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    await sc.copySecret('value', 'a');
    await sc.dispose();
    assert.equal(clip.text, '');
    assert.ok(t.scheduled.every((s) => s.cancelled));
    await assert.rejects(sc.copySecret('x', 'b'), /shutting down/);
  });

  it('copying the same value twice: the first timer is cancelled, only the second copy clears, at its own time', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    await sc.copySecret('same-value', 'a');
    await sc.copySecret('same-value', 'a');
    t.scheduled[0]!.run(); // the first copy's timer fires (or was already queued when the second copy came)
    await new Promise((r) => setImmediate(r));
    assert.equal(clip.text, 'same-value', 'the second copy is not cleared by the first copy\'s timer');
    assert.ok(t.scheduled[0]!.cancelled, 'the first copy\'s timer is cancelled');
    assert.equal(sc.scheduled, 1, 'one clear scheduled: the latest copy owns it');
    t.scheduled[1]!.run();
    await sc.settled();
    assert.equal(clip.text, '');
  });

  it('a clear already reading the clipboard leaves a newer copy of the same value alone', async () => {
    const clip = new SlowClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    clip.open();
    await sc.copySecret('same-value', 'a');
    clip.close();
    t.scheduled[0]!.run(); // the first clear starts reading…
    const second = sc.copySecret('same-value', 'a'); // …while the value is copied again
    clip.open();
    await second;
    await new Promise((r) => setImmediate(r)); // the first clear has finished (the second is scheduled)
    assert.equal(clip.writes.filter((w) => w === '').length, 0, 'nothing was cleared');
    assert.equal(clip.text, 'same-value');
    assert.equal(sc.scheduled, 1);
  });

  it('dispose (what deactivate returns) is one promise that resolves only once the clipboard is cleared', async () => {
    const clip = new SlowClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    clip.open();
    await sc.copySecret('value', 'a');
    clip.close();
    const deactivate = sc.dispose(); // deactivate returns this; VS Code waits for it
    const subscription = sc.dispose(); // then disposes context.subscriptions, which call it again
    setImmediate(() => clip.open());
    await subscription;
    assert.equal(clip.text, '', 'cleared by the time either promise resolves');
    assert.equal(subscription, deactivate, 'the same promise');
  });

  it('a copy still being written when deactivation starts is cleared, not left behind', async () => {
    const clip = new SlowClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    const copying = sc.copySecret('late-value', 'a');
    const disposed = sc.dispose();
    clip.open();
    await disposed;
    await assert.rejects(copying, /shutting down/);
    assert.equal(clip.text, '');
    assert.equal(t.scheduled.filter((s) => !s.cancelled).length, 0, 'no timer outlives deactivation');
  });

  it('copyText (identifiers) schedules nothing', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    await sc.copyText('https://kv.vault.azure.net/secrets/a');
    assert.equal(clip.text, 'https://kv.vault.azure.net/secrets/a');
    assert.equal(t.scheduled.length, 0);
  });
});
