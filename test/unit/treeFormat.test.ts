import * as assert from 'node:assert/strict';
import { itemState, relativeDays, stateText } from '../../src/presentation/format';

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
});
