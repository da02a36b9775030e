import * as assert from 'node:assert/strict';
import { daysFrom, itemState, relativeDays, shortId, stateText, versionLabel } from '../../src/presentation/format';
import { itemDecoration } from '../../src/presentation/rollup';

const now = Date.UTC(2026, 10, 29, 12);
const days = (n: number) => new Date(now + n * 24 * 3600 * 1000);

describe('tree states and dates', () => {
  it('orders states: disabled, expired, not yet active, expiring, ok', () => {
    assert.equal(itemState({ enabled: false, expiresOn: days(-1) }, now, 30), 'disabled');
    assert.equal(itemState({ enabled: true, expiresOn: days(-1), notBefore: days(2) }, now, 30), 'expired');
    assert.equal(itemState({ notBefore: days(2), expiresOn: days(5) }, now, 30), 'notYetActive');
    assert.equal(itemState({ expiresOn: days(5) }, now, 30), 'expiring');
    assert.equal(itemState({ expiresOn: days(5) }, now, 3), 'ok');
    assert.equal(itemState({}, now, 30), 'ok');
  });

  it('says dates relative to now', () => {
    assert.equal(relativeDays(days(3), now), 'in 3 days');
    assert.equal(relativeDays(days(1), now), 'in 1 day');
    assert.equal(relativeDays(days(-2), now), '2 days ago');
    assert.equal(stateText('expired', { expiresOn: days(-2) }, now), 'expired 2 days ago');
    assert.equal(stateText('notYetActive', { notBefore: days(3) }, now), 'active in 3 days');
    assert.equal(stateText('ok', {}, now), undefined);
  });

  it('one day count: the badge is the number in the description (4.99 days → "expires in 5 days", badge 5)', () => {
    for (const n of [4.99, 5.01, 9.6, 10.4, 0.3, 1.2]) {
      const expiresOn = days(n);
      const text = stateText('expiring', { expiresOn }, now) ?? '';
      const badge = itemDecoration('expiring', daysFrom(expiresOn, now))?.badge;
      const inText = /in (\d+) days?/.exec(text)?.[1] ?? (/today/.test(text) ? '0' : undefined);
      assert.equal(badge, inText, `${n} days: "${text}" vs badge ${badge}`);
    }
  });

  it('version rows: the date leads, the short id follows', () => {
    assert.equal(versionLabel(new Date(Date.UTC(2026, 11, 6, 5, 10, 42)), 'abc'), '2026-12-06 05:10');
    assert.equal(versionLabel(undefined, '504cf30129bd53ad'), '504cf30129bd53ad');
    assert.equal(shortId('504cf30129bd53ad2313b6aa7b5b07eb'), '504cf301');
  });
});
