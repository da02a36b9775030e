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

  it('copyText (identifiers) schedules nothing', async () => {
    const clip = new FakeClipboard();
    const t = scriptedTimer();
    const sc = new SecretClipboard(clip, () => 30, log, t.timer);
    await sc.copyText('https://kv.vault.azure.net/secrets/a');
    assert.equal(clip.text, 'https://kv.vault.azure.net/secrets/a');
    assert.equal(t.scheduled.length, 0);
  });
});
