// The service rules for secrets (AZURE-FACTS.md "Objects"), checked before any request.
import * as assert from 'node:assert/strict';
import {
  checkContentType, checkSecretName, checkSecretValue, checkTagName, checkTags, checkValidity, deleteIsPermanent, formatTags, MAX_DATE, MAX_SECRET_VALUE_BYTES, parseDateInput, parseTags, purgeAllowed,
} from '../../src/azure/rules';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('secret rules (pure)', () => {
  it('accepts names of letters, digits and hyphens up to 127 characters', () => {
    for (const ok of ['a', 'db-password', 'A1-b2', '-', 'x'.repeat(127)]) assert.equal(checkSecretName(ok), undefined, ok);
  });

  it('refuses empty, too long and invalid names, naming the bad characters', () => {
    assert.match(checkSecretName('')!, /Enter a name/);
    assert.match(checkSecretName('x'.repeat(128))!, /at most 127 characters \(this one has 128\)/);
    assert.match(checkSecretName('db_password')!, /not "_"/);
    assert.match(checkSecretName('my secret.v2')!, /not space, "\."/);
    assert.match(checkSecretName('Wert-ä')!, /"ä"/);
  });

  it('limits values to 25 × 1024 bytes of UTF-8 and never quotes them', () => {
    assert.equal(checkSecretValue('x'.repeat(MAX_SECRET_VALUE_BYTES)), undefined);
    const tooBig = checkSecretValue('y'.repeat(MAX_SECRET_VALUE_BYTES + 1));
    assert.match(tooBig!, /25,601 bytes/);
    assert.ok(!tooBig!.includes('yyyy'));
    // 12,801 two-byte characters: fewer than 25,600 characters but more bytes.
    assert.match(checkSecretValue('é'.repeat(12_801))!, /25,602 bytes/);
    assert.match(checkSecretValue('')!, /cannot be empty/);
  });

  it('limits content types to 255 characters', () => {
    assert.equal(checkContentType('t'.repeat(255)), undefined);
    assert.match(checkContentType('t'.repeat(256))!, /at most 255/);
  });

  it('parses tags typed on one line and checks count and lengths', () => {
    assert.deepEqual(parseTags(' env = prod , owner=team a, empty='), { ok: true, value: { env: 'prod', owner: 'team a', empty: '' } });
    assert.deepEqual(parseTags(''), { ok: true, value: {} });
    assert.match((parseTags('env') as { reason: string }).reason, /name=value/);
    assert.match((parseTags('a=1, a=2') as { reason: string }).reason, /given twice/);
    assert.match((parseTags(`${'n'.repeat(513)}=1`) as { reason: string }).reason, /at most 512/);
    assert.match((parseTags(`n=${'v'.repeat(257)}`) as { reason: string }).reason, /at most 256/);
    const sixteen = Array.from({ length: 16 }, (_, i) => `t${i}=v`).join(',');
    assert.match((parseTags(sixteen) as { reason: string }).reason, /at most 15 tags \(this would be 16\)/);
    assert.equal(checkTags(Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`t${i}`, 'v']))), undefined);
    assert.equal(formatTags({ env: 'prod', owner: 'x' }), 'env=prod, owner=x');
  });

  it('parses dates: calendar dates, ISO date-times and relative offsets', () => {
    assert.deepEqual(parseDateInput('2026-05-01', NOW), { ok: true, value: new Date('2026-05-01T00:00:00Z') });
    assert.deepEqual(parseDateInput('2026-05-01T10:30:00Z', NOW), { ok: true, value: new Date('2026-05-01T10:30:00Z') });
    assert.deepEqual(parseDateInput('+90d', NOW), { ok: true, value: new Date(NOW + 90 * 86_400_000) });
    assert.deepEqual(parseDateInput('+6m', NOW), { ok: true, value: new Date(Date.UTC(2026, 6, 15, 12)) });
    assert.deepEqual(parseDateInput('+1y', NOW), { ok: true, value: new Date(Date.UTC(2027, 0, 15, 12)) });
    assert.deepEqual(parseDateInput('  ', NOW), { ok: true, value: undefined });
    assert.equal(parseDateInput('2026-02-30', NOW).ok, false);
    assert.equal(parseDateInput('tomorrow', NOW).ok, false);
  });

  it('refuses a tag named __proto__ (a JavaScript object would drop it silently) instead of losing it', () => {
    const parsed = parseTags('env=prod, __proto__=x');
    assert.equal(parsed.ok, false, `kept as: ${JSON.stringify(parsed)}`);
    assert.match((parsed as { reason: string }).reason, /cannot be named "__proto__"/);
    assert.match(checkTagName(' __proto__ ')!, /cannot be named "__proto__"/);
    // A tag map read back from JSON can hold it as an own key: checked there too.
    assert.match(checkTags(JSON.parse('{"__proto__": "x"}'))!, /cannot be named "__proto__"/);
    // Other names of Object.prototype are ordinary keys.
    assert.deepEqual(parseTags('constructor=a, toString=b'), { ok: true, value: { constructor: 'a', toString: 'b' } });
  });

  it('refuses dates after year 9999 and before 1970 (what Key Vault and its tools can hold), saying why', () => {
    const far = parseDateInput('+99999y', NOW);
    assert.equal(far.ok, false, `accepted: ${JSON.stringify(far)}`);
    assert.match((far as { reason: string }).reason, /^\+102025-01-15T12:00:00\.000Z is too far ahead: Key Vault dates end with the year 9999/);
    for (const text of ['+99999m', '+7974y']) assert.equal(parseDateInput(text, NOW).ok, false, text);
    assert.deepEqual(parseDateInput('9999-12-31', NOW), { ok: true, value: new Date('9999-12-31T00:00:00Z') });
    assert.deepEqual(parseDateInput('9999-12-31T23:59:59Z', NOW), { ok: true, value: MAX_DATE });
    assert.deepEqual(parseDateInput('+7973y', NOW), { ok: true, value: new Date(Date.UTC(9999, 0, 15, 12)) });
    assert.deepEqual(parseDateInput('+99999d', NOW), { ok: true, value: new Date(NOW + 99_999 * 86_400_000) });
    assert.match((parseDateInput('1969-12-31', NOW) as { reason: string }).reason, /too early: Key Vault dates count seconds from 1970-01-01/);
    assert.equal(parseDateInput('0001-01-01T00:00:00Z', NOW).ok, false);
  });

  it('refuses an expiry in the past or before the activation date', () => {
    assert.match(checkValidity(undefined, new Date(NOW - 1000), NOW)!, /in the past/);
    assert.match(checkValidity(new Date(NOW + 10 * 86_400_000), new Date(NOW + 86_400_000), NOW)!, /after the activation/);
    assert.equal(checkValidity(new Date(NOW), new Date(NOW + 86_400_000), NOW), undefined);
  });

  it('reads purge protection and soft delete from the recovery level', () => {
    assert.equal(purgeAllowed('Recoverable+Purgeable'), true);
    assert.equal(purgeAllowed('CustomizedRecoverable+Purgeable'), true);
    assert.equal(purgeAllowed('Recoverable'), false);
    assert.equal(purgeAllowed('CustomizedRecoverable'), false);
    assert.equal(purgeAllowed('Recoverable+ProtectedSubscription'), false);
    assert.equal(purgeAllowed(undefined), undefined);
    assert.equal(deleteIsPermanent('Purgeable'), true);
    assert.equal(deleteIsPermanent('Recoverable+Purgeable'), false);
  });
});
