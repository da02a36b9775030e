// Issue 22: the pure access model's RBAC side (src/model/access) — the built-in roles produce the capabilities the
// role docs describe; wildcards and NotDataActions as ARM evaluates them; the least role per operation.
import * as assert from 'node:assert/strict';
import {
  ACCESS_OPERATIONS,
  actionAllowed,
  canAssignRoles,
  capabilitiesFromPermissions,
  GRANTABLE_ROLES,
  knownRole,
  KNOWN_ROLES,
  leastRoleFor,
  OBJECT_KINDS,
  UNKNOWN_CAPABILITIES,
  type AccessOperation,
  type KnownRole,
  type VaultCapabilities,
} from '../../src/model/access';
import type { ObjectKind } from '../../src/azure/model';

function byName(name: string): KnownRole {
  const role = KNOWN_ROLES.find((r) => r.name === name);
  assert.ok(role, name);
  return role;
}

const capsOf = (...names: string[]) => capabilitiesFromPermissions(names.map((n) => byName(n).permissions));

/** The operations allowed per kind, e.g. { secret: ['list', 'read', 'listDeleted'], … }. */
function allowed(caps: VaultCapabilities): Record<ObjectKind, AccessOperation[]> {
  const of = (k: ObjectKind) => ACCESS_OPERATIONS.filter((op) => caps[k][op] === true);
  return { secret: of('secret'), key: of('key'), certificate: of('certificate') };
}

const ALL_BUT_CRYPTO: AccessOperation[] = ['list', 'read', 'write', 'delete', 'listDeleted', 'recover', 'purge', 'backup', 'restore'];

