import * as assert from 'node:assert/strict';
import { colors, describeRollup, emptyRollup, itemDecoration, rollupDecoration, rollupOf, sameRollup, sum, widest } from '../../src/presentation/rollup';

describe('expiry decorations: item states and roll-ups (src/presentation/rollup)', () => {
  it('decorates items: expired (!, error), expiring (days left, warning), disabled (D), not yet active (N)', () => {
    assert.deepEqual(itemDecoration('expired', -3), { badge: '!', color: colors.error, tooltip: 'Expired' });
    assert.deepEqual(itemDecoration('expiring', 5), { badge: '5', color: colors.warning, tooltip: 'Expires in 5 days' });
    assert.deepEqual(itemDecoration('expiring', 0), { badge: '0', color: colors.warning, tooltip: 'Expires today' });
    assert.deepEqual(itemDecoration('expiring', 1)?.tooltip, 'Expires in 1 day');
    assert.equal(itemDecoration('expiring', 250)?.badge, '99', 'badges are at most two characters');
    assert.deepEqual(itemDecoration('disabled', undefined), { badge: 'D', color: colors.disabled, tooltip: 'Disabled' });
    assert.deepEqual(itemDecoration('notYetActive', undefined), { badge: 'N', color: colors.disabled, tooltip: 'Not yet active' });
    assert.equal(itemDecoration('ok', 400), undefined);
  });

  it('rolls states up and decorates groups and vaults by the worst state', () => {
    const r = rollupOf(['expired', 'expiring', 'expiring', 'disabled', 'ok', 'notYetActive']);
    assert.deepEqual(r, { expired: 1, expiring: 2, disabled: 1, notYetActive: 1 });
    assert.deepEqual(rollupDecoration(r, 30), { badge: '3', color: colors.error, tooltip: '1 expired · 2 expiring within 30 days · 1 disabled · 1 not yet active' });
    assert.deepEqual(rollupDecoration(rollupOf(['expiring']), 14), { badge: '1', color: colors.warning, tooltip: '1 expiring within 14 days' });
    assert.deepEqual(rollupDecoration(rollupOf(['disabled']), 30), { tooltip: '1 disabled' }, 'disabled only: a tooltip, no colour, no badge');
    assert.equal(rollupDecoration(rollupOf(['ok', 'ok']), 30), undefined);
    assert.equal(rollupDecoration({ ...emptyRollup, expired: 12 }, 30)?.badge, '9+');
  });

  it('sums groups into a vault, takes the wider of loaded and scanned counts, compares roll-ups', () => {
    const a = rollupOf(['expired']);
    const b = rollupOf(['expiring', 'disabled']);
    assert.deepEqual(sum(a, b), { expired: 1, expiring: 1, disabled: 1, notYetActive: 0 });
    assert.deepEqual(sum(), emptyRollup);
    assert.deepEqual(widest(a, { ...emptyRollup, expired: 0, expiring: 2 }), { expired: 1, expiring: 2, disabled: 0, notYetActive: 0 });
    assert.deepEqual(widest(a, undefined), a);
    assert.equal(sameRollup(a, rollupOf(['expired'])), true);
    assert.equal(sameRollup(a, b), false);
    assert.equal(sameRollup(undefined, a), false);
    assert.equal(describeRollup(emptyRollup, 30), '');
  });
});
