import * as assert from 'node:assert/strict';
import { checkDuration, describeRotationPolicy, durationDays, parseIsoDuration, validateRotationPolicy } from '../../src/azure/keyRotation';

describe('key rotation policy rules (src/azure/keyRotation)', () => {
  it('parses ISO 8601 durations PnYnMnWnDTnHnMnS, upper or lower case', () => {
    assert.deepEqual(parseIsoDuration('P1Y2M3W4DT5H6M7S'), { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
    assert.equal(durationDays(parseIsoDuration('p90d')!), 90);
    assert.equal(durationDays(parseIsoDuration('P1Y')!), 365);
    assert.equal(durationDays(parseIsoDuration('PT36H')!), 1.5);
    for (const bad of ['', 'P', 'PT', '90D', 'P1.5D', 'P-1D', 'P1DT', 'one year', 'P1D2M']) assert.equal(parseIsoDuration(bad), undefined, bad);
  });

  it('checks minimums with a message naming what and the rule', () => {
    assert.equal(checkDuration('P7D', 7, 'x'), undefined);
    assert.match(checkDuration('P6D', 7, 'The rotation time') ?? '', /^The rotation time must be at least 7 days \(got P6D\)/);
    assert.match(checkDuration('soon', 7, 'x') ?? '', /ISO 8601 duration such as P90D/);
  });

  it('accepts the service-valid policies', () => {
    assert.deepEqual(validateRotationPolicy({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Notify', timeBeforeExpiry: 'P30D' }], expiryTime: 'P1Y' }), []);
    assert.deepEqual(validateRotationPolicy({ lifetimeActions: [{ action: 'Notify', timeBeforeExpiry: 'P30D' }] }), []);
    assert.deepEqual(validateRotationPolicy({ lifetimeActions: [] }), []);
  });

  it('refuses what the service refuses (duplicates, triggers, minimums, trigger ≥ expiry)', () => {
    const problems = (p: Parameters<typeof validateRotationPolicy>[0]) => validateRotationPolicy(p).join(' | ');
    assert.match(problems({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }, { action: 'Rotate', timeAfterCreate: 'P80D' }] }), /At most one Rotate/);
    assert.match(problems({ lifetimeActions: [{ action: 'Rotate' }] }), /exactly one trigger/);
    assert.match(problems({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D', timeBeforeExpiry: 'P30D' }] }), /exactly one trigger/);
    assert.match(problems({ lifetimeActions: [{ action: 'Notify', timeAfterCreate: 'P30D' }] }), /Notify action can only trigger a time before expiry/);
    assert.match(problems({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P3D' }] }), /at least 7 days/);
    assert.match(problems({ lifetimeActions: [], expiryTime: 'P20D' }), /expiry time must be at least 28 days/);
    assert.match(problems({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P1Y' }], expiryTime: 'P6M' }), /must be shorter than the expiry time/);
  });

  it('describes a policy in one line per action', () => {
    assert.deepEqual(describeRotationPolicy({ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }], expiryTime: 'P1Y' }), ['Rotate P90D after creation', 'New versions expire P1Y after creation']);
    assert.deepEqual(describeRotationPolicy({ lifetimeActions: [{ action: 'Notify', timeBeforeExpiry: 'P30D' }] }), ['No automatic rotation', 'Notify P30D before expiry', 'New versions have no expiry time']);
  });
});