describe('access model: RBAC', () => {
  it('Key Vault Secrets User lists and reads secrets, nothing else', () => {
    assert.deepEqual(allowed(capsOf('Key Vault Secrets User')), { secret: ['list', 'read', 'listDeleted'], key: [], certificate: [] });
  });

  it('Key Vault Secrets Officer does every secret operation', () => {
    assert.deepEqual(allowed(capsOf('Key Vault Secrets Officer')), { secret: ALL_BUT_CRYPTO, key: [], certificate: [] });
  });

  it('Key Vault Reader lists every kind but reads no secret value', () => {
    const caps = capsOf('Key Vault Reader');
    assert.deepEqual(allowed(caps), { secret: ['list', 'listDeleted'], key: ['list', 'read', 'listDeleted'], certificate: ['list', 'read', 'listDeleted'] });
    assert.equal(caps.secret.read, false);
  });

  it('Key Vault Crypto User uses keys (and backs them up) but creates, deletes and purges nothing', () => {
    assert.deepEqual(allowed(capsOf('Key Vault Crypto User')), { secret: [], key: ['list', 'read', 'listDeleted', 'backup', 'crypto'], certificate: [] });
  });

  it('Key Vault Crypto Service Encryption User (wrap/unwrap only) has no crypto operation the extension runs', () => {
    assert.deepEqual(allowed(capsOf('Key Vault Crypto Service Encryption User')).key, ['list', 'read', 'listDeleted']);
  });

  it('Key Vault Certificate User reads certificates and their secrets', () => {
    assert.deepEqual(allowed(capsOf('Key Vault Certificate User')), { secret: ['list', 'read', 'listDeleted'], key: ['list', 'read', 'listDeleted'], certificate: ['list', 'read', 'listDeleted'] });
  });

  it('Key Vault Administrator does everything; crypto stays not applicable to secrets and certificates', () => {
    const caps = capsOf('Key Vault Administrator');
    assert.deepEqual(allowed(caps), { secret: ALL_BUT_CRYPTO, key: ACCESS_OPERATIONS, certificate: ALL_BUT_CRYPTO });
    assert.equal(caps.secret.crypto, undefined);
    assert.equal(caps.certificate.crypto, undefined);
  });

  it('Owner, Contributor and Reader have no data operation; only Owner (and the access administrators) can assign roles', () => {
    for (const name of ['Owner', 'Contributor', 'Reader', 'Key Vault Contributor', 'User Access Administrator']) {
      const caps = capsOf(name);
      for (const k of OBJECT_KINDS) assert.ok(ACCESS_OPERATIONS.every((op) => caps[k][op] !== true), `${name} ${k}`);
    }
    assert.equal(canAssignRoles([byName('Owner').permissions]), true);
    assert.equal(canAssignRoles([byName('User Access Administrator').permissions]), true);
    assert.equal(canAssignRoles([byName('Role Based Access Control Administrator').permissions]), true);
    assert.equal(canAssignRoles([byName('Key Vault Data Access Administrator').permissions]), true);
    assert.equal(canAssignRoles([byName('Contributor').permissions]), false, 'Contributor: NotActions Microsoft.Authorization/*/Write');
    assert.equal(canAssignRoles([byName('Reader').permissions]), false);
    assert.equal(canAssignRoles([byName('Key Vault Administrator').permissions]), false);
  });

  it('matches wildcards anywhere, case-insensitively, per plane', () => {
    assert.equal(actionAllowed([{ dataActions: ['microsoft.keyvault/VAULTS/secrets/*'] }], 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'data'), true);
    assert.equal(actionAllowed([{ dataActions: ['Microsoft.KeyVault/vaults/*/read'] }], 'Microsoft.KeyVault/vaults/keys/read', 'data'), true);
    assert.equal(actionAllowed([{ dataActions: ['Microsoft.KeyVault/vaults/*/read'] }], 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'data'), false);
    assert.equal(actionAllowed([{ dataActions: ['*'] }], 'Microsoft.KeyVault/vaults/keys/purge/action', 'data'), true);
    assert.equal(actionAllowed([{ actions: ['*'] }], 'Microsoft.KeyVault/vaults/keys/purge/action', 'data'), false, 'actions never grant data actions');
    assert.equal(actionAllowed([{ dataActions: ['*'] }], 'Microsoft.Authorization/roleAssignments/write', 'control'), false);
    assert.equal(actionAllowed([{ dataActions: ['Microsoft.KeyVault/vaults/secrets/get*'] }], 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'data'), true);
    assert.equal(actionAllowed([{ dataActions: ['Microsoft.KeyVault/vaults/secrets.*'] }], 'Microsoft.KeyVault/vaults/secretsXgetSecret', 'data'), false, 'a dot is literal');
    assert.equal(actionAllowed([], 'Microsoft.KeyVault/vaults/keys/read', 'data'), false);
  });

  it('NotDataActions take back from their own set only; another set may still grant', () => {
    const officerNoPurge = { dataActions: ['Microsoft.KeyVault/vaults/secrets/*'], notDataActions: ['Microsoft.KeyVault/vaults/secrets/purge/action', 'Microsoft.KeyVault/vaults/secrets/DELETE'] };
    const caps = capabilitiesFromPermissions([officerNoPurge]);
    assert.equal(caps.secret.purge, false);
    assert.equal(caps.secret.delete, false);
    assert.equal(caps.secret.write, true);
    const withAdmin = capabilitiesFromPermissions([officerNoPurge, byName('Key Vault Administrator').permissions]);
    assert.equal(withAdmin.secret.purge, true);
    const wildcardOut = capabilitiesFromPermissions([{ dataActions: ['Microsoft.KeyVault/vaults/*'], notDataActions: ['Microsoft.KeyVault/vaults/*/purge/action'] }]);
    assert.deepEqual(OBJECT_KINDS.map((k) => wildcardOut[k].purge), [false, false, false]);
    assert.equal(wildcardOut.key.recover, true);
  });

  it('an operation needing several data actions needs every one (setSecret alone is not write)', () => {
    const caps = capabilitiesFromPermissions([{ dataActions: ['Microsoft.KeyVault/vaults/secrets/setSecret/action'] }]);
    assert.equal(caps.secret.write, false);
  });

  it('finds roles by guid or full id, case-insensitively', () => {
    assert.equal(knownRole('4633458B-17DE-408A-B874-0445C86B69E6')?.name, 'Key Vault Secrets User');
    assert.equal(knownRole('/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7')?.name, 'Key Vault Secrets Officer');
    assert.equal(knownRole('/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635/')?.name, 'Owner');
    assert.equal(knownRole('00000000-0000-0000-0000-000000000000'), undefined);
    assert.equal(knownRole(''), undefined);
    assert.equal(new Set(KNOWN_ROLES.map((r) => r.id)).size, KNOWN_ROLES.length, 'ids are unique');
  });

  it('offers the grantable roles in order, and names the least one per operation', () => {
    assert.deepEqual(
      GRANTABLE_ROLES.map((r) => r.name),
      ['Key Vault Secrets User', 'Key Vault Secrets Officer', 'Key Vault Crypto User', 'Key Vault Crypto Officer', 'Key Vault Certificates Officer', 'Key Vault Reader'],
    );
    assert.ok(GRANTABLE_ROLES.every((r) => r.grantable));
    assert.equal(KNOWN_ROLES.filter((r) => r.grantable).length, GRANTABLE_ROLES.length);
    const least = (k: ObjectKind, op: AccessOperation) => leastRoleFor(k, op)?.name;
    assert.equal(least('secret', 'list'), 'Key Vault Reader');
    assert.equal(least('secret', 'read'), 'Key Vault Secrets User');
    assert.equal(least('secret', 'write'), 'Key Vault Secrets Officer');
    assert.equal(least('secret', 'purge'), 'Key Vault Secrets Officer');
    assert.equal(least('key', 'read'), 'Key Vault Reader');
    assert.equal(least('key', 'crypto'), 'Key Vault Crypto User');
    assert.equal(least('key', 'backup'), 'Key Vault Crypto User');
    assert.equal(least('key', 'write'), 'Key Vault Crypto Officer');
    assert.equal(least('certificate', 'write'), 'Key Vault Certificates Officer');
    assert.equal(least('secret', 'crypto'), undefined, 'not applicable');
  });

  it('UNKNOWN_CAPABILITIES says nothing', () => {
    for (const k of OBJECT_KINDS) assert.ok(ACCESS_OPERATIONS.every((op) => UNKNOWN_CAPABILITIES[k][op] === undefined));
  });
});
