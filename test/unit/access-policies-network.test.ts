// Issue 22: access policies (entries that name the user, `all`, compound identities) and the firewall verdict
// (CIDR match / no match / unknown IP / private endpoints only) of the pure access model.
import * as assert from 'node:assert/strict';
import { capabilitiesFromPolicies, networkVerdict, policiesFor, type AccessPolicyEntry, type NetworkRules } from '../../src/model/access';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ME = 'aaaaaaaa-1111-2222-3333-444444444444';
const entry = (objectId: string, permissions: AccessPolicyEntry['permissions'], extra: Partial<AccessPolicyEntry> = {}): AccessPolicyEntry => ({ tenantId: TENANT, objectId, permissions, ...extra });

describe('access model: access policies', () => {
  const policies = [
    entry(ME.toUpperCase(), { secrets: ['Get', 'List'] }),
    entry(ME, { keys: ['sign'] }, { applicationId: 'bbbbbbbb-0000-0000-0000-000000000000' }),
    entry('someone-else', { secrets: ['all'] }),
    entry(ME, { secrets: ['all'] }, { tenantId: 'other-tenant' }),
  ];

  it('keeps the entries naming the user in the tenant, case-insensitively, compound ones included', () => {
    const mine = policiesFor(policies, ME, TENANT.toUpperCase());
    assert.equal(mine.length, 2);
    assert.ok(mine.some((e) => e.applicationId));
  });

  it('grants what the entries list (case-insensitive), denies the rest', () => {
    const caps = capabilitiesFromPolicies(policiesFor(policies, ME, TENANT));
    assert.equal(caps.secret.list, true);
    assert.equal(caps.secret.read, true);
    assert.equal(caps.secret.write, false);
    assert.equal(caps.secret.purge, false);
    assert.equal(caps.key.crypto, false, 'sign alone is not encrypt, decrypt, sign and verify');
    assert.equal(caps.certificate.list, false);
    assert.equal(caps.secret.crypto, undefined, 'not applicable');
  });

  it('`all` grants every operation of its kind', () => {
    const caps = capabilitiesFromPolicies([entry(ME, { secrets: ['All'], keys: ['all'] })]);
    assert.ok((['list', 'read', 'write', 'delete', 'listDeleted', 'recover', 'purge', 'backup', 'restore'] as const).every((op) => caps.secret[op] === true));
    assert.equal(caps.key.crypto, true);
    assert.equal(caps.certificate.read, false);
  });

  it('key write needs create and update; key crypto needs all four operations', () => {
    const caps = capabilitiesFromPolicies([entry(ME, { keys: ['create', 'update', 'encrypt', 'decrypt', 'sign', 'verify'] })]);
    assert.equal(caps.key.write, true);
    assert.equal(caps.key.crypto, true);
    assert.equal(capabilitiesFromPolicies([entry(ME, { keys: ['create'] })]).key.write, false);
  });

  it('no entry: everything denied — or unknown when group entries may apply', () => {
    assert.equal(capabilitiesFromPolicies([]).secret.list, false);
    const maybe = capabilitiesFromPolicies([entry(ME, { secrets: ['get'] })], { othersMayApply: true });
    assert.equal(maybe.secret.read, true);
    assert.equal(maybe.secret.list, undefined);
  });
});

describe('access model: network verdict', () => {
  const firewall = (ipRules: string[], virtualNetworkRuleCount = 0): NetworkRules => ({ publicNetworkAccess: 'Enabled', defaultAction: 'Deny', bypass: 'AzureServices', ipRules, virtualNetworkRuleCount });

  it('unknown without an ARM view; open without a firewall; closed when public access is disabled', () => {
    assert.deepEqual(networkVerdict(undefined, '1.2.3.4'), { state: 'unknown' });
    assert.deepEqual(networkVerdict({ ipRules: [], virtualNetworkRuleCount: 0 }), { state: 'open' });
    assert.deepEqual(networkVerdict({ defaultAction: 'Allow', publicNetworkAccess: 'Enabled', ipRules: ['1.1.1.1'], virtualNetworkRuleCount: 0 }), { state: 'open' });
    assert.deepEqual(networkVerdict({ ...firewall(['1.2.3.4']), publicNetworkAccess: 'disabled' }, '1.2.3.4'), { state: 'closed' });
  });

  it('matches IPv4 addresses and CIDR ranges', () => {
    const rules = firewall(['203.0.113.7', '198.51.100.0/24', '10.0.0.0/8']);
    assert.deepEqual(networkVerdict(rules, '198.51.100.200'), { state: 'firewall', clientIp: '198.51.100.200', allowed: true, matchedRule: '198.51.100.0/24', ipRuleCount: 3, virtualNetworkRuleCount: 0 });
    const exact = networkVerdict(rules, '203.0.113.7');
    assert.ok(exact.state === 'firewall' && exact.allowed === true && exact.matchedRule === '203.0.113.7');
    const mapped = networkVerdict(rules, '::ffff:198.51.100.9');
    assert.ok(mapped.state === 'firewall' && mapped.allowed === true);
  });

  it('blocks an address no rule matches', () => {
    const v = networkVerdict(firewall(['198.51.100.0/24', '203.0.113.7/32']), '198.51.101.1');
    assert.deepEqual(v, { state: 'firewall', clientIp: '198.51.101.1', allowed: false, ipRuleCount: 2, virtualNetworkRuleCount: 0 });
    const zero = networkVerdict(firewall(['0.0.0.0/0']), '8.8.8.8');
    assert.ok(zero.state === 'firewall' && zero.allowed === true);
  });

  it('IPv6 matches exactly', () => {
    const rules = firewall(['2001:db8::1']);
    assert.ok(((v) => v.state === 'firewall' && v.allowed === true)(networkVerdict(rules, '2001:DB8::1')));
    assert.ok(((v) => v.state === 'firewall' && v.allowed === false)(networkVerdict(rules, '2001:db8::2')));
  });

  it('an unknown IP is unknown, unless no rule could let anyone in', () => {
    assert.deepEqual(networkVerdict(firewall(['198.51.100.0/24'])), { state: 'firewall', allowed: undefined, ipRuleCount: 1, virtualNetworkRuleCount: 0 });
    assert.deepEqual(networkVerdict(firewall([]), '  '), { state: 'firewall', allowed: false, ipRuleCount: 0, virtualNetworkRuleCount: 0 });
  });

  it('a private source address may come through a virtual network rule: unknown', () => {
    const v = networkVerdict(firewall([], 2), '10.1.2.3');
    assert.ok(v.state === 'firewall' && v.allowed === undefined);
    const pub = networkVerdict(firewall([], 2), '8.8.8.8');
    assert.ok(pub.state === 'firewall' && pub.allowed === false);
  });
});
