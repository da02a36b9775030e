// Issue 22: what the user reads of the access model — the tree facets, a row's summary, the one-line denial reason
// (naming the held role and the least role), the Show My Access report (no Markdown injection from Azure names),
// the access request message, and the command → operation table (every key a real command id).
import * as assert from 'node:assert/strict';
import type { ObjectKind } from '../../src/azure/model';
import {
  accessFacets,
  accessReportMarkdown,
  accessRequestMessage,
  capabilitiesFromPermissions,
  capabilitiesFromPolicies,
  commandAccess,
  COMMAND_ACCESS_IDS,
  denialReason,
  knownRole,
  KNOWN_ROLES,
  kindAccessSummary,
  networkVerdict,
  sameAccess,
  scopeLevel,
  UNKNOWN_CAPABILITIES,
  type AssignedRole,
  type KnownRole,
  type VaultAccess,
} from '../../src/model/access';
import { allCommandIds } from '../../src/model/commandIds';

const VAULT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app';
const OID = 'aaaaaaaa-1111-2222-3333-444444444444';
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function role(name: string): KnownRole {
  const r = KNOWN_ROLES.find((k) => k.name === name);
  assert.ok(r, name);
  return r;
}

const assigned = (r: KnownRole, scope = VAULT_ID, name: string | undefined = r.name): AssignedRole => ({
  roleDefinitionId: `/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleDefinitions/${r.id}`,
  name,
  scope,
  at: scopeLevel(scope, VAULT_ID),
});

function rbacAccess(roles: KnownRole[], extra: Partial<VaultAccess> = {}): VaultAccess {
  return {
    model: 'rbac',
    capabilities: capabilitiesFromPermissions(roles.map((r) => r.permissions)),
    roles: roles.map((r) => assigned(r)),
    policies: [],
    canAssignRoles: false,
    network: { state: 'open' },
    principal: { objectId: OID, tenantId: TID, name: 'dev@contoso.com', kind: 'user' },
    ...extra,
  };
}

describe('access model: facets, summaries and denial reasons', () => {
  it('scope levels relative to the vault', () => {
    assert.equal(scopeLevel(VAULT_ID.toUpperCase(), VAULT_ID), 'vault');
    assert.equal(scopeLevel(`${VAULT_ID}/secrets/db-password`, VAULT_ID), 'object');
    assert.equal(scopeLevel('/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/RG-APP', VAULT_ID), 'resourceGroup');
    assert.equal(scopeLevel('/subscriptions/00000000-0000-0000-0000-000000000001/', VAULT_ID), 'subscription');
    assert.equal(scopeLevel('/', VAULT_ID), 'above');
    assert.equal(scopeLevel('/providers/Microsoft.Management/managementGroups/root', VAULT_ID), 'above');
  });

  it('facets: no-{kind}-{op} for each denied (not unknown) operation, canGrant when roles can be assigned', () => {
    const facets = accessFacets(rbacAccess([role('Key Vault Secrets User')]));
    assert.ok(facets.includes('no-secret-write'));
    assert.ok(facets.includes('no-key-list'));
    assert.ok(!facets.includes('no-secret-read'));
    assert.ok(!facets.includes('no-secret-crypto'), 'not applicable is not denied');
    assert.ok(!facets.includes('canGrant'));
    assert.deepEqual(accessFacets(rbacAccess([], { capabilities: UNKNOWN_CAPABILITIES, canAssignRoles: true })), ['canGrant']);
    assert.deepEqual(accessFacets(undefined), []);
  });

  it('summaries per kind', () => {
    const caps = (names: string[]) => capabilitiesFromPermissions(names.map((n) => role(n).permissions));
    assert.equal(kindAccessSummary(caps(['Key Vault Secrets User']).secret), 'read-only');
    assert.equal(kindAccessSummary(caps(['Key Vault Reader']).secret), 'list only');
    assert.equal(kindAccessSummary(caps(['Key Vault Secrets Officer']).secret), 'full access');
    assert.equal(kindAccessSummary(caps(['Key Vault Crypto User']).key), 'read & use');
    assert.equal(kindAccessSummary(caps(['Owner']).secret), 'no access');
    assert.equal(kindAccessSummary(caps(['Key Vault Administrator']).key), 'full access');
    assert.equal(kindAccessSummary(UNKNOWN_CAPABILITIES.certificate), 'access unknown');
  });

  it('names the role held and the least role that would allow the operation', () => {
    const access = rbacAccess([role('Key Vault Secrets User')]);
    const why = denialReason(access, 'secret', 'write');
    assert.ok(why?.includes('Key Vault Secrets User'), why);
    assert.ok(why?.includes('Needs Key Vault Secrets Officer'), why);
    assert.equal(denialReason(access, 'secret', 'read'), undefined, 'allowed');
    assert.equal(denialReason(rbacAccess([], { capabilities: UNKNOWN_CAPABILITIES }), 'secret', 'read'), undefined, 'unknown');
    const none = denialReason(rbacAccess([]), 'key', 'crypto');
    assert.ok(none?.includes('No role') && none.includes('Key Vault Crypto User'), none);
  });

  it('access-policy vaults: the permission to ask for; the firewall when it blocks', () => {
    const entries = [{ tenantId: TID, objectId: OID, permissions: { secrets: ['get', 'list'] } }];
    const access: VaultAccess = { ...rbacAccess([]), model: 'accessPolicy', roles: [], policies: entries, capabilities: capabilitiesFromPolicies(entries) };
    const why = denialReason(access, 'secret', 'delete');
    assert.ok(why?.includes('secrets: delete'), why);
    const blocked = { ...access, network: networkVerdict({ defaultAction: 'Deny', ipRules: ['198.51.100.0/24'], virtualNetworkRuleCount: 0 }, '203.0.113.9') };
    assert.ok(denialReason(blocked, 'secret', 'read')?.includes('203.0.113.9'), 'allowed by policy, blocked by the firewall');
  });
});

describe('access model: Show My Access report', () => {
  it('reports who, the model, per-kind tables, the roles, grant advice, network and what to do', () => {
    const access = rbacAccess([role('Key Vault Secrets User')], {
      canAssignRoles: true,
      roles: [assigned(role('Key Vault Secrets User')), assigned(role('Owner'), '/subscriptions/00000000-0000-0000-0000-000000000001')],
      network: networkVerdict({ defaultAction: 'Deny', ipRules: ['198.51.100.0/24'], virtualNetworkRuleCount: 0 }),
    });
    const md = accessReportMarkdown({ name: 'kv-app', vaultUrl: 'https://kv-app.vault.azure.net', resourceId: VAULT_ID }, access);
    for (const expected of [
      '# My access to kv-app',
      'dev@contoso.com',
      OID,
      TID,
      'Azure role-based access control',
      '### Secrets: read-only',
      '| Read value',
      'Key Vault Secrets User',
      'on the subscription',
      'you can grant yourself a role',
      'Your IP address is not known yet',
      'Key Vault Secrets Officer: create and update secrets',
      'Key Vault Crypto User',
    ]) {
      assert.ok(md.includes(expected), `missing ${expected}\n${md}`);
    }
    assert.match(md, /\| List\s+\| ✓/);
    assert.match(md, /\| Create and update\s+\| ✗/);
  });

  it('renders names from Azure as text: no link, image or HTML gets through', () => {
    const evil = 'kv [x](https://evil.example) <img src=x onerror=alert(1)> **bold** `tick`';
    const access = rbacAccess([], {
      roles: [assigned(role('Key Vault Secrets User'), VAULT_ID, 'Custom [click](https://evil.example) <img src=y>')],
      principal: { objectId: OID, tenantId: TID, name: '<script>x</script> [me](javascript:alert(1))' },
      problem: 'ARM said: [here](https://evil.example) <b>no</b>',
    });
    const md = accessReportMarkdown({ name: evil, vaultUrl: 'https://kv.vault.azure.net' }, access);
    assert.ok(!/(^|[^\\])\[[^\]]*\]\(/.test(md.replace(/`[^`]*`/g, '')), `an unescaped link\n${md}`);
    assert.ok(!/(^|[^\\])<(img|script|b)\b/i.test(md), `unescaped HTML\n${md}`);
    assert.ok(md.includes('kv \\[x\\](https://evil.example) \\<img src=x onerror=alert(1)\\>'), md);
  });

  it('access-policy vaults show the entries that name the user', () => {
    const entries = [{ tenantId: TID, objectId: OID, permissions: { secrets: ['get', 'list'], keys: ['all'] } }];
    const access: VaultAccess = { ...rbacAccess([]), model: 'accessPolicy', policies: entries, capabilities: capabilitiesFromPolicies(entries), canAssignRoles: undefined };
    const md = accessReportMarkdown({ name: 'kv-legacy', vaultUrl: 'https://kv-legacy.vault.azure.net' }, access);
    assert.ok(md.includes('Vault access policies'), md);
    assert.ok(md.includes('get, list') && md.includes('| all'), md);
    assert.ok(md.includes('secrets: set'), md);
    assert.ok(md.includes('### Keys: full access'), md);
  });
});

describe('access model: access request message', () => {
  it('an RBAC vault: the role, who, and the az role assignment create line', () => {
    const text = accessRequestMessage({ vaultName: 'kv-app', resourceId: VAULT_ID, model: 'rbac', role: role('Key Vault Secrets Officer'), kind: 'secret', op: 'write', objectId: OID, principalName: 'dev@contoso.com', tenantId: TID });
    assert.ok(text.includes(`az role assignment create --role "Key Vault Secrets Officer" --assignee-object-id ${OID} --assignee-principal-type User --scope ${VAULT_ID}`), text);
    for (const s of ['kv-app', 'dev@contoso.com', TID, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'create and update secrets']) assert.ok(text.includes(s), s);
  });

  it('signed in as a service principal: --assignee-principal-type ServicePrincipal', () => {
    const text = accessRequestMessage({ vaultName: 'kv-app', resourceId: VAULT_ID, model: 'rbac', role: role('Key Vault Secrets User'), objectId: OID, principalKind: 'servicePrincipal' });
    assert.ok(text.includes(`--assignee-object-id ${OID} --assignee-principal-type ServicePrincipal --scope`), text);
  });

  it('an access-policy vault: the az keyvault set-policy line with the permissions', () => {
    const text = accessRequestMessage({ vaultName: 'kv-legacy', resourceId: VAULT_ID, model: 'accessPolicy', kind: 'key', op: 'crypto', objectId: OID, tenantId: TID });
    assert.ok(text.includes(`az keyvault set-policy --name kv-legacy --resource-group rg-app --object-id ${OID} --key-permissions get list encrypt decrypt sign verify`), text);
  });

  it('quotes values that are not plain words', () => {
    const text = accessRequestMessage({ vaultName: 'kv', resourceId: '/subscriptions/x/resourceGroups/a b$(rm)/providers/Microsoft.KeyVault/vaults/kv', model: 'rbac', role: role('Key Vault Reader') });
    assert.ok(text.includes("--scope '/subscriptions/x/resourceGroups/a b$(rm)/providers/Microsoft.KeyVault/vaults/kv'"), text);
    assert.ok(text.includes('--assignee-object-id <object id>'), text);
  });
});

describe('access model: commands and the operations they need', () => {
  it('every key is a known command id, and every entry is valid', () => {
    const known = new Set(allCommandIds);
    for (const id of COMMAND_ACCESS_IDS) {
      assert.ok(known.has(id), `unknown command id ${id}`);
      assert.ok(commandAccess(id), `invalid entry for ${id}`);
    }
  });

  it('maps the commands a role could block', () => {
    const expect = (id: string, kind: ObjectKind | 'row', op: string) => assert.deepEqual(commandAccess(`azureKeyVault.${id}`), { kind, op }, id);
    expect('createSecret', 'secret', 'write');
    expect('copySecretValue', 'secret', 'read');
    expect('showSecretValue', 'secret', 'read');
    expect('deleteKey', 'key', 'delete');
    expect('recoverCertificate', 'certificate', 'recover');
    expect('purgeSecret', 'secret', 'purge');
    expect('encryptSelection', 'key', 'crypto');
    expect('downloadSecretBackup', 'secret', 'backup');
    expect('restoreBackup', 'row', 'restore');
    expect('importSecrets', 'secret', 'write');
    expect('exportSecretValues', 'secret', 'read');
    expect('openTerminalWithSecrets', 'secret', 'read');
    assert.equal(commandAccess('azureKeyVault.copySecretIdentifier'), undefined);
    assert.equal(commandAccess('azureKeyVault.showMyAccess'), undefined);
  });

  it('sameAccess: the same verdict rebuilt is the same; a changed role, capability or problem is not', () => {
    const user = role('Key Vault Secrets User');
    assert.equal(sameAccess(rbacAccess([user]), rbacAccess([user])), true);
    assert.equal(sameAccess(rbacAccess([user]), { ...rbacAccess([user]), problem: undefined }), true, 'an absent key is an undefined one');
    assert.equal(sameAccess(undefined, rbacAccess([user])), false, 'first verdict');
    assert.equal(sameAccess(undefined, undefined), true);
    assert.equal(sameAccess(rbacAccess([user]), rbacAccess([role('Key Vault Secrets Officer')])), false);
    assert.equal(sameAccess(rbacAccess([user]), rbacAccess([user], { problem: 'ARM refused' })), false);
    assert.equal(sameAccess(rbacAccess([user]), rbacAccess([user], { canAssignRoles: true })), false);
  });

  it('knownRole finds what the assignment names', () => {
    assert.equal(knownRole(assigned(role('Key Vault Reader')).roleDefinitionId)?.name, 'Key Vault Reader');
  });
});
